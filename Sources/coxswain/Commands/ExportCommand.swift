import ArgumentParser
import CoxswainDomain
import CoxswainServices
import CoxswainStorage

/// `coxswain export <entity>`: stream an entity to CSV.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export an entity as CSV (formula-safe for spreadsheets).",
        discussion: "Entities: \(EntityCatalog.all.map(\.plural).joined(separator: ", ")).")

    @Argument(help: "Entity to export, e.g. opportunities.") var entity: String
    @Option(help: "Output file (default: standard output).") var out: String = "-"
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard EntityCatalog.schema(named: entity) != nil else {
            throw ValidationError("unknown entity '\(entity)'; use one of: \(EntityCatalog.all.map(\.plural).joined(separator: ", "))")
        }
    }

    func run() async throws {
        let schema = EntityCatalog.schema(named: entity)!
        let handle = try await database.open(logger: makeLogger())
        let store = SQLRecordStore(handle: handle)
        let total = try await store.read { try await $0.count(schema, filters: []) }
        let bar = out == "-" ? nil : ProgressBar("exporting \(schema.plural)")
        do {
            let n = try await ExportService(store: store).exportCSV(schema, to: out) { n in
                bar?.update(total > 0 ? Double(n) / Double(total) : 1, detail: "\(grouped(n)) rows")
            }
            bar?.finish("\(grouped(n)) rows → \(out)")
        } catch {
            try? await handle.close()
            throw CLIError("\(error)")
        }
        try await handle.close()
    }
}
