import CoxswainDomain
import Foundation

/// What the organisation does when a new lead looks like an existing one (stored under the
/// `lead_matching` key of `org_settings`; `GET/PATCH /api/v1/settings/lead-matching`).
public enum DuplicateMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Create the lead and report the likely duplicates (`warnings` in the API response, per line in an import).
    case warn
    /// Refuse the lead (API: 409 naming the existing lead; import: the line is rejected).
    case block
    /// Create the lead, then merge it into the best existing match (API only; imports warn).
    case autoMerge = "auto_merge"
}

/// Lead-matching settings.
public struct LeadMatchingSettings: Sendable, Hashable, Codable {
    public var mode: DuplicateMode

    public init(mode: DuplicateMode = .warn) { self.mode = mode }

    static let key = "lead_matching"

    /// The stored settings, or the defaults (warn).
    public static func load(from reader: any RecordReading) async throws -> LeadMatchingSettings {
        guard let text = try await reader.setting(key) else { return LeadMatchingSettings() }
        return (try? JSONDecoder().decode(LeadMatchingSettings.self, from: Data(text.utf8))) ?? LeadMatchingSettings()
    }

    /// Saves the settings (inside a write transaction).
    public func save(to writer: any RecordWriting) async throws {
        try await writer.setSetting(Self.key, value: String(decoding: try JSONEncoder().encode(self), as: UTF8.self))
    }
}

/// A likely duplicate of a record being created.
public struct DuplicateHit: Sendable, Hashable {
    public var id: String
    public var probability: Double
    public var weight: Double
}

/// A new lead refused because it duplicates `existing` (block mode).
public struct DuplicateLeadError: Error, Sendable, CustomStringConvertible {
    public var existing: [DuplicateHit]
    /// 1-based CSV line (imports) or nil (API).
    public var line: Int?
    public var description: String {
        let best = existing.first.map { "\($0.id) (match probability \(String(format: "%.3f", $0.probability)))" } ?? "?"
        return "this lead duplicates the existing lead \(best); duplicates are blocked by the lead-matching settings"
    }
}

/// Keeps a ``DuplicateIndex`` over the stored leads warm in memory and answers "is this new lead a duplicate?"
/// for the API and imports (well under 2 ms per check once built).
///
/// The index is built from the store on first use and after every merge or undo (``invalidate()``); leads
/// created through the API or imports are added as they are written (``didInsert(_:)``). Hits are re-checked
/// against the store so deleted or merged-away leads are never reported.
public actor LeadDuplicateGuard {
    let store: any RecordStore
    var index: DuplicateIndex?
    /// Ids added by ``didInsert(_:)`` since the index was built.
    var pendingIDs: Set<String> = []

    public init(store: any RecordStore) { self.store = store }

    /// Drops the index; the next check rebuilds it from the store.
    public func invalidate() {
        index = nil
        pendingIDs = []
    }

    /// The settings in force.
    public nonisolated func settings() async throws -> LeadMatchingSettings {
        try await store.read { try await LeadMatchingSettings.load(from: $0) }
    }

    /// Existing leads the given values probably duplicate, best first.
    /// `includeUnstored`: also report leads added with ``didInsert(_:)`` that are not committed yet (an import's
    /// earlier lines).
    public func duplicates(of values: [(MatchFieldRole, String)], limit: Int = 5, includeUnstored: Bool = false) async throws -> [DuplicateHit] {
        let index = try await warmIndex()
        let hits = index.duplicates(of: values, limit: limit + 5).filter { !$0.id.hasPrefix(MatchingInput.paddingPrefix) }
        guard !hits.isEmpty else { return [] }
        let ids = hits.map(\.id)
        let existing = try await store.read { reader in
            Set(try await reader.lookup(Lead.schema, field: "id", values: ids).values)
        }
        let pending = pendingIDs
        return hits.filter { existing.contains($0.id) || (includeUnstored && pending.contains($0.id)) }.prefix(limit).map {
            DuplicateHit(id: $0.id, probability: $0.probability, weight: $0.weight)
        }
    }

    /// Adds newly written leads to the index (no-op before the index is built: it will read them from the store).
    public func didInsert(_ records: [Record]) {
        guard index != nil else { return }
        for r in records where r.schema === Lead.schema {
            index!.insert(MatchingInput.values(r), id: r.id)
            pendingIDs.insert(r.id)
        }
    }

    func warmIndex() async throws -> DuplicateIndex {
        if let index { return index }
        let leads = try await EntityRepository<Lead>(store: store).all().map(\.record)
        let built = DuplicateIndex(table: MatchingInput.table(leads))
        index = built
        return built
    }
}
