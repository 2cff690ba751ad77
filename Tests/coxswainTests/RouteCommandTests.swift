import ArgumentParser
import Foundation
import Testing

@testable import coxswain

@Suite("coxswain route")
struct RouteCommandTests {
    func write(_ text: String, _ ext: String = "csv") throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("route-\(UUID().uuidString).\(ext)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let policy = """
        {"id": "p", "pools": [{"id": "emea", "members": [{"rep": "ann"}, {"rep": "bob"}, {"rep": "cy"}]}],
         "rules": [{"id": "emea", "when": {"field": "country", "in": ["DE", "FR"]}, "assign": {"pool": "emea"}},
                   {"id": "big", "when": {"field": "custom_fields.seats", "range": {"min": 100}}, "assign": {"rep": "ann"}}]}
        """
    static let reps = """
        id,name,Email Address,active,time_zone,out_of_office
        ann,Ann Lee,ann@x.com,true,Europe/Berlin,
        bob,Bob Ray,bob@x.com,false,UTC,
        cy,Cy Dee,cy@x.com,yes,UTC,2026-03-01..2026-03-01
        """

    func run(_ leads: String, policy: String = Self.policy, reps: String = Self.reps, extra: [String] = []) async throws -> [[String]] {
        let out = try write("") + ".out.csv"
        let args = ["route", try write(leads), "--policy", try write(policy, "json"), "--reps", try write(reps), "--out", out] + extra
        let command = try #require(try Coxswain.parseAsRoot(args) as? RouteCommand)
        try await command.run()
        return try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test func writesOneAssignmentPerLeadWithHeldLeadsInTheHoldQueue() async throws {
        // Given four leads: two in the EMEA pool, one big by a custom column, one matching nothing
        let rows = try await run(
            """
            id,Country,seats,created_at
            1,DE,5,2026-03-02T10:00:00Z
            2,fr,,2026-03-02T10:01:00Z
            3,US,250,2026-03-02T10:02:00Z
            4,US,3,2026-03-02T10:03:00Z
            """)
        // Then the header is exact, inactive bob is skipped, the custom range routes lead 3, lead 4 is held
        #expect(rows[0] == ["lead_id", "owner_id", "rule", "reason"])
        #expect(rows.dropFirst().map { Array($0.prefix(3)) } == [["1", "ann", "emea"], ["2", "cy", "emea"], ["3", "ann", "big"], ["4", "", ""]])
        #expect(rows[2][3].contains("bob skipped (inactive)"))
        #expect(rows[4][3] == "held: no rule matched")
    }

    @Test func badInputsGiveMessagesNamingFileLineAndField() async throws {
        let cases: [(String, String, String, String)] = [
            ("id,country,seats\n1,DE,lots\n", Self.policy, Self.reps, "line 2, column seats: 'lots' is not a number (custom_fields.seats)"),
            ("id,country,created_at\n1,DE,yesterday\n", Self.policy, Self.reps, "line 2, column created_at: 'yesterday' is not an ISO 8601 time"),
            ("id,country\n1,DE\n1,FR\n", Self.policy, Self.reps, "line 3: lead id '1' appears twice"),
            ("country\nDE\n", Self.policy, Self.reps, "no id column"),
            ("id,country\n1,DE\n", Self.policy, "id,time_zone\nann,Mars/Olympus\n", "line 2, field time_zone"),
            ("id,country\n1,DE\n", Self.policy, "id,active\nann,true\nann,true\n", "line 3: rep id 'ann' already used on line 2"),
            ("id,country\n1,DE\n", #"{"id":"p","rules":[{"id":"a","assign":{"pool":"nope"}}]}"#, Self.reps, "rules[0].assign.pool: no pool 'nope'"),
            ("id,country\n1,DE\n", #"{"id":"p","rules":[{"id":"a","asign":{}}]}"#, Self.reps, "rules[0].asign: unknown key"),
        ]
        for (leads, policy, reps, expected) in cases {
            do {
                _ = try await run(leads, policy: policy, reps: reps)
                Issue.record("expected an error containing \(expected)")
            } catch let error as CLIError {
                #expect(error.description.contains(expected), "\(error.description)")
            }
        }
    }

    @Test func stateFileCarriesTheRoundRobinCursorAcrossRuns() async throws {
        // Given a state file shared by two runs of one lead each
        let state = try write("") + ".state.json"
        try? FileManager.default.removeItem(atPath: state)
        let lead = "id,country,created_at\n1,DE,2026-03-02T10:00:00Z\n"
        // When routed twice
        let first = try await run(lead, extra: ["--state", state])
        let second = try await run(lead, extra: ["--state", state])
        // Then the second run continues the rotation instead of restarting it
        #expect(first[1][1] == "ann" && second[1][1] == "cy")
    }

    @Test func simulatePrintsTheFairnessReportWithoutWritingAssignments() async throws {
        // Given four past leads all owned by ann
        let leads = try write(
            """
            id,country,owner_id,created_at
            1,DE,ann,2026-03-02T10:00:00Z
            2,DE,ann,2026-03-02T10:01:00Z
            3,FR,ann,2026-03-02T10:02:00Z
            4,FR,ann,2026-03-02T10:03:00Z
            """)
        let args = ["route", leads, "--policy", try write(Self.policy, "json"), "--reps", try write(Self.reps), "--simulate"]
        let command = try #require(try Coxswain.parseAsRoot(args) as? RouteCommand)
        // When replayed
        let report = try RouteInputs.replayReport(command)
        // Then the draft splits them between the two active pool members, fairly, and two change owner
        #expect(report.rows.map(\.simulated) == [2, 2])
        #expect(report.changedOwner == 2 && report.gini == 0)
        #expect(RouteInputs.render(report).contains("fairness: Gini 0.000 (actual 0.500)"))
    }
}
