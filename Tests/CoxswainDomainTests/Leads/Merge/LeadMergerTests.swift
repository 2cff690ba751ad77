import Foundation
import Testing

@testable import CoxswainDomain

@Suite("Lead merge: survivorship, provenance, re-parenting and undo conflicts")
struct LeadMergerTests {
    let t0 = MergeFixtures.base
    var asOf: Date { t0.addingTimeInterval(86_400) }

    @Test func survivorFirstKeepsSurvivorValuesAndFillsGapsFromDuplicatesInOrder() throws {
        // Given a survivor without phone or title and two duplicates that have them
        let a = MergeFixtures.lead("a", ["last_name": .text("Smith"), "email": .text("a@acme.com")])
        let b = MergeFixtures.lead("b", ["last_name": .text("Smyth"), "phone": .text("+1 415 555 0100")])
        let c = MergeFixtures.lead("c", ["phone": .text("+1 650 555 0199"), "title": .text("CTO")])
        // When merged with the default policy
        let event = try LeadMerger.merge(survivor: a, duplicates: [b, c], linked: [], policy: SurvivorshipPolicy(), asOf: asOf)
        // Then the survivor's values stay, gaps come from the first duplicate that has them, with provenance
        #expect(event.after.text("last_name") == "Smith")
        #expect(event.after.text("phone") == "+1 415 555 0100")
        #expect(event.after.text("title") == "CTO")
        #expect(event.after.id == "a" && event.after.timestamp("updated_at") == asOf)
        let phone = try #require(event.provenance.first { $0.field == "phone" })
        #expect(phone.recordID == "b" && phone.reason == .filledGap)
        #expect(event.provenance.first { $0.field == "last_name" }?.reason == .survivor)
        #expect(event.mergedIDs == ["b", "c"] && event.before == [a, b, c])
    }

    @Test func eachRuleChoosesItsValueAndCustomFieldsMergeKeyByKey() throws {
        // Given three records differing in recency, completeness, source and length
        let a = MergeFixtures.lead(
            "a", ["email": .text("old@acme.com"), "source": .text("import"), "company": .text("Acme")], updated: t0,
            custom: ["tier": .text("silver")])
        let b = MergeFixtures.lead(
            "b", ["email": .text("new@acme.com"), "source": .text("web"), "company": .text("Acme Incorporated"), "city": .text("Berlin")],
            updated: t0.addingTimeInterval(500), custom: ["tier": .text("gold"), "score": .decimal(9.5)])
        let c = MergeFixtures.lead("c", ["source": .text("partner"), "title": .text("CTO")], updated: t0.addingTimeInterval(100))
        let policy = SurvivorshipPolicy(
            default: .survivorFirst,
            fields: [
                "email": .mostRecent, "company": .longest, "source": .sourcePriority(["partner", "web"]),
                "title": .mostComplete, "custom_fields.tier": .pin(recordID: "b"), "city": .pin(recordID: "a"),
            ])
        // When merged
        let event = try LeadMerger.merge(survivor: a, duplicates: [b, c], linked: [], policy: policy, asOf: asOf)
        // Then each field follows its rule
        #expect(event.after.text("email") == "new@acme.com")
        #expect(event.after.text("company") == "Acme Incorporated")
        #expect(event.after.text("source") == "partner")
        #expect(event.after.text("title") == "CTO")
        #expect(event.after["city"] == .null, "a pin takes the pinned record's value even when it is empty")
        #expect(event.after.customFields == ["tier": .text("gold"), "score": .decimal(9.5)])
        let reasons = Dictionary(uniqueKeysWithValues: event.provenance.map { ($0.field, $0.reason) })
        #expect(reasons["email"] == .mostRecent && reasons["company"] == .longest && reasons["source"] == .sourcePriority)
        #expect(reasons["custom_fields.tier"] == .pinned && reasons["custom_fields.score"] == .filledGap && reasons["city"] == .pinned)
    }

    @Test func mergeReparentsOnlyLinksToMergedAwayRecords() throws {
        // Given activities on the survivor, on a duplicate and on an unrelated lead
        let a = MergeFixtures.lead("a", ["last_name": .text("Smith")])
        let b = MergeFixtures.lead("b", ["last_name": .text("Smith")])
        let onA = MergeFixtures.activity("x", lead: "a"), onB = MergeFixtures.activity("y", lead: "b")
        let elsewhere = MergeFixtures.activity("z", lead: "q")
        // When b is merged into a
        let event = try LeadMerger.merge(survivor: a, duplicates: [b], linked: [onA, onB, elsewhere], policy: .init(), asOf: asOf)
        // Then only the activity on b moves, and its before-image is kept
        #expect(event.links.count == 1)
        #expect(event.links[0].before == onB && event.links[0].after.text("lead_id") == "a" && event.links[0].fields == ["lead_id"])
    }

    @Test func invalidRequestsAreRejectedWithTheRecordOrFieldNamed() {
        let a = MergeFixtures.lead("a"), b = MergeFixtures.lead("b")
        #expect(throws: MergeError.noDuplicates(survivorID: "a")) {
            try LeadMerger.merge(survivor: a, duplicates: [], linked: [], policy: .init(), asOf: asOf)
        }
        #expect(throws: MergeError.repeatedRecord(id: "a")) {
            try LeadMerger.merge(survivor: a, duplicates: [a], linked: [], policy: .init(), asOf: asOf)
        }
        #expect(throws: MergeError.pinOutsideGroup(field: "email", recordID: "zz")) {
            try LeadMerger.merge(survivor: a, duplicates: [b], linked: [], policy: .init(fields: ["email": .pin(recordID: "zz")]), asOf: asOf)
        }
        #expect(throws: MergeError.unknownField(entity: "lead", field: "shoe_size")) {
            try LeadMerger.merge(survivor: a, duplicates: [b], linked: [], policy: .init(fields: ["shoe_size": .longest]), asOf: asOf)
        }
        #expect(throws: MergeError.mixedEntities(expected: "lead", got: "activity", id: "x")) {
            try LeadMerger.merge(survivor: a, duplicates: [MergeFixtures.activity("x", lead: nil)], linked: [], policy: .init(), asOf: asOf)
        }
    }

    @Test func undoRefusesWhenTheSurvivorWasEditedAndNamesTheFields() throws {
        // Given a merge whose survivor was edited afterwards
        let a = MergeFixtures.lead("a", ["last_name": .text("Smith")])
        let b = MergeFixtures.lead("b", ["email": .text("b@acme.com")])
        let event = try LeadMerger.merge(survivor: a, duplicates: [b], linked: [], policy: .init(), asOf: asOf)
        var edited = event.after
        edited["title"] = .text("CEO")
        // When undo is attempted, then it is refused with the changed field named
        #expect(throws: MergeUndoConflict(mergeID: "m1", reasons: [.survivorChanged(id: "a", fields: ["title"])])) {
            try LeadMerger.reversal(of: event, mergeID: "m1", currentSurvivor: edited, currentLinks: [:], asOf: asOf)
        }
        #expect(throws: MergeUndoConflict(mergeID: "m1", reasons: [.survivorMissing(id: "a")])) {
            try LeadMerger.reversal(of: event, mergeID: "m1", currentSurvivor: nil, currentLinks: [:], asOf: asOf)
        }
    }

    @Test func undoKeepsLaterEditsToReparentedRecordsAndRefusesMovedLinks() throws {
        // Given a merge that re-parented two activities; one later got a new subject, the other a new lead
        let a = MergeFixtures.lead("a", ["last_name": .text("Smith")]), b = MergeFixtures.lead("b", ["last_name": .text("Smith")])
        let x = MergeFixtures.activity("x", lead: "b"), y = MergeFixtures.activity("y", lead: "b")
        let event = try LeadMerger.merge(survivor: a, duplicates: [b], linked: [x, y], policy: .init(), asOf: asOf)
        var xEdited = event.links[0].after
        xEdited["subject"] = .text("Follow-up")
        let later = asOf.addingTimeInterval(60)
        // When undone with only the subject edit, then the link goes back and the edit stays
        let reversal = try LeadMerger.reversal(
            of: event, mergeID: "m", currentSurvivor: event.after,
            currentLinks: ["activity/x": xEdited, "activity/y": event.links[1].after], asOf: later)
        #expect(reversal.links[0].text("lead_id") == "b" && reversal.links[0].text("subject") == "Follow-up")
        #expect(reversal.links[1] == y)
        // And when y's link was moved elsewhere, undo is refused naming it
        var yMoved = event.links[1].after
        yMoved["lead_id"] = .text("q")
        #expect(throws: MergeUndoConflict(mergeID: "m", reasons: [.linkMoved(entity: "activity", id: "y", field: "lead_id", now: "q")])) {
            try LeadMerger.reversal(
                of: event, mergeID: "m", currentSurvivor: event.after, currentLinks: ["activity/x": xEdited, "activity/y": yMoved], asOf: later)
        }
    }
}
