import CoxswainDomain
import CoxswainServices
import CoxswainStorage
import CoxswainTesting
import Foundation
import Testing

/// The repository contract: the same assertions against SQLite (always) and PostgreSQL (when
/// `COXSWAIN_TEST_POSTGRES_URL` is set), through the one SQL code path.
@Suite("Record store contract")
struct RecordStoreContractTests {
    static let t0 = Date(timeIntervalSince1970: 1_767_225_600)

    static func rep(_ n: Int, manager: String? = nil) -> Record {
        Rep(
            meta: RecordMeta(id: "rep-\(n)", externalID: "005R\(n)", createdAt: t0), firstName: "Ada\(n)", lastName: "Lovelace",
            email: "ada\(n)@example.com", role: .ae, managerID: manager, hireDate: LocalDate(2025, 3, 1),
            outOfOffice: [LocalDate(2026, 1, 5)...LocalDate(2026, 1, 9)]
        ).record
    }

    @Test(arguments: TestBackend.available)
    func insertedRecordsReadBackIdentically(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            // Given a rep, an account with revenue in EUR and an opportunity with custom fields
            let rep = Self.rep(1)
            var account = Account(
                meta: RecordMeta(id: "acc-1", createdAt: Self.t0), name: "Acme GmbH", website: "acme.de",
                employees: 250, annualRevenue: Money(Decimal(string: "1234567.89")!, .eur), country: "Germany",
                segment: .midMarket, ownerID: "rep-1"
            ).record
            account["custom_fields"] = .object(["tier": .text("gold"), "seats": .decimal(12)])
            let storedAccount = account
            let opp = Opportunity(
                meta: RecordMeta(id: "opp-1", createdAt: Self.t0), accountID: "acc-1", ownerID: "rep-1",
                name: "Acme expansion", amount: Money(Decimal(string: "45000.50")!, .eur), stage: "Discovery",
                probability: 40, closeDate: LocalDate(2026, 3, 31), forecastCategory: .pipeline
            ).record
            // When they are written in one transaction and read back
            try await store.write { tx in
                try await tx.insert([rep])
                try await tx.insert([storedAccount])
                try await tx.insert([opp])
            }
            let read = try await store.read { r in
                (
                    try await r.get(Rep.schema, id: "rep-1"), try await r.get(Account.schema, id: "acc-1"),
                    try await r.get(Opportunity.schema, id: "opp-1")
                )
            }
            // Then every field is identical, money kept exactly
            #expect(read.0 == rep)
            #expect(read.1 == account)
            #expect(read.2 == opp)
            #expect(read.1?.money("annual_revenue") == Money(Decimal(string: "1234567.89")!, .eur))
        }
    }

    @Test(arguments: TestBackend.available)
    func failedTransactionLeavesNothingBehind(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            struct Boom: Error {}
            // Given a transaction that inserts and then fails
            await #expect(throws: Boom.self) {
                try await store.write { tx in
                    try await tx.insert([Self.rep(1)])
                    try await tx.append(audit: [
                        AuditEntry(at: Self.t0, actor: "test", action: "create", entity: "rep", recordID: "rep-1", before: nil, after: "{}")
                    ])
                    throw Boom()
                }
            }
            // Then neither the record nor its audit row exist
            let count = try await store.read { try await $0.count(Rep.schema, filters: []) }
            let audit = try await store.read { try await $0.audit(AuditQuery()) }
            #expect(count == 0)
            #expect(audit.isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func uniqueViolationIsAConflictNamingTheField(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.write { try await $0.insert([Self.rep(1)]) }
            var twin = Self.rep(2)
            twin["email"] = .text("ada1@example.com")
            let duplicate = twin
            do {
                try await store.write { try await $0.insert([duplicate]) }
                Issue.record("expected a conflict")
            } catch let error as StoreError {
                guard case .conflict(_, let field, _) = error else { Issue.record("got \(error)"); return }
                #expect(field == "email")
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func danglingReferenceIsRejectedAtCommit(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let orphan = Self.rep(1, manager: "rep-missing")
            await #expect(throws: StoreError.self) { try await store.write { try await $0.insert([orphan]) } }
            let count = try await store.read { try await $0.count(Rep.schema, filters: []) }
            #expect(count == 0)
        }
    }

    @Test(arguments: TestBackend.available)
    func keysetPaginationVisitsEveryRowOnceInSortOrder(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            // Given 23 reps, some without a hire date (nulls sort last)
            let reps: [Record] = (0..<23).map { i in
                var r = Self.rep(100 + i)
                r["hire_date"] = i % 5 == 0 ? .null : .date(LocalDate(2024, 1, 1).adding(days: (i * 37) % 11))
                return r
            }
            try await store.write { try await $0.insert(reps) }
            for descending in [false, true] {
                // When paging 5 at a time by hire date
                var seen: [String] = []
                var cursor: String?
                repeat {
                    let query = ListQuery(sort: "hire_date", descending: descending, limit: 5, cursor: cursor)
                    let page = try await store.read { try await $0.list(Rep.schema, query) }
                    seen += page.records.map(\.id)
                    cursor = page.nextCursor
                } while cursor != nil
                // Then each row appears exactly once, in order, nulls last
                #expect(seen.count == 23)
                #expect(Set(seen).count == 23)
                let dates = seen.map { id in reps.first { $0.id == id }!.date("hire_date") }
                let nonNull = dates.compactMap { $0 }
                #expect(nonNull == (descending ? nonNull.sorted(by: >) : nonNull.sorted()))
                #expect(dates.suffix(5).allSatisfy { $0 == nil })
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func filtersCountsAndAggregatesAgree(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.write { tx in
                try await tx.insert([Self.rep(1)])
                try await tx.insert(
                    (1...3).map { Account(meta: RecordMeta(id: "acc-\($0)", createdAt: Self.t0), name: "Co \($0)", ownerID: "rep-1").record })
                try await tx.insert(
                    (1...10).map { i in
                        Opportunity(
                            meta: RecordMeta(id: "opp-\(i)", createdAt: Self.t0), accountID: "acc-\(i % 3 + 1)", ownerID: "rep-1",
                            name: "Deal \(i)", amount: Money(Decimal(i * 1000), .usd), stage: i % 2 == 0 ? "Closed Won" : "Proposal",
                            probability: 50, closeDate: LocalDate(2026, 2, i), forecastCategory: .bestCase, isClosed: i % 2 == 0,
                            isWon: i % 2 == 0
                        ).record
                    })
            }
            let (won, big, byStage, like) = try await store.read { r in
                (
                    try await r.count(Opportunity.schema, filters: [.eq("is_won", .bool(true))]),
                    try await r.count(Opportunity.schema, filters: [ListFilter("amount", .gte, [.decimal(5000)])]),
                    try await r.aggregate(Opportunity.schema, groupBy: "stage", sumField: "amount", filters: []),
                    try await r.count(Opportunity.schema, filters: [ListFilter("name", .contains, [.text("DEAL 1")])])
                )
            }
            #expect(won == 5)
            #expect(big == 6)
            let wonRow = byStage.first { $0.key == "Closed Won" }
            #expect(wonRow?.count == 5)
            #expect(wonRow?.sum == Int64(3_000_000))  // 30,000.00 USD in minor units
            #expect(like == 2)  // "Deal 1", "Deal 10"
        }
    }

    @Test(arguments: TestBackend.available)
    func historyAuditSettingsAndIdempotencyPersist(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let change = OpportunityStageChange(
                opportunityID: "opp-1", fromStage: "Discovery", toStage: "Proposal",
                amount: Money(Decimal(string: "99.99")!, .gbp), probability: 60,
                closeDate: LocalDate(2026, 6, 30), forecastCategory: .bestCase,
                changedAt: Self.t0, changedBy: "user:1")
            let field = FieldChange(
                entity: "opportunity", recordID: "opp-1", field: "close_date", oldValue: "2026-03-31",
                newValue: "2026-06-30", changedAt: Self.t0, changedBy: "user:1")
            try await store.write { tx in
                try await tx.append(stageChanges: [change])
                try await tx.append(fieldChanges: [field])
                try await tx.append(audit: [
                    AuditEntry(
                        at: Self.t0, actor: "user:1", action: "update", entity: "opportunity",
                        recordID: "opp-1", before: "{}", after: "{\"a\":1}")
                ])
                try await tx.setSetting("org", value: "{\"x\":1}")
                try await tx.setSetting("org", value: "{\"x\":2}")
                try await tx.saveResponse(StoredResponse(key: "k1", actor: "user:1", requestHash: "h", status: 201, body: "{}", createdAt: Self.t0))
            }
            let read = try await store.read { r in
                (
                    try await r.stageHistory(opportunityID: "opp-1"), try await r.fieldHistory(entity: "opportunity", recordID: "opp-1"),
                    try await r.audit(AuditQuery(entity: "opportunity", actor: "user:1")), try await r.setting("org"),
                    try await r.idempotentResponse(key: "k1", actor: "user:1")
                )
            }
            #expect(read.0 == [change])
            #expect(read.1 == [field])
            #expect(read.2.count == 1 && read.2[0].after == "{\"a\":1}")
            #expect(read.3 == "{\"x\":2}")
            #expect(read.4?.status == 201)
        }
    }
}

@Suite("Typed repositories")
struct EntityRepositoryTests {
    @Test(arguments: TestBackend.available)
    func typedRepositoriesReadWhatTheStoreHolds(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.write { tx in try await tx.insert((1...7).map { RecordStoreContractTests.rep($0) }) }
            let reps = RepSQLRepository(store: store)
            #expect(try await reps.count() == 7)
            #expect(try await reps.get("rep-3")?.email == "ada3@example.com")
            #expect(try await reps.get("nope") == nil)
            let all = try await reps.all(filters: [.eq("role", .text("ae"))])
            #expect(all.map(\.meta.id).sorted() == (1...7).map { "rep-\($0)" }.sorted())
            #expect(all.first?.outOfOffice.first?.lowerBound == LocalDate(2026, 1, 5))
        }
    }
}
