import Foundation

/// Deterministic synthetic sales data for benchmarks: a team tree, reps with hire dates, quarterly USD
/// quotas, opportunities (≈ 90% USD, 10% EUR) with stage history, and activities.
public struct SyntheticSalesData: Sendable {
    /// Root, three regions, four teams per region.
    public var teams: [Team]
    /// Reps spread over the leaf teams.
    public var reps: [Rep]
    /// Quarterly bookings quotas per rep.
    public var quotas: [Quota]
    /// Opportunities created over two fiscal years before `asOf`.
    public var opportunities: [Opportunity]
    /// Two to five stage changes per opportunity.
    public var stageChanges: [OpportunityStageChange]
    /// About two activities per opportunity.
    public var activities: [Activity]
    /// The day the data ends.
    public var asOf: LocalDate
    /// Calendar (fiscal year starting February).
    public var calendar: FiscalCalendar

    /// Generates `opportunities` deals with `seed`; the same arguments always give the same data.
    public init(opportunities count: Int = 100_000, reps repCount: Int = 240, seed: UInt64 = 7, asOf: LocalDate = LocalDate(2026, 11, 15)) {
        var rng = SeededGenerator(seed: seed)
        let calendar = FiscalCalendar(startMonth: 2)
        let epoch = Date(timeIntervalSince1970: 1_700_000_000)
        func meta(_ id: String, _ day: Int) -> RecordMeta {
            RecordMeta(id: id, createdAt: Date(timeIntervalSince1970: Double(day) * 86_400 + 36_000))
        }
        var teams = [Team(meta: RecordMeta(id: "t-world", createdAt: epoch), name: "Worldwide")]
        var leaves: [Team] = []
        for region in ["AMER", "EMEA", "APAC"] {
            teams.append(Team(meta: RecordMeta(id: "t-\(region)", createdAt: epoch), name: region, parentTeamID: "t-world", region: region))
            for (k, segment) in ["smb", "mid_market", "enterprise", "strategic"].enumerated() {
                let team = Team(
                    meta: RecordMeta(id: "t-\(region)-\(k)", createdAt: epoch), name: "\(region) \(segment)", parentTeamID: "t-\(region)",
                    region: region, segment: k < 3 ? segment : "enterprise")
                teams.append(team)
                leaves.append(team)
            }
        }
        let end = asOf.dayNumber
        let start = calendar.year(calendar.fiscalYear(containing: asOf) - 1).start.dayNumber
        var reps: [Rep] = []
        for r in 0..<repCount {
            let team = leaves[r % leaves.count]
            let hire = LocalDate(dayNumber: start - 400 + Int.random(in: 0..<(end - start + 300), using: &rng))
            reps.append(
                Rep(
                    meta: meta("r-\(r)", hire.dayNumber), firstName: "Rep", lastName: "\(r)", email: "rep\(r)@example.com", role: .ae,
                    teamID: team.meta.id, region: team.region, segment: team.segment, hireDate: hire))
        }
        var quotas: [Quota] = []
        for rep in reps {
            var period = calendar.quarter(containing: LocalDate(dayNumber: start))
            while period.start.dayNumber <= end {
                if let hire = rep.hireDate, period.end >= hire {
                    let ramp = period.start < hire ? 0.5 : 1.0
                    quotas.append(
                        Quota(
                            meta: meta("q-\(rep.meta.id)-\(period.label)", period.start.dayNumber - 10), repID: rep.meta.id,
                            periodStart: period.start, periodEnd: period.end, amount: Money(Decimal(Int(300_000 * ramp)), .usd)))
                }
                period = calendar.quarter(period, offsetBy: 1)
            }
        }
        let stages = StageDefinition.defaults
        var opportunities: [Opportunity] = []
        var changes: [OpportunityStageChange] = []
        var activities: [Activity] = []
        opportunities.reserveCapacity(count)
        let kinds = Activity.Kind.allCases
        for i in 0..<count {
            let owner = reps[Int.random(in: 0..<reps.count, using: &rng)]
            let created = start + Int.random(in: 0..<(end - start), using: &rng)
            let close = created + 10 + Int.random(in: 0..<170, using: &rng)
            let currency: Currency = Int.random(in: 0..<10, using: &rng) == 0 ? .eur : .usd
            let amount = Money(Decimal(1_000 * Int.random(in: 5...120, using: &rng)), currency)
            let furthest = Int.random(in: 0...4, using: &rng)
            let closed = close <= end
            let won = closed && Int.random(in: 0..<100, using: &rng) < 18 + furthest * 8
            let final = closed ? (won ? stages[5] : stages[6]) : stages[furthest]
            let id = "o-\(i)"
            let opp = Opportunity(
                meta: meta(id, created), accountID: "a-\(i % 5_000)", ownerID: owner.meta.id, name: "Deal \(i)", amount: amount,
                stage: final.name, probability: final.probability, closeDate: LocalDate(dayNumber: close),
                forecastCategory: final.forecastCategory, isClosed: closed, isWon: won)
            opportunities.append(opp)
            var previous: String?
            for k in 0...furthest {
                changes.append(
                    OpportunityStageChange(
                        opportunityID: id, fromStage: previous, toStage: stages[k].name, amount: amount, probability: stages[k].probability,
                        closeDate: opp.closeDate, forecastCategory: stages[k].forecastCategory,
                        changedAt: Date(timeIntervalSince1970: Double(created + k * 5) * 86_400), changedBy: owner.meta.id))
                previous = stages[k].name
            }
            if closed {
                changes.append(
                    OpportunityStageChange(opp, from: previous, at: Date(timeIntervalSince1970: Double(close) * 86_400), by: owner.meta.id))
            }
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                let day = created + Int.random(in: 0...max(0, min(close, end) - created), using: &rng)
                activities.append(
                    Activity(
                        meta: meta("act-\(activities.count)", day), type: kinds[Int.random(in: 0..<kinds.count, using: &rng)],
                        occurredAt: Date(timeIntervalSince1970: Double(day) * 86_400 + 50_000), repID: owner.meta.id, opportunityID: id))
            }
        }
        self.teams = teams
        self.reps = reps
        self.quotas = quotas
        self.opportunities = opportunities
        self.stageChanges = changes
        self.activities = activities
        self.asOf = asOf
        self.calendar = calendar
    }
}

/// Timings of one analytics benchmark run, in seconds (what `coxswain bench analytics` prints).
public struct AnalyticsBenchmarkResult: Hashable, Sendable, Codable {
    /// Opportunities in the engine.
    public var opportunities: Int
    /// Stage-history rows, activities, quotas and reps in the engine.
    public var stageChanges: Int
    /// Activities.
    public var activities: Int
    /// Quotas.
    public var quotas: Int
    /// Reps.
    public var reps: Int
    /// Generating the synthetic data (0 when data was passed in).
    public var generateSeconds: Double
    /// Building ``SalesMetricsCalculator`` from the arrays.
    public var buildSeconds: Double
    /// Median of the repetitions of one query: the fiscal year, every rep, grouped by rep, all metrics (funnel included).
    public var queryMedianSeconds: Double
    /// Fastest repetition of that query.
    public var queryMinSeconds: Double
    /// The quarter vs the previous quarter, grouped by rep (two full queries plus deltas).
    public var comparisonSeconds: Double
    /// The fiscal year grouped by fiscal quarter.
    public var periodGroupingSeconds: Double
    /// A cohort comparison (first vs second half of the year, 2,000 bootstrap resamples).
    public var cohortSeconds: Double
    /// Rows of the grouped query (one per rep), a sanity check.
    public var rows: Int
}

/// The analytics benchmark behind `coxswain bench analytics`.
public enum AnalyticsBenchmark {
    /// Generates `opportunities` synthetic deals (deterministic for `seed`) and times engine build and queries.
    public static func run(opportunities: Int = 100_000, seed: UInt64 = 7, repetitions: Int = 7) -> AnalyticsBenchmarkResult {
        let clock = ContinuousClock()
        var data: SyntheticSalesData?
        let generate = clock.measure { data = SyntheticSalesData(opportunities: opportunities, seed: seed) }
        var result = run(data!, repetitions: repetitions)
        result.generateSeconds = seconds(generate)
        return result
    }

    /// Times engine build and queries on given data.
    public static func run(_ data: SyntheticSalesData, repetitions: Int = 7) -> AnalyticsBenchmarkResult {
        let clock = ContinuousClock()
        var engine: SalesMetricsCalculator?
        let build = clock.measure {
            engine = SalesMetricsCalculator(
                opportunities: data.opportunities, stageChanges: data.stageChanges, quotas: data.quotas, reps: data.reps, teams: data.teams,
                activities: data.activities, calendar: data.calendar)
        }
        let calc = engine!
        let year = calc.calendar.year(calc.calendar.fiscalYear(containing: data.asOf))
        let filter = MetricsFilter(.period(year))
        var times: [Double] = []
        var rows = 0
        for _ in 0..<max(1, repetitions) {
            let t = clock.measure { rows = calc.report(filter, groupBy: .rep).rows.count }
            times.append(seconds(t))
        }
        times.sort()
        let quarter = MetricsFilter(.period(calc.calendar.quarter(containing: data.asOf)))
        let comparison = clock.measure { _ = calc.compareWithPrevious(quarter, groupBy: .rep) }
        let periods = clock.measure { _ = calc.report(filter, groupBy: .fiscalPeriod(.quarter)) }
        let middle = year.start.adding(days: year.dayCount / 2)
        let cohort = clock.measure {
            _ = CohortComparison(
                opportunities: data.opportunities, cohortA: { $0.closeDate < middle && $0.closeDate >= year.start },
                cohortB: { $0.closeDate >= middle && $0.closeDate <= year.end })
        }
        return AnalyticsBenchmarkResult(
            opportunities: data.opportunities.count, stageChanges: data.stageChanges.count, activities: data.activities.count,
            quotas: data.quotas.count, reps: data.reps.count, generateSeconds: 0, buildSeconds: seconds(build),
            queryMedianSeconds: times[times.count / 2], queryMinSeconds: times[0], comparisonSeconds: seconds(comparison),
            periodGroupingSeconds: seconds(periods), cohortSeconds: seconds(cohort), rows: rows)
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
