import Foundation
import Testing

@testable import CoxswainDomain

@Suite("Routing replay and fairness")
struct RoutingReplayTests {
    typealias F = RoutingFixtures

    @Test func giniMatchesHandWorkedExamples() {
        // Equal shares: no inequality
        #expect(RoutingReplay.gini([1, 1, 1, 1]) == 0)
        // One of four holds everything: Σ|xi−xj| over ordered pairs = 6 × 4 = 24; 24 / (2 · 16 · 1) = 0.75
        #expect(abs(RoutingReplay.gini([0, 0, 0, 4]) - 0.75) < 1e-12)
        // 1, 2, 3: Σ|xi−xj| = 2 × (1 + 2 + 1) = 8; 8 / (2 · 9 · 2) = 2/9
        #expect(abs(RoutingReplay.gini([3, 1, 2]) - 2.0 / 9.0) < 1e-12)
        // 1.2 and 0.8: Σ = 2 × 0.4 = 0.8; 0.8 / (2 · 4 · 1) = 0.1
        #expect(abs(RoutingReplay.gini([1.2, 0.8]) - 0.1) < 1e-12)
        #expect(RoutingReplay.gini([]) == 0 && RoutingReplay.gini([0, 0]) == 0)
    }

    @Test func replayComparesADraftPolicyWithWhatHappened() throws {
        // Given 12 past leads that all went to ann, each first touched after 90 minutes
        let reps = [F.rep("ann"), F.rep("bob"), F.rep("cy", active: false)]
        let draft = try LeadRouter(policy: F.everything(to: F.pool("p", ["ann", "bob", "cy"]), sla: 60), reps: reps)
        let history = (0..<12).map { i in
            let arrival = F.monday(10, i * 5)
            return ReplayLead(lead: draft.lead(F.lead("L\(i)", at: arrival)), actualOwner: "ann", firstTouchAt: arrival.addingTimeInterval(90 * 60))
        }
        // When the draft round-robin policy is replayed
        let report = RoutingReplay.run(draft, leads: history, reps: reps)
        // Then ann and bob get six each (inactive cy has no target), half the leads change owner, fairness is perfect
        #expect(report.rows.map(\.rep) == ["ann", "bob"])
        #expect(report.rows.map(\.simulated) == [6, 6])
        #expect(report.rows.map(\.actual) == [12, 0])
        #expect(report.rows.map(\.target) == [0.5, 0.5])
        #expect(report.changedOwner == 6 && report.held == 0)
        #expect(report.gini == 0 && report.maxMinRatio == 1)
        // And what happened was maximally unfair between two reps (shares 2 and 0 → Gini 0.5)
        #expect(report.actualGini == 0.5)
        // And a 90-minute response misses a 60-minute SLA every time
        #expect(report.slaMeasured == 12 && report.slaMet == 0 && report.slaAttainment == 0)
    }
}
