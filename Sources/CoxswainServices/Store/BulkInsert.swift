import CoxswainDomain
import Foundation

/// New records of one schema written together with their audit rows (and, for opportunities, their first
/// stage-history rows) in one transaction: the write of an import batch that only creates records.
///
/// Stores may write it through a faster driver path (a reused prepared statement on SQLite, `COPY` on
/// PostgreSQL); the guarantees are those of ``RecordStore/write(_:)``: all of it commits or none of it, and a
/// constraint violation surfaces as the same ``StoreError`` as a plain insert would raise.
///
/// Example: importing 5,000 new leads writes 5,000 `leads` rows and 5,000 `audit_log` rows with action
/// `import`, each naming its lead, so `GET /api/v1/audit?entity=lead&record_id=…` finds every one.
public struct BulkInsert: Sendable {
    /// The schema of every record.
    public var schema: EntitySchema
    /// Validated records, ids assigned.
    public var records: [Record]
    /// Audit rows, written after the records.
    public var audit: [AuditEntry]
    /// Stage-history rows (opportunities only).
    public var stageChanges: [OpportunityStageChange]

    public init(schema: EntitySchema, records: [Record], audit: [AuditEntry], stageChanges: [OpportunityStageChange] = []) {
        self.schema = schema
        self.records = records
        self.audit = audit
        self.stageChanges = stageChanges
    }
}

extension RecordStore {
    /// The portable bulk write: one ``write(_:)`` transaction of plain inserts.
    public func insertBulkPortably(_ batch: BulkInsert) async throws {
        try await write { tx in
            try await tx.insert(batch.records)
            if !batch.stageChanges.isEmpty { try await tx.append(stageChanges: batch.stageChanges) }
            try await tx.append(audit: batch.audit)
        }
    }

    /// Default for stores without a faster path.
    public func insertBulk(_ batch: BulkInsert) async throws { try await insertBulkPortably(batch) }
}
