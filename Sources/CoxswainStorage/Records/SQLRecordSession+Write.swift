import CoxswainDomain
import CoxswainServices
import Foundation
import SQLKit

extension SQLRecordSession {
    func insert(_ records: [Record]) async throws {
        guard let schema = records.first?.schema else { return }
        let specs = schema.fields
        let columns = specs.map(ColumnCodec.column)
        let rowsPerStatement = max(1, min(500, Self.bindLimit / columns.count))
        var start = 0
        while start < records.count {
            let end = min(start + rowsPerStatement, records.count)
            var insert = db.insert(into: schema.table).columns(columns)
            for record in records[start..<end] {
                var binds: [any SQLExpression] = []
                binds.reserveCapacity(specs.count)
                for (i, spec) in specs.enumerated() { binds.append(ColumnCodec.bind(record.values[i], spec, in: record)) }
                insert = insert.values(binds)
            }
            try await insert.run()
            start = end
        }
    }

    func update(_ record: Record) async throws {
        let schema = record.schema
        var update = db.update(schema.table)
        for (i, spec) in schema.fields.enumerated() where spec.name != "id" {
            update = update.set(SQLIdentifier(ColumnCodec.column(spec)), to: ColumnCodec.bind(record.values[i], spec, in: record))
        }
        try await update.where("id", .equal, SQLBind(record.id)).run()
    }

    func delete(_ schema: EntitySchema, id: String) async throws {
        try await db.delete(from: schema.table).where("id", .equal, SQLBind(id)).run()
    }

    func append(audit entries: [AuditEntry]) async throws {
        for chunk in entries.chunked(400) {
            var insert = db.insert(into: "audit_log").columns("at", "actor", "action", "entity", "record_id", "before_json", "after_json")
            for e in chunk {
                insert = insert.values(
                    SQLBind(Self.millis(e.at)), SQLBind(e.actor), SQLBind(e.action), SQLBind(e.entity),
                    SQLBind(e.recordID), Self.optional(e.before), Self.optional(e.after))
            }
            try await insert.run()
        }
    }

    func append(stageChanges: [OpportunityStageChange]) async throws {
        for chunk in stageChanges.chunked(400) {
            var insert = db.insert(into: "opportunity_stage_history").columns(
                "opportunity_id", "from_stage", "to_stage", "amount_minor", "currency", "probability", "close_date",
                "forecast_category", "changed_at", "changed_by")
            for c in chunk {
                insert = insert.values(
                    SQLBind(c.opportunityID), Self.optional(c.fromStage), SQLBind(c.toStage), SQLBind(c.amount.rounded().minorUnits),
                    SQLBind(c.amount.currency.code), SQLBind(Int64(c.probability)), SQLBind(c.closeDate.description),
                    SQLBind(c.forecastCategory.rawValue), SQLBind(Self.millis(c.changedAt)), SQLBind(c.changedBy))
            }
            try await insert.run()
        }
    }

    func append(fieldChanges: [FieldChange]) async throws {
        for chunk in fieldChanges.chunked(400) {
            var insert = db.insert(into: "field_history").columns(
                "entity", "record_id", "field", "old_value", "new_value", "changed_at", "changed_by")
            for c in chunk {
                insert = insert.values(
                    SQLBind(c.entity), SQLBind(c.recordID), SQLBind(c.field), Self.optional(c.oldValue),
                    Self.optional(c.newValue), SQLBind(Self.millis(c.changedAt)), SQLBind(c.changedBy))
            }
            try await insert.run()
        }
    }

    func setSetting(_ key: String, value: String) async throws {
        try await db.delete(from: "org_settings").where("key", .equal, SQLBind(key)).run()
        try await db.insert(into: "org_settings").columns("key", "value").values(SQLBind(key), SQLBind(value)).run()
    }

    func saveResponse(_ r: StoredResponse) async throws {
        try await db.insert(into: "idempotency_keys")
            .columns("key", "actor", "request_hash", "status", "body", "created_at")
            .values(
                SQLBind(r.key), SQLBind(r.actor), SQLBind(r.requestHash), SQLBind(Int64(r.status)), SQLBind(r.body),
                SQLBind(Self.millis(r.createdAt))
            )
            .run()
    }

    /// A bound string, or the literal `NULL` (never a bound optional; see ``ColumnCodec/bind(_:_:in:)``).
    static func optional(_ value: String?) -> any SQLExpression { value.map { SQLBind($0) } ?? SQLLiteral.null }

    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
