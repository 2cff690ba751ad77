import Foundation

/// An organisation-defined field on an entity ("Competitor", "Use case", "Uses tool X"), stored in the
/// record's `custom_fields` JSON and validated on every write path alike.
///
/// Example: `{"entity": "lead", "key": "use_case", "label": "Use case", "type": "picklist",
/// "allowed_values": ["Billing", "Payroll"], "required": true}` makes every lead write without a
/// `use_case` of Billing or Payroll fail with `custom_fields.use_case: required`.
public struct CustomFieldDefinition: Hashable, Sendable {
    /// The value types a custom field can hold.
    public enum FieldType: String, CaseIterable, Hashable, Sendable {
        case text, number, currency, date, boolean, picklist
        case multiPicklist = "multi_picklist"
    }

    public var id: String
    public var entity: String
    public var key: String
    public var label: String
    public var type: FieldType
    public var required: Bool
    public var allowedValues: [String]
    /// A regular expression the whole text value must match (text fields).
    public var pattern: String?
    /// Inclusive numeric bounds (number/currency) or length bounds (text).
    public var min: Decimal?
    public var max: Decimal?
    /// Restricted fields are hidden from roles without access (see access control).
    public var restricted: Bool
    public var active: Bool

    public init(
        id: String = "", entity: String, key: String, label: String, type: FieldType, required: Bool = false,
        allowedValues: [String] = [], pattern: String? = nil, min: Decimal? = nil, max: Decimal? = nil,
        restricted: Bool = false, active: Bool = true
    ) {
        self.id = id
        self.entity = entity
        self.key = key
        self.label = label
        self.type = type
        self.required = required
        self.allowedValues = allowedValues
        self.pattern = pattern
        self.min = min
        self.max = max
        self.restricted = restricted
        self.active = active
    }

    /// Entities that accept custom fields.
    public static let entities = ["rep", "team", "account", "contact", "lead", "opportunity", "activity", "product", "quota"]

    /// Schema of the `custom_field_definitions` resource.
    public static let schema = EntitySchema(
        name: "custom_field", plural: "custom-fields", table: "custom_field_definitions",
        fields: [
            FieldSpec("entity", .choice(entities), required: true, access: .createOnly, doc: "Entity the field belongs to."),
            FieldSpec("key", .text(maxLength: 63), required: true, access: .createOnly, doc: "snake_case key used in custom_fields."),
            FieldSpec("label", .text(maxLength: 120), required: true, doc: "Label shown to people and accepted as a CSV header."),
            FieldSpec("type", .choice(FieldType.allCases.map(\.rawValue)), required: true, access: .createOnly, doc: "Value type."),
            FieldSpec("required", .bool, default: .bool(false), doc: "Every write must provide a value."),
            FieldSpec("allowed_values", .list(allowed: nil), doc: "Values allowed for picklists."),
            FieldSpec("pattern", .text(maxLength: 500), doc: "Regular expression a text value must match entirely."),
            FieldSpec("min", .decimal(min: nil, max: nil), doc: "Minimum number (number/currency) or length (text)."),
            FieldSpec("max", .decimal(min: nil, max: nil), doc: "Maximum number (number/currency) or length (text)."),
            FieldSpec("restricted", .bool, default: .bool(false), doc: "Hidden from roles without access to restricted fields."),
            FieldSpec("active", .bool, default: .bool(true), doc: "Inactive definitions are ignored."),
        ],
        uniqueFields: [],
        filterable: ["entity", "key", "type", "active"],
        rules: [validateDefinition]
    )

    /// Reads a definition from its validated record.
    public init(record r: Record) {
        self.init(
            id: r.id, entity: r.text("entity") ?? "", key: r.text("key") ?? "", label: r.text("label") ?? "",
            type: FieldType(rawValue: r.text("type") ?? "") ?? .text, required: r.bool("required") ?? false,
            allowedValues: r["allowed_values"].list ?? [], pattern: r.text("pattern"), min: r.decimal("min"),
            max: r.decimal("max"), restricted: r.bool("restricted") ?? false, active: r.bool("active") ?? true)
    }

    /// Rules for a definition: a valid key, picklists with values, a compilable pattern, min ≤ max.
    private static let validateDefinition: EntitySchema.Rule = { record, _, _ in
        var issues: [FieldIssue] = []
        let key = record.text("key") ?? ""
        let keyOK =
            key.utf8.first.map { $0 >= 97 && $0 <= 122 } == true
            && key.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
        if !keyOK {
            issues.append(FieldIssue(code: "invalid_format", field: "key", message: "must be snake_case: a-z, 0-9 and _, starting with a letter"))
        }
        let type = record.text("type") ?? ""
        let values = record["allowed_values"].list ?? []
        if (type == "picklist" || type == "multi_picklist") && values.isEmpty {
            issues.append(FieldIssue(code: "required", field: "allowed_values", message: "a picklist needs at least one allowed value"))
        }
        if let p = record.text("pattern"), (try? Regex(p)) == nil {
            issues.append(FieldIssue(code: "invalid_format", field: "pattern", message: "is not a valid regular expression"))
        }
        if let lo = record.decimal("min"), let hi = record.decimal("max"), lo > hi {
            issues.append(FieldIssue(code: "out_of_range", field: "max", message: "must not be below min (\(lo))"))
        }
        return issues
    }
}
