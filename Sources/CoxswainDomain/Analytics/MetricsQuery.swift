import Foundation

/// An inclusive range of calendar dates that a metrics query looks at.
///
/// Example: `DateWindow(LocalDate(2026, 2, 1), LocalDate(2026, 4, 30))` is FY2027-Q1 of a February fiscal year;
/// a deal closing on 2026-04-30 is inside it, one closing on 2026-05-01 is not.
public struct DateWindow: Hashable, Sendable, Codable, CustomStringConvertible {
    /// First day (inclusive).
    public var start: LocalDate
    /// Last day (inclusive).
    public var end: LocalDate

    /// A window from `start` to `end`, both inclusive.
    public init(_ start: LocalDate, _ end: LocalDate) {
        self.start = start
        self.end = end
    }

    /// The window covering a fiscal period exactly.
    public init(_ period: FiscalPeriod) { self.init(period.start, period.end) }

    /// Number of days, both ends included (2026-02-01…2026-04-30 has 89 days).
    public var dayCount: Int { max(0, start.days(to: end) + 1) }

    /// The equal-length window that ends the day before this one starts
    /// (2026-03-10…2026-03-19 → 2026-02-28…2026-03-09).
    public var precedingWindow: DateWindow {
        DateWindow(start.adding(days: -dayCount), start.adding(days: -1))
    }

    /// `2026-02-01…2026-04-30`.
    public var description: String { "\(start)…\(end)" }
}

/// The time part of a metrics filter: a fiscal period (so "previous period" means the previous fiscal
/// period of the same kind) or an arbitrary inclusive date range (previous = equal-length window before it).
public enum MetricsTimeFrame: Hashable, Sendable {
    /// A fiscal month, quarter or year.
    case period(FiscalPeriod)
    /// Any inclusive date range.
    case dates(DateWindow)

    /// The dates covered.
    public var window: DateWindow {
        switch self {
        case .period(let p): DateWindow(p)
        case .dates(let w): w
        }
    }

    /// `FY2027-Q1` for a period, `2026-03-01…2026-03-31` for a date range.
    public var label: String {
        switch self {
        case .period(let p): p.label
        case .dates(let w): w.description
        }
    }

    /// The comparison frame: the previous fiscal quarter / month / year for a period, the equal-length window
    /// immediately before for a date range. Example: FY2027-Q1 (Feb–Apr 2026) → FY2026-Q4 (Nov 2025–Jan 2026).
    public func previous(in calendar: FiscalCalendar) -> MetricsTimeFrame {
        switch self {
        case .period(let p):
            switch p.kind {
            case .quarter: return .period(calendar.quarter(p, offsetBy: -1))
            case .month: return .period(calendar.month(containing: p.start.adding(days: -1)))
            case .year: return .period(calendar.year(p.fiscalYear - 1))
            }
        case .dates(let w):
            return .dates(w.precedingWindow)
        }
    }
}

/// Which reps a query covers. Deals, quotas and activities belong to the owning rep, so every metric of a
/// rep set is computed over the same people.
public enum RepScope: Hashable, Sendable {
    /// Everybody, including deals whose owner is not a known rep.
    case everyone
    /// Reps of this team and of every team below it (transitively through `parentTeamID`).
    case teamSubtree(teamID: String)
    /// The manager, everyone whose `managerID` chain leads to them, and the reps of every team subtree they manage.
    case managerSubtree(managerID: String)
    /// Exactly these reps.
    case reps(Set<String>)
}

/// What a metrics query looks at. Region and segment are the owning rep's (falling back to the rep's
/// team), so that bookings and quota always describe the same people.
///
/// Example: Q1 FY2027, the EMEA team subtree, enterprise only, USD amounts only:
/// ```swift
/// MetricsFilter(.period(cal.quarter(fiscalYear: 2027, number: 1)), reps: .teamSubtree(teamID: "emea"),
///               segment: .enterprise, currency: .usd)
/// ```
public struct MetricsFilter: Hashable, Sendable {
    /// The dates: closed-deal metrics use the close date, pipeline created uses the creation date, activities
    /// their date, quotas are prorated by overlapping days.
    public var timeFrame: MetricsTimeFrame
    /// The people.
    public var reps: RepScope
    /// Only reps in this region (`Rep.region`, else their team's region); nil for all.
    public var region: String?
    /// Only reps selling to this segment (`Rep.segment`, else their team's segment); nil for all.
    public var segment: Segment?
    /// Only deals and quotas in this currency; nil reports every currency separately (never summed).
    public var currency: Currency?

    /// A filter; everything but the time frame is optional.
    public init(
        _ timeFrame: MetricsTimeFrame, reps: RepScope = .everyone, region: String? = nil, segment: Segment? = nil,
        currency: Currency? = nil
    ) {
        self.timeFrame = timeFrame
        self.reps = reps
        self.region = region
        self.segment = segment
        self.currency = currency
    }

    /// The same filter for the comparison frame (see ``MetricsTimeFrame/previous(in:)``).
    public func previous(in calendar: FiscalCalendar) -> MetricsFilter {
        var copy = self
        copy.timeFrame = timeFrame.previous(in: calendar)
        return copy
    }
}

/// How result rows are formed. Every grouping also yields a `total` row over the whole filter.
public enum MetricsGrouping: Hashable, Sendable {
    /// One row for the whole filter.
    case none
    /// One row per rep in scope (reps without any data still get a row with zero counts).
    case rep
    /// One row per rep's own team (`Rep.teamID`).
    case team
    /// One row per direct child team of `teamID`, each covering that child's whole subtree; reps directly
    /// on `teamID` get a row keyed by `teamID` itself.
    case childTeams(of: String)
    /// One row per region (rep's, else team's); "No region" when unknown.
    case region
    /// One row per segment (rep's, else team's); "No segment" when unknown.
    case segment
    /// One row per fiscal period of `kind` overlapping the window (each row uses that period ∩ window).
    case fiscalPeriod(FiscalPeriod.Kind)
}

/// Options that select formula variants.
public struct MetricsOptions: Hashable, Sendable {
    /// Which opportunities velocity counts (see ``SalesFormulas/salesVelocity(opportunities:averageDealSize:winRate:averageCycleDays:)``).
    public enum VelocityBasis: String, Hashable, Sendable, Codable {
        /// Won + lost deals closed in the window (trexrun; consistent with the window's win rate). Default.
        case closedInWindow = "closed_in_window"
        /// Open deals whose close date is in the window (Salesforce/HubSpot "qualified open opportunities").
        case openInWindow = "open_in_window"
    }

    /// Velocity's "# opportunities"; default ``VelocityBasis/closedInWindow``.
    public var velocityBasis: VelocityBasis
    /// Whether rows carry the stage funnel (costs one extra pass over stage bits).
    public var includeFunnel: Bool

    /// Default variants: velocity over closed deals, funnel included.
    public init(velocityBasis: VelocityBasis = .closedInWindow, includeFunnel: Bool = true) {
        self.velocityBasis = velocityBasis
        self.includeFunnel = includeFunnel
    }
}
