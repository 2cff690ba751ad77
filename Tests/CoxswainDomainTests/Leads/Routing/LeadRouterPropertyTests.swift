import Foundation
import PropertyBased
import Testing

@testable import CoxswainDomain

@Suite("Lead router invariants")
struct LeadRouterPropertyTests {
    typealias F = RoutingFixtures

    @Test func roundRobinOverNEligibleRepsWithKTimesNLeadsGivesEachExactlyK() async throws {
        await propertyCheck(input: Gen.int(in: 1...12), Gen.int(in: 1...20), Gen.int(in: 0...5)) { n, k, inactive in
            // Given n active reps plus some inactive ones interleaved in the pool
            var reps: [Rep] = []
            for i in 0..<n { reps.append(F.rep("a\(i)")) }
            for i in 0..<inactive { reps.insert(F.rep("x\(i)", active: false), at: (i * 3) % (reps.count + 1)) }
            let router = try! LeadRouter(policy: F.everything(to: F.pool("p", reps.map(\.meta.id))), reps: reps)
            var state = router.makeState()
            // When k × n leads arrive
            let owners = F.owners(router, (0..<(k * n)).map { F.lead(at: F.monday(10, $0 % 60)) }, state: &state)
            // Then every active rep has exactly k and inactive reps none
            let counts = Dictionary(grouping: owners.compactMap { $0 }, by: { $0 }).mapValues(\.count)
            #expect(counts.count == n)
            #expect(counts.values.allSatisfy { $0 == k })
            #expect(!counts.keys.contains { $0.hasPrefix("x") })
        }
    }

    @Test func everyLeadGetsExactlyOneOutcomeAndInactiveRepsNeverReceive() async throws {
        await propertyCheck(input: Gen.int(in: 0...Int.max)) { seed in
            // Given a random roster, random caps and strategies, and random leads over a week
            var rng = SeededGenerator(seed: UInt64(seed))
            let zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"]
            let reps = (0..<6).map { i in
                F.rep(
                    "r\(i)", active: Int.random(in: 0..<4, using: &rng) > 0, zone: zones[Int.random(in: 0..<4, using: &rng)],
                    outOfOffice: Bool.random(using: &rng) ? [LocalDate(2026, 3, 3)...LocalDate(2026, 3, 4)] : [])
            }
            let strategy = RoutingStrategy.allCases[Int.random(in: 0..<3, using: &rng)]
            let pool = RoutingPool(
                id: "p", strategy: strategy, members: reps.map { .init(rep: $0.meta.id, weight: Double(Int.random(in: 1...4, using: &rng))) },
                caps: [RoutingCap(period: .day, max: Int.random(in: 1...5, using: &rng))])
            let policy = RoutingPolicy(
                id: "p",
                rules: [
                    RoutingRule(
                        id: "big", when: .range(field: "employees", min: 500, max: nil), assign: .pool("p"), fallback: "any",
                        workingHoursOnly: Bool.random(using: &rng)),
                    RoutingRule(id: "any", when: .exists(field: "country", true), assign: .pool("p")),
                ], pools: [pool])
            let router = try! LeadRouter(policy: policy, reps: reps)
            var state = router.makeState()
            var held = 0
            for i in 0..<200 {
                let lead = F.lead(
                    "L\(i)", at: F.monday(0, Int.random(in: 0..<(7 * 1440), using: &rng)),
                    country: Bool.random(using: &rng) ? "DE" : nil, employees: Int.random(in: 1...2000, using: &rng))
                // When routed
                let decision = router.route(router.lead(lead), state: &state)
                // Then it has exactly one outcome: an active owner chosen exactly once in its trace, or the hold queue
                let chosen = decision.trace.filter { $0.event == .chosen }
                if decision.isHeld {
                    held += 1
                    #expect(chosen.isEmpty)
                } else {
                    #expect(chosen.count == 1 && chosen[0].rep == decision.owner)
                    #expect(reps[Int(decision.owner)].active)
                }
            }
            #expect(state.held == held)
            #expect(Int(state.openLeads.reduce(0, +)) + held == 200)
        }
    }

    @Test func sameStateAndSameLeadGiveTheSameOwner() async throws {
        await propertyCheck(input: Gen.int(in: 0...500)) { prefix in
            // Given a state reached after `prefix` leads
            let pool = RoutingPool(
                id: "p", strategy: .weightedRoundRobin, members: [.init(rep: "a", weight: 2), .init(rep: "b"), .init(rep: "c", weight: 3)])
            let router = try! LeadRouter(policy: F.everything(to: pool), reps: ["a", "b", "c"].map { F.rep($0) })
            var state = router.makeState()
            _ = F.owners(router, (0..<prefix).map { F.lead(at: F.monday(10, $0 % 60)) }, state: &state)
            // When the same lead is routed twice from that state
            let lead = router.lead(F.lead("next"))
            let (first, afterFirst) = router.routing(lead, state: state)
            let (second, afterSecond) = router.routing(lead, state: state)
            // Then the decisions and resulting states are identical
            #expect(first == second)
            #expect(afterFirst == afterSecond)
        }
    }
}
