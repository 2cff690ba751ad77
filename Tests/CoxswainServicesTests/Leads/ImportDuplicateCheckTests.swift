import CoxswainDomain
import CoxswainServices
import CoxswainTesting
import Foundation
import Testing

@Suite("Lead import: duplicate check")
struct ImportDuplicateCheckTests {
    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dups-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let csv = """
        First Name,Last Name,Email,Phone,Company
        Robert,Smith,bob.smith@acme.com,+1 415 555 0100,Acme Inc
        Grace,Hopper,grace@navy.test,+1 202 555 0111,Navy
        Bob,Smith,bob.smith@acme.com,(415) 555-0100,Acme

        """

    func run(_ mode: DuplicateMode, backend: TestBackend) async throws -> (ImportReport, Int) {
        try await withTestStore(backend) { store in
            let service = RecordService(store: store, environment: .fixed())
            // Given an existing lead and the duplicate mode
            _ = try await service.create(
                Lead.schema,
                .object([
                    ("first_name", .string("Rob")), ("last_name", .string("Smith")), ("email", .string("bob.smith@acme.com")),
                    ("company", .string("Acme")),
                ]), by: .cli("test"))
            try await store.write { try await LeadMatchingSettings(mode: mode).save(to: $0) }
            // When a file with two copies of that lead and one new lead is imported with the check on
            let report = try await ImportService(records: service).importCSV(
                Lead.schema, path: try file(Self.csv), options: ImportOptions(duplicateGuard: LeadDuplicateGuard(store: store)), by: .cli("test"))
            return (report, try await store.read { try await $0.count(Lead.schema, filters: []) })
        }
    }

    @Test(arguments: TestBackend.available)
    func warnModeImportsEveryRowAndReportsDuplicatesByLine(backend: TestBackend) async throws {
        let (report, count) = try await run(.warn, backend: backend)
        // Then all three rows are in and lines 2 and 4 are reported as likely duplicates
        #expect(report.inserted == 3 && count == 4)
        #expect(report.duplicates.map(\.line) == [2, 4])
    }

    @Test(arguments: TestBackend.available)
    func blockModeRejectsDuplicateLinesNamingTheExistingLead(backend: TestBackend) async throws {
        let (report, count) = try await run(.block, backend: backend)
        // Then only the new lead is imported and each duplicate line is rejected with a `duplicate` issue
        #expect(report.inserted == 1 && count == 2)
        #expect(report.rejected.map(\.line) == [2, 4])
        #expect(report.rejected.allSatisfy { $0.issues.first?.code == "duplicate" && $0.issues.first?.message.contains("existing lead") == true })
    }
}
