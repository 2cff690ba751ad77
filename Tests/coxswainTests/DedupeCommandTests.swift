import ArgumentParser
import Foundation
import Testing

@testable import coxswain

@Suite("coxswain dedupe")
struct DedupeCommandTests {
    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dedupe-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func writesOneClusterRowPerRecordAndGroupsTheDuplicates() async throws {
        // Given a CRM export where 1 and 3 are the same person and 2 is a colleague
        let input = try write(
            """
            id,first_name,last_name,email,phone,company,city
            1,Robert,Smith,robert.smith@acme.com,+1 415 555 0134,Acme Inc,San Francisco
            2,Mary,Smith,mary.smith@acme.com,+1 415 555 0199,Acme Inc,San Francisco
            3,Bob,Smith,Robert.Smith@acme.com,(415) 555-0134,"ACME, Inc.",San Francisco
            4,Chen,Wei,chen.wei@globex.cn,+86 10 5555 1234,Globex,Beijing
            """)
        let out = input + ".clusters.csv"
        let command = try #require(try Coxswain.parseAsRoot(["dedupe", input, "--out", out]) as? DedupeCommand)
        try await command.run()
        // Then every record has a cluster, 1 and 3 share one, 2 and 4 are alone
        let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(rows.first == ["id", "cluster_id"])
        let cluster = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0[1]) })
        #expect(cluster.count == 4)
        #expect(cluster["1"] == cluster["3"])
        #expect(cluster["2"] != cluster["1"])
        #expect(cluster["4"] == "4")
    }

    @Test func badInputsGiveMessagesNamingLineAndColumn() async throws {
        let cases: [(String, String)] = [
            ("", "is empty"),
            ("id,first_name\n", "no records"),
            ("name\nAnn\n", "no id column"),
            ("id,first_name\n1,Ann\n1,Bob\n", "line 3: id '1' already used on line 2"),
            ("id,first_name\n1,Ann,extra\n", "line 2 has 3 fields"),
            ("id,first_name\n1,\"Ann\n", "unterminated"),
        ]
        for (text, expected) in cases {
            let command = try #require(try Coxswain.parseAsRoot(["dedupe", try write(text), "--out", "/tmp/never.csv"]) as? DedupeCommand)
            do {
                try await command.run()
                Issue.record("expected an error for \(text.debugDescription)")
            } catch let error as CLIError {
                #expect(error.description.contains(expected), "\(error.description)")
            }
        }
    }
}
