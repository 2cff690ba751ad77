import ArgumentParser
import CoxswainDomain
import CoxswainServices
import CoxswainStorage
import Foundation

/// `coxswain bench <engine>`: reproducible performance measurements (run with `-c release`).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure an engine's throughput on generated data (use a release build).",
        subcommands: [ImportBench.self, CSVBench.self, DedupeBench.self, AnalyticsBench.self, MergeBench.self, RouteBench.self])
}

/// Peak resident set size of this process, in MiB.
func peakRSSMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // Linux reports KiB
}

/// User and system CPU seconds this process has used so far (all threads).
func cpuSeconds() -> (user: Double, system: Double) {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return (seconds(usage.ru_utime), seconds(usage.ru_stime))
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
        let cpuBefore = cpuSeconds()
        let report = try await service.importCSV(Lead.schema, path: csv, options: ImportOptions(batchSize: batchSize), by: .system("bench")) { p in
            bar.update(p.totalBytes.map { Double(p.bytesRead) / Double(max($0, 1)) } ?? 0, detail: "\(grouped(p.rowsRead)) rows")
        }
        bar.finish()
        let cpuAfter = cpuSeconds()
        try await handle.close()
        await dropSchema?()
        print("bench import (\(handle.engine)): \(report.summary)")
        print(String(format: "  %.2f s, %@ rows/s, peak RSS %.0f MiB", report.seconds, grouped(Int(report.rowsPerSecond)), peakRSSMiB()))
        print(String(format: "  validating/resolving %.2f s, writing %.2f s (overlapping)", report.prepareSeconds, report.writeSeconds))
        // On a shared machine wall time depends on the neighbours; CPU time per row does much less.
        let (user, system) = (cpuAfter.user - cpuBefore.user, cpuAfter.system - cpuBefore.system)
        print(
            String(
                format: "  CPU of this process: user %.2f s + sys %.2f s = %.1f µs/row (the database server's CPU is not included)",
                user, system, (user + system) / Double(max(report.rowsRead, 1)) * 1e6))
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

/// De-duplicates generated leads with ~12% realistic duplicates and reports speed, accuracy and the incremental check.
struct DedupeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe", abstract: "De-duplicate generated leads; report time, pairwise F1 and incremental-check latency.",
        discussion: "Figures to reach (release): 100k leads < 2 s; 1M < 30 s with peak RSS < 2 GiB; incremental check p99 < 2 ms at 1M.")

    @Option(help: "Leads to generate.") var leads = 100_000
    @Option(help: "Incremental-check queries to time.") var queries = 1_000
    @Option(help: "Random seed.") var seed: UInt64 = 2_026

    func run() async throws {
        let r = DedupBenchmark.run(leadCount: leads, duplicateRate: 0.12, seed: seed, queries: queries)
        print("bench dedupe: \(grouped(r.leads)) leads, \(grouped(r.clusters)) clusters")
        print(
            String(
                format: "  engine %.2f s (table %.2f s, blocking %.2f, training %.2f, scoring %.2f, clustering %.2f)",
                r.engineSeconds, r.tableSeconds, r.timings.blocking, r.timings.training, r.timings.scoring, r.timings.clustering))
        print(
            String(
                format: "  pairwise F1 %.4f P %.4f R %.4f; pairs compared %@ (reduction ratio %.5f)",
                r.score.f1, r.score.precision, r.score.recall, grouped(r.statistics.pairsCompared), r.statistics.reductionRatio))
        print(
            String(
                format: "  incremental check: index %.2f s, p50 %.3f ms, p99 %.3f ms over %d queries", r.indexSeconds,
                r.queryP50Milliseconds, r.queryP99Milliseconds, r.queries))
        print(String(format: "  peak RSS %.0f MiB", peakRSSMiB()))
    }
}

/// Times the metrics engine on 100k generated opportunities.
struct AnalyticsBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analytics", abstract: "Build the metrics engine over generated opportunities and time queries.",
        discussion: "Figure to reach (release): a metrics query over 100k opportunities in < 50 ms.")

    @Option(help: "Opportunities to generate.") var opportunities = 100_000
    @Option(help: "Random seed.") var seed: UInt64 = 7

    func run() async throws {
        let result = AnalyticsBenchmark.run(opportunities: opportunities, seed: seed, repetitions: 7)
        print(
            "bench analytics: \(grouped(result.opportunities)) opportunities, \(grouped(result.stageChanges)) stage changes, \(grouped(result.activities)) activities, \(result.reps) reps"
        )
        print(String(format: "  generate %.2f s, build engine %.2f s", result.generateSeconds, result.buildSeconds))
        print(
            String(
                format: "  query by rep (fiscal year, all metrics): median %.1f ms, best %.1f ms", result.queryMedianSeconds * 1000,
                result.queryMinSeconds * 1000))
        print(
            String(
                format: "  quarter vs previous %.1f ms; year by quarter %.1f ms; cohort comparison %.0f ms",
                result.comparisonSeconds * 1000, result.periodGroupingSeconds * 1000, result.cohortSeconds * 1000))
        print(String(format: "  peak RSS %.0f MiB", peakRSSMiB()))
    }
}
