import CoxswainServices
import Foundation
import PostgresKit
import SQLiteKit

/// Recognises constraint violations from SQLite and PostgreSQL and turns them into ``StoreError``s.
enum StoreErrorMapper {
    static func map(_ error: any Error) -> any Error {
        if let pg = error as? PSQLError, let state = pg.serverInfo?[.sqlState] {
            let detail = pg.serverInfo?[.detail] ?? pg.serverInfo?[.message] ?? ""
            let constraint = pg.serverInfo?[.constraintName] ?? ""
            switch state {
            case "23505":
                return StoreError.conflict(
                    entity: table(fromConstraint: constraint), field: field(fromConstraint: constraint),
                    message: "already exists (\(detail))")
            case "23503":
                return StoreError.referenceViolation(message: "a referenced record does not exist or the record is still referenced (\(detail))")
            default: return error
            }
        }
        let sqliteMessage = (error as? SQLiteError)?.message ?? (error as? SQLiteBulkError)?.message
        if let message = sqliteMessage {
            if message.contains("UNIQUE constraint failed") {
                // "UNIQUE constraint failed: reps.email"
                let target = message.components(separatedBy: ": ").last ?? ""
                let parts = target.split(separator: ".")
                return StoreError.conflict(
                    entity: parts.first.map(String.init) ?? "", field: parts.count > 1 ? String(parts[1]) : "",
                    message: "already exists")
            }
            if message.contains("FOREIGN KEY constraint failed") {
                return StoreError.referenceViolation(message: "a referenced record does not exist or the record is still referenced")
            }
        }
        return error
    }

    /// `uq_reps_email` → `reps`, `email`.
    private static func table(fromConstraint c: String) -> String {
        let parts = c.split(separator: "_")
        return parts.count > 2 ? String(parts[1]) : ""
    }

    private static func field(fromConstraint c: String) -> String {
        let parts = c.split(separator: "_")
        return parts.count > 2 ? parts[2...].joined(separator: "_") : ""
    }
}
