import ArgumentParser
import CoxswainDomain
import CoxswainServices
import Foundation
import Testing

@testable import coxswain

@Suite("coxswain analytics compare")
struct AnalyticsCommandTests {
    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)-opps.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A Salesforce-style export: 40 deals before 2026-03-01 winning 25%, 40 after winning 60%.
    func salesforceExport() -> String {
        var lines = ["Opportunity Name,Stage,Amount,Opportunity Currency,Close Date,Created Date,Lead Source"]
        for i in 0..<80 {
            let after = i >= 40
            let won = after ? i % 5 < 3 : i % 4 == 0
            let created = after ? "2026-03-\(String(format: "%02d", 1 + i % 28))" : "2026-01-\(String(format: "%02d", 1 + i % 28))"
            let close = after ? "2026-05-\(String(format: "%02d", 1 + i % 28))" : "2026-02-\(String(format: "%02d", 1 + i % 28))"
            lines.append(
                "Deal \(i),\(won ? "Closed Won" : "Closed Lost"),\(10_000 + i * 250),USD,\(close),\(created),\(i % 2 == 0 ? "Webinar" : "Referral")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func dateSplitOnASalesforceExportGivesAVerdictWithConfidenceInterval() throws {
        // Given an export where the methodology launched on 2026-03-01
        let path = try write(salesforceExport())
        let result = try OpportunityCSVComparison.run(path: path, split: .date(LocalDate(2026, 3, 1), onClose: false))
        let c = result.comparison
        // Then the cohorts are split on the created date and the win-rate gain is significant
        #expect(result.rows == 80)
        #expect(c.cohortA.won == 10 && c.cohortA.lost == 30)
        #expect(c.cohortB.won == 24 && c.cohortB.lost == 16)
        let rate = try #require(c.winRate)
        #expect(rate.ciLower > 0 && rate.pValue < 0.05)
        #expect(c.verdict.hasPrefix("Created on or after 2026-03-01 converts better: 60% vs 25%"))
        // And the printed table carries the CI column and the verdict
        let table = AnalyticsCompareCommand.table(c, rows: result.rows, file: "opps.csv")
        #expect(table.contains("95% CI") && table.contains("win rate") && table.contains("Verdict: "))
    }

    @Test func columnSplitUsesTheNamedColumnCaseInsensitively() throws {
        let path = try write(salesforceExport())
        let result = try OpportunityCSVComparison.run(path: path, split: try .parse("lead source=webinar", onClose: false))
        #expect(result.comparison.cohortB.deals == 40 && result.comparison.cohortA.deals == 40)
        #expect(result.comparison.cohortB.name == "lead source = webinar")
    }

    @Test func badInputNamesTheLineAndColumnOrTheMissingColumns() throws {
        // Given a bad date on line 3
        let bad = try write("Stage,Amount,Close Date,Created Date\nClosed Won,100,2026-01-05,2026-01-01\nClosed Lost,200,31/02/2026,2026-01-01\n")
        #expect {
            _ = try OpportunityCSVComparison.run(path: bad, split: .date(LocalDate(2026, 1, 2), onClose: false))
        } throws: { ($0 as? OpportunityCSVError)?.description == "line 3, column 'Close Date': '31/02/2026' is not a date (YYYY-MM-DD)" }
        // And a file without amounts or created dates lists what is missing
        let missing = try write("Stage,Close Date\nClosed Won,2026-01-05\n")
        #expect {
            _ = try OpportunityCSVComparison.run(path: missing, split: .date(LocalDate(2026, 1, 2), onClose: false))
        } throws: { error in
            let text = (error as? OpportunityCSVError)?.description ?? ""
            return text.contains("amount") && text.contains("created date") && text.contains("Its header is: Stage, Close Date")
        }
        // And a split naming a missing column, a bad split, a missing file and bad options are precise errors
        #expect(throws: OpportunityCSVError.self) {
            try OpportunityCSVComparison.run(path: try write(salesforceExport()), split: .column("Tool", value: "x"))
        }
        #expect(throws: OpportunityCSVError.self) { try OpportunityCSVComparison.Split.parse("soon", onClose: false) }
        #expect(throws: CSVFileError.self) { try OpportunityCSVComparison.run(path: "/no/such.csv", split: .column("a", value: "b")) }
        #expect(throws: (any Error).self) {
            try Coxswain.parseAsRoot(["analytics", "compare", "x.csv", "--split", "2026-01-01", "--split-on", "later"])
        }
        #expect((try? Coxswain.parseAsRoot(["analytics", "compare", "x.csv", "--split", "2026-01-01"])) is AnalyticsCompareCommand)
    }

    @Test func commandRunFailsCleanlyOnAMissingFile() async throws {
        let command = try #require(
            try Coxswain.parseAsRoot(["analytics", "compare", "/no/such.csv", "--split", "2026-01-01"]) as? AnalyticsCompareCommand)
        await #expect { try await command.run() } throws: { ($0 as? CLIError)?.description.hasPrefix("cannot open '/no/such.csv'") == true }
    }
}
