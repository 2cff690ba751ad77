import CoxswainDomain
import CoxswainServices
import CoxswainStorage
import CoxswainTesting
import Foundation
import Testing

/// Merge and undo through the service on real SQLite and PostgreSQL: one transaction each, exact restoration.
@Suite("Lead merge service on every backend")
struct LeadMergeStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_767_225_600)
    static let actor = Principal.system("test")

    /// A rep, three leads that are one person, an unrelated lead, and activities on each lead.
    static func seed(_ store: SQLRecordStore) async throws -> (leads: [Record], other: Record, activities: [Record]) {
        let rep = Rep(
            meta: RecordMeta(id: "rep-1", createdAt: t0), firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", role: .ae
        ).record
        func lead(_ id: String, _ f: [String: FieldValue], _ custom: [String: FieldValue] = [:]) -> Record {
            var r = Lead(meta: RecordMeta(id: id, createdAt: t0, customFields: custom), lastName: "Smith").record
            for (k, v) in f { r[k] = v }
            return r
        }
        let leads = [
            lead("lead-a", ["first_name": .text("Robert"), "email": .text("bob@acme.com")], ["tier": .text("silver")]),
            lead("lead-b", ["first_name": .text("Bob"), "phone": .text("+1 415 555 0100"), "source": .text("web")], ["score": .decimal(7.5)]),
            lead("lead-c", ["first_name": .text("Bobby"), "title": .text("CTO"), "updated_at": .timestamp(t0.addingTimeInterval(60))]),
        ]
        let other = lead("lead-z", ["first_name": .text("Zed"), "email": .text("zed@globex.com")])
        let activities = ["lead-a", "lead-b", "lead-c", "lead-z", "lead-b"].enumerated().map { n, leadID in
            Activity(
                meta: RecordMeta(id: "act-\(n)", createdAt: t0), type: .call, subject: "Call \(n)", occurredAt: t0, repID: "rep-1", leadID: leadID
            ).record
        }
        try await store.write { tx in
            try await tx.insert([rep])
            try await tx.insert(leads + [other])
            try await tx.insert(activities)
        }
        return (leads, other, activities)
    }

    static func snapshot(_ store: SQLRecordStore) async throws -> ([Record], [Record]) {
        try await store.read { r in
            (
                try await r.list(Lead.schema, ListQuery(limit: 100)).records,
                try await r.list(Activity.schema, ListQuery(limit: 100)).records
            )
        }
    }

    @Test(arguments: TestBackend.available)
    func mergeReparentsDeletesAuditsAndUndoRestoresEverythingExactly(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            // Given three duplicate leads with activities and an unrelated lead
            let seeded = try await Self.seed(store)
            let before = try await Self.snapshot(store)
            let service = LeadMergeService(store: store, environment: .fixed())
            // When b and c are merged into a with field picks
            let merge = try await service.merge(
                survivorID: "lead-a", duplicateIDs: ["lead-b", "lead-c"],
                policy: SurvivorshipPolicy(fields: ["first_name": .pin(recordID: "lead-b"), "title": .mostRecent]), by: Self.actor)
            // Then the survivor has the picked and gap-filled values, the others are gone, links point at a
            let (leads, activities) = try await Self.snapshot(store)
            #expect(leads.map(\.id) == ["lead-a", "lead-z"])
            let a = try #require(leads.first)
            #expect(a.text("first_name") == "Bob" && a.text("phone") == "+1 415 555 0100" && a.text("title") == "CTO")
            #expect(a.customFields == ["tier": .text("silver"), "score": .decimal(7.5)])
            #expect(activities.filter { $0.text("lead_id") == "lead-a" }.count == 4)
            #expect(activities.first { $0.id == "act-3" } == seeded.activities[3])
            // And the merged-away records stay retrievable with provenance, and the merge is audited
            let stored = try await service.get(merge.id, as: .cli())
            #expect(stored.event.before.dropFirst().map(\.id) == ["lead-b", "lead-c"])
            #expect(stored.event.provenance.first { $0.field == "first_name" }?.recordID == "lead-b")
            #expect(try await service.list(recordID: "lead-c", as: .cli()).merges.map(\.id) == [merge.id])
            let audit = try await store.read { try await $0.audit(AuditQuery(limit: 100)) }
            #expect(audit.filter { $0.action == "merge" }.count == 3)
            #expect(audit.filter { $0.action == "update" && $0.entity == "activity" }.count == 3)
            // And merging a merged-away lead again is refused naming the merge
            await #expect(throws: MergeError.alreadyMerged(id: "lead-b", survivorID: "lead-a", mergeID: merge.id)) {
                try await service.merge(survivorID: "lead-z", duplicateIDs: ["lead-b"], by: Self.actor)
            }
            // When an unrelated lead is edited and then the merge is undone
            _ = try await RecordService(store: store, environment: .fixed(start: Self.t0.addingTimeInterval(9_000)))
                .update(Lead.schema, id: "lead-z", .object([("title", .string("CEO"))]), by: Self.actor)
            let undone = try await service.unmerge(merge.id, by: Self.actor)
            // Then every lead and activity is exactly as before, and the unrelated edit survives
            let after = try await Self.snapshot(store)
            #expect(after.0.filter { $0.id != "lead-z" } == before.0.filter { $0.id != "lead-z" })
            #expect(after.0.first { $0.id == "lead-z" }?.text("title") == "CEO")
            #expect(after.1 == before.1)
            #expect(undone.undoneAt != nil && undone.undoneBy == Self.actor.id)
            // And undoing twice is refused
            await #expect(throws: MergeError.alreadyUndone(mergeID: merge.id)) { try await service.unmerge(merge.id, by: Self.actor) }
        }
    }

    @Test(arguments: TestBackend.available)
    func undoIsRefusedWhenTheSurvivorWasEditedAfterTheMerge(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            // Given a merge whose survivor was edited afterwards
            _ = try await Self.seed(store)
            let service = LeadMergeService(store: store, environment: .fixed())
            let merge = try await service.merge(survivorID: "lead-a", duplicateIDs: ["lead-b"], by: Self.actor)
            _ = try await RecordService(store: store, environment: .fixed(start: Self.t0.addingTimeInterval(9_000)))
                .update(Lead.schema, id: "lead-a", .object([("company", .string("Acme"))]), by: Self.actor)
            let snapshot = try await Self.snapshot(store)
            // When undo is attempted, then it is refused naming the field, and nothing changes
            await #expect(throws: MergeUndoConflict(mergeID: merge.id, reasons: [.survivorChanged(id: "lead-a", fields: ["company"])])) {
                try await service.unmerge(merge.id, by: Self.actor)
            }
            #expect(try await Self.snapshot(store) == snapshot)
            // And after reverting the edit the undo goes through
            _ = try await RecordService(store: store, environment: .fixed(start: Self.t0.addingTimeInterval(9_500)))
                .update(Lead.schema, id: "lead-a", .object([("company", .null)]), by: Self.actor)
            _ = try await service.unmerge(merge.id, by: Self.actor)
            #expect(try await store.read { try await $0.get(Lead.schema, id: "lead-b") } != nil)
        }
    }
}
