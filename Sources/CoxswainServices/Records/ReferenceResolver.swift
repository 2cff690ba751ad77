import CoxswainDomain
import Foundation

/// Resolves reference fields to Coxswain ids, in batches.
///
/// A reference may be given as a Coxswain id, as the source CRM's id (`external_id`), or — where people
/// export names rather than ids — a rep's e-mail or an account's exact name. Salesforce's "Opportunity
/// Owner" column holds `jane@acme.com` or an 18-character user id; both resolve. Unresolvable references are
/// reported as `unknown_reference` on the field; nothing is stored for that record.
enum ReferenceResolver {
    /// Secondary lookup fields per target entity, tried after `id` and `external_id`.
    static let secondaryKeys: [String: [String]] = ["rep": ["email"], "account": ["name"], "team": ["name"], "product": ["sku"]]

    /// Rewrites reference values of `records` in place; returns issues keyed by record index.
    static func resolve(_ records: inout [Record], reader: any RecordReading) async throws -> [Int: [FieldIssue]] {
        guard let schema = records.first?.schema else { return [:] }
        var issues: [Int: [FieldIssue]] = [:]
        for (fieldIndex, spec) in schema.fields.enumerated() {
            guard case .reference(let targetName) = spec.kind, let target = EntityCatalog.schema(named: targetName) else { continue }
            var wanted = Set<String>()
            for r in records { if let v = r.values[fieldIndex].text { wanted.insert(v) } }
            if wanted.isEmpty { continue }
            var resolved: [String: String] = [:]
            // Records of the same batch may reference each other (a rep file with manager emails).
            if target === schema {
                for r in records {
                    resolved[r.id] = r.id
                    if let e = r.text("external_id") { resolved[e] = resolved[e] ?? r.id }
                    for key in secondaryKeys[targetName] ?? [] { if let k = r.text(key) { resolved[k] = resolved[k] ?? r.id } }
                }
            }
            for key in ["id", "external_id"] + (secondaryKeys[targetName] ?? []) {
                let missing = wanted.filter { resolved[$0] == nil }
                if missing.isEmpty { break }
                for (value, id) in try await reader.lookup(target, field: key, values: Array(missing)) { resolved[value] = id }
            }
            for i in records.indices {
                guard let v = records[i].values[fieldIndex].text else { continue }
                if let id = resolved[v] {
                    records[i].values[fieldIndex] = .text(id)
                } else {
                    let how = (["id", "external id"] + (secondaryKeys[targetName] ?? [])).joined(separator: ", ")
                    issues[i, default: []].append(
                        FieldIssue(
                            code: "unknown_reference", field: spec.name,
                            message: "no \(targetName) with \(how) '\(FieldParser.clip(v))'"))
                }
            }
        }
        return issues
    }
}
