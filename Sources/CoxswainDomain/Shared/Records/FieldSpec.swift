import Foundation

/// The type of a field, which decides how input text/JSON is parsed, how it is checked and how it is stored.
public enum FieldKind: Hashable, Sendable {
    /// A server-generated identifier (read-only).
    case id
    /// Free text up to `maxLength` characters.
    case text(maxLength: Int)
    /// An e-mail address (`local@domain.tld`), stored trimmed.
    case email
    /// A phone number as entered (normalisation to E.164 happens in matching).
    case phone
    /// A website or URL.
    case url
    /// A whole number within optional bounds.
    case integer(min: Int64?, max: Int64?)
    /// An exact decimal within optional bounds (e.g. probability 0…100).
    case decimal(min: Decimal?, max: Decimal?)
    /// A money amount (never negative) whose currency is in the field named `currencyField`.
    case money(currencyField: String)
    /// An ISO 4217 currency code.
    case currency
    /// A calendar date `YYYY-MM-DD`.
    case date
    /// An instant (ISO 8601).
    case timestamp
    /// true/false (CSV also accepts yes/no, 1/0).
    case bool
    /// One of a fixed set of values (case-insensitive on input, stored as listed).
    case choice([String])
    /// The id of a record of another entity (e.g. `rep`); existence is checked by the service layer.
    case reference(String)
    /// A list of values, optionally restricted (CSV: separated by `;`).
    case list(allowed: [String]?)
    /// Inclusive date ranges (CSV: `2026-01-05..2026-01-09;2026-02-01..2026-02-01`).
    case dateRanges
    /// Time of day `HH:MM` (24 h).
    case timeOfDay
    /// An IANA time zone identifier such as `America/New_York`.
    case timeZone
    /// The entity's custom fields (validated against the organisation's definitions).
    case customFields

    /// Name used in error messages and the OpenAPI document.
    public var typeName: String {
        switch self {
        case .id, .text, .phone, .reference, .timeOfDay, .timeZone: "string"
        case .email: "email"
        case .url: "url"
        case .integer: "integer"
        case .decimal, .money: "number"
        case .currency: "currency code"
        case .date: "date (YYYY-MM-DD)"
        case .timestamp: "timestamp (ISO 8601)"
        case .bool: "boolean"
        case .choice(let values): "one of " + values.joined(separator: ", ")
        case .list: "list"
        case .dateRanges: "list of date ranges"
        case .customFields: "object"
        }
    }
}

/// Who may set a field.
public enum FieldAccess: Hashable, Sendable {
    /// Set by clients on create and update.
    case writable
    /// Set by the server only (id, updated_at, derived values); rejected if a client sends it.
    case system
    /// Clients may set it when creating (e.g. `created_at` of imported historical records), not change it.
    case createOnly
}

/// The declaration of one field of an entity: its name, type, rules and the CSV headers it is known by.
public struct FieldSpec: Hashable, Sendable {
    /// snake_case name used in JSON, CSV and as the database column.
    public var name: String
    public var kind: FieldKind
    public var required: Bool
    public var access: FieldAccess
    /// Alternative CSV header names, e.g. Salesforce's "Lead Owner" or HubSpot's "Company name".
    public var aliases: [String]
    /// Value used on create when the field is absent.
    public var defaultValue: FieldValue?
    /// One-line description for the OpenAPI document and `--help` texts.
    public var doc: String

    public init(
        _ name: String, _ kind: FieldKind, required: Bool = false, access: FieldAccess = .writable,
        default defaultValue: FieldValue? = nil, aliases: [String] = [], doc: String = ""
    ) {
        self.name = name
        self.kind = kind
        self.required = required
        self.access = access
        self.aliases = aliases
        self.defaultValue = defaultValue
        self.doc = doc
    }
}
