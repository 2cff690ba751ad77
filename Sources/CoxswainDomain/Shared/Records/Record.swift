import Foundation

/// A validated record: one ``FieldValue`` per field of its ``EntitySchema``, in schema order.
///
/// Records are what storage reads and writes and what JSON/CSV output is made from; typed entities
/// (``Lead``, ``Opportunity`` …) are views over them for the engines.
public struct Record: Hashable, Sendable {
    public let schema: EntitySchema
    public var values: [FieldValue]

    /// A record with every field null.
    public init(schema: EntitySchema) {
        self.schema = schema
        self.values = Array(repeating: .null, count: schema.fields.count)
    }

    public init(schema: EntitySchema, values: [FieldValue]) {
        precondition(values.count == schema.fields.count, "record of \(schema.name) needs \(schema.fields.count) values")
        self.schema = schema
        self.values = values
    }

    /// The value of `field` (null for fields the schema does not have).
    public subscript(field: String) -> FieldValue {
        get { schema.index(of: field).map { values[$0] } ?? .null }
        set {
            guard let i = schema.index(of: field) else { preconditionFailure("\(schema.name) has no field \(field)") }
            values[i] = newValue
        }
    }

    /// The record's id (empty before it is assigned).
    public var id: String { values[0].text ?? "" }

    public func text(_ field: String) -> String? { self[field].text }
    public func int(_ field: String) -> Int64? { self[field].integer }
    public func decimal(_ field: String) -> Decimal? { self[field].decimal }
    public func bool(_ field: String) -> Bool? { self[field].bool }
    public func date(_ field: String) -> LocalDate? { self[field].date }
    public func timestamp(_ field: String) -> Date? { self[field].timestamp }

    /// The money held by amount field `field` with its currency sibling; nil when the amount is null.
    public func money(_ field: String) -> Money? {
        guard let spec = schema.field(field), case .money(let currencyField) = spec.kind,
            let amount = decimal(field)
        else { return nil }
        let currency = text(currencyField).flatMap { Currency(code: $0) } ?? .usd
        return Money(amount, currency)
    }

    /// Custom field values (empty when none).
    public var customFields: [String: FieldValue] {
        if case .object(let o) = self["custom_fields"] { return o }
        return [:]
    }

    /// The record as an ordered JSON object, every field included (nulls as `null`).
    public var json: JSONValue {
        .object(zip(schema.fields, values).map { ($0.name, $1.json) })
    }

    /// Names of fields whose values differ between `self` and `other` (same schema), excluding `updated_at`.
    public func changedFields(comparedTo other: Record) -> [String] {
        zip(schema.fields, zip(values, other.values)).compactMap { spec, pair in
            spec.name != "updated_at" && pair.0 != pair.1 ? spec.name : nil
        }
    }
}

/// Raw, unvalidated input for one record.
public enum RecordInput: Sendable {
    /// A JSON object from an API body; keys are field names.
    case object([(String, JSONValue)])
    /// CSV cells already mapped to schema order (`nil`: no such column, or an empty cell) plus cells of
    /// columns mapped to custom fields, by custom-field key.
    case cells([String?], custom: [(String, String)])
}
