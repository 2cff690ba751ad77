import ArgumentParser
import CoxswainDomain
import CoxswainServices
import Foundation

/// `coxswain analytics …`: team analytics on a CRM's CSV export, without a server.
struct AnalyticsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analytics", abstract: "Team analytics on CSV exports.", subcommands: [AnalyticsCompareCommand.self])
}

/// `coxswain analytics compare opps.csv --split 2026-03-01`: did the methodology change conversion?
struct AnalyticsCompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two cohorts of deals from an opportunity CSV: win rate, cycle time, deal size, with a verdict.",
        discussion: """
            Cohorts: --split YYYY-MM-DD (deals created before vs on or after that date; --split-on close uses the \
            close date) or --split "COLUMN=VALUE" (deals whose column equals the value vs the rest). Columns are found \
            by the import's header aliases (Salesforce, HubSpot, Pipedrive): Stage, Amount, Currency, Close Date, \
            Created Date; Won/Closed columns are used when present. Win rate: two-proportion z-test with a Newcombe \
            interval; cycle and deal size: Mann–Whitney U and bootstrap intervals (seeded, reproducible).
            """)

    @Argument(help: ArgumentHelp("Opportunity CSV export.", valueName: "OPPS.csv")) var file: String
    @Option(help: ArgumentHelp("YYYY-MM-DD or COLUMN=VALUE.", valueName: "split")) var split: String
    @Option(name: .customLong("split-on"), help: "For a date split: created (default) or close.") var splitOn: String = "created"
    @Option(help: "Currency of rows without a currency column.") var currency: String = "USD"
    @Option(help: "Confidence level for intervals and tests.") var confidence: Double = 0.95
    @Option(help: "Bootstrap seed (the same seed gives the same intervals).") var seed: UInt64 = 20_260_101
    @Flag(help: "Print JSON instead of the table.") var json = false

    func validate() throws {
        guard ["created", "close"].contains(splitOn) else { throw ValidationError("--split-on must be created or close (got '\(splitOn)')") }
        guard Currency(code: currency) != nil else { throw ValidationError("--currency '\(currency)' is not an ISO currency code") }
        guard confidence > 0.5 && confidence < 1 else { throw ValidationError("--confidence must be between 0.5 and 1 (e.g. 0.95)") }
    }

    func run() async throws {
        let result: OpportunityCSVComparison.Result
        do {
            let how = try OpportunityCSVComparison.Split.parse(split, onClose: splitOn == "close")
            result = try OpportunityCSVComparison.run(
                path: file, split: how, defaultCurrency: Currency(code: currency) ?? .usd,
                options: CohortComparisonOptions(confidence: confidence, seed: seed))
        } catch let e as OpportunityCSVError {
            throw CLIError(e.description)
        } catch let e as CSVFileError {
            throw CLIError(e.description)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
            print(String(decoding: try encoder.encode(result.comparison), as: UTF8.self))
        } else {
            print(Self.table(result.comparison, rows: result.rows, file: file))
        }
    }

    /// The verdict table printed by the command.
    static func table(_ c: CohortComparison, rows: Int, file: String) -> String {
        let level = "\(Int((c.options.confidence * 100).rounded()))% CI"
        var lines = [
            "Cohort comparison of \(NumberText.grouped(rows)) deals in \(file)", "  A: \(c.cohortA.name)", "  B: \(c.cohortB.name)", "",
        ]
        var table: [[String]] = [["measure", "A", "B", "B − A", level, "p"]]
        table.append(["deals", "\(c.cohortA.deals)", "\(c.cohortB.deals)", "", "", ""])
        table.append(["won / lost", "\(c.cohortA.won) / \(c.cohortA.lost)", "\(c.cohortB.won) / \(c.cohortB.lost)", "", "", ""])
        func f(_ v: Double, _ d: Int = 1) -> String { String(format: "%.\(d)f", v) }
        func p(_ v: Double) -> String { v < 0.001 ? "<0.001" : f(v, 3) }
        if let r = c.winRate {
            table.append([
                "win rate", f(r.rateA * 100) + "%", f(r.rateB * 100) + "%", String(format: "%+.1f pts", r.difference * 100),
                String(format: "%+.1f to %+.1f", r.ciLower * 100, r.ciUpper * 100), p(r.pValue),
            ])
        }
        if let d = c.cycleTime {
            table.append([
                "median cycle (days)", f(d.medianA, 0), f(d.medianB, 0), String(format: "%+.0f", d.medianDifference),
                String(format: "%+.0f to %+.0f", d.medianDifferenceCI.lowerBound, d.medianDifferenceCI.upperBound), p(d.pValue),
            ])
        }
        if let s = c.dealSize {
            table.append([
                "median deal size \(c.cohortB.currency?.code ?? "")", f(s.medianA, 0), f(s.medianB, 0), String(format: "%+.0f", s.medianDifference),
                String(format: "%+.0f to %+.0f", s.medianDifferenceCI.lowerBound, s.medianDifferenceCI.upperBound), p(s.pValue),
            ])
        }
        let widths = (0..<6).map { i in table.map { $0[i].count }.max() ?? 0 }
        for row in table {
            lines.append(
                row.enumerated().map { i, cell in
                    let pad = String(repeating: " ", count: widths[i] - cell.count)
                    return i == 0 ? cell + pad : pad + cell
                }.joined(separator: "  "))
        }
        lines += ["", "Verdict: \(c.verdict)"]
        for w in c.warnings { lines.append("Warning: \(w)") }
        return lines.joined(separator: "\n")
    }
}
