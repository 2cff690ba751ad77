import ArgumentParser
import CoxswainDomain
import CoxswainServices
import CoxswainStorage
import Foundation
import Testing

@testable import coxswain

@Suite("Command line")
struct CommandTests {
    func tempPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)-\(name)").path
    }

    @Test func unknownEntitiesAndBadOptionsAreUsageErrors() {
        #expect(throws: (any Error).self) { try Coxswain.parseAsRoot(["import", "widgets", "x.csv"]) }
        #expect(throws: (any Error).self) { try Coxswain.parseAsRoot(["import", "leads", "x.csv", "--map", "nocolumn"]) }
        #expect(throws: (any Error).self) { try Coxswain.parseAsRoot(["serve", "--port", "70000"]) }
        #expect(throws: (any Error).self) { try Coxswain.parseAsRoot(["demo", "--size", "huge"]) }
        #expect(throws: (any Error).self) { try Coxswain.parseAsRoot(["demo", "--as-of", "2026-02-30"]) }
        #expect((try? Coxswain.parseAsRoot(["demo", "--size", "small", "--no-serve"])) is DemoCommand)
    }

    @Test func helpReadsWellForEveryCommand() {
        for command in ["demo", "serve", "migrate", "import", "export", "bench"] {
            let help = Coxswain.helpMessage(for: Coxswain.self, includeHidden: false, columns: 100)
            #expect(help.contains(command))
        }
        #expect(Coxswain.helpMessage(for: ImportCommand.self).contains("--rejects"))
    }

    @Test func smallDemoBuildsADatabaseMatchingItsSummary() async throws {
        // Given a small demo built without serving
        let db = tempPath("demo.sqlite")
        let command = try #require(
            try Coxswain.parseAsRoot(["demo", "--size", "small", "--no-serve", "--db", db, "--as-of", "2026-11-29"]) as? DemoCommand)
        try await command.run()
        // Then the database holds exactly what the generator made
        let handle = try await SQLiteDatabaseHandle.open(path: db)
        let store = SQLRecordStore(handle: handle)
        let org = DemoOrgGenerator(
            seed: 7, size: .small, asOf: LocalDate(2026, 11, 29),
            calendar: FiscalCalendar(startMonth: 2, timeZoneIdentifier: "America/New_York")
        ).generate()
        let counts = try await store.read { r in
            (
                try await r.count(Lead.schema, filters: []), try await r.count(Opportunity.schema, filters: []),
                try await r.count(Rep.schema, filters: []), try await OrgSettings.load(from: r).fiscalCalendar.startMonth
            )
        }
        // And one demo sign-in per role, the manager and rep linked to real reps
        let users = try await store.read { try await $0.users() }
        #expect(Set(users.map(\.role)) == Set(UserRole.allCases))
        #expect(users.filter { $0.role == .manager || $0.role == .rep }.allSatisfy { $0.repID != nil })
        try await handle.close()
        #expect(counts.0 == org.leads.count)
        #expect(counts.1 == org.opportunities.count)
        #expect(counts.2 == org.reps.count)
        #expect(counts.3 == 2)
    }

    @Test func importExitsWithCodeTwoWhenRowsAreRejected() async throws {
        let csv = tempPath("leads.csv")
        try "last_name,email\nNg,ng@example.com\nLi,not-an-email\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let db = tempPath("import.sqlite")
        let command = try #require(try Coxswain.parseAsRoot(["import", "leads", csv, "--db", db]) as? ImportCommand)
        await #expect(throws: ExitCode(2)) { try await command.run() }
        let export = try #require(try Coxswain.parseAsRoot(["export", "leads", "--db", db, "--out", csv + ".out"]) as? ExportCommand)
        try await export.run()
        let lines = try String(contentsOfFile: csv + ".out", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
    }
}
