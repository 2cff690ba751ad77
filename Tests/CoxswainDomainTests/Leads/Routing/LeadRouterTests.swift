import Foundation
import Testing

@testable import CoxswainDomain

@Suite("Lead router")
struct LeadRouterTests {
    typealias F = RoutingFixtures

    @Test func firstMatchingRuleDecidesAndConditionsReadStandardAndCustomFields() throws {
        // Given rules on a regex title, an employee range with a country list, and a custom field
        let defs = [CustomFieldDefinition(entity: "lead", key: "use_case", label: "Use case", type: .picklist, allowedValues: ["Billing"])]
        let policy = RoutingPolicy(
            id: "p",
            rules: [
                RoutingRule(id: "execs", when: .regex(field: "title", pattern: "(?i)^(vp|chief)"), assign: .rep("ann")),
                RoutingRule(
                    id: "dach-ent",
                    when: .all([.range(field: "employees", min: 1000, max: nil), .oneOf(field: "country", values: [.text("DE"), .text("AT")])]),
                    assign: .rep("bob")),
                RoutingRule(id: "billing", when: .equals(field: "custom_fields.use_case", value: .text("billing")), assign: .rep("cy")),
                RoutingRule(id: "rest", when: .not(.exists(field: "country", false)), assign: .rep("dee")),
            ])
        let router = try LeadRouter(
            policy: policy, reps: ["ann", "bob", "cy", "dee"].map { F.rep($0) }, context: RoutingContext(customFields: defs))
        var state = router.makeState()
        // When four leads arrive
        let owners = F.owners(
            router,
            [
                F.lead(country: "DE", employees: 5000, title: "VP Sales"),
                F.lead(country: " de ", employees: 5000, title: "Engineer"),
                F.lead(country: "FR", employees: 10, custom: ["use_case": .text("Billing")]),
                F.lead(country: "FR", employees: 10),
            ], state: &state)
        // Then each went to the first rule that matched it
        #expect(owners == ["ann", "bob", "cy", "dee"])
    }

    @Test func roundRobinSkipsInactiveAndOutOfOfficeRepsAndExplainsWhy() throws {
        // Given a pool of ann (out of office today), bob (inactive) and cy
        let today = LocalDate(2026, 3, 2)
        let reps = [F.rep("ann", outOfOffice: [today...today]), F.rep("bob", active: false), F.rep("cy")]
        let router = try LeadRouter(policy: F.everything(to: F.pool("p", ["ann", "bob", "cy"])), reps: reps)
        var state = router.makeState()
        // When a lead arrives
        let decision = router.route(router.lead(F.lead()), state: &state)
        // Then cy gets it and the explanation lists why ann and bob were skipped
        let why = router.explain(decision)
        #expect(why.owner == "cy")
        #expect(why.candidates.map(\.outcome) == ["out of office", "inactive", "chosen"])
        #expect(why.summary == "rule all; ann skipped (out of office); bob skipped (inactive); cy chosen")
        // And tomorrow ann is back in rotation
        #expect(F.owners(router, [F.lead(at: F.monday(10, plusDays: 1))], state: &state) == ["ann"])
    }

    @Test func workingHoursAreCheckedInEachRepsOwnTimeZone() throws {
        // Given ann in Berlin and bob in New York, both 09:00–17:00, on a working-hours-only rule
        let reps = [F.rep("ann", zone: "Europe/Berlin"), F.rep("bob", zone: "America/New_York")]
        let router = try LeadRouter(policy: F.everything(to: F.pool("p", ["ann", "bob"]), workingHoursOnly: true), reps: reps)
        var state = router.makeState()
        // When leads arrive at 09:00 UTC (10:00 Berlin, 04:00 New York) and 20:00 UTC (21:00 Berlin, 15:00 New York)
        let owners = F.owners(router, [F.lead(at: F.monday(9)), F.lead(at: F.monday(9, 5)), F.lead(at: F.monday(20))], state: &state)
        // Then only the rep inside their hours receives
        #expect(owners == ["ann", "ann", "bob"])
        // And at 03:00 UTC nobody works, so the lead is held, not dropped
        let night = router.route(router.lead(F.lead(at: F.monday(3))), state: &state)
        #expect(night.isHeld)
        #expect(state.held == 1)
        #expect(router.explain(night).summary.hasPrefix("held: nobody eligible"))
    }

    @Test func dailyCapsSkipRepsAndResetTheNextLocalDay() throws {
        // Given a pool capped at 2 a day per rep, with a weekly cap of 3 for bob
        let pool = F.pool("p", ["ann", "bob"], caps: [RoutingCap(period: .day, max: 2), RoutingCap(period: .week, max: 3, rep: "bob")])
        let router = try LeadRouter(policy: F.everything(to: pool), reps: [F.rep("ann"), F.rep("bob")])
        var state = router.makeState()
        // When five leads arrive on Monday
        let monday = F.owners(router, (0..<5).map { F.lead(at: F.monday(10, $0)) }, state: &state)
        // Then each rep takes two and the fifth is held at cap
        #expect(monday == ["ann", "bob", "ann", "bob", nil])
        // And on Tuesday the daily counters reset but bob stops at his weekly cap of 3
        let tuesday = F.owners(router, (0..<4).map { F.lead(at: F.monday(10, $0, plusDays: 1)) }, state: &state)
        #expect(tuesday == ["ann", "bob", "ann", nil])
    }

    @Test func weightedRoundRobinGivesExactSharesInterleaved() throws {
        // Given weights 3 : 1
        let pool = RoutingPool(id: "p", strategy: .weightedRoundRobin, members: [.init(rep: "ann", weight: 3), .init(rep: "bob", weight: 1)])
        let router = try LeadRouter(policy: F.everything(to: pool), reps: [F.rep("ann"), F.rep("bob")])
        var state = router.makeState()
        // When eight leads arrive
        let owners = F.owners(router, (0..<8).map { F.lead(at: F.monday(10, $0)) }, state: &state)
        // Then ann gets six and bob two, spread out
        #expect(owners == ["ann", "ann", "bob", "ann", "ann", "ann", "bob", "ann"])
    }

    @Test func loadBalancingPicksTheRepWithFewestOpenLeads() throws {
        // Given ann with 5 open leads and bob with 3
        let router = try LeadRouter(
            policy: F.everything(to: F.pool("p", ["ann", "bob"], strategy: .loadBalanced)), reps: [F.rep("ann"), F.rep("bob")])
        var state = router.makeState(openLeads: ["ann": 5, "bob": 3])
        // When four leads arrive
        let owners = F.owners(router, (0..<4).map { F.lead(at: F.monday(10, $0)) }, state: &state)
        // Then bob catches up first, then they alternate
        #expect(owners == ["bob", "bob", "ann", "bob"])
        #expect(state.openLeads == [6, 6])
    }

    @Test func stickyAccountAndTerritoryActionsWithFallbackChain() throws {
        // Given existing owners by e-mail/domain, an account owned by cy, and EMEA mapped to team t1 (dee, eve)
        let reps = [F.rep("ann"), F.rep("bob"), F.rep("cy"), F.rep("dee", team: "t1"), F.rep("eve", team: "t1")]
        let context = RoutingContext(
            accounts: AccountMatcher(accounts: [MatchAccount(id: "a1", name: "Globex", website: "globex.com")]),
            accountOwners: ["a1": "cy"],
            ownedRecords: [RoutingOwnedRecord(email: "old@initech.com", ownerID: "bob")],
            territoryTeams: ["EMEA": "t1"])
        let policy = RoutingPolicy(
            id: "p",
            rules: [
                RoutingRule(id: "sticky", when: .exists(field: "email", true), assign: .sticky(.emailOrDomain), fallback: "account"),
                RoutingRule(id: "account", when: .exists(field: "company", true), assign: .accountOwner, fallback: "territory"),
                RoutingRule(id: "territory", assign: .territoryTeam(field: "region", strategy: .roundRobin), fallback: "catch-all"),
                RoutingRule(id: "catch-all", assign: .rep("ann")),
            ])
        let router = try LeadRouter(policy: policy, reps: reps, context: context)
        var state = router.makeState()
        // When leads arrive from a known domain, a known account, the EMEA territory and nowhere
        let leads = [
            F.lead(email: "new@Initech.com", company: "Initech"),
            F.lead(email: "jo@globex.com", company: "Globex Corp"),
            F.lead(email: "x@gmail.com", company: "Unknown Ltd", region: "emea"),
            F.lead(email: "y@gmail.com", company: "Unknown Ltd", region: "emea"),
            F.lead(email: "z@gmail.com", region: "APAC"),
        ]
        let decisions = leads.map { router.route(router.lead($0), state: &state) }
        // Then sticky, account, the territory team in turn and the catch-all decide, with the path recorded
        #expect(decisions.map { router.repIDs[Int($0.owner)] } == ["bob", "cy", "dee", "eve", "ann"])
        let last = router.explain(decisions[4])
        #expect(last.path == ["sticky", "account", "territory", "catch-all"])
        #expect(
            last.notes == ["no open lead or contact with this e-mail or domain", "no account matches the lead", "no team for the lead's territory"])
    }

    @Test func leadsMatchingNoRuleGoToTheHoldQueue() throws {
        // Given a single rule for Germany
        let policy = RoutingPolicy(id: "p", rules: [RoutingRule(id: "de", when: .equals(field: "country", value: .text("DE")), assign: .rep("ann"))])
        let router = try LeadRouter(policy: policy, reps: [F.rep("ann")])
        var state = router.makeState()
        // When a French lead arrives
        let decision = router.route(router.lead(F.lead(country: "FR")), state: &state)
        // Then it is held and counted, with the reason
        #expect(decision.isHeld && decision.matchedRule == -1)
        #expect(state.held == 1)
        #expect(router.explain(decision).summary == "held: no rule matched")
    }

    @Test func slaDeadlineCountsOnlyWorkingMinutesInTheOwnersZone() throws {
        // Given ann in Berlin (09:00–17:00, Mon–Fri) and a 60-minute SLA
        let router = try LeadRouter(policy: F.everything(to: F.pool("p", ["ann"]), sla: 60), reps: [F.rep("ann", zone: "Europe/Berlin")])
        var state = router.makeState()
        // When a lead arrives Friday 15:30 UTC (16:30 Berlin)
        let friday = router.route(router.lead(F.lead(at: F.monday(15, 30, plusDays: 4))), state: &state)
        // Then the deadline is Monday 09:30 Berlin = 08:30 UTC (30 minutes Friday, 30 minutes Monday)
        #expect(friday.deadline == F.monday(8, 30, plusDays: 7))
        // And a lead at 06:00 UTC Tuesday (07:00 Berlin) is due at 10:00 Berlin
        let early = router.route(router.lead(F.lead(at: F.monday(6, plusDays: 1))), state: &state)
        #expect(early.deadline == F.monday(9, plusDays: 1))
    }

    @Test func adoptingStateKeepsCountersOfRepsThatRemain() throws {
        // Given a state where ann received leads under a policy with pool [ann, bob]
        let old = try LeadRouter(policy: F.everything(to: F.pool("p", ["ann", "bob"])), reps: [F.rep("ann"), F.rep("bob")])
        var state = old.makeState()
        _ = F.owners(old, [F.lead(), F.lead()], state: &state)
        // When a new roster drops bob and adds cy
        let new = try LeadRouter(policy: F.everything(to: F.pool("p", ["cy", "ann"])), reps: [F.rep("cy"), F.rep("ann")])
        let adopted = new.adopt(state)
        // Then ann's counters carry over and cy starts at zero
        #expect(adopted.repIDs == ["cy", "ann"])
        #expect(adopted.openLeads == [0, 1])
    }
}
