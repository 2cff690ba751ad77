import ArgumentParser
import CoxswainDomain
import CoxswainServices
import Foundation

/// `coxswain dedupe IN.csv --out clusters.csv`: find duplicate records in any CRM export.
struct DedupeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe",
        abstract: "Find duplicate leads/contacts in a CSV file and write one cluster id per record.",
        discussion: """
            Column roles are detected from the header (first_name/given_name, last_name/surname, email, phone, company, \
            job_title, street_number, address_1, address_2, city/suburb, region/state, postcode, country, website, \
            date_of_birth, soc_sec_id …); map others with --map field=column. Matching weights are learnt from the file \
            itself (Fellegi–Sunter with EM), so no training data is needed.
            Output: clusters.csv with header id,cluster_id and one row per input record (the cluster id is the id of the \
            cluster's first record; singletons are their own cluster).
            """)

    @Argument(help: "Input CSV (- for standard input).") var input: String
    @Option(help: "Where to write id,cluster_id.") var out: String
    @Option(help: "Also write matched pairs (id_a,id_b,weight,probability[,explanation]).") var pairs: String?
    @Option(help: "Match threshold in log2 odds (default 0 = probability 0.5; higher is stricter).") var threshold: Double?
    @Flag(help: "Explain why pairs matched (field by field) in --pairs and on standard error.") var explain = false
    @Option(name: .customLong("map"), help: ArgumentHelp("Role for a column: --map company=Organisation. Repeatable.", valueName: "field=column"))
    var mappings: [String] = []
    @Option(name: .customLong("id-column"), help: "Name of the id column (default: id).") var idColumn: String = "id"

    func validate() throws {
        for m in mappings where m.split(separator: "=").count != 2 {
            throw ValidationError("--map expects field=column, got '\(m)'")
        }
    }

    func run() async throws {
        let started = Date()
        let (header, rows) = try Self.readTable(input, idColumn: idColumn)
        note("read \(grouped(rows.count)) records, \(header.count) columns")
        let table = MatchRecordTable(headers: header, rows: rows, idColumn: idColumn, overrides: mappings)
        guard !table.roles.isEmpty else {
            throw CLIError("no column of \(input) could be used for matching (headers: \(header.joined(separator: ", "))); use --map field=column")
        }
        var configuration = DeduplicationConfiguration()
        if let threshold { configuration.threshold = threshold }
        let deduplicator = LeadDeduplicator(table: table, configuration: configuration)
        let result = deduplicator.run()
        try Self.writeClusters(result: result, table: table, to: out)
        if let pairs {
            try Self.writePairs(result: result, table: table, deduplicator: deduplicator, explain: explain, to: pairs)
        }
        let stats = result.statistics
        let inClusters = result.clusters.reduce(0) { $0 + $1.count }
        note(
            """
            \(grouped(result.clusters.count)) duplicate clusters covering \(grouped(inClusters)) of \(grouped(table.count)) records \
            (\(grouped(inClusters - result.clusters.count)) duplicates); \(grouped(result.matchedPairs.count)) matched pairs
            compared \(grouped(stats.pairsCompared)) pairs (reduction ratio \(String(format: "%.5f", stats.reductionRatio))) \
            in \(String(format: "%.2f", Date().timeIntervalSince(started)))s; roles used: \(table.roles.map(\.rawValue).sorted().joined(separator: ", "))
            """)
        for cluster in result.clusters.sorted(by: { $0.count > $1.count }).prefix(explain ? 5 : 3) {
            note(
                "  cluster of \(cluster.count): " + cluster.prefix(8).map { table.ids[$0] }.joined(separator: ", ") + (cluster.count > 8 ? " …" : ""))
            if explain, cluster.count >= 2 {
                note(
                    "    why \(table.ids[cluster[0]]) ~ \(table.ids[cluster[1]]): "
                        + Self.describe(deduplicator.explain(cluster[0], cluster[1], model: result.model)))
            }
        }
        print("wrote \(out)" + (pairs.map { " and \($0)" } ?? ""))
    }

    /// Reads the whole CSV (dedupe needs every record), with precise errors for the inputs people get wrong.
    static func readTable(_ path: String, idColumn: String) throws -> ([String], [[String]]) {
        let reader: CSVFileReader
        do { reader = try CSVFileReader(path: path) } catch { throw CLIError(error.description) }
        defer { reader.close() }
        var header: [String] = []
        var rows: [[String]] = []
        var seen: [String: Int] = [:]
        var idIndex: Int?
        let wanted = FastText.looseKey(idColumn)
        while let next = try reader.next() {
            switch next {
            case .failure(let error):
                throw CLIError("\(path): \(error.description)")
            case .success(let record):
                if header.isEmpty {
                    header = record.strings
                    idIndex = header.firstIndex { FastText.looseKey($0) == wanted }
                    guard idIndex != nil else {
                        throw CLIError("\(path): no id column '\(idColumn)' (columns: \(header.joined(separator: ", "))); name one with --id-column")
                    }
                    continue
                }
                let cells = record.strings
                guard cells.count == header.count else {
                    throw CLIError("\(path): line \(record.line) has \(cells.count) fields but the header has \(header.count)")
                }
                let id = FastText.trimmed(cells[idIndex!])
                guard !id.isEmpty else { throw CLIError("\(path): line \(record.line), column \(header[idIndex!]): empty id") }
                if let first = seen[id] { throw CLIError("\(path): line \(record.line): id '\(id)' already used on line \(first)") }
                seen[id] = record.line
                rows.append(cells)
            }
        }
        guard !header.isEmpty else { throw CLIError("\(path) is empty: expected a header line and records") }
        guard !rows.isEmpty else { throw CLIError("\(path) has a header but no records") }
        return (header, rows)
    }

    static func writeClusters(result: DeduplicationResult, table: MatchRecordTable, to path: String) throws {
        do {
            let writer = try CSVFileWriter(path: path, options: CSVWriterOptions(lineEnding: .lf))
            try writer.writeRow(["id", "cluster_id"])
            for (i, id) in table.ids.enumerated() { try writer.writeRow([id, table.ids[Int(result.clusterIds[i])]]) }
            try writer.close()
        } catch { throw CLIError("cannot write \(path): \(error)") }
    }

    static func writePairs(
        result: DeduplicationResult, table: MatchRecordTable, deduplicator: LeadDeduplicator,
        explain: Bool, to path: String
    ) throws {
        do {
            let writer = try CSVFileWriter(path: path, options: CSVWriterOptions(lineEnding: .lf))
            try writer.writeRow(["id_a", "id_b", "weight", "probability"] + (explain ? ["explanation"] : []))
            for pair in result.matchedPairs {
                var row = [
                    table.ids[Int(pair.a)], table.ids[Int(pair.b)], String(format: "%.3f", Double(pair.weight)),
                    String(format: "%.4f", FellegiSunterModel.probability(weight: Double(pair.weight))),
                ]
                if explain { row.append(describe(deduplicator.explain(Int(pair.a), Int(pair.b), model: result.model))) }
                try writer.writeRow(row)
            }
            try writer.close()
        } catch { throw CLIError("cannot write \(path): \(error)") }
    }

    /// "email exact +9.1; surname fuzzy +3.2; phone missing 0.0 → 12.3 (p 0.9998)".
    static func describe(_ e: PairExplanation) -> String {
        e.contributions.map { "\(String(describing: $0.comparison)) \($0.levelName) \(String(format: "%+.1f", $0.weight))" }.joined(separator: "; ")
            + String(format: " → %.1f (p %.4f)", e.weight, e.probability) + (e.identityConflict ? " [identity conflict]" : "")
    }
}
