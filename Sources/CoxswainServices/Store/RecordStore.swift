import CoxswainDomain
import Foundation

/// Persistence seen by the services: a store of schema-described records with transactional writes.
///
/// `CoxswainStorage` implements it once, over SQLKit, for SQLite and PostgreSQL alike. Every `write` is
/// one transaction: the change, its audit rows and its history rows commit together or not at all.
public protocol RecordStore: Sendable {
    /// Runs `body` against a consistent read view.
    func read<T: Sendable>(_ body: @escaping @Sendable (any RecordReading) async throws -> T) async throws -> T
    /// Runs `body` in one transaction; any thrown error rolls everything back.
    func write<T: Sendable>(_ body: @escaping @Sendable (any RecordWriting) async throws -> T) async throws -> T
    /// Writes new records with their audit rows in one transaction, possibly through a faster driver path
    /// (see ``BulkInsert``; the default is ``insertBulkPortably(_:)``).
    func insertBulk(_ batch: BulkInsert) async throws
    /// Releases connections.
    func close() async throws
}

/// Read operations.
public protocol RecordReading: AccessReading {
    func get(_ schema: EntitySchema, id: String) async throws -> Record?
    func list(_ schema: EntitySchema, _ query: ListQuery) async throws -> RecordPage
    func count(_ schema: EntitySchema, filters: [ListFilter]) async throws -> Int
    /// Streams every record matching `filters` in id order, `batchSize` at a time (for export).
    func scan(
        _ schema: EntitySchema, filters: [ListFilter], batchSize: Int,
        _ body: @escaping @Sendable ([Record]) async throws -> Void) async throws
    /// For each of `values`, the id of a record whose `field` equals it (reference and upsert resolution).
    func lookup(_ schema: EntitySchema, field: String, values: [String]) async throws -> [String: String]
    func stageHistory(opportunityID: String) async throws -> [OpportunityStageChange]
    func fieldHistory(entity: String, recordID: String) async throws -> [FieldChange]
    func audit(_ query: AuditQuery) async throws -> [AuditEntry]
    func setting(_ key: String) async throws -> String?
    func idempotentResponse(key: String, actor: String) async throws -> StoredResponse?
    /// Sum of a numeric column grouped by another (dashboards); `sumField` nil counts rows.
    func aggregate(_ schema: EntitySchema, groupBy: String?, sumField: String?, filters: [ListFilter]) async throws -> [AggregateRow]
}

/// Write operations, only available inside ``RecordStore/write(_:)``.
public protocol RecordWriting: RecordReading, AccessWriting {
    func insert(_ records: [Record]) async throws
    func update(_ record: Record) async throws
    func delete(_ schema: EntitySchema, id: String) async throws
    func append(audit entries: [AuditEntry]) async throws
    func append(stageChanges: [OpportunityStageChange]) async throws
    func append(fieldChanges: [FieldChange]) async throws
    func setSetting(_ key: String, value: String) async throws
    func saveResponse(_ response: StoredResponse) async throws
}

/// A page of records and the cursor for the next one (nil at the end).
public struct RecordPage: Sendable {
    public var records: [Record]
    public var nextCursor: String?
    public init(records: [Record], nextCursor: String?) {
        self.records = records
        self.nextCursor = nextCursor
    }
}

/// One group of an aggregate query.
public struct AggregateRow: Sendable, Hashable {
    public var key: String?
    public var count: Int
    /// Sum in the stored representation (minor units for money).
    public var sum: Int64
    public init(key: String?, count: Int, sum: Int64) {
        self.key = key
        self.count = count
        self.sum = sum
    }
}

/// A response remembered for an `Idempotency-Key`, replayed when the same key is used again.
public struct StoredResponse: Sendable, Hashable {
    public var key: String
    public var actor: String
    public var requestHash: String
    public var status: Int
    public var body: String
    public var createdAt: Date
    public init(key: String, actor: String, requestHash: String, status: Int, body: String, createdAt: Date) {
        self.key = key
        self.actor = actor
        self.requestHash = requestHash
        self.status = status
        self.body = body
        self.createdAt = createdAt
    }
}
