import CoxswainDomain
import CoxswainServices
import CoxswainTesting
import Foundation
import Testing

/// Import batches that only create records go through `RecordStore.insertBulk` (the driver fast paths); these
/// pin what the import still guarantees on that path, on SQLite and PostgreSQL.
@Suite("CSV import through the bulk write path")
struct ImportBulkWriteTests {
    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func seedRep(_ service: RecordService) async throws -> String {
        try await service.create(
            Rep.schema,
            .object([
                ("first_name", .string("Jane")), ("last_name", .string("Doe")), ("email", .string("jane@northwind.test")),
                ("role", .string("sdr")),
            ]), by: .cli("test")
        ).id
    }

    @Test(arguments: TestBackend.available)
    func everyImportedRecordHasAnAuditRowNamingTheJobAndLineAndUpsertsStillUpdate(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let service = RecordService(store: store, environment: .fixed())
            let importer = ImportService(records: service)
            // Given a first import of three new leads (one batch of new records only: the bulk path)
            let first = try await importer.importCSV(
                Lead.schema, path: try file("external_id,last_name,company\nX1,Ng,Acme\nX2,Li,Globex\nX3,Wu,Initech\n"),
                options: ImportOptions(batchSize: 10), by: .cli("t"))
            #expect(first.inserted == 3 && first.rejectedCount == 0)
            // Then each lead is findable in the audit log by entity and id, with its line of the file
            let leads = try await store.read { try await $0.list(Lead.schema, ListQuery(sort: "external_id")) }.records
            #expect(leads.map { $0.text("external_id") } == ["X1", "X2", "X3"])
            for (i, lead) in leads.enumerated() {
                let audit = try await store.read { try await $0.audit(AuditQuery(entity: "lead", recordID: lead.id)) }
                #expect(audit.map(\.action) == ["import"])
                #expect(audit.first?.actor == "cli:t")
                #expect(audit.first?.after?.hasSuffix("\"line\":\(i + 2)}") == true)
            }
            // When a second file updates X2 and adds X4 (a mixed batch: the transactional path)
            let second = try await importer.importCSV(
                Lead.schema, path: try file("external_id,last_name,company\nX2,Li,Globex AG\nX4,Ko,Hooli\n"),
                options: ImportOptions(batchSize: 10), by: .cli("t"))
            // Then X2 is updated in place (same id), X4 inserted, and both are audited
            #expect(second.inserted == 1 && second.updated == 1)
            let after = try await store.read { try await $0.list(Lead.schema, ListQuery(sort: "external_id")) }.records
            #expect(after.count == 4)
            #expect(after[1].id == leads[1].id && after[1].text("company") == "Globex AG")
            let x2 = try await store.read { try await $0.audit(AuditQuery(entity: "lead", recordID: leads[1].id)) }
            #expect(Set(x2.map(\.action)) == ["import", "update"])
            let x4 = try await store.read { try await $0.audit(AuditQuery(entity: "lead", recordID: after[3].id)) }
            #expect(x4.map(\.action) == ["import"])
        }
    }

    @Test(arguments: TestBackend.available)
    func aBatchTheDatabaseRefusesAtCommitIsReportedRowByRowAndWritesNothing(backend: TestBackend) async throws {
        try await withTestStore(backend) { base in
            let service = RecordService(store: base, environment: .fixed())
            let repID = try await seedRep(service)
            // Given rows that pass validation (their owner exists while the batch is prepared), and a store in
            // which the owner is deleted just before the batch is written, so the deferred foreign key fails at COMMIT
            let store = OwnerDeletingStore(base: base, repID: repID)
            let importer = ImportService(records: RecordService(store: store, environment: .fixed()))
            let report = try await importer.importCSV(
                Lead.schema,
                path: try file("external_id,last_name,owner_id\nY1,Ng,\(repID)\nY2,Li,\(repID)\nY3,Wu,\(repID)\n"),
                options: ImportOptions(batchSize: 10), by: .cli("t"))
            // Then every row of the batch is rejected with the reason, on its own line, and nothing was written
            #expect(report.inserted == 0)
            #expect(report.rejectedCount == 3)
            #expect(report.rejected.map(\.line) == [2, 3, 4])
            #expect(report.rejected.allSatisfy { $0.issues.map(\.code) == ["batch_failed"] })
            #expect(report.rejected.first?.cells == ["Y1", "Ng", repID])
            let (count, audit) = try await base.read { r in
                (try await r.count(Lead.schema, filters: []), try await r.audit(AuditQuery(entity: "lead")))
            }
            #expect(count == 0)
            #expect(audit.isEmpty)
        }
    }
}

/// A real store that deletes one rep immediately before each bulk write — a concurrent deletion between an
/// import's validation and its commit, made deterministic.
private struct OwnerDeletingStore: RecordStore {
    let base: any RecordStore
    let repID: String

    func read<T: Sendable>(_ body: @escaping @Sendable (any RecordReading) async throws -> T) async throws -> T {
        try await base.read(body)
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any RecordWriting) async throws -> T) async throws -> T {
        try await base.write(body)
    }

    func insertBulk(_ batch: BulkInsert) async throws {
        let id = repID
        try await base.write { try await $0.delete(Rep.schema, id: id) }
        try await base.insertBulk(batch)
    }

    func close() async throws { try await base.close() }
}
