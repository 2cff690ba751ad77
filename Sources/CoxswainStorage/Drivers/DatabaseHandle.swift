import SQLKit

/// An open database: how to get a connection for reading, how to run a transaction, and how to close.
/// SQLite and PostgreSQL differ only here; everything above works on `any SQLDatabase`.
public protocol DatabaseHandle: Sendable {
    /// Human-readable engine name for logs and `/health` (never used to branch on).
    var engine: String { get }
    func withReader<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` inside `BEGIN … COMMIT` on one connection; rolls back when `body` throws.
    func withTransaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func close() async throws
}

extension DatabaseHandle {
    /// Wraps `body` in a transaction on `db` (already a single session).
    static func transaction<T: Sendable>(
        on db: any SQLDatabase, begin: String,
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await db.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body(db)
            try await db.raw("COMMIT").run()
            return result
        } catch {
            try? await db.raw("ROLLBACK").run()
            throw error
        }
    }
}
