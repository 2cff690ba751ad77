import CoxswainDomain
import Foundation

/// The outcome of one CSV import: what was written, and every row that was not, with line, column and reason.
public struct ImportReport: Sendable {
    /// A rejected input row.
    public struct RejectedRow: Sendable, Hashable {
        /// 1-based physical line where the row starts.
        public var line: Int
        public var issues: [FieldIssue]
        /// The row's cells as read (empty when the row could not be parsed).
        public var cells: [String]
    }

    public var entity: String
    public var rowsRead = 0
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected: [RejectedRow] = []
    /// Total number of rejected rows (``rejected`` keeps at most ``ImportOptions/maxReportedRejects``).
    public var rejectedCount = 0
    public var ignoredColumns: [String] = []
    public var mappedColumns: [(String, String)] = []
    public var seconds: Double = 0
    /// Time spent validating and resolving (overlaps with writing) and writing batches.
    public var prepareSeconds: Double = 0
    public var writeSeconds: Double = 0
    public var dryRun = false
    /// Leads that look like existing ones (lead duplicate check, warn mode), by line.
    public var duplicates: [ImportDuplicate] = []

    public init(entity: String) { self.entity = entity }

    /// Accepted rows per second.
    public var rowsPerSecond: Double { seconds > 0 ? Double(rowsRead) / seconds : 0 }

    /// A readable summary, e.g. "leads: 60,000 rows read; 59,963 inserted, 0 updated; 37 rejected".
    public var summary: String {
        var s = "\(entity): \(rowsRead) rows read; \(inserted) inserted, \(updated) updated"
        if unchanged > 0 { s += ", \(unchanged) unchanged" }
        s += "; \(rejectedCount) rejected"
        if dryRun { s += " (dry run: nothing written)" }
        return s
    }
}

/// Options for ``ImportService``.
public struct ImportOptions: Sendable {
    /// Rows per transaction; a batch commits entirely or not at all.
    public var batchSize: Int
    /// Column → field overrides (`"Org" : "company"`).
    public var mappings: [String: String]
    /// Treat unmatched columns as an error instead of ignoring them.
    public var strictColumns: Bool
    /// Validate everything, write nothing.
    public var dryRun: Bool
    /// Where to write the rejected rows as CSV (original columns + `_line`, `_errors`).
    public var rejectsPath: String?
    /// How many rejected rows to keep in memory for the report.
    public var maxReportedRejects: Int
    /// Lead duplicate check (``LeadDuplicateGuard``); nil skips it.
    public var duplicateGuard: LeadDuplicateGuard?

    public init(
        batchSize: Int = 5000, mappings: [String: String] = [:], strictColumns: Bool = false, dryRun: Bool = false,
        rejectsPath: String? = nil, maxReportedRejects: Int = 10_000, duplicateGuard: LeadDuplicateGuard? = nil
    ) {
        self.duplicateGuard = duplicateGuard
        self.batchSize = batchSize
        self.mappings = mappings
        self.strictColumns = strictColumns
        self.dryRun = dryRun
        self.rejectsPath = rejectsPath
        self.maxReportedRejects = maxReportedRejects
    }
}

/// Progress of a running import, for the CLI's progress bar.
public struct ImportProgress: Sendable {
    public var bytesRead: Int
    public var totalBytes: Int?
    public var rowsRead: Int
    public var rejected: Int
}
