import CoxswainDomain
import CoxswainServices
import CoxswainTesting
import Foundation
import Testing

@Suite("CSV import and export")
struct ImportServiceTests {
    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func seedReps(_ service: RecordService) async throws {
        _ = try await service.create(
            Rep.schema,
            .object([
                ("first_name", .string("Jane")), ("last_name", .string("Doe")),
                ("email", .string("jane@northwind.test")), ("role", .string("sdr")),
                ("external_id", .string("0055e000001AbCd")),
            ]), by: .cli("test"))
    }

    @Test(arguments: TestBackend.available)
    func salesforceExportImportsAndEveryBadRowIsReportedWithLineAndField(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let service = RecordService(store: store, environment: .fixed())
            try await seedReps(service)
            // Given a Salesforce lead export with Salesforce headers, an owner by e-mail, and three bad rows
            let csv = try file(
                """
                Id,First Name,Last Name,Email,Company / Account,Lead Status,Lead Owner,No. of Employees,Create Date,Rating
                00Q1,Ada,Lovelace,ada@analytical.test,Analytical Engines,Open - Not Contacted,jane@northwind.test,"1,200",2026-01-05,Hot
                00Q2,Grace,Hopper,not-an-email,Navy,Working - Contacted,jane@northwind.test,50,2026-01-06,Warm
                00Q3,Alan,Turing,alan@bletchley.test,Bletchley,Working - Contacted,ghost@nowhere.test,10,2026-01-07,Cold
                00Q4,Edsger,Dijkstra,ewd@tue.test,"TU Eindhoven, NL",Qualified,0055e000001AbCd,-3,2026-01-08,Warm
                00Q5,Barbara,Liskov,bl@mit.test,MIT,Qualified,jane@northwind.test,100
                00Q1,Ada,Again,ada2@analytical.test,Analytical,New,,,2026-01-09,Hot

                """)
            let rejects = csv + ".rejects.csv"
            let report = try await ImportService(records: service).importCSV(
                Lead.schema, path: csv, options: ImportOptions(batchSize: 2, rejectsPath: rejects), by: .cli("test"))
            // Then the good row is in, each bad row is reported with line and field, and nothing else is lost
            #expect(report.rowsRead == 6)
            #expect(report.inserted == 1)
            #expect(report.rejectedCount == 5)
            let byLine = Dictionary(report.rejected.map { ($0.line, $0.issues.map(\.field)) }, uniquingKeysWith: { a, _ in a })
            #expect(byLine[3] == ["email"])
            #expect(byLine[4] == ["owner_id"])
            #expect(byLine[5] == ["employees"])
            #expect(byLine[6] == [""])  // ragged row
            #expect(byLine[7] == ["external_id"])  // duplicate of line 2
            #expect(report.ignoredColumns == ["Rating"])
            let lead = try #require(try await store.read { try await $0.list(Lead.schema, ListQuery()) }.records.first)
            #expect(lead.text("external_id") == "00Q1")
            #expect(lead.text("status") == "new")
            #expect(lead.int("employees") == 1200)
            #expect(lead.text("owner_id") != "jane@northwind.test" && lead.text("owner_id") != nil)
            let rejectLines = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n")
            #expect(rejectLines.count == 6)
            #expect(rejectLines[0].hasSuffix("_line,_errors"))
        }
    }

    @Test(arguments: TestBackend.available)
    func reimportingUpdatesByExternalIDAndRecordsHistory(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let service = RecordService(store: store, environment: .fixed())
            let importer = ImportService(records: service)
            _ = try await importer.importCSV(Lead.schema, path: try file("external_id,last_name,company\nX1,Ng,Acme\nX2,Li,Globex\n"), by: .cli("t"))
            // When the same file comes back with one change
            let report = try await importer.importCSV(
                Lead.schema, path: try file("external_id,last_name,company\nX1,Ng,Acme Corp\nX2,Li,Globex\n"), by: .cli("t"))
            // Then one record is updated, one unchanged, and the change is in field history and the audit log
            #expect(report.inserted == 0 && report.updated == 1 && report.unchanged == 1)
            let (count, leads) = try await store.read { r in
                (
                    try await r.count(Lead.schema, filters: []),
                    try await r.list(Lead.schema, ListQuery(filters: [.eq("external_id", .text("X1"))])).records
                )
            }
            #expect(count == 2)
            #expect(leads.first?.text("company") == "Acme Corp")
            let history = try await store.read { try await $0.fieldHistory(entity: "lead", recordID: leads[0].id) }
            #expect(history.map(\.field) == ["company"])
            #expect(history.first?.oldValue == "Acme" && history.first?.newValue == "Acme Corp")
        }
    }

    @Test func emptyFilesAndMissingFilesFailWithAClearMessage() async throws {
        try await withTestStore(.sqlite) { store in
            let importer = ImportService(records: RecordService(store: store))
            await #expect(throws: ImportError.self) { try await importer.importCSV(Lead.schema, path: try file(""), by: .cli("t")) }
            await #expect(throws: ImportError.self) { try await importer.importCSV(Lead.schema, path: "/nonexistent/x.csv", by: .cli("t")) }
            let headerOnly = try await importer.importCSV(Lead.schema, path: try file("last_name,email\n"), by: .cli("t"))
            #expect(headerOnly.rowsRead == 0 && headerOnly.rejectedCount == 0)
            do {
                _ = try await importer.importCSV(Lead.schema, path: try file("Last Name,Surname\nA,B\n"), by: .cli("t"))
                Issue.record("two columns for one field must fail")
            } catch let f as ValidationFailure {
                #expect(f.issues.first?.code == "duplicate")
            }
        }
    }

    @Test func dryRunValidatesButWritesNothing() async throws {
        try await withTestStore(.sqlite) { store in
            let report = try await ImportService(records: RecordService(store: store)).importCSV(
                Lead.schema, path: try file("last_name\nA\nB\n"), options: ImportOptions(dryRun: true), by: .cli("t"))
            #expect(report.inserted == 2)
            let count = try await store.read { try await $0.count(Lead.schema, filters: []) }
            #expect(count == 0)
        }
    }

    @Test func exportNeutralisesSpreadsheetFormulas() async throws {
        try await withTestStore(.sqlite) { store in
            let service = RecordService(store: store)
            _ = try await service.create(
                Lead.schema,
                .object([
                    ("last_name", .string("=HYPERLINK(\"http://evil\")")),
                    ("company", .string("-5 Corp")), ("employees", .number(-0 + 5)),
                ]), by: .cli("t"))
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).csv").path
            let n = try await ExportService(store: store).exportCSV(Lead.schema, to: out)
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(n == 1)
            #expect(text.contains("'=HYPERLINK"))
            #expect(text.contains("'-5 Corp"))
            #expect(text.hasPrefix("id,external_id,created_at"))
        }
    }
}
