import Foundation

/// The team-performance metrics engine: built once from plain arrays, then answers any number of queries
/// (``report(_:groupBy:options:)``, ``compareWithPrevious(_:groupBy:options:)``,
/// ``rampAttainment(hiredIn:through:maxTenureQuarters:)``) without I/O.
///
/// Building turns the records into contiguous columns (amounts as `Int64` minor units with a currency index,
/// dates as day numbers, owners as rep indices, entered stages as a bit set) so a query is one pass over
/// integer arrays with no string lookups.
///
/// Business rules (all documented with examples on the result types and in ``SalesFormulas``):
/// - A deal is **won / lost** by `isWon` / `isClosed`; closed metrics use the **close date**, pipeline created uses
///   the **creation date** (`meta.createdAt` in the calendar's time zone), both windows inclusive of the last day:
///   a deal closing on 2026-04-30 counts in FY2027-Q1 of a February fiscal year.
/// - The owner gets 100% booking credit (no splits in the domain model yet).
/// - Only `metric == "bookings"` quotas count; a quota partly overlapping the window is prorated by days.
/// - Money is kept per currency and never summed across currencies.
/// - Deals whose owner is unknown belong to an "Unassigned" rep that only ``RepScope/everyone`` includes.
public struct SalesMetricsCalculator: Sendable {
    /// The fiscal calendar used for periods and for turning timestamps into dates.
    public let calendar: FiscalCalendar

    // Reps (index `repIDs.count` is the "Unassigned" owner).
    let repIDs: [String]
    let repNames: [String]
    let repTeam: [Int32]
    let repManager: [Int32]
    let repRegion: [String?]
    let repSegment: [Segment?]
    let repHireDate: [LocalDate?]
    let repIndex: [String: Int32]

    // Teams.
    let teamIDs: [String]
    let teamNames: [String]
    let teamParent: [Int32]
    let teamManager: [Int32]
    let teamIndex: [String: Int32]

    /// Currencies seen in deals and quotas, index = currency column value.
    let currencies: [Currency]

    // Opportunity columns.
    let oRep: [Int32]
    let oCur: [Int32]
    let oAmount: [Int64]
    let oCreated: [Int32]
    let oClose: [Int32]
    /// 0 open, 1 won, 2 lost.
    let oStatus: [UInt8]
    /// Bit k set = the deal entered funnel stage k (from stage history and its current stage).
    let oStages: [UInt64]

    // Quota columns (bookings quotas only).
    let qRep: [Int32]
    let qCur: [Int32]
    let qStart: [Int32]
    let qEnd: [Int32]
    let qAmount: [Int64]

    // Activity columns.
    let aRep: [Int32]
    let aDay: [Int32]
    let aKind: [UInt8]

    /// Funnel stages: open and won stages in `sortOrder` (closed-lost stages are not funnel steps).
    let funnelStages: [String]

    /// Whether any deal, quota or activity belongs to an owner who is not a known rep.
    let hasUnassigned: Bool

    /// Won deals of each rep sorted by close date (CSR layout: `wonByRepStart[r]..<wonByRepStart[r+1]`).
    let wonByRepStart: [Int]
    let wonByRep: [Int32]

    /// Number of opportunities the engine holds.
    public var opportunityCount: Int { oRep.count }

    /// Currencies that appear in deals or quotas, in order of first appearance (e.g. `[USD, EUR]`).
    public var currenciesInUse: [Currency] { currencies }

    /// The funnel steps in order: open and won stages by `sortOrder` (closed-lost stages are not steps).
    public var funnelStageNames: [String] { funnelStages }

    /// Builds the engine. `stages` defines the funnel order (default ``StageDefinition/defaults``); activities,
    /// stage changes and quotas may be empty.
    ///
    /// Example:
    /// ```swift
    /// let engine = SalesMetricsCalculator(
    ///     opportunities: org.opportunities, stageChanges: org.stageChanges, quotas: org.quotas,
    ///     reps: org.reps, teams: org.teams, activities: org.activities, calendar: FiscalCalendar(startMonth: 2))
    /// ```
    public init(
        opportunities: [Opportunity], stageChanges: [OpportunityStageChange] = [], quotas: [Quota] = [], reps: [Rep],
        teams: [Team] = [], activities: [Activity] = [], stages: [StageDefinition] = StageDefinition.defaults,
        calendar: FiscalCalendar = FiscalCalendar()
    ) {
        self.calendar = calendar
        let tz = calendar.timeZone
        let isUTC = tz.secondsFromGMT(for: Date(timeIntervalSince1970: 0)) == 0 && tz.identifier == "UTC"
        func day(_ instant: Date) -> Int32 {
            if isUTC { return Int32((instant.timeIntervalSince1970 / 86_400).rounded(.down)) }
            return Int32(LocalDate(instant, in: tz).dayNumber)
        }

        // Teams.
        var teamIndex: [String: Int32] = [:]
        for (i, t) in teams.enumerated() { teamIndex[t.meta.id] = Int32(i) }
        self.teamIDs = teams.map(\.meta.id)
        self.teamNames = teams.map(\.name)
        self.teamParent = teams.map { t in t.parentTeamID.flatMap { teamIndex[$0] } ?? -1 }
        self.teamIndex = teamIndex

        // Reps.
        var repIndex: [String: Int32] = [:]
        for (i, r) in reps.enumerated() { repIndex[r.meta.id] = Int32(i) }
        self.repIndex = repIndex
        self.teamManager = teams.map { t in t.managerID.flatMap { repIndex[$0] } ?? -1 }
        let unassigned = Int32(reps.count)
        self.repIDs = reps.map(\.meta.id) + [""]
        self.repNames = reps.map(\.fullName) + ["Unassigned"]
        let repTeam = reps.map { r in r.teamID.flatMap { teamIndex[$0] } ?? -1 } + [-1]
        self.repTeam = repTeam
        self.repManager = reps.map { r in r.managerID.flatMap { repIndex[$0] } ?? -1 } + [-1]
        self.repRegion =
            zip(reps, repTeam).map { r, t in r.region ?? (t >= 0 ? teams[Int(t)].region : nil) } + [nil]
        self.repSegment =
            zip(reps, repTeam).map { r, t in
                r.segment.flatMap(Segment.init(rawValue:)) ?? (t >= 0 ? teams[Int(t)].segment.flatMap(Segment.init(rawValue:)) : nil)
            } + [nil]
        self.repHireDate = reps.map(\.hireDate) + [nil]

        // Currencies.
        var currencyIndex: [Currency: Int32] = [:]
        var currencies: [Currency] = []
        func cur(_ c: Currency) -> Int32 {
            if let i = currencyIndex[c] { return i }
            let i = Int32(currencies.count)
            currencies.append(c)
            currencyIndex[c] = i
            return i
        }

        // Stages.
        let ordered = stages.sorted { $0.sortOrder < $1.sortOrder }.filter { !$0.isClosed || $0.isWon }
        let funnel = Array(ordered.prefix(64))
        var stageBit: [String: UInt64] = [:]
        for (k, s) in funnel.enumerated() { stageBit[s.name] = 1 << UInt64(k) }
        let wonBit = funnel.lastIndex(where: \.isWon).map { UInt64(1) << UInt64($0) } ?? 0
        self.funnelStages = funnel.map(\.name)

        // Opportunities.
        let n = opportunities.count
        var oRep = [Int32](repeating: 0, count: n)
        var oCur = [Int32](repeating: 0, count: n)
        var oAmount = [Int64](repeating: 0, count: n)
        var oCreated = [Int32](repeating: 0, count: n)
        var oClose = [Int32](repeating: 0, count: n)
        var oStatus = [UInt8](repeating: 0, count: n)
        var oStages = [UInt64](repeating: 0, count: n)
        var oppIndex: [String: Int32] = [:]
        oppIndex.reserveCapacity(n)
        for (i, o) in opportunities.enumerated() {
            oppIndex[o.meta.id] = Int32(i)
            oRep[i] = repIndex[o.ownerID] ?? unassigned
            oCur[i] = cur(o.amount.currency)
            oAmount[i] = o.amount.minorUnits
            oCreated[i] = day(o.meta.createdAt)
            oClose[i] = Int32(o.closeDate.dayNumber)
            oStatus[i] = o.isWon ? 1 : o.isClosed ? 2 : 0
            oStages[i] = (stageBit[o.stage] ?? 0) | (o.isWon ? wonBit : 0)
        }
        for change in stageChanges {
            guard let i = oppIndex[change.opportunityID], let bit = stageBit[change.toStage] else { continue }
            oStages[Int(i)] |= bit
        }

        // Quotas.
        let bookingQuotas = quotas.filter { $0.metric == "bookings" }
        self.qRep = bookingQuotas.map { repIndex[$0.repID] ?? unassigned }
        self.qCur = bookingQuotas.map { cur($0.amount.currency) }
        self.qStart = bookingQuotas.map { Int32($0.periodStart.dayNumber) }
        self.qEnd = bookingQuotas.map { Int32($0.periodEnd.dayNumber) }
        self.qAmount = bookingQuotas.map(\.amount.minorUnits)

        // Activities.
        let kinds = Activity.Kind.allCases
        self.aRep = activities.map { repIndex[$0.repID] ?? unassigned }
        self.aDay = activities.map { day($0.occurredAt) }
        self.aKind = activities.map { a in UInt8(kinds.firstIndex(of: a.type) ?? 0) }

        // Won deals per rep, by close date.
        var counts = [Int](repeating: 0, count: reps.count + 2)
        for i in 0..<n where oStatus[i] == 1 { counts[Int(oRep[i]) + 1] += 1 }
        for r in 1..<counts.count { counts[r] += counts[r - 1] }
        var fill = counts
        var wonByRep = [Int32](repeating: 0, count: counts.last ?? 0)
        for i in 0..<n where oStatus[i] == 1 {
            wonByRep[fill[Int(oRep[i])]] = Int32(i)
            fill[Int(oRep[i])] += 1
        }
        for r in 0..<(reps.count + 1) {
            wonByRep[counts[r]..<counts[r + 1]].sort { oClose[Int($0)] < oClose[Int($1)] }
        }
        self.wonByRepStart = counts
        self.wonByRep = wonByRep

        self.hasUnassigned = oRep.contains(unassigned) || qRep.contains(unassigned) || aRep.contains(unassigned)
        self.currencies = currencies
        self.oRep = oRep
        self.oCur = oCur
        self.oAmount = oAmount
        self.oCreated = oCreated
        self.oClose = oClose
        self.oStatus = oStatus
        self.oStages = oStages
    }
}
