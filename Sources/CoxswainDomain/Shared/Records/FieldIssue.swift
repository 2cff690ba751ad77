/// One problem with one field of one record — the unit of every validation report.
///
/// `record` names the record (a CSV line such as `line 14`, or an id); `field` is the field name, which
/// the HTTP layer turns into a JSON pointer (`/amount`) and the importer into a column name.
public struct FieldIssue: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Stable machine-readable reason: `required`, `invalid_type`, `invalid_format`, `out_of_range`,
    /// `unknown_field`, `unknown_value`, `unknown_reference`, `duplicate`, `read_only`, `rule`.
    public var code: String
    /// The field concerned (empty for whole-record problems).
    public var field: String
    /// A sentence a user can act on: "amount must not be negative (got -5)".
    public var message: String

    public init(code: String, field: String, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var description: String { field.isEmpty ? message : "\(field): \(message)" }

    public static func required(_ field: String) -> FieldIssue {
        FieldIssue(code: "required", field: field, message: "is required")
    }
}

/// A record was rejected; carries every issue found, not just the first.
public struct ValidationFailure: Error, Sendable, CustomStringConvertible {
    public var entity: String
    public var issues: [FieldIssue]

    public init(entity: String, issues: [FieldIssue]) {
        self.entity = entity
        self.issues = issues
    }

    public var description: String { "invalid \(entity): " + issues.map(\.description).joined(separator: "; ") }
}
