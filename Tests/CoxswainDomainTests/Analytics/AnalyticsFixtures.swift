import Foundation

@testable import CoxswainDomain

/// A small, hand-computable sales org with a fiscal year starting in February (FY2027-Q1 = 2026-02-01…2026-04-30).
///
/// Teams: world ⊃ emea (manager m1) ⊃ emea-ent; world ⊃ amer. Reps: m1 (emea), a (emea-ent, reports to m1),
/// b (emea, reports to m1), c (amer). Q1 quotas: a 100,000, b 20,000, c 50,000 USD.
enum AnalyticsFixture {
    static let calendar = FiscalCalendar(startMonth: 2)
    static let q1 = calendar.quarter(fiscalYear: 2027, number: 1)
    static let q4Previous = calendar.quarter(fiscalYear: 2026, number: 4)

    enum Outcome { case won, lost, open }

    static func at(_ date: LocalDate) -> Date { Date(timeIntervalSince1970: Double(date.dayNumber) * 86_400 + 43_200) }

    static func team(_ id: String, parent: String? = nil, manager: String? = nil, region: String? = nil) -> Team {
        Team(
            meta: RecordMeta(id: id, createdAt: at(LocalDate(2024, 1, 1))), name: id.uppercased(), parentTeamID: parent, managerID: manager,
            region: region)
    }

    static func rep(
        _ id: String, team: String?, manager: String? = nil, region: String? = nil, segment: Segment? = nil, hired: LocalDate? = nil
    ) -> Rep {
        Rep(
            meta: RecordMeta(id: id, createdAt: at(LocalDate(2024, 1, 1))), firstName: "Rep", lastName: id.uppercased(), email: "\(id)@x.test",
            role: .ae, managerID: manager, teamID: team, region: region, segment: segment?.rawValue, hireDate: hired)
    }

    static func opp(
        _ id: String, owner: String, _ amount: Int, _ currency: Currency = .usd, created: LocalDate, close: LocalDate, _ outcome: Outcome,
        stage: String? = nil
    ) -> Opportunity {
        let stageName = stage ?? (outcome == .won ? "Closed Won" : outcome == .lost ? "Closed Lost" : "Discovery")
        return Opportunity(
            meta: RecordMeta(id: id, createdAt: at(created)), accountID: "acc", ownerID: owner, name: id, amount: Money(Decimal(amount), currency),
            stage: stageName, probability: 50, closeDate: close, forecastCategory: .pipeline, isClosed: outcome != .open, isWon: outcome == .won)
    }

    static func quota(_ rep: String, _ period: FiscalPeriod, _ amount: Int, _ currency: Currency = .usd) -> Quota {
        Quota(
            meta: RecordMeta(id: "q-\(rep)-\(period.label)", createdAt: at(period.start)), repID: rep, periodStart: period.start,
            periodEnd: period.end, amount: Money(Decimal(amount), currency))
    }

    static func activity(_ rep: String, _ kind: Activity.Kind, on date: LocalDate) -> Activity {
        Activity(meta: RecordMeta(id: UUID().uuidString, createdAt: at(date)), type: kind, occurredAt: at(date), repID: rep, opportunityID: "x")
    }

    static let teams = [
        team("world"), team("emea", parent: "world", manager: "m1", region: "EMEA"), team("emea-ent", parent: "emea", region: "EMEA"),
        team("amer", parent: "world", region: "AMER"),
    ]
    static let reps = [
        rep("m1", team: "emea"), rep("a", team: "emea-ent", manager: "m1", segment: .enterprise),
        rep("b", team: "emea", manager: "m1", segment: .smb),
        rep("c", team: "amer", segment: .smb),
    ]
    static let quotas = [quota("a", q1, 100_000), quota("b", q1, 20_000), quota("c", q1, 50_000), quota("a", q4Previous, 100_000)]

    static let opportunities = [
        // a: won 50,000 (50-day cycle), open 30,000 closing in Q1, lost 10,000.
        opp("a-won", owner: "a", 50_000, created: LocalDate(2026, 1, 1), close: LocalDate(2026, 2, 20), .won),
        opp("a-open", owner: "a", 30_000, created: LocalDate(2026, 2, 5), close: LocalDate(2026, 4, 10), .open),
        opp("a-lost", owner: "a", 10_000, created: LocalDate(2025, 12, 1), close: LocalDate(2026, 3, 1), .lost),
        // b: won 40,000 closing on the last day of Q1 (79-day cycle), lost 20,000, and a win on the first day of Q2.
        opp("b-won", owner: "b", 40_000, created: LocalDate(2026, 2, 10), close: LocalDate(2026, 4, 30), .won),
        opp("b-lost", owner: "b", 20_000, created: LocalDate(2026, 2, 15), close: LocalDate(2026, 3, 15), .lost),
        opp("b-q2", owner: "b", 5_000, created: LocalDate(2026, 3, 1), close: LocalDate(2026, 5, 1), .won),
        // c (AMER): a USD win (58 days) and a EUR win, which must never be added to USD.
        opp("c-usd", owner: "c", 10_000, created: LocalDate(2026, 2, 1), close: LocalDate(2026, 3, 31), .won),
        opp("c-eur", owner: "c", 25_000, .eur, created: LocalDate(2026, 2, 1), close: LocalDate(2026, 3, 3), .won),
        // Previous quarter (FY2026-Q4, Nov 2025–Jan 2026): a wins 20,000 on the quarter's last day.
        opp("a-prev", owner: "a", 20_000, created: LocalDate(2025, 11, 20), close: LocalDate(2026, 1, 31), .won),
    ]

    static let activities = [
        activity("a", .call, on: LocalDate(2026, 2, 1)), activity("a", .call, on: LocalDate(2026, 4, 30)),
        activity("a", .email, on: LocalDate(2026, 3, 3)), activity("b", .meeting, on: LocalDate(2026, 3, 3)),
        activity("b", .call, on: LocalDate(2026, 5, 1)),
    ]

    static func engine(opportunities: [Opportunity] = opportunities, stageChanges: [OpportunityStageChange] = []) -> SalesMetricsCalculator {
        SalesMetricsCalculator(
            opportunities: opportunities, stageChanges: stageChanges, quotas: quotas, reps: reps, teams: teams, activities: activities,
            calendar: calendar)
    }
}

extension Double {
    /// Equality within `tolerance` (default 1e-9).
    func isNearAnalytics(to other: Double?, _ tolerance: Double = 1e-9) -> Bool {
        guard let other else { return false }
        return abs(self - other) <= tolerance
    }
}
