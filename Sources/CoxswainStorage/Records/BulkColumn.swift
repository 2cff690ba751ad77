import CoxswainDomain
import Foundation

/// How the bulk paths write a column: the common kinds straight from the ``FieldValue``, the rest through
/// ``ColumnCodec/value(_:_:in:)`` (the single definition of stored representations).
enum BulkColumn {
    /// Stored as the text itself.
    case text
    /// Stored as a 64-bit integer.
    case integer
    /// Stored as UTC epoch milliseconds.
    case timestamp
    /// JSON text; the usual empty object is written as the constant `{}`.
    case customFields
    /// Money, booleans, decimals, dates, lists: through ``ColumnCodec``.
    case other

    init(_ spec: FieldSpec) {
        switch spec.kind {
        case .id, .text, .email, .phone, .url, .currency, .choice, .reference, .timeOfDay, .timeZone: self = .text
        case .integer: self = .integer
        case .timestamp: self = .timestamp
        case .customFields: self = .customFields
        case .money, .bool, .decimal, .date, .list, .dateRanges: self = .other
        }
    }

    /// Epoch milliseconds of a timestamp, rounded like ``ColumnCodec``.
    static func millis(_ t: Date) -> Int64 { Int64((t.timeIntervalSince1970 * 1000).rounded()) }

    /// Columns of an `audit_log` row written by the bulk paths.
    static let auditColumns = ["at", "actor", "action", "entity", "record_id", "before_json", "after_json"]
    /// Columns of an `opportunity_stage_history` row written by the bulk paths.
    static let stageColumns = [
        "opportunity_id", "from_stage", "to_stage", "amount_minor", "currency", "probability", "close_date",
        "forecast_category", "changed_at", "changed_by",
    ]
}
