import Foundation

/// The declaration of an entity: its fields in order, its table, and the rules that span several fields.
///
/// One schema drives every path a record can take — JSON API bodies, CSV import and export, the SQL
/// repository and the OpenAPI document — so a rule declared here cannot be bypassed by any of them.
/// Every entity gets the system fields `id`, `external_id`, `created_at`, `updated_at` and `custom_fields`.
public final class EntitySchema: Sendable, Hashable, CustomStringConvertible {
    /// A rule over a whole record, run after field validation. It may derive values (an opportunity's
    /// probability defaults from its stage) and reports problems as ``FieldIssue``s.
    public typealias Rule = @Sendable (_ record: inout Record, _ context: ValidationContext, _ mode: ValidationMode) -> [FieldIssue]

    /// Singular machine name, e.g. `opportunity`.
    public let name: String
    /// Plural used in URLs and CLI arguments, e.g. `opportunities`.
    public let plural: String
    /// Database table, e.g. `opportunities`.
    public let table: String
    /// All fields, system fields first.
    public let fields: [FieldSpec]
    /// Cross-field rules.
    public let rules: [Rule]
    /// Fields that must be unique across the table (besides `id` and `external_id`).
    public let uniqueFields: [String]
    /// Fields offered as list filters and sort keys in the API (every scalar field).
    public let filterableFields: [String]
    private let indexByName: [String: Int]

    public init(
        name: String, plural: String, table: String? = nil, fields: [FieldSpec], uniqueFields: [String] = [],
        filterable: [String] = [], rules: [Rule] = []
    ) {
        self.name = name
        self.plural = plural
        self.table = table ?? plural.replacingOccurrences(of: "-", with: "_")
        let system: [FieldSpec] = [
            FieldSpec("id", .id, access: .system, doc: "Coxswain identifier (UUIDv7, time-ordered)."),
            FieldSpec(
                "external_id", .text(maxLength: 255), aliases: ["External ID", "Record ID", "\(name.capitalized) ID"],
                doc: "The record's id in the source CRM; imports upsert on it."),
            FieldSpec(
                "created_at", .timestamp, access: .createOnly, aliases: ["Created Date", "Create Date", "Created"],
                doc: "When the record was created (defaults to now; importable for historical data)."),
            FieldSpec("updated_at", .timestamp, access: .system, doc: "When the record last changed."),
        ]
        self.fields =
            system + fields + [
                FieldSpec("custom_fields", .customFields, doc: "Values of the organisation's custom fields for this entity.")
            ]
        self.uniqueFields = uniqueFields
        // Every scalar field can be filtered and sorted on; `filterable` lists the ones worth indexing first.
        let scalar = self.fields.filter { spec in
            switch spec.kind {
            case .customFields, .list, .dateRanges: false
            default: true
            }
        }.map(\.name)
        self.filterableFields = (["id", "external_id", "created_at", "updated_at"] + filterable + scalar).reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        self.rules = rules
        var index: [String: Int] = [:]
        for (i, f) in self.fields.enumerated() { index[f.name] = i }
        self.indexByName = index
    }

    /// Position of `field` in ``fields``, nil if the entity has no such field.
    public func index(of field: String) -> Int? { indexByName[field] }

    /// The spec of `field`.
    public func field(_ name: String) -> FieldSpec? { indexByName[name].map { fields[$0] } }

    public var description: String { name }

    public static func == (lhs: EntitySchema, rhs: EntitySchema) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// Whether a record is being created or an existing one changed.
public enum ValidationMode: Sendable {
    case create
    /// `existing` is the stored record the patch applies to.
    case update(existing: Record)

    public var isCreate: Bool { if case .create = self { true } else { false } }
}

/// Everything validation needs to know about the organisation, loaded once per request or import.
public struct ValidationContext: Sendable {
    /// Currency used when a money field arrives without one.
    public var defaultCurrency: Currency
    /// Opportunity stages configured for the organisation.
    public var stages: [StageDefinition]
    /// Custom field definitions, by entity name.
    public var customFields: [String: [CustomFieldDefinition]]
    /// "Now", for defaults such as `created_at`.
    public var now: Date

    public init(
        defaultCurrency: Currency = .usd, stages: [StageDefinition] = StageDefinition.defaults,
        customFields: [String: [CustomFieldDefinition]] = [:], now: Date
    ) {
        self.defaultCurrency = defaultCurrency
        self.stages = stages
        self.customFields = customFields
        self.now = now
    }

    /// The stage named `name` (case-insensitive).
    public func stage(named name: String) -> StageDefinition? {
        stages.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }
}
