import CoxswainDomain
import CoxswainServices
import Foundation
import VaporCSQLite

/// An error reported by SQLite on the bulk connection (its `sqlite3_errmsg` text), mapped to ``StoreError``
/// by ``StoreErrorMapper`` exactly like sqlite-nio's errors.
struct SQLiteBulkError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A raw `sqlite3` connection to the handle's database file, used only while the handle's writer lock is held,
/// so it is the only writer while it works.
///
/// It exists for speed: a ``BulkInsert`` binds each value straight from the record into one prepared `INSERT`
/// per table, reused for every row of the batch, instead of building SQLKit expressions and boxed
/// `SQLiteData` per value. Semantics match the writer connection: WAL, `foreign_keys = ON` (deferred
/// references are checked at `COMMIT`), `synchronous = NORMAL`, one `BEGIN IMMEDIATE … COMMIT` per batch, and
/// a rollback of the whole batch on any error.
final class SQLiteBulkConnection: @unchecked Sendable {
    private var db: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    /// UTF-8 of one row's text values; statements bind into it (`SQLITE_STATIC`) for the duration of a step.
    private var arena: [UInt8] = []
    private var spans: [(start: Int, count: Int)] = []

    init(path: String) throws {
        var handle: OpaquePointer?
        let rc = sqlite_nio_sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot open \(path)"
            sqlite_nio_sqlite3_close(handle)
            throw SQLiteBulkError(message: message)
        }
        db = handle
        do {
            for pragma in [
                "PRAGMA busy_timeout = 10000", "PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -65536",
            ] {
                try exec(pragma)
            }
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Finalises the cached statements and closes the connection (idempotent).
    func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements = [:]
        if let db { sqlite_nio_sqlite3_close(db) }
        db = nil
    }

    /// Writes `batch` in one transaction; on any error the transaction is rolled back and the error rethrown.
    func write(_ batch: BulkInsert) throws {
        try exec("BEGIN IMMEDIATE")
        do {
            try insert(batch.records, schema: batch.schema)
            if !batch.stageChanges.isEmpty { try insert(stageChanges: batch.stageChanges) }
            try insert(audit: batch.audit)
            try exec("COMMIT")
        } catch {
            // A failed COMMIT (deferred foreign key) leaves the transaction open: roll it back explicitly.
            _ = sqlite_nio_sqlite3_exec(db, "ROLLBACK", nil, nil, nil)
            throw error
        }
    }

    // MARK: - Tables

    private func insert(_ records: [Record], schema: EntitySchema) throws {
        guard !records.isEmpty else { return }
        let specs = schema.fields
        let kinds = specs.map(BulkColumn.init)
        let statement = try prepare(Self.insertSQL(schema.table, specs.map(ColumnCodec.column)))
        for record in records {
            resetArena()
            for (i, kind) in kinds.enumerated() {
                let slot = Int32(i + 1)
                let value = record.values[i]
                switch kind {
                case .text:
                    if case .text(let s) = value { stage(s, slot) } else { try check(sqlite_nio_sqlite3_bind_null(statement, slot)) }
                case .integer:
                    if case .integer(let v) = value {
                        try check(sqlite_nio_sqlite3_bind_int64(statement, slot, v))
                    } else {
                        try check(sqlite_nio_sqlite3_bind_null(statement, slot))
                    }
                case .timestamp:
                    if case .timestamp(let t) = value {
                        try check(sqlite_nio_sqlite3_bind_int64(statement, slot, BulkColumn.millis(t)))
                    } else {
                        try check(sqlite_nio_sqlite3_bind_null(statement, slot))
                    }
                case .customFields:
                    if case .object(let o) = value, o.isEmpty { stage("{}", slot) } else { try bindCodec(value, specs[i], record, statement, slot) }
                case .other:
                    try bindCodec(value, specs[i], record, statement, slot)
                }
            }
            try stepStaged(statement)
        }
    }

    private func insert(audit entries: [AuditEntry]) throws {
        guard !entries.isEmpty else { return }
        let statement = try prepare(Self.insertSQL("audit_log", BulkColumn.auditColumns))
        for e in entries {
            resetArena()
            try check(sqlite_nio_sqlite3_bind_int64(statement, 1, SQLRecordSession.millis(e.at)))
            stage(e.actor, 2)
            stage(e.action, 3)
            stage(e.entity, 4)
            stage(e.recordID, 5)
            try stageOptional(e.before, 6, statement)
            try stageOptional(e.after, 7, statement)
            try stepStaged(statement)
        }
    }

    private func insert(stageChanges: [OpportunityStageChange]) throws {
        let statement = try prepare(Self.insertSQL("opportunity_stage_history", BulkColumn.stageColumns))
        for c in stageChanges {
            resetArena()
            stage(c.opportunityID, 1)
            try stageOptional(c.fromStage, 2, statement)
            stage(c.toStage, 3)
            try check(sqlite_nio_sqlite3_bind_int64(statement, 4, c.amount.rounded().minorUnits))
            stage(c.amount.currency.code, 5)
            try check(sqlite_nio_sqlite3_bind_int64(statement, 6, Int64(c.probability)))
            stage(c.closeDate.description, 7)
            stage(c.forecastCategory.rawValue, 8)
            try check(sqlite_nio_sqlite3_bind_int64(statement, 9, SQLRecordSession.millis(c.changedAt)))
            stage(c.changedBy, 10)
            try stepStaged(statement)
        }
    }

    // MARK: - Binding

    /// Binds through ``ColumnCodec/value(_:_:in:)``, the single definition of stored representations.
    private func bindCodec(_ value: FieldValue, _ spec: FieldSpec, _ record: Record, _ statement: OpaquePointer, _ slot: Int32) throws {
        switch ColumnCodec.value(value, spec, in: record) {
        case let s as String: stage(s, slot)
        case let i as Int64: try check(sqlite_nio_sqlite3_bind_int64(statement, slot, i))
        case let b as Bool: try check(sqlite_nio_sqlite3_bind_int64(statement, slot, b ? 1 : 0))
        default: try check(sqlite_nio_sqlite3_bind_null(statement, slot))
        }
    }

    private func resetArena() {
        arena.removeAll(keepingCapacity: true)
        arena.append(0)  // never empty, so the base address in stepStaged is never nil
        spans.removeAll(keepingCapacity: true)
    }

    /// Copies `text` into the arena; ``stepStaged(_:)`` binds it to parameter `slot`.
    private func stage(_ text: String, _ slot: Int32) {
        let start = arena.count
        arena.append(contentsOf: text.utf8)
        while spans.count < Int(slot) { spans.append((-1, 0)) }
        spans[Int(slot) - 1] = (start, arena.count - start)
    }

    private func stageOptional(_ text: String?, _ slot: Int32, _ statement: OpaquePointer) throws {
        if let text { stage(text, slot) } else { try check(sqlite_nio_sqlite3_bind_null(statement, slot)) }
    }

    /// Binds the staged texts (valid for the duration of the step only), executes and resets the statement.
    private func stepStaged(_ statement: OpaquePointer) throws {
        let rc: Int32 = arena.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            for (i, span) in spans.enumerated() where span.start >= 0 {
                let rc = base.advanced(by: span.start).withMemoryRebound(to: CChar.self, capacity: max(span.count, 1)) {
                    sqlite_nio_sqlite3_bind_text(statement, Int32(i + 1), $0, Int32(span.count), nil)
                }
                if rc != SQLITE_OK { return rc }
            }
            return sqlite_nio_sqlite3_step(statement)
        }
        sqlite_nio_sqlite3_reset(statement)
        guard rc == SQLITE_DONE else { throw failure() }
    }

    // MARK: - Plumbing

    private static func insertSQL(_ table: String, _ columns: [String]) -> String {
        "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ", ") + ") VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
    }

    private func prepare(_ sql: String) throws -> OpaquePointer {
        if let cached = statements[sql] { return cached }
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw failure() }
        statements[sql] = statement
        return statement
    }

    private func exec(_ sql: String) throws {
        guard sqlite_nio_sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw failure() }
    }

    private func check(_ rc: Int32) throws {
        if rc != SQLITE_OK { throw failure() }
    }

    private func failure() -> SQLiteBulkError {
        SQLiteBulkError(message: db.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "the connection is closed")
    }
}
