import CoxswainServices
import CoxswainStorage
import Foundation
import Logging

/// The real databases the contract suite and API tests run against: SQLite always, PostgreSQL when
/// `COXSWAIN_TEST_POSTGRES_URL` is set (CI sets it). Each store is fresh: a new SQLite file in a temporary
/// directory, or a new PostgreSQL schema, migrated to the latest version.
public enum TestBackend: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite, postgres

    /// The backends available in this environment.
    public static var available: [TestBackend] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public static var postgresURL: String? {
        let url = ProcessInfo.processInfo.environment["COXSWAIN_TEST_POSTGRES_URL"]
        return url?.isEmpty == false ? url : nil
    }

    public var description: String { rawValue }

    /// Opens a fresh, migrated store. Call ``TestStore/close()`` when done.
    public func makeStore() async throws -> TestStore {
        var logger = Logger(label: "coxswain.test")
        logger.logLevel = .warning
        switch self {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coxswain-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let handle = try await SQLiteDatabaseHandle.open(path: dir.appendingPathComponent("test.sqlite").path, logger: logger)
            try await Migrator(handle: handle).migrate()
            return TestStore(store: SQLRecordStore(handle: handle), cleanup: { try? FileManager.default.removeItem(at: dir) })
        case .postgres:
            guard let url = Self.postgresURL else { throw TestStoreError.postgresNotConfigured }
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            let admin = try await PostgresDatabaseHandle.open(url: url, maxConnections: 1, logger: logger)
            let handle: PostgresDatabaseHandle
            do {
                try await admin.execute("CREATE SCHEMA \(schema)")
                handle = try await PostgresDatabaseHandle.open(url: url, maxConnections: 4, searchPath: [String(schema)], logger: logger)
            } catch {
                try? await admin.close()
                throw error
            }
            do {
                try await Migrator(handle: handle).migrate()
            } catch {
                try? await handle.close()
                try? await admin.close()
                throw error
            }
            return TestStore(
                store: SQLRecordStore(handle: handle),
                cleanup: {
                    try? await admin.execute("DROP SCHEMA \(schema) CASCADE")
                    try? await admin.close()
                })
        }
    }
}

/// A store under test and how to dispose of it.
public struct TestStore: Sendable {
    public let store: SQLRecordStore
    let cleanup: @Sendable () async -> Void

    /// Closes connections and deletes the database.
    public func close() async {
        try? await store.close()
        await cleanup()
    }
}

public enum TestStoreError: Error { case postgresNotConfigured }

/// Runs `body` with a fresh store of `backend`, always cleaning up.
public func withTestStore<T: Sendable>(_ backend: TestBackend, _ body: (SQLRecordStore) async throws -> T) async throws -> T {
    let fixture = try await backend.makeStore()
    do {
        let result = try await body(fixture.store)
        await fixture.close()
        return result
    } catch {
        await fixture.close()
        throw error
    }
}
