import ArgumentParser
import CoxswainDomain
import CoxswainServices
import CoxswainStorage
import Foundation

/// `coxswain import <entity> FILE.csv`: load a CRM export, report every rejected row.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV file (Salesforce, HubSpot or Coxswain columns) into an entity.",
        discussion: """
            Entities: \(EntityCatalog.all.map(\.plural).joined(separator: ", ")).
            Rows with an external_id (or a Coxswain id) that already exists update that record; others are created. \
            Each batch is written in one transaction. Every rejected row is reported with its line, column and reason, \
            and written to --rejects so it can be fixed and re-imported.
            """)

    @Argument(help: "Entity to import, e.g. leads.") var entity: String
    @Argument(help: "CSV file (- for standard input).") var file: String
    @Option(name: .customLong("map"), help: ArgumentHelp("Map a column to a field: --map \"Org=company\". Repeatable.", valueName: "column=field"))
    var mappings: [String] = []
    @Option(help: "Write rejected rows (with _line and _errors columns) to this CSV file.") var rejects: String?
    @Flag(name: .customLong("dry-run"), help: "Validate everything, write nothing.") var dryRun = false
    @Flag(help: "Fail when a column matches no field instead of ignoring it.") var strict = false
    @Option(name: .customLong("batch-size"), help: "Rows per transaction.") var batchSize = 5000
    @Option(name: .customLong("as"), help: "Import as this user (e-mail), obeying their role; default: the local operator with admin rights.")
    var actingAs: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard EntityCatalog.schema(named: entity) != nil else {
            throw ValidationError("unknown entity '\(entity)'; use one of: \(EntityCatalog.all.map(\.plural).joined(separator: ", "))")
        }
        guard (1...50_000).contains(batchSize) else { throw ValidationError("--batch-size must be 1–50000") }
        _ = try parsedMappings()
    }

    func parsedMappings() throws -> [String: String] {
        var result: [String: String] = [:]
        for m in mappings {
            let parts = m.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--map expects column=field, got '\(m)'")
            }
            result[String(parts[0])] = String(parts[1])
        }
        return result
    }

    func run() async throws {
        let schema = EntityCatalog.schema(named: entity)!
        let handle = try await database.open(logger: makeLogger())
        let store = SQLRecordStore(handle: handle)
        let service = ImportService(records: RecordService(store: store))
        let actor: Principal
        do {
            if let actingAs {
                actor = try await AccessService(store: store).principal(actingAs: actingAs)
            } else {
                actor = .cli()
            }
        } catch {
            try? await handle.close()
            throw CLIError("--as: \(error)")
        }
        let bar = ProgressBar("importing \(schema.plural)")
        let report: ImportReport
        do {
            report = try await service.importCSV(
                schema, path: file,
                options: ImportOptions(
                    batchSize: batchSize, mappings: try parsedMappings(), strictColumns: strict, dryRun: dryRun,
                    rejectsPath: rejects, duplicateGuard: schema === Lead.schema ? LeadDuplicateGuard(store: store) : nil),
                by: actor
            ) { p in
                let fraction = p.totalBytes.map { $0 > 0 ? Double(p.bytesRead) / Double($0) : 0 } ?? 0
                bar.update(fraction, detail: "\(grouped(p.rowsRead)) rows, \(grouped(p.rejected)) rejected")
            }
        } catch {
            try? await handle.close()
            throw CLIError("\(error)")
        }
        bar.finish("\(grouped(report.rowsRead)) rows")
        try await handle.close()
        Self.printReport(report, rejectsPath: rejects)
        if report.rejectedCount > 0 { throw ExitCode(2) }
    }

    static func printReport(_ report: ImportReport, rejectsPath: String?) {
        print(report.summary)
        print(String(format: "%.1f s, %@ rows/s", report.seconds, grouped(Int(report.rowsPerSecond))))
        if !report.ignoredColumns.isEmpty { print("Ignored columns (no matching field): \(report.ignoredColumns.joined(separator: ", "))") }
        for row in report.rejected.prefix(20) {
            for issue in row.issues { print("  line \(row.line): \(issue.field.isEmpty ? "" : "[\(issue.field)] ")\(issue.message)") }
        }
        if report.rejectedCount > 20 { print("  … and \(report.rejectedCount - 20) more rejected rows") }
        if let rejectsPath, report.rejectedCount > 0 { print("Rejected rows written to \(rejectsPath)") }
        for d in report.duplicates.prefix(20) {
            print("  line \(d.line): possible duplicate of lead \(d.existingID) (p = \(String(format: "%.3f", d.probability)))")
        }
        if report.duplicates.count > 20 { print("  … and \(report.duplicates.count - 20) more possible duplicates") }
    }
}
