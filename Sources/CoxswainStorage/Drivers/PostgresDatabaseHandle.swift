@preconcurrency import AsyncKit
import CoxswainServices
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

extension PostgresDatabaseHandle: BulkLoading {
    /// Streams `batch` with `COPY … FROM STDIN` (text format) inside one transaction on one pooled connection:
    /// the records, then their stage-history and audit rows. Any error (a unique or foreign-key violation,
    /// deferred ones at `COMMIT`) rolls the whole batch back.
    func insertBulk(_ batch: BulkInsert) async throws -> Bool {
        let connection = try await pool.requestConnection(logger: logger).get()
        defer { pool.releaseConnection(connection, logger: logger) }
        let sql = connection.sql(logger: logger)
        try await sql.raw("BEGIN").run()
        do {
            let kinds = batch.schema.fields.map(BulkColumn.init)
            try await copy(
                batch.records, into: batch.schema.table, columns: batch.schema.fields.map(ColumnCodec.column), on: connection
            ) { $0.append($1, kinds: kinds) }
            if !batch.stageChanges.isEmpty {
                try await copy(batch.stageChanges, into: "opportunity_stage_history", columns: BulkColumn.stageColumns, on: connection) {
                    $0.append($1)
                }
            }
            try await copy(batch.audit, into: "audit_log", columns: BulkColumn.auditColumns, on: connection) { $0.append($1) }
            try await sql.raw("COMMIT").run()
        } catch {
            try? await sql.raw("ROLLBACK").run()
            throw error
        }
        return true
    }

    /// One `COPY` of `rows`, sent in chunks of about 256 KiB.
    private func copy<Row>(
        _ rows: [Row], into table: String, columns: [String], on connection: PostgresConnection,
        encode: (inout PostgresCopyEncoder, Row) -> Void
    ) async throws {
        guard !rows.isEmpty else { return }
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            var encoder = PostgresCopyEncoder()
            for row in rows {
                encode(&encoder, row)
                if encoder.buffer.readableBytes >= 1 << 18 {
                    try await writer.write(encoder.buffer)
                    encoder.buffer.clear()
                }
            }
            if encoder.buffer.readableBytes > 0 { try await writer.write(encoder.buffer) }
        }
    }
}
