import Foundation

/// The money metrics of one result row in one currency. Amounts in different currencies are never added:
/// a row with USD and EUR deals has two of these.
///
/// Example: a rep with a 100,000 USD quota who won 3 deals (10,000 + 20,000 + 45,000) and lost 2
/// (15,000 + 10,000), with 150,000 open in the quarter: bookings 75,000, attainment 0.75, average deal size
/// 25,000, value win rate 75 ÷ 100 = 0.75, coverage 150 ÷ 100 = 1.5×, coverage of remaining 150 ÷ 25 = 6.0×.
public struct CurrencyMetrics: Hashable, Sendable, Codable {
    /// The currency of every amount here.
    public var currency: Currency
    /// Credited bookings: amount of deals won with close date in the window (the owner gets 100% credit).
    public var bookings: Money
    /// Bookings quota for the window (quotas partly overlapping the window are prorated by days); nil when
    /// the reps have no quota in this currency.
    public var quota: Money?
    /// Bookings ÷ quota (``SalesFormulas/attainment(bookings:quota:)``); nil when the quota is 0 or missing.
    public var attainment: Double?
    /// Quota − bookings, floored at 0; nil without quota.
    public var quotaRemaining: Money?
    /// Deals won / lost in this currency in the window.
    public var wonCount: Int
    /// Deals lost in this currency in the window.
    public var lostCount: Int
    /// Amount of lost deals in the window.
    public var lostAmount: Money
    /// Win rate by count within this currency.
    public var winRate: Double?
    /// Σ won ÷ Σ (won + lost) amounts.
    public var winRateByValue: Double?
    /// Σ won ÷ won count.
    public var averageDealSize: Money?
    /// Open deals (neither won nor lost) whose close date is in the window: count and amount.
    public var openPipelineCount: Int
    /// Amount of ``openPipelineCount`` deals.
    public var openPipeline: Money
    /// Open pipeline ÷ quota (variant "quota").
    public var coverage: Double?
    /// Open pipeline ÷ quota remaining (variant "quota remaining"); nil when the quota is already met.
    public var coverageOfRemaining: Double?
    /// Opportunities created in the window (any outcome): count and amount.
    public var pipelineCreatedCount: Int
    /// Amount of ``pipelineCreatedCount`` deals.
    public var pipelineCreated: Money
    /// Mean days from creation to close of the deals won in this currency.
    public var averageCycleDays: Double?
    /// Sales velocity per day in this currency, with the # opportunities of ``MetricsOptions/velocityBasis``.
    public var velocityPerDay: Money?
}

/// Activity counts by ``Activity/Kind`` (calls, e-mails, meetings, demos, tasks, notes) in the window.
///
/// Encoded as `{"by_kind": {"call": 2, "email": 1, …}, "total": 3}`-style JSON (keys are the kinds' raw values).
public struct ActivityCounts: Hashable, Sendable, Codable {
    /// Count per kind raw value (`call`, `email`, `meeting`, `demo`, `task`, `note`), kinds with zero included.
    public var byKind: [String: Int]
    /// Sum over all kinds.
    public var total: Int

    /// Counts from a dictionary; missing kinds count 0.
    public init(byKind: [Activity.Kind: Int]) {
        var full: [String: Int] = [:]
        for kind in Activity.Kind.allCases { full[kind.rawValue] = byKind[kind] ?? 0 }
        self.byKind = full
        self.total = full.values.reduce(0, +)
    }

    /// Count of one kind: `counts[.call]`.
    public subscript(kind: Activity.Kind) -> Int { byKind[kind.rawValue] ?? 0 }
}

/// One step of the stage funnel, built from stage history (``OpportunityStageChange``) of the opportunities
/// **created in the window**. Stages are in `sortOrder`; closed-lost stages are not steps.
///
/// Example: 10 deals reach Discovery, 6 of them get to Proposal or beyond and 3 are won →
/// `reached` 10, `advanced` 6, `conversionToNext` 0.6, `winRateFromStage` 0.3.
public struct StageFunnelStep: Hashable, Sendable, Codable {
    /// Stage name.
    public var stage: String
    /// Deals with a history row entering exactly this stage.
    public var entered: Int
    /// Deals that reached this stage or a later open/won stage (a deal skipping a stage still passed it).
    public var reached: Int
    /// Of `reached`, deals that reached a later open or won stage.
    public var advanced: Int
    /// `advanced ÷ reached`; nil when nothing reached the stage. nil for the last (won) stage.
    public var conversionToNext: Double?
    /// Of `reached`, the share won (stage-specific win rate); nil when nothing reached the stage.
    public var winRateFromStage: Double?
}

/// One row of a metrics result: a rep, team, region, segment, period or the total.
///
/// Count metrics span every currency in the filter; money metrics are in ``money``, one entry per currency.
public struct MetricsRow: Hashable, Sendable, Codable, Identifiable {
    /// Stable key: rep id, team id, region, segment raw value, period label or `total`.
    public var key: String
    /// Human label: rep full name, team name, region, "Mid-market", `FY2027-Q1`, "Total".
    public var label: String
    /// Reps in scope in this row.
    public var repCount: Int
    /// Deals won with close date in the window.
    public var wonCount: Int
    /// Deals lost with close date in the window.
    public var lostCount: Int
    /// Win rate by count, won ÷ (won + lost); nil when nothing closed.
    public var winRate: Double?
    /// Mean days from creation to close date of the won deals; nil without wins.
    public var cycleDaysMean: Double?
    /// Median of the same; nil without wins.
    public var cycleDaysMedian: Double?
    /// Opportunities created in the window.
    public var pipelineCreatedCount: Int
    /// Open deals with close date in the window.
    public var openPipelineCount: Int
    /// Activities in the window by kind.
    public var activities: ActivityCounts
    /// Stage funnel of deals created in the window (empty when ``MetricsOptions/includeFunnel`` is off).
    public var funnel: [StageFunnelStep]
    /// Money metrics per currency, sorted by currency code.
    public var money: [CurrencyMetrics]

    /// `key`.
    public var id: String { key }

    /// The money metrics in `currency`, if the row has any.
    public func money(in currency: Currency) -> CurrencyMetrics? { money.first { $0.currency == currency } }
}

/// The answer to one metrics query.
public struct MetricsReport: Hashable, Sendable, Codable {
    /// `FY2027-Q1` or the date range.
    public var timeFrameLabel: String
    /// The dates covered.
    public var window: DateWindow
    /// One row per group, in a stable order (rep/team/region name, period start).
    public var rows: [MetricsRow]
    /// The whole filter as one row (team attainment = Σ bookings ÷ Σ quota).
    public var total: MetricsRow
    /// Which velocity variant the money metrics use.
    public var velocityBasis: MetricsOptions.VelocityBasis
}

/// A metric in this frame vs the previous one.
///
/// Example: win rate 0.36 now, 0.30 before → `change` +0.06 (6 points), `relativeChange` +0.20.
public struct MetricDelta: Hashable, Sendable, Codable {
    /// Metric name, e.g. `win_rate`, `attainment.USD`, `bookings.USD`.
    public var metric: String
    /// Value in the current frame.
    public var current: Double?
    /// Value in the previous frame.
    public var previous: Double?
    /// current − previous; nil when either is missing.
    public var change: Double?
    /// (current − previous) ÷ |previous|; nil when either is missing or previous is 0.
    public var relativeChange: Double?

    /// A delta from two optional values.
    public init(metric: String, current: Double?, previous: Double?) {
        self.metric = metric
        self.current = current
        self.previous = previous
        if let c = current, let p = previous { change = c - p } else { change = nil }
        relativeChange = SalesFormulas.relativeChange(current: current, previous: previous)
    }
}

/// The current report, the previous frame's report and per-row deltas (rows matched by key).
public struct MetricsComparison: Hashable, Sendable, Codable {
    /// This frame.
    public var current: MetricsReport
    /// The previous fiscal period of the same kind, or the equal-length window before.
    public var previous: MetricsReport
    /// Row key → deltas of the main metrics; `total` for the total row.
    public var deltas: [String: [MetricDelta]]
}

/// Attainment by tenure quarter since hire: how new hires ramp.
///
/// Example: three reps in their 2nd quarter booked 30,000 + 10,000 + 20,000 against ramped quotas of
/// 25,000 each → 60,000 ÷ 75,000 = **80%** of ramped quota; against their full (steady-state) quota of
/// 100,000 each → 60,000 ÷ 300,000 = **20%**.
public struct RampRow: Hashable, Sendable, Codable {
    /// 1 = the quarter starting in the first three months from the hire month (or a quota before hire).
    public var tenureQuarter: Int
    /// Currency of the amounts.
    public var currency: Currency
    /// Rep-quota periods counted.
    public var repPeriods: Int
    /// Bookings of those reps in those periods.
    public var bookings: Money
    /// Σ of the period quotas (the ramped quota, as the organisation set it).
    public var rampedQuota: Money
    /// Σ of the reps' full quota (their highest bookings quota in this currency).
    public var fullQuota: Money
    /// bookings ÷ ramped quota; nil when that is 0 (e.g. a 0% ramp month).
    public var attainmentOfRampedQuota: Double?
    /// bookings ÷ full quota.
    public var attainmentOfFullQuota: Double?
}
