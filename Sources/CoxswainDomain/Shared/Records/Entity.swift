import Foundation

/// A typed domain entity backed by a ``Record`` of its ``EntitySchema``.
///
/// Engines work on the typed structs; storage, the API and CSV work on records. `Entity(record:)` assumes a
/// record that passed ``EntitySchema/validate(_:mode:context:)``.
public protocol Entity: Sendable {
    static var schema: EntitySchema { get }
    init(record: Record)
    var record: Record { get }
}

/// The fields every entity has: identity, provenance, timestamps and custom fields.
public struct RecordMeta: Hashable, Sendable {
    public var id: String
    /// Id of the record in the CRM it was imported from.
    public var externalID: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var customFields: [String: FieldValue]

    public init(id: String, externalID: String? = nil, createdAt: Date, updatedAt: Date? = nil, customFields: [String: FieldValue] = [:]) {
        self.id = id
        self.externalID = externalID
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.customFields = customFields
    }

    public init(record r: Record) {
        self.id = r.id
        self.externalID = r.text("external_id")
        self.createdAt = r.timestamp("created_at") ?? Date(timeIntervalSince1970: 0)
        self.updatedAt = r.timestamp("updated_at") ?? self.createdAt
        self.customFields = r.customFields
    }

    /// A record of `schema` with these meta fields set and everything else null.
    public func record(_ schema: EntitySchema) -> Record {
        var r = Record(schema: schema)
        r["id"] = .text(id)
        r["external_id"] = .init(externalID)
        r["created_at"] = .timestamp(createdAt)
        r["updated_at"] = .timestamp(updatedAt)
        r["custom_fields"] = .object(customFields)
        return r
    }
}

extension FieldValue {
    /// `.text(s)` or `.null`.
    public init(_ s: String?) { self = s.map(FieldValue.text) ?? .null }
    /// `.date(d)` or `.null`.
    public init(_ d: LocalDate?) { self = d.map(FieldValue.date) ?? .null }
    /// `.timestamp(t)` or `.null`.
    public init(_ t: Date?) { self = t.map(FieldValue.timestamp) ?? .null }
    /// `.decimal(d)` or `.null`.
    public init(_ d: Decimal?) { self = d.map(FieldValue.decimal) ?? .null }
    /// `.integer(i)` or `.null`.
    public init(_ i: Int?) { self = i.map { .integer(Int64($0)) } ?? .null }
    /// `.bool(b)` or `.null`.
    public init(_ b: Bool?) { self = b.map(FieldValue.bool) ?? .null }
}
