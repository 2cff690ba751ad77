import CoxswainDomain
import Foundation

/// Lead matching for the HTTP layer and imports: the warm duplicate index, merges and de-duplication jobs,
/// sharing one store. Build one per process (the index lives in memory).
public struct LeadMatchingServices: Sendable {
    public let duplicates: LeadDuplicateGuard
    public let merges: LeadMergeService
    public let jobs: DedupJobService

    public init(store: any RecordStore, environment: Environment) {
        let guardActor = LeadDuplicateGuard(store: store)
        duplicates = guardActor
        merges = LeadMergeService(store: store, environment: environment, didChange: { await guardActor.invalidate() })
        jobs = DedupJobService(store: store, environment: environment, merges: merges)
    }

    /// The outcome of checking a new lead before it is created.
    public struct Screening: Sendable {
        public var mode: DuplicateMode
        public var hits: [DuplicateHit]
    }

    /// Checks a create body for `schema` against existing leads (nil for other entities). In block mode a likely
    /// duplicate throws ``DuplicateLeadError`` before anything is written.
    public func screen(_ schema: EntitySchema, _ pairs: [(String, JSONValue)]) async throws -> Screening? {
        guard schema === Lead.schema else { return nil }
        let mode = try await duplicates.settings().mode
        let hits = try await duplicates.duplicates(of: MatchingInput.values(pairs))
        if mode == .block, !hits.isEmpty { throw DuplicateLeadError(existing: hits, line: nil) }
        return Screening(mode: mode, hits: hits)
    }

    /// After the lead was created: adds it to the index and, in auto-merge mode, merges it into the best match
    /// (the existing lead survives; the new values fill its gaps). Returns the record to answer with, the
    /// duplicate warnings and the merge, if one happened.
    public func admit(
        _ record: Record, _ screening: Screening?, by actor: Principal
    ) async throws -> (
        record: Record, warnings: [DuplicateHit], merge: StoredMerge?
    ) {
        guard let screening else { return (record, [], nil) }
        if screening.mode == .autoMerge, let best = screening.hits.first {
            // The org's auto-merge setting acts on the creator's behalf even where they may not merge (or see
            // the existing lead); the audit names both.
            let system = Principal(kind: .system, id: "system:auto-merge(\(actor.id))")
            let merge = try await merges.merge(Lead.schema, survivorID: best.id, duplicateIDs: [record.id], by: system)
            return (merge.event.after, screening.hits, merge)
        }
        await duplicates.didInsert([record])
        return (record, screening.hits, nil)
    }
}

extension DuplicateHit {
    /// `{"code":"possible_duplicate","existing_id","probability","message"}` — one entry of a create response's `warnings`.
    public var warningJSON: JSONValue {
        .object([
            ("code", .string("possible_duplicate")), ("existing_id", .string(id)),
            ("probability", .number(Decimal(string: String(format: "%.4f", probability)) ?? 0)),
            ("message", .string("this lead looks like the existing lead \(id)")),
        ])
    }
}
