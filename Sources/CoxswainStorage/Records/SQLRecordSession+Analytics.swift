import CoxswainDomain
import CoxswainServices
import Foundation
import SQLKit

extension SQLRecordSession: AnalyticsReading {
    func allStageChanges() async throws -> [OpportunityStageChange] {
        var result: [OpportunityStageChange] = []
        var after: Int64 = 0
        while true {
            let rows = try await db.select().column("*").from("opportunity_stage_history")
                .where("sequence", .greaterThan, SQLBind(after)).orderBy("sequence").limit(20_000).all()
            for row in rows {
                after = try row.decode(column: "sequence", as: Int64.self)
                let currency = Currency(code: try row.decode(column: "currency", as: String.self)) ?? .usd
                result.append(
                    OpportunityStageChange(
                        opportunityID: try row.decode(column: "opportunity_id", as: String.self),
                        fromStage: try row.decode(column: "from_stage", as: String?.self),
                        toStage: try row.decode(column: "to_stage", as: String.self),
                        amount: Money(minorUnits: try row.decode(column: "amount_minor", as: Int64.self), currency: currency),
                        probability: Int(try row.decode(column: "probability", as: Int64.self)),
                        closeDate: LocalDate(parsing: try row.decode(column: "close_date", as: String.self)) ?? LocalDate(1970, 1, 1),
                        forecastCategory: ForecastCategory(rawValue: try row.decode(column: "forecast_category", as: String.self)) ?? .pipeline,
                        changedAt: Self.date(try row.decode(column: "changed_at", as: Int64.self)),
                        changedBy: try row.decode(column: "changed_by", as: String.self)))
            }
            if rows.count < 20_000 { return result }
        }
    }

    func changeToken() async throws -> String {
        // Index-only lookups on the primary keys: the newest sequence number and the rows in its last 1,000.
        func tail(_ table: String) -> String {
            "(SELECT COALESCE(MAX(sequence), 0) FROM \(table)) AS \(table)_max, "
                + "(SELECT COUNT(*) FROM \(table) WHERE sequence > (SELECT COALESCE(MAX(sequence), 0) FROM \(table)) - 1000) AS \(table)_tail"
        }
        let sql =
            "SELECT \(tail("audit_log")), \(tail("opportunity_stage_history")), "
            + "(SELECT value FROM org_settings WHERE key = 'org') AS settings"
        guard let row = try await db.raw(SQLQueryString(sql)).first() else { return "empty" }
        let audit = try row.decode(column: "audit_log_max", as: Int64.self)
        let auditTail = try row.decode(column: "audit_log_tail", as: Int64.self)
        let stages = try row.decode(column: "opportunity_stage_history_max", as: Int64.self)
        let stagesTail = try row.decode(column: "opportunity_stage_history_tail", as: Int64.self)
        let settings = try row.decode(column: "settings", as: String?.self) ?? ""
        var hasher = FNV1a()
        hasher.add(settings)
        return "a:\(audit):\(auditTail)|s:\(stages):\(stagesTail)|o:\(String(hasher.value, radix: 16))"
    }
}

/// 64-bit FNV-1a: a stable digest (unlike `Hasher`, the same across processes and servers).
private struct FNV1a {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
    }
}
