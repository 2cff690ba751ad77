import CoxswainDomain
import Foundation

/// Finds values of unique fields (`external_id`, a rep's `email`, a product's `sku`…) that another record
/// already holds — in the database or earlier in the same batch — so the row is rejected with a reason
/// instead of failing the whole batch at commit.
enum UniqueFieldChecker {
    /// `known` gives, per field, owners already looked up for **every** value of that field in `records`
    /// (value → id); those fields are not queried again.
    static func check(
        _ records: [Record], reader: any RecordReading, known: [String: [String: String]] = [:]
    ) async throws -> [Int: [FieldIssue]] {
        guard let schema = records.first?.schema else { return [:] }
        var issues: [Int: [FieldIssue]] = [:]
        for field in ["external_id"] + schema.uniqueFields {
            guard let index = schema.index(of: field) else { continue }
            var firstInBatch: [String: Int] = [:]
            var values: [String] = []
            for (i, r) in records.enumerated() {
                guard let v = r.values[index].text else { continue }
                if let j = firstInBatch[v], records[j].id != r.id {
                    issues[i, default: []].append(
                        FieldIssue(code: "duplicate", field: field, message: "'\(FieldParser.clip(v))' is used by another row of this file"))
                } else {
                    firstInBatch[v] = i
                    values.append(v)
                }
            }
            if values.isEmpty { continue }
            let owners: [String: String]
            if let found = known[field] { owners = found } else { owners = try await reader.lookup(schema, field: field, values: values) }
            for (i, r) in records.enumerated() {
                guard let v = r.values[index].text, let owner = owners[v], owner != r.id, firstInBatch[v] == i else { continue }
                issues[i, default: []].append(
                    FieldIssue(
                        code: "duplicate", field: field,
                        message: "'\(FieldParser.clip(v))' already belongs to \(schema.name) \(owner)"))
            }
        }
        return issues
    }
}
