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
                // detail: "Key (rep_id, period_start)=(…, …) already exists."
                var columns: [String] = []
                if let open = detail.range(of: "Key ("), let close = detail.range(of: ")=", range: open.upperBound..<detail.endIndex) {
                    columns = detail[open.upperBound..<close.lowerBound].components(separatedBy: ", ")
                }
                if columns.isEmpty { columns = [field(fromConstraint: constraint)] }
                return conflict(table: pg.serverInfo?[.tableName] ?? table(fromConstraint: constraint), columns: columns)
            case "23503":
                return StoreError.referenceViolation(message: "a referenced record does not exist or the record is still referenced (\(detail))")
            default: return error
            }
        }
        let sqliteMessage = (error as? SQLiteError)?.message ?? (error as? SQLiteBulkError)?.message
        if let message = sqliteMessage {
            if message.contains("UNIQUE constraint failed") {
                // "UNIQUE constraint failed: reps.email" or "…: quotas.rep_id, quotas.period_start, …"
                let target = message.components(separatedBy: "failed: ").last ?? ""
                let qualified = target.components(separatedBy: ", ").map { $0.split(separator: ".", maxSplits: 1).map(String.init) }
                return conflict(table: qualified.first?.first ?? "", columns: qualified.map { $0.last ?? "" })
            }
            if message.contains("FOREIGN KEY constraint failed") {
                return StoreError.referenceViolation(message: "a referenced record does not exist or the record is still referenced")
            }
        }
        return error
    }

    /// A unique violation on `columns` of `table`, pointing at the first column and naming them all.
    ///
    /// Example: a second quota for the same rep and period → `rep_id: already exists with the same rep_id,
    /// period_start, period_end, metric`.
    private static func conflict(table: String, columns: [String]) -> StoreError {
        StoreError.conflict(
            entity: table, field: columns.first ?? "",
            message: columns.count > 1 ? "already exists with the same \(columns.joined(separator: ", "))" : "already exists")
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
