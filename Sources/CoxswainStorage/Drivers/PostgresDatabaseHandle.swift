@preconcurrency import AsyncKit
import Foundation
import Logging
import NIOPosix
import PostgresKit
import SQLKit

/// PostgreSQL through postgres-kit with a connection pool; several Coxswain servers can share one database.
public final class PostgresDatabaseHandle: DatabaseHandle, @unchecked Sendable {
    public let engine = "postgresql"
    private let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    private let logger: Logger

    /// Connects to `url` (`postgres://user:pass@host:5432/db`), with up to `maxConnections` per event loop.
    /// `searchPath` selects PostgreSQL schemas (tests use one schema each).
    public static func open(
        url: String, maxConnections: Int = 8, searchPath: [String]? = nil,
        logger: Logger = Logger(label: "coxswain.postgres")
    ) async throws -> PostgresDatabaseHandle {
        var config = try SQLPostgresConfiguration(url: Self.withDefaultTLSMode(url))
        config.searchPath = searchPath
        let source = PostgresConnectionSource(sqlConfiguration: config)
        let pool = EventLoopGroupConnectionPool(
            source: source, maxConnectionsPerEventLoop: maxConnections,
            logger: logger, on: MultiThreadedEventLoopGroup.singleton)
        let handle = PostgresDatabaseHandle(pool: pool, logger: logger)
        // Fail fast with a clear error if the server is unreachable.
        do {
            try await handle.withReader { db in try await db.raw("SELECT 1").run() }
        } catch {
            try? await pool.shutdownAsync()
            throw error
        }
        return handle
    }

    /// Loopback connections default to `sslmode=disable` (TLS to yourself buys nothing and needs a CA bundle);
    /// other hosts keep postgres-kit's default (`prefer`). An explicit `sslmode` in the URL always wins.
    static func withDefaultTLSMode(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        let items = components.queryItems ?? []
        if items.contains(where: { ["sslmode", "tlsmode", "ssl", "tls"].contains($0.name.lowercased()) }) { return url }
        let host = components.host ?? ""
        guard host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]" else { return url }
        components.queryItems = items + [URLQueryItem(name: "sslmode", value: "disable")]
        return components.string ?? url
    }

    private init(pool: EventLoopGroupConnectionPool<PostgresConnectionSource>, logger: Logger) {
        self.pool = pool
        self.logger = logger
    }

    private var database: any SQLDatabase { pool.database(logger: logger).sql() }

    public func withReader<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await database.withSession { try await body($0) }
    }

    public func withTransaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await database.withSession { session in
            try await Self.transaction(on: session, begin: "BEGIN", body)
        }
    }

    public func close() async throws { try await pool.shutdownAsync() }

    /// Runs one statement outside any transaction (administration such as `CREATE SCHEMA`).
    public func execute(_ sql: String) async throws {
        try await withReader { db in try await db.raw(SQLQueryString(sql)).run() }
    }
}
