import ArgumentParser
import CoxswainServices
import CoxswainStorage
import Foundation
import Logging

/// Where the data lives: an SQLite file (default) or a PostgreSQL URL.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("SQLite database file.", valueName: "path"))
    var db: String = "coxswain.sqlite"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "PostgreSQL URL (postgres://user:pass@host:5432/db); overrides --db. Also read from COXSWAIN_POSTGRES_URL.",
            valueName: "url"))
    var postgres: String?

    var postgresURL: String? {
        postgres ?? ProcessInfo.processInfo.environment["COXSWAIN_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Opens the database and applies pending migrations.
    func open(logger: Logger, migrate: Bool = true) async throws -> any DatabaseHandle {
        let handle: any DatabaseHandle
        if let url = postgresURL {
            do {
                handle = try await PostgresDatabaseHandle.open(url: url, logger: logger)
            } catch {
                throw CLIError("cannot connect to PostgreSQL at \(Self.redacted(url)): \(error)")
            }
        } else {
            handle = try await SQLiteDatabaseHandle.open(path: db, logger: logger)
        }
        if migrate {
            let applied = try await Migrator(handle: handle).migrate()
            if !applied.isEmpty { logger.info("applied migrations: \(applied.joined(separator: ", "))") }
        }
        return handle
    }

    /// The URL without its password, for messages.
    static func redacted(_ url: String) -> String {
        guard var c = URLComponents(string: url) else { return "(invalid URL)" }
        if c.password != nil { c.password = "***" }
        return c.string ?? "(invalid URL)"
    }
}

/// A clean command-line failure: printed without a stack trace, exit code 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A logger for CLI work: warnings and above on stderr unless `LOG_LEVEL` says otherwise.
func makeLogger(_ label: String = "coxswain") -> Logger {
    var logger = Logger(label: label)
    logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
    return logger
}
