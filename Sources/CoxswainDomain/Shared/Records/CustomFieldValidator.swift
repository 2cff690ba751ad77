import Foundation

/// Validates custom-field values against the organisation's ``CustomFieldDefinition``s.
///
/// Issues name the field as `custom_fields.<key>`, e.g. `custom_fields.seats: must be at most 500 (got 900)`.
public enum CustomFieldValidator {
    /// Applies a patch of custom-field values (JSON object, or CSV cells by key or label) over `existing`.
    /// A null value removes the key. Unknown keys and invalid values are reported; nothing is applied then.
    public static func merge(
        _ source: FieldParser.Source, into existing: [String: FieldValue], definitions: [CustomFieldDefinition]
    ) -> Result<[String: FieldValue], ValidationFailure> {
        guard case .json(let json) = source else {
            return .failure(
                ValidationFailure(
                    entity: "custom_fields", issues: [FieldIssue(code: "invalid_type", field: "custom_fields", message: "must be an object")]))
        }
        let pairs: [(String, JSONValue)]
        switch json {
        case .null: return .success(existing)
        case .object(let p): pairs = p
        default:
            return .failure(
                ValidationFailure(
                    entity: "custom_fields",
                    issues: [FieldIssue(code: "invalid_type", field: "custom_fields", message: "must be an object, got \(json.kindName)")]))
        }
        var result = existing
        var issues: [FieldIssue] = []
        for (key, value) in pairs {
            guard let def = definitions.first(where: { $0.active && ($0.key == key || $0.label.caseInsensitiveCompare(key) == .orderedSame) }) else {
                issues.append(FieldIssue(code: "unknown_field", field: "custom_fields.\(key)", message: "is not a defined custom field"))
                continue
            }
            switch parse(value, definition: def) {
            case .success(.null): result.removeValue(forKey: def.key)
            case .success(let v): result[def.key] = v
            case .failure(let issue): issues.append(issue)
            }
        }
        return issues.isEmpty ? .success(result) : .failure(ValidationFailure(entity: "custom_fields", issues: issues))
    }

    /// Required, active definitions without a value.
    public static func missingRequired(_ values: [String: FieldValue], definitions: [CustomFieldDefinition]) -> [FieldIssue] {
        definitions.filter { $0.active && $0.required && (values[$0.key] ?? .null).isNull }
            .map { .required("custom_fields.\($0.key)") }
    }

    /// Parses one value for `definition`.
    public static func parse(_ value: JSONValue, definition def: CustomFieldDefinition) -> Result<FieldValue, FieldIssue> {
        let field = "custom_fields.\(def.key)"
        func bad(_ code: String, _ m: String) -> Result<FieldValue, FieldIssue> { .failure(FieldIssue(code: code, field: field, message: m)) }
        let kind: FieldKind
        switch def.type {
        case .text: kind = .text(maxLength: 10_000)
        case .number, .currency: kind = .decimal(min: def.min, max: def.max)
        case .date: kind = .date
        case .boolean: kind = .bool
        case .picklist: kind = .choice(def.allowedValues)
        case .multiPicklist: kind = .list(allowed: def.allowedValues)
        }
        let parsed = FieldParser.parse(.json(value), spec: FieldSpec(field, kind))
        guard case .success(let v) = parsed else { return parsed }
        if def.type == .text, case .text(let s) = v {
            let length = Decimal(s.unicodeScalars.count)
            if let lo = def.min, length < lo { return bad("out_of_range", "must be at least \(lo) characters") }
            if let hi = def.max, length > hi { return bad("out_of_range", "must be at most \(hi) characters") }
            if let p = def.pattern, let regex = try? Regex(p), (try? regex.wholeMatch(in: s)) == nil {
                return bad("invalid_format", "'\(FieldParser.clip(s))' does not match the pattern \(p)")
            }
        }
        // Canonical custom-field values are JSON-native: dates are stored as `YYYY-MM-DD` text, numbers as decimals.
        if case .date(let d) = v { return .success(.text(d.description)) }
        if case .integer(let i) = v { return .success(.decimal(Decimal(i))) }
        return .success(v)
    }
}
