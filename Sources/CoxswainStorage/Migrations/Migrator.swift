import Foundation
import SQLKit

/// One versioned schema change. Ids sort in application order (`0001_…`, `0002_…`); a shipped migration is
/// never edited — add a new one.
protocol Migration: Sendable {
    var id: String { get }
    func prepare(on db: any SQLDatabase) async throws
}

/// Applies pending migrations in order, each in its own transaction together with its `schema_migrations` row,
/// so a failed migration leaves the database at the previous version.
public struct Migrator: Sendable {
    static let all: [any Migration] = [M0001CoreSchema(), M0002AccessControl(), M0003LeadMerges()]

    let handle: any DatabaseHandle

    public init(handle: any DatabaseHandle) { self.handle = handle }

    /// Ids of every migration this build knows, in order.
    public static var knownIDs: [String] { all.map(\.id) }

    /// Applies what is pending; returns the ids applied now.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await handle.withTransaction { db in
            try await db.create(table: "schema_migrations").ifNotExists()
                .column("id", type: .text, .primaryKey(autoIncrement: false))
                .column("applied_at", type: .bigint, .notNull)
                .run()
        }
        let applied = try await appliedIDs()
        var now: [String] = []
        for migration in Self.all where !applied.contains(migration.id) {
            try await handle.withTransaction { db in
                try await migration.prepare(on: db)
                try await db.insert(into: "schema_migrations")
                    .columns("id", "applied_at")
                    .values(SQLBind(migration.id), SQLBind(Int64(Date().timeIntervalSince1970 * 1000)))
                    .run()
            }
            now.append(migration.id)
        }
        return now
    }

    /// Ids already applied to the database.
    public func appliedIDs() async throws -> Set<String> {
        try await handle.withReader { db in
            let rows = try await db.select().column("id").from("schema_migrations").all()
            return Set(try rows.map { try $0.decode(column: "id", as: String.self) })
        }
    }
}
