import ArgumentParser
import CoxswainDomain
import CoxswainServices
import CoxswainStorage
import Foundation

/// `coxswain bench <engine>`: reproducible performance measurements (run with `-c release`).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure an engine's throughput on generated data (use a release build).",
        subcommands: [ImportBench.self, CSVBench.self])
}

/// Peak resident set size of this process, in MiB.
func peakRSSMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // Linux reports KiB
}

/// Imports a generated lead CSV into a fresh database and reports rows/s and peak memory.
struct ImportBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Generate a lead CSV and import it into a fresh SQLite (or PostgreSQL) database.",
        discussion: "Figures to reach (release build): ≥ 150,000 rows/s into SQLite with validation, peak RSS < 500 MiB.")

    @Option(help: "Rows to generate.") var rows = 1_000_000
    @Option(help: "Random seed for the generated file.") var seed: UInt64 = 42
    @Option(help: "Import into this PostgreSQL database (a fresh schema is created and dropped) instead of SQLite.")
    var postgres: String?
    @Option(name: .customLong("batch-size"), help: "Rows per transaction.") var batchSize = 5000

    func run() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coxswain-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("leads.csv").path
        let genStart = Date()
        try CSVBenchmark.writeLeadFixture(path: csv, rows: rows, seed: seed)
        let size = (try? FileManager.default.attributesOfItem(atPath: csv)[.size] as? Int) ?? 0
        note("generated \(grouped(rows)) leads (\(size / 1_048_576) MiB) in \(String(format: "%.1f", Date().timeIntervalSince(genStart)))s")

        let logger = makeLogger()
        let handle: any DatabaseHandle
        var dropSchema: (() async -> Void)?
        if let url = postgres {
            let schema = "bench_\(getpid())"
            let admin = try await PostgresDatabaseHandle.open(url: url, maxConnections: 1, logger: logger)
            try await admin.execute("CREATE SCHEMA \(schema)")
            handle = try await PostgresDatabaseHandle.open(url: url, searchPath: [schema], logger: logger)
            dropSchema = {
                try? await admin.execute("DROP SCHEMA \(schema) CASCADE")
                try? await admin.close()
            }
        } else {
            handle = try await SQLiteDatabaseHandle.open(path: dir.appendingPathComponent("bench.sqlite").path, logger: logger)
        }
        try await Migrator(handle: handle).migrate()
        let service = ImportService(records: RecordService(store: SQLRecordStore(handle: handle)))
        let bar = ProgressBar("importing")
        let report = try await service.importCSV(Lead.schema, path: csv, options: ImportOptions(batchSize: batchSize), by: .system("bench")) { p in
            bar.update(p.totalBytes.map { Double(p.bytesRead) / Double(max($0, 1)) } ?? 0, detail: "\(grouped(p.rowsRead)) rows")
        }
        bar.finish()
        try await handle.close()
        await dropSchema?()
        print("bench import (\(handle.engine)): \(report.summary)")
        print(String(format: "  %.2f s, %@ rows/s, peak RSS %.0f MiB", report.seconds, grouped(Int(report.rowsPerSecond)), peakRSSMiB()))
        if report.rejectedCount > 0 {
            for r in report.rejected.prefix(5) { print("  rejected line \(r.line): \(r.issues.map(\.description).joined(separator: "; "))") }
        }
    }
}

/// Parses a generated CSV and reports rows/s (the import's lower bound).
struct CSVBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "csv", abstract: "Measure CSV parsing throughput on a generated file.")

    @Option(help: "Rows to generate.") var rows = 1_000_000

    func run() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("coxswain-csv-\(getpid()).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try CSVBenchmark.writeLeadFixture(path: path, rows: rows)
        let result = try CSVBenchmark.measureParse(path: path)
        print("bench csv: \(result)")
        print(String(format: "  peak RSS %.0f MiB", peakRSSMiB()))
    }
}
