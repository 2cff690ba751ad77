import CoxswainDomain
import Foundation

/// A filter on one field: `amount >= 10000`, `stage in (Proposal, Negotiation)`, `email contains acme`.
public struct ListFilter: Sendable, Hashable {
    public enum Op: String, Sendable, Hashable, CaseIterable {
        case eq, ne, lt, lte, gt, gte, `in`, contains, isNull = "is_null"
    }
    public var field: String
    public var op: Op
    /// Already-validated values in the field's kind (one, or several for `in`; for `isNull` a bool).
    public var values: [FieldValue]

    public init(_ field: String, _ op: Op, _ values: [FieldValue]) {
        self.field = field
        self.op = op
        self.values = values
    }

    public static func eq(_ field: String, _ value: FieldValue) -> ListFilter { ListFilter(field, .eq, [value]) }
}

/// Filters, sort and keyset pagination for list endpoints.
public struct ListQuery: Sendable, Hashable {
    public var filters: [ListFilter]
    /// Field to sort by (default `id`, which is creation order because ids are UUIDv7).
    public var sort: String
    public var descending: Bool
    /// 1…1000.
    public var limit: Int
    /// Opaque cursor from the previous page.
    public var cursor: String?

    public init(filters: [ListFilter] = [], sort: String = "id", descending: Bool = false, limit: Int = 50, cursor: String? = nil) {
        self.filters = filters
        self.sort = sort
        self.descending = descending
        self.limit = limit
        self.cursor = cursor
    }
}

/// Query for the audit log.
public struct AuditQuery: Sendable, Hashable {
    public var entity: String?
    public var recordID: String?
    public var actor: String?
    public var from: Date?
    public var to: Date?
    public var limit: Int
    /// Return entries with a sequence number below this (for paging backwards from newest).
    public var before: Int64?

    public init(
        entity: String? = nil, recordID: String? = nil, actor: String? = nil, from: Date? = nil, to: Date? = nil,
        limit: Int = 100, before: Int64? = nil
    ) {
        self.entity = entity
        self.recordID = recordID
        self.actor = actor
        self.from = from
        self.to = to
        self.limit = limit
        self.before = before
    }
}

/// One append-only audit-log row: who changed what, when, with before/after images as JSON.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var sequence: Int64?
    public var at: Date
    public var actor: String
    /// `create`, `update`, `delete`, `import`, `merge`, `unmerge`, `settings`…
    public var action: String
    public var entity: String
    public var recordID: String
    public var before: String?
    public var after: String?

    public init(
        sequence: Int64? = nil, at: Date, actor: String, action: String, entity: String, recordID: String,
        before: String?, after: String?
    ) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.action = action
        self.entity = entity
        self.recordID = recordID
        self.before = before
        self.after = after
    }
}
