import CoxswainDomain
import Foundation

/// A lead of an import that looks like an existing lead (or an earlier line of the same file).
public struct ImportDuplicate: Sendable, Hashable {
    /// 1-based line of the imported row.
    public var line: Int
    /// The existing lead it probably duplicates.
    public var existingID: String
    public var probability: Double
}

extension PreparedImportBatch {
    /// The lead duplicate check of an import (new leads only; updates by id or external id are not checked).
    ///
    /// Business rule: in `block` mode a likely duplicate is rejected with a `duplicate` issue naming the existing
    /// lead; in `warn` and `auto_merge` mode it is imported and reported (imports never merge automatically).
    /// Accepted leads join the index at once, so a lead repeated later in the same file is caught too.
    /// Example: line 7 `Bob Smith, bob@acme.com` with lead `0190…` stored → `ImportDuplicate(line: 7, existingID: "0190…")`.
    func screened(by guardian: LeadDuplicateGuard?) async throws -> (PreparedImportBatch, [ImportDuplicate]) {
        guard let guardian else { return (self, []) }
        var batch = self
        let found = try await batch.screenDuplicates(with: guardian)
        return (batch, found)
    }

    mutating func screenDuplicates(with guardian: LeadDuplicateGuard) async throws -> [ImportDuplicate] {
        guard schema === Lead.schema, !inserts.isEmpty else { return [] }
        let mode = try await guardian.settings().mode
        var kept: [Record] = []
        var keptRows: [ImportRow] = []
        var found: [ImportDuplicate] = []
        for (record, row) in zip(inserts, insertRows) {
            let line = row.line
            let hits = try await guardian.duplicates(of: MatchingInput.values(record), limit: 1, includeUnstored: true)
            if let best = hits.first {
                if mode == .block {
                    let cells = row.cells
                    outcome.rejected.append(
                        .init(
                            line: line,
                            issues: [
                                FieldIssue(
                                    code: "duplicate", field: "",
                                    message: "duplicates the existing lead \(best.id) (blocked by the lead-matching settings)")
                            ],
                            cells: cells))
                    continue
                }
                found.append(ImportDuplicate(line: line, existingID: best.id, probability: best.probability))
            }
            kept.append(record)
            keptRows.append(row)
            if !dryRun { await guardian.didInsert([record]) }
        }
        inserts = kept
        insertRows = keptRows
        return found
    }
}
