import CoxswainDomain
import CoxswainServices
import Foundation
import HTTPTypes
import Hummingbird

/// De-duplication jobs, candidate clusters, merges with field picks, undo, and the duplicate mode:
///
/// - `POST /api/v1/dedup-jobs` `{"entity":"leads"|"contacts","threshold":0}` → 202, the job (poll `GET …/{id}`);
/// - `GET /api/v1/dedup-candidates?job_id=&status=open&limit=&cursor=` → clusters, highest score first, with
///   per-pair, per-field explanations and the records side by side;
/// - `POST /api/v1/dedup-candidates/{id}/merge` `{"survivor_id","default_rule","fields":{"email":"pin:<id>"}}` → 201;
/// - `POST /api/v1/lead-merges` `{"entity","survivor_id","duplicate_ids":[…],"default_rule","fields":{…}}` → 201;
/// - `POST /api/v1/lead-merges/{id}/undo` → 200, or 409 `merge_undo_conflict` / `already_undone`;
/// - `GET|PATCH /api/v1/settings/lead-matching` `{"mode":"warn"|"block"|"auto_merge"}`.
///
/// Rules are written as codes: `survivor_first`, `most_recent`, `most_complete`, `longest`,
/// `source_priority:web,event`, `pin:<record id>`.
struct DedupController: Sendable {
    let services: AppServices
    let maxBodyBytes: Int

    /// Header on `POST /api/v1/leads` responses listing likely duplicates (comma-separated ids).
    static let duplicateHeader = HTTPField.Name("Coxswain-Duplicate-Of")!

    var matching: LeadMatchingServices { services.leadMatching }

    func register(on router: Router<AppRequestContext>, table: RouteTable) {
        table.on(router, .post, "/api/v1/dedup-jobs", startJob)
        table.on(router, .get, "/api/v1/dedup-jobs/:id", job)
        table.on(router, .get, "/api/v1/dedup-candidates", candidates)
        table.on(router, .get, "/api/v1/dedup-candidates/:id", candidate)
        table.on(router, .post, "/api/v1/dedup-candidates/:id/merge", mergeCandidate)
        table.on(router, .post, "/api/v1/dedup-candidates/:id/dismiss", dismiss)
        table.on(router, .get, "/api/v1/lead-merges", merges)
        table.on(router, .post, "/api/v1/lead-merges", merge)
        table.on(router, .get, "/api/v1/lead-merges/:id", getMerge)
        table.on(router, .post, "/api/v1/lead-merges/:id/undo", undo)
        table.on(router, .get, "/api/v1/settings/lead-matching", settings)
        table.on(router, .patch, "/api/v1/settings/lead-matching", updateSettings)
    }

    /// A create response with `warnings` appended when there are likely duplicates.
    static func withWarnings(_ json: JSONValue, _ hits: [DuplicateHit]) -> JSONValue {
        guard !hits.isEmpty, case .object(var pairs) = json else { return json }
        pairs.append(("warnings", .array(hits.map(\.warningJSON))))
        return .object(pairs)
    }

    @Sendable func startJob(_ request: Request, context: AppRequestContext) async throws -> Response {
        try AccessRules.require(.dedupe, context.principal, writing: true)
        var request = request
        let body = try await request.jsonObject(limit: maxBodyBytes)
        var schema = Lead.schema
        var threshold = 0.0
        for (key, value) in body {
            switch (key, value) {
            case ("entity", .string(let name)):
                guard let s = EntityCatalog.schema(named: name), DedupJobService.entities.contains(where: { $0 === s }) else {
                    throw ValidationFailure(
                        entity: "dedup_job", issues: [FieldIssue(code: "unknown_value", field: "entity", message: "must be leads or contacts")])
                }
                schema = s
            case ("threshold", .number(let n)): threshold = NSDecimalNumber(decimal: n).doubleValue
            default:
                throw ValidationFailure(entity: "dedup_job", issues: [FieldIssue(code: "unknown_field", field: key, message: "is not a job option")])
            }
        }
        let job = try await matching.jobs.start(schema, threshold: threshold, by: context.principal)
        var headers = HTTPFields()
        headers[.location] = "/api/v1/dedup-jobs/\(job.id)"
        return Reply.json(Self.jobJSON(job), status: .accepted, headers: headers)
    }

    @Sendable func job(_ request: Request, context: AppRequestContext) async throws -> Response {
        Reply.json(Self.jobJSON(try await matching.jobs.job(try context.parameters.require("id"), as: context.principal)))
    }

    @Sendable func candidates(_ request: Request, context: AppRequestContext) async throws -> Response {
        let q = request.uri.queryParameters
        let limit = try Self.limit(q["limit"].map(String.init))
        let status = q["status"].map(String.init) ?? "open"
        let page = try await matching.jobs.candidates(
            jobID: q["job_id"].map(String.init), status: status == "all" ? nil : status, limit: limit, cursor: q["cursor"].map(String.init),
            as: context.principal)
        var items: [JSONValue] = []
        for c in page.records { items.append(try await candidateJSON(c)) }
        return Reply.json(.object([("data", .array(items)), ("next_cursor", page.nextCursor.map(JSONValue.string) ?? .null)]))
    }

    @Sendable func candidate(_ request: Request, context: AppRequestContext) async throws -> Response {
        Reply.json(try await candidateJSON(try await matching.jobs.candidate(try context.parameters.require("id"), as: context.principal)))
    }

    @Sendable func mergeCandidate(_ request: Request, context: AppRequestContext) async throws -> Response {
        try AccessRules.require(.dedupe, context.principal, writing: true)
        let id = try context.parameters.require("id")
        var request = request
        let body = try await request.jsonObject(limit: maxBodyBytes)
        let (survivor, policy) = try Self.mergeOptions(body, allowed: ["survivor_id", "default_rule", "fields"])
        let merge = try await matching.jobs.mergeCandidate(id, survivorID: survivor, policy: policy, by: context.principal)
        return Reply.json(merge.json, status: .created, headers: [.location: "/api/v1/lead-merges/\(merge.id)"])
    }

    @Sendable func dismiss(_ request: Request, context: AppRequestContext) async throws -> Response {
        Reply.json(try await candidateJSON(try await matching.jobs.dismiss(try context.parameters.require("id"), by: context.principal)))
    }

    @Sendable func merges(_ request: Request, context: AppRequestContext) async throws -> Response {
        let q = request.uri.queryParameters
        let page = try await matching.merges.list(
            recordID: q["record_id"].map(String.init), limit: try Self.limit(q["limit"].map(String.init)), cursor: q["cursor"].map(String.init),
            as: context.principal)
        return Reply.json(.object([("data", .array(page.merges.map(\.json))), ("next_cursor", page.nextCursor.map(JSONValue.string) ?? .null)]))
    }

    @Sendable func merge(_ request: Request, context: AppRequestContext) async throws -> Response {
        try AccessRules.require(.dedupe, context.principal, writing: true)
        var request = request
        let body = try await request.jsonObject(limit: maxBodyBytes)
        let (survivor, policy) = try Self.mergeOptions(body, allowed: ["survivor_id", "duplicate_ids", "entity", "default_rule", "fields"])
        var issues: [FieldIssue] = []
        var duplicates: [String] = []
        if case .array(let items)? = body.first(where: { $0.0 == "duplicate_ids" })?.1 {
            for item in items {
                if case .string(let s) = item {
                    duplicates.append(s)
                } else {
                    issues.append(FieldIssue(code: "invalid_type", field: "duplicate_ids", message: "must be strings"))
                }
            }
        } else {
            issues.append(FieldIssue(code: "required", field: "duplicate_ids", message: "list the ids to merge into the survivor"))
        }
        if survivor == nil { issues.append(FieldIssue(code: "required", field: "survivor_id", message: "name the record that survives")) }
        var schema = Lead.schema
        if case .string(let name)? = body.first(where: { $0.0 == "entity" })?.1 {
            if let s = EntityCatalog.schema(named: name), DedupJobService.entities.contains(where: { $0 === s }) {
                schema = s
            } else {
                issues.append(FieldIssue(code: "unknown_value", field: "entity", message: "must be leads or contacts"))
            }
        }
        if !issues.isEmpty { throw ValidationFailure(entity: "lead_merge", issues: issues) }
        let merge = try await matching.merges.merge(
            schema, survivorID: survivor ?? "", duplicateIDs: duplicates, policy: policy, by: context.principal)
        return Reply.json(merge.json, status: .created, headers: [.location: "/api/v1/lead-merges/\(merge.id)"])
    }

    @Sendable func getMerge(_ request: Request, context: AppRequestContext) async throws -> Response {
        Reply.json(try await matching.merges.get(try context.parameters.require("id"), as: context.principal).json)
    }

    @Sendable func undo(_ request: Request, context: AppRequestContext) async throws -> Response {
        Reply.json(try await matching.merges.unmerge(try context.parameters.require("id"), by: context.principal).json)
    }

    @Sendable func settings(_ request: Request, context: AppRequestContext) async throws -> Response {
        try AccessRules.require(.dedupe, context.principal)
        return Reply.json(.object([("mode", .string(try await matching.duplicates.settings().mode.rawValue))]))
    }

    @Sendable func updateSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        try AccessRules.require(.configure, context.principal, writing: true)
        var request = request
        let body = try await request.jsonObject(limit: maxBodyBytes)
        guard body.count == 1, body[0].0 == "mode", case .string(let raw) = body[0].1, let mode = DuplicateMode(rawValue: raw) else {
            throw ValidationFailure(
                entity: "settings",
                issues: [FieldIssue(code: "unknown_value", field: "mode", message: "send {\"mode\": \"warn\" | \"block\" | \"auto_merge\"}")])
        }
        let actor = context.principal
        let now = services.records.environment.now()
        try await services.store.write { tx in
            let before = try await LeadMatchingSettings.load(from: tx)
            try await LeadMatchingSettings(mode: mode).save(to: tx)
            try await tx.append(audit: [
                AuditEntry(
                    at: now, actor: actor.id, action: "settings", entity: "settings", recordID: "lead_matching",
                    before: "{\"mode\":\"\(before.mode.rawValue)\"}", after: "{\"mode\":\"\(mode.rawValue)\"}")
            ])
        }
        return Reply.json(.object([("mode", .string(mode.rawValue))]))
    }
}
