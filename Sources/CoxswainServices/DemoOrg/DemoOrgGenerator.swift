import CoxswainDomain
import Foundation

/// Builds a realistic, deterministic B2B sales organisation as plain values (no I/O): teams and reps across
/// AMER, EMEA and APAC, accounts, contacts, leads with ~12% near-duplicates, opportunities with full stage and
/// field history over the eight fiscal quarters ending with `asOf`'s quarter, activities, products with price
/// books, and quotas. About a sixth of the opportunities are created in the 120 days before the first quarter,
/// so that quarter already sees a steady stream of closing deals; some open deals close in the next quarter.
///
/// The same `seed`, `size`, `asOf` and `calendar` always give identical output: every random draw comes from one
/// SplitMix64 stream in a fixed order and every id is a UUIDv7 stamped with the record's creation time.
///
/// The data carries signal for the engines to find:
/// - **Deal size** is log-normal by segment (median SMB $8k, mid-market $35k, enterprise $150k, σ = 0.6 in log
///   space) — B2B deal sizes are right-skewed with a few very large deals.
/// - **Sales cycle** is log-normal (median 30 / 60 / 120 days by segment, σ = 0.45).
/// - **Rep skill**: each AE and AM has a latent standard-normal skill giving a win rate of 30% ± 9 points
///   (clamped to 15–45%) and deal sizes × e^(0.15·skill).
/// - **Seasonality**: deal creation is weighted 0.85 / 1.0 / 1.05 / 1.3 for fiscal Q1–Q4 with 4% growth per
///   quarter; deals closing in Q4 win 4 points more often and are 15% bigger; 30% of planned close dates are
///   pulled to the last two weeks of their quarter (end-of-quarter push).
/// - **History**: every deal walks the configured stages in order; ~25% push their close date into a later
///   quarter one to three times; ~15% change amount; some open deals have past close dates, no next step, or
///   went quiet.
/// - **People**: ~15% of AEs were hired in the last two quarters and ramp (lower attainment); a few reps left and
///   their books were reassigned (with `owner_id` field changes); some reps are out of office.
public struct DemoOrgGenerator: Sendable {
    /// Determines every random choice.
    public let seed: UInt64
    /// How big an org to generate.
    public let size: DemoOrgSize
    /// "Today" for the generated org.
    public let asOf: LocalDate
    /// The fiscal calendar periods and quotas follow.
    public let calendar: FiscalCalendar

    /// - Parameters:
    ///   - seed: determines every random choice.
    ///   - size: how big an org (see ``DemoOrgSize``).
    ///   - asOf: "today" for the org; history covers the eight fiscal quarters ending with this date's quarter.
    ///   - calendar: the fiscal calendar periods and quotas follow.
    public init(seed: UInt64, size: DemoOrgSize, asOf: LocalDate, calendar: FiscalCalendar) {
        self.seed = seed
        self.size = size
        self.asOf = asOf
        self.calendar = calendar
    }

    /// Generates the org. `progress` is called with a phase name and the overall fraction done (0…1).
    public func generate(progress: (String, Double) -> Void = { _, _ in }) -> DemoOrg {
        var builder = DemoOrgBuilder(seed: seed, size: size, asOf: asOf, calendar: calendar)
        progress("org", 0)
        builder.buildOrg()
        builder.buildProducts()
        progress("accounts", 0.05)
        builder.buildAccounts()
        progress("leads", 0.1)
        builder.buildLeads { fraction in progress("leads", 0.1 + 0.45 * fraction) }
        progress("opportunities", 0.55)
        builder.buildOpportunities()
        progress("contacts", 0.7)
        builder.buildContacts(firstDeal: builder.accountFirstDeal)
        progress("activities", 0.75)
        builder.buildActivities { fraction in progress("activities", 0.75 + 0.2 * fraction) }
        progress("quotas", 0.95)
        builder.buildQuotas()
        let org = builder.finish()
        progress("done", 1)
        return org
    }
}

/// The mutable state of one generation run. Phases run in a fixed order (org, products, accounts, leads,
/// opportunities, contacts, activities, quotas); each appends to the arrays below.
struct DemoOrgBuilder {
    let plan: DemoOrgPlan
    let asOf: LocalDate
    let calendar: FiscalCalendar
    var rng: SeededGenerator
    let time: DemoTime
    /// The eight fiscal quarters ending with `asOf`'s quarter, oldest first.
    let quarters: [FiscalPeriod]
    let nextQuarter: FiscalPeriod
    let windowStartDay: Int
    let asOfDay: Int
    /// Nothing happens after this instant (18:00 UTC on `asOf`).
    let nowMs: Int64
    /// Opportunities start this many days before the window so that the first quarters already see a steady
    /// stream of closing deals (enterprise cycles run about four months).
    let warmUpDays = 120

    var teams: [Team] = []
    var reps: [Rep] = []
    var repInfo: [DemoRepInfo] = []
    /// Reps to credit with system changes (the first ops analyst).
    var systemActor = "system"
    var accounts: [Account] = []
    var accountInfo: [DemoAccountInfo] = []
    /// Accounts owned by each rep at creation time.
    var books: [[Int]] = []
    var contacts: [Contact] = []
    /// Contact index range of each account.
    var contactRanges: [Range<Int>] = []
    var leads: [Lead] = []
    var duplicateOf: [String: String] = [:]
    var opportunities: [Opportunity] = []
    var opportunityPlans: [DemoDealPlan] = []
    /// Creation time of each account's first opportunity (`Int64.max` when it has none).
    var accountFirstDeal: [Int64] = []
    var stageChanges: [OpportunityStageChange] = []
    var fieldChanges: [FieldChange] = []
    var activities: [Activity] = []
    var products: [Product] = []
    var priceBookEntries: [PriceBookEntry] = []
    var quotas: [Quota] = []

    init(seed: UInt64, size: DemoOrgSize, asOf: LocalDate, calendar: FiscalCalendar) {
        plan = DemoOrgPlan(size: size)
        self.asOf = asOf
        self.calendar = calendar
        // Mix the size into the stream so sizes do not share prefixes of the same random sequence.
        let sizeSalt: UInt64 =
            switch size {
            case .small: 0x5EED_0001
            case .medium: 0x5EED_0002
            case .large: 0x5EED_0003
            }
        rng = SeededGenerator(seed: seed ^ (sizeSalt &* 0x9E37_79B9_7F4A_7C15))
        let current = calendar.quarter(containing: asOf)
        quarters = (0..<8).map { calendar.quarter(current, offsetBy: $0 - 7) }
        nextQuarter = calendar.quarter(current, offsetBy: 1)
        windowStartDay = quarters[0].start.dayNumber
        asOfDay = asOf.dayNumber
        nowMs = Int64(asOf.dayNumber) * DemoTime.dayMs + 18 * 3_600_000
        time = DemoTime(firstDay: windowStartDay - 2_200, lastDay: nextQuarter.end.dayNumber + 400)
    }

    /// A business-hours instant on `day` for rep `rep` (8% fall outside hours: early calls, late e-mails).
    mutating func workInstant(day: Int, rep: Int) -> Int64 {
        let info = repInfo[rep]
        let minute: Int
        if rng.chance(0.08) {
            minute = rng.chance(0.5) ? rng.int(7 * 60..<info.workStart) : rng.int(info.workEnd..<22 * 60)
        } else {
            minute = rng.int(info.workStart..<info.workEnd)
        }
        return time.instant(day: day, minuteOfDay: minute, zone: info.zone) + Int64(rng.int(0..<60_000))
    }

    /// A random weekday in `first...last` (a weekend day moves to the nearest weekday inside the range).
    mutating func weekday(in first: Int, _ last: Int) -> Int {
        guard last > first else { return first }
        var day = rng.int(first...last)
        if DemoTime.isWeekend(day) {
            let friday = day - (LocalDate(dayNumber: day).isoWeekday - 5)
            let monday = friday + 3
            if friday >= first && rng.chance(0.5) { day = friday } else if monday <= last { day = monday } else if friday >= first { day = friday }
        }
        return day
    }

    func finish() -> DemoOrg {
        DemoOrg(
            teams: teams, reps: reps, accounts: accounts, contacts: contacts, leads: leads,
            opportunities: opportunities, stageChanges: stageChanges, fieldChanges: fieldChanges,
            activities: activities, products: products, priceBookEntries: priceBookEntries, quotas: quotas,
            stages: StageDefinition.defaults, duplicateOf: duplicateOf, asOf: asOf, calendar: calendar)
    }
}
