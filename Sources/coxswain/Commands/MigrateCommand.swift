import ArgumentParser
import CoxswainStorage

/// `coxswain migrate`: bring a database to the latest schema version.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply pending schema migrations (safe to run repeatedly).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let handle = try await database.open(logger: makeLogger(), migrate: false)
        let applied = try await Migrator(handle: handle).migrate()
        try await handle.close()
        print(applied.isEmpty ? "Schema is up to date (\(Migrator.knownIDs.last ?? "none"))." : "Applied: \(applied.joined(separator: ", "))")
    }
}
