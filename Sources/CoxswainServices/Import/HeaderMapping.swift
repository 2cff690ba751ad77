import CoxswainDomain
import Foundation

/// How the columns of a CSV file map onto an entity's fields.
///
/// Headers are matched on their letters and digits only, ignoring case, so `first_name`, `First Name` and
/// `FirstName` all mean `first_name`; the entity's aliases cover Salesforce and HubSpot export headers
/// ("Lead Owner", "Company / Account", "Close Date"). A header that names a custom field by key or label
/// maps to that custom field. Explicit `overrides` (`column=field`) win. Unmatched columns are listed in the
/// import report as ignored, so nothing is dropped silently.
public struct HeaderMapping: Sendable {
    /// For each schema field, the CSV column index that feeds it.
    public var fieldColumns: [Int?]
    /// Custom-field key → column index.
    public var customColumns: [(String, Int)]
    /// Column index of an `id` column (Coxswain id, used to update existing records).
    public var idColumn: Int?
    /// Header names that matched nothing.
    public var ignored: [String]
    /// `(column header, field)` pairs, for the report.
    public var mapped: [(String, String)]

    /// Normalised form used for matching: `"Zip/Postal Code"` → `"zippostalcode"`.
    public static func key(_ header: String) -> String {
        FastText.looseKey(header)
    }

    /// Maps `headers` for `schema`. Throws ``ValidationFailure`` when two columns claim the same field or an
    /// override names an unknown column or field.
    public init(
        headers: [String], schema: EntitySchema, customFields: [CustomFieldDefinition],
        overrides: [String: String] = [:]
    ) throws {
        var byKey: [String: String] = [:]
        for spec in schema.fields where spec.access != .system || spec.name == "id" {
            for name in [spec.name] + spec.aliases where byKey[Self.key(name)] == nil { byKey[Self.key(name)] = spec.name }
        }
        var customByKey: [String: String] = [:]
        for def in customFields where def.active {
            customByKey[Self.key(def.key)] = def.key
            customByKey[Self.key(def.label)] = def.key
        }
        var issues: [FieldIssue] = []
        var overrideByColumn: [String: String] = [:]
        for (column, field) in overrides {
            guard headers.contains(column) else {
                issues.append(FieldIssue(code: "unknown_field", field: column, message: "--map names a column the file does not have"))
                continue
            }
            guard schema.field(field) != nil || customFields.contains(where: { $0.key == field }) else {
                issues.append(FieldIssue(code: "unknown_field", field: field, message: "is not a field of \(schema.name)"))
                continue
            }
            overrideByColumn[column] = field
        }
        fieldColumns = Array(repeating: nil, count: schema.fields.count)
        customColumns = []
        idColumn = nil
        ignored = []
        mapped = []
        var claimedBy: [String: String] = [:]
        for (column, header) in headers.enumerated() {
            let k = Self.key(header)
            let target = overrideByColumn[header] ?? byKey[k]
            if let field = target, let index = schema.index(of: field) {
                if let other = claimedBy[field] {
                    issues.append(
                        FieldIssue(
                            code: "duplicate", field: header,
                            message: "maps to \(field), which column '\(other)' already provides"))
                    continue
                }
                claimedBy[field] = header
                if field == "id" { idColumn = column } else { fieldColumns[index] = column }
                mapped.append((header, field))
            } else if let custom = overrideByColumn[header] ?? customByKey[k] {
                customColumns.append((custom, column))
                mapped.append((header, "custom_fields.\(custom)"))
            } else {
                ignored.append(header)
            }
        }
        if !issues.isEmpty { throw ValidationFailure(entity: schema.name, issues: issues) }
    }
}
