import Foundation

@testable import CoxswainDomain

/// Builders shared by the routing tests.
enum RoutingFixtures {
    /// Monday 2026-03-02 at `hour`:`minute` UTC.
    static func monday(_ hour: Int, _ minute: Int = 0, plusDays: Int = 0) -> Date {
        Date(timeIntervalSince1970: Double(LocalDate(2026, 3, 2).adding(days: plusDays).dayNumber) * 86_400 + Double(hour * 3600 + minute * 60))
    }

    static func rep(
        _ id: String, active: Bool = true, zone: String = "UTC", team: String? = nil, start: String = "09:00", end: String = "17:00",
        days: [String] = Rep.weekdays, outOfOffice: [ClosedRange<LocalDate>] = []
    ) -> Rep {
        Rep(
            meta: RecordMeta(id: id, createdAt: Date(timeIntervalSince1970: 0)), firstName: id, lastName: "Rep", email: "\(id)@corp.test",
            role: .ae, teamID: team, active: active, timeZone: zone, workStart: start, workEnd: end, workDays: days, outOfOffice: outOfOffice)
    }

    static func lead(
        _ id: String = "L1", at date: Date = monday(10), country: String? = nil, employees: Int? = nil, title: String? = nil,
        email: String? = nil, company: String? = nil, region: String? = nil, custom: [String: FieldValue] = [:]
    ) -> Lead {
        Lead(
            meta: RecordMeta(id: id, createdAt: date, customFields: custom), lastName: "Doe", email: email, company: company, title: title,
            employees: employees, country: country, region: region)
    }

    static func pool(_ id: String, _ reps: [String], strategy: RoutingStrategy = .roundRobin, caps: [RoutingCap] = []) -> RoutingPool {
        RoutingPool(id: id, strategy: strategy, members: reps.map { RoutingPool.Member(rep: $0) }, caps: caps)
    }

    /// A one-rule policy sending every lead to `pool`.
    static func everything(to pool: RoutingPool, workingHoursOnly: Bool = false, sla: Int? = nil) -> RoutingPolicy {
        RoutingPolicy(
            id: "p", rules: [RoutingRule(id: "all", assign: .pool(pool.id), slaMinutes: sla, workingHoursOnly: workingHoursOnly)],
            pools: [pool])
    }

    /// Routes `leads` in order and returns owner ids (nil = held).
    static func owners(_ router: LeadRouter, _ leads: [Lead], state: inout RoutingState) -> [String?] {
        leads.map { lead in
            let d = router.route(router.lead(lead), state: &state)
            return d.owner >= 0 ? router.repIDs[Int(d.owner)] : nil
        }
    }
}
