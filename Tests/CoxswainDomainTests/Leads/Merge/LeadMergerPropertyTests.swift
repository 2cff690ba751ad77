import Foundation
import PropertyBased
import Testing

@testable import CoxswainDomain

@Suite("Lead merge: merge then unmerge is identity")
struct LeadMergerPropertyTests {
    @Test func mergeThenUnmergeRestoresEveryRecordAndLinkExactly() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            // Given a random group of 2–10 leads, random policies and activities pointing at them or elsewhere
            var rng = SeededGenerator(seed: UInt64(seed))
            let group = MergeFixtures.randomGroup(&rng, count: Int.random(in: 2...10, using: &rng))
            let ids = group.map(\.id)
            let policy = MergeFixtures.randomPolicy(&rng, ids: ids)
            let linked = (0..<Int.random(in: 0...8, using: &rng)).map { n in
                MergeFixtures.activity(
                    "act-\(n)", lead: Bool.random(using: &rng) ? ids.randomElement(using: &rng)! : "other-lead",
                    contact: Bool.random(using: &rng) ? "contact-1" : nil)
            }
            // When the group is merged into its first record
            let asOf = MergeFixtures.base.addingTimeInterval(20_000_000)
            guard
                let event = try? LeadMerger.merge(
                    survivor: group[0], duplicates: Array(group.dropFirst()), linked: linked, policy: policy, asOf: asOf)
            else {
                Issue.record("merge failed for seed \(seed)")
                return
            }
            // Then every field has provenance naming a group member, and no link points at a merged-away lead
            #expect(event.provenance.allSatisfy { ids.contains($0.recordID) })
            #expect(event.links.allSatisfy { $0.after.text("lead_id") == ids[0] })
            #expect(event.links.count == linked.filter { ids.dropFirst().contains($0.text("lead_id") ?? "") }.count)
            // And the event survives a JSON round trip unchanged
            let decoded = try? MergeEvent(json: JSONValue.parse(Data(event.json.serialized().utf8)))
            #expect(decoded == event, "seed \(seed)")
            // And undo with nothing changed since gives back every before-image byte for byte
            let current = Dictionary(uniqueKeysWithValues: event.links.map { ("activity/" + $0.after.id, $0.after) })
            guard
                let reversal = try? LeadMerger.reversal(
                    of: decoded ?? event, mergeID: "m", currentSurvivor: event.after, currentLinks: current, asOf: asOf)
            else {
                Issue.record("undo refused for seed \(seed)")
                return
            }
            #expect([reversal.survivor] + reversal.restored == group)
            let touched = Set(event.links.map(\.before.id))
            #expect(reversal.links == linked.filter { touched.contains($0.id) })
            #expect(reversal.survivor.json.serialized() == group[0].json.serialized())
        }
    }
}
