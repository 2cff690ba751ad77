import CoxswainDomain
import CoxswainServices
import Foundation
import SQLKit

extension SQLRecordSession {
    func stageHistory(opportunityID: String) async throws -> [OpportunityStageChange] {
        let rows = try await db.select().column("*").from("opportunity_stage_history")
            .where("opportunity_id", .equal, SQLBind(opportunityID)).orderBy("sequence").all()
        return try rows.map { row in
            let currency = Currency(code: try row.decode(column: "currency", as: String.self)) ?? .usd
            return OpportunityStageChange(
                opportunityID: try row.decode(column: "opportunity_id", as: String.self),
                fromStage: try row.decode(column: "from_stage", as: String?.self),
                toStage: try row.decode(column: "to_stage", as: String.self),
                amount: Money(minorUnits: try row.decode(column: "amount_minor", as: Int64.self), currency: currency),
                probability: Int(try row.decode(column: "probability", as: Int64.self)),
                closeDate: LocalDate(parsing: try row.decode(column: "close_date", as: String.self)) ?? LocalDate(1970, 1, 1),
                forecastCategory: ForecastCategory(rawValue: try row.decode(column: "forecast_category", as: String.self)) ?? .pipeline,
                changedAt: Self.date(try row.decode(column: "changed_at", as: Int64.self)),
                changedBy: try row.decode(column: "changed_by", as: String.self))
        }
    }

    func fieldHistory(entity: String, recordID: String) async throws -> [FieldChange] {
        let rows = try await db.select().column("*").from("field_history")
            .where("entity", .equal, SQLBind(entity)).where("record_id", .equal, SQLBind(recordID))
            .orderBy("sequence").all()
        return try rows.map { row in
            FieldChange(
                entity: try row.decode(column: "entity", as: String.self),
                recordID: try row.decode(column: "record_id", as: String.self),
                field: try row.decode(column: "field", as: String.self),
                oldValue: try row.decode(column: "old_value", as: String?.self),
                newValue: try row.decode(column: "new_value", as: String?.self),
                changedAt: Self.date(try row.decode(column: "changed_at", as: Int64.self)),
                changedBy: try row.decode(column: "changed_by", as: String.self))
        }
    }

    func audit(_ query: AuditQuery) async throws -> [AuditEntry] {
        var select = db.select().column("*").from("audit_log")
        if let e = query.entity { select = select.where("entity", .equal, SQLBind(e)) }
        if let r = query.recordID { select = select.where("record_id", .equal, SQLBind(r)) }
        if let a = query.actor { select = select.where("actor", .equal, SQLBind(a)) }
        if let f = query.from { select = select.where("at", .greaterThanOrEqual, SQLBind(Self.millis(f))) }
        if let t = query.to { select = select.where("at", .lessThan, SQLBind(Self.millis(t))) }
        if let b = query.before { select = select.where("sequence", .lessThan, SQLBind(b)) }
        let rows = try await select.orderBy("sequence", .descending).limit(query.limit).all()
        return try rows.map { row in
            AuditEntry(
                sequence: try row.decode(column: "sequence", as: Int64.self),
                at: Self.date(try row.decode(column: "at", as: Int64.self)),
                actor: try row.decode(column: "actor", as: String.self),
                action: try row.decode(column: "action", as: String.self),
                entity: try row.decode(column: "entity", as: String.self),
                recordID: try row.decode(column: "record_id", as: String.self),
                before: try row.decode(column: "before_json", as: String?.self),
                after: try row.decode(column: "after_json", as: String?.self))
        }
    }

    func setting(_ key: String) async throws -> String? {
        try await db.select().column("value").from("org_settings").where("key", .equal, SQLBind(key)).first()?
            .decode(column: "value", as: String.self)
    }

    func idempotentResponse(key: String, actor: String) async throws -> StoredResponse? {
        guard
            let row = try await db.select().column("*").from("idempotency_keys")
                .where("key", .equal, SQLBind(key)).where("actor", .equal, SQLBind(actor)).first()
        else { return nil }
        return StoredResponse(
            key: key, actor: actor, requestHash: try row.decode(column: "request_hash", as: String.self),
            status: Int(try row.decode(column: "status", as: Int64.self)), body: try row.decode(column: "body", as: String.self),
            createdAt: Self.date(try row.decode(column: "created_at", as: Int64.self)))
    }
}
