import CoxswainDomain
import CoxswainServices
import CoxswainStorage
import CoxswainTesting
import Foundation
import Testing

/// The bulk write path (`RecordStore.insertBulk`): raw prepared statements on SQLite, `COPY` on PostgreSQL.
/// Same guarantees as a plain write transaction: identical read-back, an audit row per record, all or nothing.
@Suite("Bulk insert")
struct BulkInsertTests {
    static let t0 = RecordStoreContractTests.t0

    /// An instant with whole milliseconds, as stored (epoch milliseconds) and read back.
    static func at(millisecondsAfterT0 ms: Int) -> Date { Date(timeIntervalSince1970: Double(1_767_225_600_000 + ms) / 1000) }

    static func lead(_ n: Int, owner: String? = nil) -> Record {
        var r = Lead(
            meta: RecordMeta(id: "lead-\(n)", externalID: "00Q\(n)", createdAt: at(millisecondsAfterT0: n * 1000 + 123)),
            firstName: "Zoë \(n)", lastName: "O'Neil\tTab", email: "lead\(n)@example.com", phone: "+33 1 23 45 67 89",
            company: "Acme, \"Inc.\"\nline two \\ backslash", employees: n * 10, country: "美咲", ownerID: owner,
            convertedAt: n.isMultiple(of: 2) ? at(millisecondsAfterT0: 86_400_456) : nil
        ).record
        if n.isMultiple(of: 3) { r["custom_fields"] = .object(["tier": .text("gold"), "seats": .decimal(12)]) }
        return r
    }

    static func audit(for records: [Record]) -> [AuditEntry] {
        records.enumerated().map { i, r in
            AuditEntry(
                at: t0, actor: "cli:test", action: "import", entity: r.schema.name, recordID: r.id, before: nil,
                after: "{\"import\":\"job-1\",\"line\":\(i + 2)}")
        }
    }

    @Test(arguments: TestBackend.available)
    func bulkInsertedRecordsReadBackIdenticallyWithOneAuditRowEach(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            // Given reps (dates, date ranges, choices), leads with awkward text (tab, newline, quotes, backslash,
            // non-ASCII), nulls, integers, millisecond timestamps and custom fields
            let reps = (1...3).map { RecordStoreContractTests.rep($0) }
            let leads = (1...50).map { Self.lead($0, owner: $0.isMultiple(of: 5) ? "rep-1" : nil) }
            // When both are bulk-inserted
            try await store.insertBulk(BulkInsert(schema: Rep.schema, records: reps, audit: Self.audit(for: reps)))
            try await store.insertBulk(BulkInsert(schema: Lead.schema, records: leads, audit: Self.audit(for: leads)))
            // Then every record reads back identically and each has its import audit row
            for expected in reps + leads {
                let (stored, audit) = try await store.read { r in
                    (
                        try await r.get(expected.schema, id: expected.id),
                        try await r.audit(AuditQuery(entity: expected.schema.name, recordID: expected.id))
                    )
                }
                #expect(stored == expected)
                #expect(audit.count == 1)
                #expect(audit.first?.action == "import")
                #expect(audit.first?.after?.contains("\"import\":\"job-1\"") == true)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func aDuplicateExternalIDInTheMiddleOfABatchWritesNothing(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            // Given a batch whose 6th record repeats the external id of the 2nd
            var leads = (1...10).map { Self.lead($0) }
            leads[5]["external_id"] = .text("00Q2")
            let batch = BulkInsert(schema: Lead.schema, records: leads, audit: Self.audit(for: leads))
            // When it is bulk-inserted
            do {
                try await store.insertBulk(batch)
                Issue.record("expected a conflict")
            } catch let error as StoreError {
                // Then it is a conflict naming the field, and nothing of the batch — records or audit — is left
                guard case .conflict(_, let field, _) = error else { Issue.record("got \(error)"); return }
                #expect(field == "external_id")
            }
            let (count, audit) = try await store.read { r in
                (try await r.count(Lead.schema, filters: []), try await r.audit(AuditQuery(entity: "lead")))
            }
            #expect(count == 0)
            #expect(audit.isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func anUnknownOwnerRollsTheBatchBackAtCommitAndTheNextBatchStillWrites(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.write { try await $0.insert([RecordStoreContractTests.rep(1)]) }
            // Given a batch whose 4th lead names an owner that does not exist (checked at COMMIT: deferred)
            let bad = (1...8).map { Self.lead($0, owner: $0 == 4 ? "rep-missing" : "rep-1") }
            // When it is bulk-inserted, then it is a reference violation and nothing is written
            await #expect(throws: StoreError.self) {
                try await store.insertBulk(BulkInsert(schema: Lead.schema, records: bad, audit: Self.audit(for: bad)))
            }
            #expect(try await store.read { try await $0.count(Lead.schema, filters: []) } == 0)
            // And the connection is usable again: a good batch commits
            let good = (11...14).map { Self.lead($0, owner: "rep-1") }
            try await store.insertBulk(BulkInsert(schema: Lead.schema, records: good, audit: Self.audit(for: good)))
            let (count, audit) = try await store.read { r in
                (try await r.count(Lead.schema, filters: []), try await r.audit(AuditQuery(entity: "lead")))
            }
            #expect(count == 4)
            #expect(audit.count == 4)
        }
    }

    @Test(arguments: TestBackend.available)
    func opportunitiesGetTheirFirstStageHistoryRowInTheSameBatch(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let account = Account(
                meta: RecordMeta(id: "acc-1", createdAt: Self.t0), name: "Acme GmbH", website: "acme.de", employees: 250,
                annualRevenue: Money(Decimal(string: "1234567.89")!, .eur), country: "Germany", segment: .midMarket, ownerID: "rep-1"
            ).record
            try await store.write { tx in
                try await tx.insert([RecordStoreContractTests.rep(1)])
                try await tx.insert([account])
            }
            // Given a won opportunity (money in EUR, a date, booleans) and its first stage-history row
            let opp = Opportunity(
                meta: RecordMeta(id: "opp-1", createdAt: Self.t0), accountID: "acc-1", ownerID: "rep-1", name: "Acme expansion",
                amount: Money(Decimal(string: "45000.50")!, .eur), stage: "Discovery", probability: 40,
                closeDate: LocalDate(2026, 3, 31), forecastCategory: .closed, isClosed: true, isWon: true)
            let change = OpportunityStageChange(opp, from: nil, at: Self.t0, by: "cli:test")
            // When it is bulk-inserted, then both read back identically
            try await store.insertBulk(
                BulkInsert(schema: Opportunity.schema, records: [opp.record], audit: Self.audit(for: [opp.record]), stageChanges: [change]))
            let (stored, history) = try await store.read { r in
                (try await r.get(Opportunity.schema, id: "opp-1"), try await r.stageHistory(opportunityID: "opp-1"))
            }
            #expect(stored == opp.record)
            #expect(history == [change])
        }
    }
}
