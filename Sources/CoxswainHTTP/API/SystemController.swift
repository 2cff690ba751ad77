import CoxswainDomain
import CoxswainServices
import Foundation
import HTTPTypes
import Hummingbird

/// `/health`, `/api/v1/settings`, `/api/v1/audit` and `/api/v1/opportunities/{id}/history`.
struct SystemController: Sendable {
    let services: AppServices
    let maxBodyBytes: Int

    func register(on router: Router<AppRequestContext>, table: RouteTable) {
        table.on(router, .get, "/health", health)
        table.on(router, .get, "/api/v1/settings", settings)
        table.on(router, .patch, "/api/v1/settings", updateSettings)
        table.on(router, .get, "/api/v1/audit", audit)
        table.on(router, .get, "/api/v1/opportunities/:id/history", history)
    }

    @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> Response {
        let ok: Bool = (try? await services.store.read { try await $0.count(Rep.schema, filters: []) }) != nil
        return Reply.json(
            .object([("status", .string(ok ? "ok" : "degraded")), ("database", .string(services.engine))]),
            status: ok ? .ok : .serviceUnavailable)
    }

    static func settingsJSON(_ s: OrgSettings) -> JSONValue {
        .object([
            ("name", .string(s.name)), ("default_currency", .string(s.defaultCurrency.code)),
            ("fiscal_year_start_month", .number(Decimal(s.fiscalCalendar.startMonth))),
            ("fiscal_year_naming", .string(s.fiscalCalendar.naming.rawValue)),
            ("time_zone", .string(s.fiscalCalendar.timeZoneIdentifier)),
        ])
    }

    @Sendable func settings(_ request: Request, context: AppRequestContext) async throws -> Response {
        Reply.json(Self.settingsJSON(try await services.store.read { try await OrgSettings.load(from: $0) }))
    }

    /// Changes organisation settings; every key is checked and an audit row records before/after.
    @Sendable func updateSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        try AccessRules.require(.configure, context.principal, writing: true)
        var request = request
        let pairs = try await request.jsonObject(limit: maxBodyBytes)
        let actor = context.principal
        let now = services.records.environment.now()
        let updated: OrgSettings = try await services.store.write { tx in
            let before = try await OrgSettings.load(from: tx)
            var s = before
            var issues: [FieldIssue] = []
            for (key, value) in pairs {
                switch (key, value) {
                case ("name", .string(let v)) where !v.isEmpty && v.count <= 200: s.name = v
                case ("default_currency", .string(let v)):
                    if let c = Currency(code: v) {
                        s.defaultCurrency = c
                    } else {
                        issues.append(FieldIssue(code: "unknown_value", field: key, message: "'\(v)' is not a known ISO 4217 currency"))
                    }
                case ("fiscal_year_start_month", .number(let n)) where n >= 1 && n <= 12 && n == Decimal(Int(truncating: n as NSNumber)):
                    s.fiscalCalendar.startMonth = Int(truncating: n as NSNumber)
                case ("fiscal_year_naming", .string(let v)):
                    if let naming = FiscalCalendar.Naming(rawValue: v) {
                        s.fiscalCalendar.naming = naming
                    } else {
                        issues.append(FieldIssue(code: "unknown_value", field: key, message: "must be ending_year or starting_year"))
                    }
                case ("time_zone", .string(let v)):
                    if TimeZone(identifier: v) != nil {
                        s.fiscalCalendar.timeZoneIdentifier = v
                    } else {
                        issues.append(FieldIssue(code: "unknown_value", field: key, message: "'\(v)' is not an IANA time zone"))
                    }
                case ("name", _), ("default_currency", _), ("fiscal_year_start_month", _), ("fiscal_year_naming", _), ("time_zone", _):
                    issues.append(FieldIssue(code: "invalid_type", field: key, message: "has the wrong type or is out of range"))
                default:
                    issues.append(FieldIssue(code: "unknown_field", field: key, message: "is not a setting"))
                }
            }
            if !issues.isEmpty { throw ValidationFailure(entity: "settings", issues: issues) }
            try await s.save(to: tx)
            try await tx.append(audit: [
                AuditEntry(
                    at: now, actor: actor.id, action: "settings", entity: "settings", recordID: "org",
                    before: Self.settingsJSON(before).serialized(), after: Self.settingsJSON(s).serialized())
            ])
            return s
        }
        return Reply.json(Self.settingsJSON(updated))
    }

    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> Response {
        try AccessRules.require(.readAudit, context.principal)
        let q = request.uri.queryParameters
        var query = AuditQuery()
        query.entity = q["entity"].map(String.init)
        query.recordID = q["record_id"].map(String.init)
        query.actor = q["actor"].map(String.init)
        var issues: [FieldIssue] = []
        func time(_ name: String) -> Date? {
            guard let raw = q[Substring(name)] else { return nil }
            guard let d = Timestamp.parse(raw) else {
                issues.append(FieldIssue(code: "invalid_format", field: name, message: "'\(raw)' is not an ISO 8601 timestamp"))
                return nil
            }
            return d
        }
        query.from = time("from")
        query.to = time("to")
        if let l = q["limit"] {
            if let n = Int(l), (1...1000).contains(n) {
                query.limit = n
            } else {
                issues.append(FieldIssue(code: "out_of_range", field: "limit", message: "must be 1–1000"))
            }
        }
        if let b = q["before"] { query.before = Int64(b) }
        if let f = query.from, let t = query.to, t < f {
            issues.append(FieldIssue(code: "out_of_range", field: "to", message: "is before from"))
        }
        if !issues.isEmpty {
            throw Problem(.badRequest, code: "invalid_query", detail: issues.map(\.description).joined(separator: "; "), issues: issues)
        }
        let finalQuery = query
        let entries = try await services.store.read { try await $0.audit(finalQuery) }
        return Reply.json(
            .object([
                (
                    "data",
                    .array(
                        entries.map { e in
                            .object([
                                ("sequence", .number(Decimal(e.sequence ?? 0))), ("at", .string(Timestamp.iso8601(e.at))),
                                ("actor", .string(e.actor)), ("action", .string(e.action)), ("entity", .string(e.entity)),
                                ("record_id", .string(e.recordID)), ("before", e.before.map(JSONValue.string) ?? .null),
                                ("after", e.after.map(JSONValue.string) ?? .null),
                            ])
                        })
                )
            ]))
    }

    @Sendable func history(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        _ = try await services.records.get(Opportunity.schema, id: id, as: context.principal)
        let (stages, fields) = try await services.store.read { r in
            (try await r.stageHistory(opportunityID: id), try await r.fieldHistory(entity: "opportunity", recordID: id))
        }
        return Reply.json(
            .object([
                (
                    "stages",
                    .array(
                        stages.map { c in
                            .object([
                                ("from_stage", c.fromStage.map(JSONValue.string) ?? .null), ("to_stage", .string(c.toStage)),
                                ("amount", .number(c.amount.amount)), ("currency", .string(c.amount.currency.code)),
                                ("probability", .number(Decimal(c.probability))), ("close_date", .string(c.closeDate.description)),
                                ("forecast_category", .string(c.forecastCategory.rawValue)),
                                ("changed_at", .string(Timestamp.iso8601(c.changedAt))), ("changed_by", .string(c.changedBy)),
                            ])
                        })
                ),
                (
                    "fields",
                    .array(
                        fields.map { c in
                            .object([
                                ("field", .string(c.field)), ("old_value", c.oldValue.map(JSONValue.string) ?? .null),
                                ("new_value", c.newValue.map(JSONValue.string) ?? .null),
                                ("changed_at", .string(Timestamp.iso8601(c.changedAt))), ("changed_by", .string(c.changedBy)),
                            ])
                        })
                ),
            ]))
    }
}
