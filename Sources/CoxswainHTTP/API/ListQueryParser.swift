import CoxswainDomain
import CoxswainServices
import Hummingbird

/// Reads list query parameters: `limit` (1–1000, default 50), `cursor`, `sort` (`close_date`, `-amount` for
/// descending), and filters `field=value`, `field[op]=value` with ops `eq ne lt lte gt gte in contains is_null`
/// (`in` takes comma-separated values). Filter values are parsed with the field's own type, so
/// `amount[gte]=abc` is a 400 naming the parameter. Unknown parameters are rejected, not ignored.
enum ListQueryParser {
    static let reserved: Set<String> = ["limit", "cursor", "sort", "format"]

    static func parse(_ parameters: [(String, String)], schema: EntitySchema) throws -> ListQuery {
        var query = ListQuery()
        var issues: [FieldIssue] = []
        for (rawKey, value) in parameters {
            switch rawKey {
            case "limit":
                guard let n = Int(value), (1...1000).contains(n) else {
                    issues.append(FieldIssue(code: "out_of_range", field: "limit", message: "must be a whole number from 1 to 1000"))
                    continue
                }
                query.limit = n
            case "cursor": query.cursor = value
            case "sort":
                let descending = value.hasPrefix("-")
                let field = descending ? String(value.dropFirst()) : value
                guard schema.filterableFields.contains(field) else {
                    issues.append(
                        FieldIssue(
                            code: "unknown_value", field: "sort",
                            message: "cannot sort by '\(field)'; use one of \(schema.filterableFields.joined(separator: ", "))"))
                    continue
                }
                query.sort = field
                query.descending = descending
            case "format": continue
            default:
                var field = rawKey
                var op = ListFilter.Op.eq
                if let open = rawKey.firstIndex(of: "["), rawKey.hasSuffix("]") {
                    field = String(rawKey[..<open])
                    let opName = String(rawKey[rawKey.index(after: open)..<rawKey.index(before: rawKey.endIndex)])
                    guard let parsed = ListFilter.Op(rawValue: opName) else {
                        issues.append(
                            FieldIssue(
                                code: "unknown_value", field: rawKey,
                                message: "unknown operator '\(opName)'; use \(ListFilter.Op.allCases.map(\.rawValue).joined(separator: ", "))"))
                        continue
                    }
                    op = parsed
                }
                guard schema.filterableFields.contains(field), let spec = schema.field(field) else {
                    issues.append(
                        FieldIssue(
                            code: "unknown_field", field: rawKey,
                            message: "is not a filter of \(schema.plural); use \(schema.filterableFields.joined(separator: ", "))"))
                    continue
                }
                var values: [FieldValue] = []
                let parts: [String] = op == .in ? value.split(separator: ",").map(String.init) : [value]
                for part in parts {
                    if op == .isNull {
                        values.append(.bool(part == "true" || part == "1"))
                    } else if op == .contains {
                        values.append(.text(part))
                    } else {
                        let parsed: Result<FieldValue, FieldIssue>
                        if case .money = spec.kind {
                            parsed = FieldParser.parseMoney(.text(part), spec: spec, currency: .usd)
                        } else {
                            parsed = FieldParser.parse(.text(part), spec: FieldSpec(spec.name, Self.filterKind(spec.kind)))
                        }
                        switch parsed {
                        case .success(let v): values.append(v)
                        case .failure(var issue):
                            issue.field = rawKey
                            issues.append(issue)
                        }
                    }
                }
                query.filters.append(ListFilter(field, op, values))
            }
        }
        if !issues.isEmpty {
            throw Problem(.badRequest, code: "invalid_query", detail: issues.map(\.description).joined(separator: "; "), issues: issues)
        }
        return query
    }

    /// Filters compare against stored values, so system/id kinds parse as plain text.
    private static func filterKind(_ kind: FieldKind) -> FieldKind {
        switch kind {
        case .id, .reference, .email, .phone, .url, .timeZone, .timeOfDay: .text(maxLength: 1000)
        case .customFields, .list, .dateRanges: .text(maxLength: 1000)
        default: kind
        }
    }
}
