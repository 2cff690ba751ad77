import CoxswainDomain
import CoxswainServices
import Foundation
import Hummingbird

extension DedupController {
    static func jobJSON(_ r: Record) -> JSONValue {
        .object([
            ("id", .string(r.id)), ("entity", r["entity"].json), ("status", r["status"].json), ("requested_by", r["requested_by"].json),
            ("started_at", r["created_at"].json), ("finished_at", r["finished_at"].json), ("record_count", r["record_count"].json),
            ("pairs_compared", r["pairs_compared"].json), ("cluster_count", r["cluster_count"].json), ("threshold", r["threshold"].json),
            ("error", r["error"].json),
        ])
    }

    /// A candidate with its pair explanations and the current records (null for records no longer stored).
    func candidateJSON(_ c: Record) async throws -> JSONValue {
        let ids = c["record_ids"].list ?? []
        let schema = EntityCatalog.schema(named: c.text("entity") ?? "lead") ?? Lead.schema
        let records = try await services.store.read { reader in
            var out: [JSONValue] = []
            for id in ids { out.append(try await reader.get(schema, id: id)?.json ?? .null) }
            return out
        }
        let pairs = (try? JSONValue.parse(Data((c.text("explanation") ?? "[]").utf8))) ?? .array([])
        return .object([
            ("id", .string(c.id)), ("job_id", c["job_id"].json), ("entity", c["entity"].json), ("score", c["score"].json),
            ("size", c["size"].json), ("status", c["status"].json), ("merge_id", c["merge_id"].json),
            ("record_ids", c["record_ids"].json), ("records", .array(records)), ("pairs", pairs),
        ])
    }

    static func limit(_ raw: String?) throws -> Int {
        guard let raw else { return 50 }
        guard let n = Int(raw), (1...1000).contains(n) else {
            throw Problem(
                .badRequest, code: "invalid_query", detail: "limit must be 1–1000",
                issues: [FieldIssue(code: "out_of_range", field: "limit", message: "must be 1–1000")])
        }
        return n
    }

    /// Survivor and survivorship policy from a merge body; every problem is reported at once.
    static func mergeOptions(_ body: [(String, JSONValue)], allowed: Set<String>) throws -> (String?, SurvivorshipPolicy) {
        var issues: [FieldIssue] = []
        var survivor: String?
        var policy = SurvivorshipPolicy()
        func rule(_ v: JSONValue, _ field: String) -> SurvivorshipRule? {
            if case .string(let code) = v, let r = SurvivorshipRule(code: code) { return r }
            issues.append(
                FieldIssue(
                    code: "unknown_value", field: field,
                    message: "must be survivor_first, most_recent, most_complete, longest, source_priority:<a,b> or pin:<record id>"))
            return nil
        }
        for (key, value) in body {
            guard allowed.contains(key) else {
                issues.append(FieldIssue(code: "unknown_field", field: key, message: "is not a merge option"))
                continue
            }
            switch key {
            case "survivor_id":
                if case .string(let s) = value {
                    survivor = s
                } else {
                    issues.append(FieldIssue(code: "invalid_type", field: key, message: "must be a string"))
                }
            case "default_rule": if let r = rule(value, key) { policy.defaultRule = r }
            case "fields":
                guard case .object(let pairs) = value else {
                    issues.append(FieldIssue(code: "invalid_type", field: key, message: "must be an object of field → rule"))
                    continue
                }
                for (field, v) in pairs { if let r = rule(v, "fields." + field) { policy.fields[field] = r } }
            default: break
            }
        }
        if !issues.isEmpty { throw ValidationFailure(entity: "lead_merge", issues: issues) }
        return (survivor, policy)
    }
}
