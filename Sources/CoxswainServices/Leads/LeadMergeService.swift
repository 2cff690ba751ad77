import CoxswainDomain
import Foundation

/// Merges and un-merges stored records (leads, contacts) through ``LeadMerger``, each in one transaction.
///
/// A merge updates the survivor, re-parents every record that referenced a merged-away one
/// (`activities.lead_id` for leads), deletes the merged-away records from their table — they stay retrievable,
/// with the provenance of every surviving value, in the stored event (`GET /api/v1/lead-merges/{id}`,
/// `?record_id=`) — and writes one `lead_merges` row plus audit rows (`merge` for the survivor and each
/// merged-away record, `update` for each re-parented record) and field history for the survivor.
///
/// Undo (``unmerge(_:by:)``) at any later time re-inserts the merged-away records and restores the survivor and
/// the links exactly, in one transaction, with `unmerge` audit rows. It is refused with ``MergeUndoConflict``
/// (HTTP 409) when the survivor was edited after the merge (see ``LeadMerger/reversal(of:mergeID:currentSurvivor:currentLinks:asOf:)``).
/// Merging a record that was already merged away, or undoing twice, is a ``MergeError`` (409).
public struct LeadMergeService: Sendable {
    public let store: any RecordStore
    public let environment: Environment
    /// Called after every committed merge or undo (keeps the duplicate index in step).
    let didChange: @Sendable () async -> Void

    public init(store: any RecordStore, environment: Environment = .live, didChange: @escaping @Sendable () async -> Void = {}) {
        self.store = store
        self.environment = environment
        self.didChange = didChange
    }

    /// Merges `duplicateIDs` into `survivorID`.
    public func merge(
        _ schema: EntitySchema = Lead.schema, survivorID: String, duplicateIDs: [String], policy: SurvivorshipPolicy = SurvivorshipPolicy(),
        by actor: Principal
    ) async throws -> StoredMerge {
        try AccessRules.require(.dedupe, actor, writing: true)
        let env = environment
        let stored: StoredMerge = try await store.write { tx in
            let now = env.now()
            var records: [Record] = []
            for id in [survivorID] + duplicateIDs {
                if let record = try await tx.get(schema, id: id) {
                    records.append(record)
                } else if let merge = try await Self.activeMerge(containing: id, in: tx) {
                    throw MergeError.alreadyMerged(id: id, survivorID: merge.survivor_id, mergeID: merge.id)
                } else {
                    throw RecordNotFound(entity: schema.name, id: id)
                }
            }
            let linked = try await Self.linkedRecords(to: schema, ids: duplicateIDs, in: tx)
            let event = try LeadMerger.merge(
                survivor: records[0], duplicates: Array(records.dropFirst()), linked: linked, policy: policy, asOf: now)
            for link in event.links { try await tx.update(link.after) }
            for id in event.mergedIDs { try await tx.delete(schema, id: id) }
            var after = event.after
            let settings = try await OrgSettings.load(from: tx)
            try await RecordService.recordHistory(
                old: event.before[0], new: &after, changed: after.changedFields(comparedTo: event.before[0]),
                calendar: settings.fiscalCalendar, at: now, by: actor, in: tx)
            try await tx.update(event.after)
            let merge = StoredMerge(id: env.newID(now), event: event, actor: actor.id, at: now)
            try await tx.insert([merge.record])
            let tag = "{\"merge_id\":\"\(merge.id)\",\"survivor_id\":\"\(event.survivorID)\"}"
            try await tx.append(
                audit: [
                    AuditEntry(
                        at: now, actor: actor.id, action: "merge", entity: schema.name, recordID: event.survivorID,
                        before: event.before[0].json.serialized(), after: event.after.json.serialized())
                ]
                    + event.before.dropFirst().map {
                        AuditEntry(
                            at: now, actor: actor.id, action: "merge", entity: schema.name, recordID: $0.id,
                            before: $0.json.serialized(), after: tag)
                    }
                    + event.links.map {
                        AuditEntry(
                            at: now, actor: actor.id, action: "update", entity: $0.after.schema.name, recordID: $0.after.id,
                            before: $0.before.json.serialized(), after: $0.after.json.serialized())
                    })
            return merge
        }
        await didChange()
        return stored
    }

    /// Undoes merge `id`: the merged-away records come back, the survivor and every re-parented link are restored.
    public func unmerge(_ id: String, by actor: Principal) async throws -> StoredMerge {
        try AccessRules.require(.dedupe, actor, writing: true)
        let env = environment
        let stored: StoredMerge = try await store.write { tx in
            let now = env.now()
            guard let row = try await tx.get(MatchingTables.merges, id: id) else { throw RecordNotFound(entity: "lead_merge", id: id) }
            var merge = try StoredMerge(record: row)
            if merge.undoneAt != nil { throw MergeError.alreadyUndone(mergeID: id) }
            let event = merge.event
            guard let schema = EntityCatalog.schema(named: event.entity) else { throw MergeEventDecodingError(message: "unknown entity") }
            let survivor = try await tx.get(schema, id: event.survivorID)
            var links: [String: Record] = [:]
            for link in event.links {
                if let current = try await tx.get(link.after.schema, id: link.after.id) {
                    links[current.schema.name + "/" + current.id] = current
                }
            }
            let reversal = try LeadMerger.reversal(of: event, mergeID: id, currentSurvivor: survivor, currentLinks: links, asOf: now)
            try await tx.insert(reversal.restored)
            try await tx.update(reversal.survivor)
            for link in reversal.links { try await tx.update(link) }
            merge.undoneAt = now
            merge.undoneBy = actor.id
            try await tx.update(merge.record)
            let tag = "{\"unmerged\":\"\(id)\"}"
            try await tx.append(
                audit: [
                    AuditEntry(
                        at: now, actor: actor.id, action: "unmerge", entity: schema.name, recordID: event.survivorID,
                        before: survivor?.json.serialized(), after: reversal.survivor.json.serialized())
                ]
                    + reversal.restored.map {
                        AuditEntry(
                            at: now, actor: actor.id, action: "unmerge", entity: schema.name, recordID: $0.id, before: tag,
                            after: $0.json.serialized())
                    }
                    + reversal.links.map {
                        AuditEntry(
                            at: now, actor: actor.id, action: "update", entity: $0.schema.name, recordID: $0.id,
                            before: links[$0.schema.name + "/" + $0.id]?.json.serialized(), after: $0.json.serialized())
                    })
            return merge
        }
        await didChange()
        return stored
    }

    /// Merge `id`.
    public func get(_ id: String, as principal: Principal) async throws -> StoredMerge {
        try AccessRules.require(.dedupe, principal)
        guard let row = try await store.read({ try await $0.get(MatchingTables.merges, id: id) }) else {
            throw RecordNotFound(entity: "lead_merge", id: id)
        }
        return try StoredMerge(record: row)
    }

    /// Merges, newest first; `recordID` limits to merges whose survivor or merged-away records include it.
    public func list(
        recordID: String? = nil, limit: Int = 50, cursor: String? = nil, as principal: Principal
    ) async throws -> (merges: [StoredMerge], nextCursor: String?) {
        try AccessRules.require(.dedupe, principal)
        var filters: [ListFilter] = []
        if let recordID { filters.append(ListFilter("event", .contains, [.text(recordID)])) }
        let query = ListQuery(filters: filters, sort: "created_at", descending: true, limit: limit, cursor: cursor)
        let page = try await store.read { try await $0.list(MatchingTables.merges, query) }
        return (try page.records.map(StoredMerge.init(record:)), page.nextCursor)
    }

    /// The active (not undone) merge that merged `id` away, if any.
    static func activeMerge(containing id: String, in reader: any RecordReading) async throws -> (id: String, survivor_id: String)? {
        let rows = try await reader.list(
            MatchingTables.merges,
            ListQuery(filters: [ListFilter("merged_ids", .contains, [.text(id)]), ListFilter("undone_at", .isNull, [.bool(true)])], limit: 10))
        guard let row = rows.records.first(where: { $0["merged_ids"].list?.contains(id) == true }) else { return nil }
        return (row.id, row.text("survivor_id") ?? "")
    }

    /// Every record of any entity with a reference field to `schema` pointing at one of `ids`.
    static func linkedRecords(to schema: EntitySchema, ids: [String], in reader: any RecordReading) async throws -> [Record] {
        var seen: Set<String> = []
        var out: [Record] = []
        for other in EntityCatalog.all {
            for field in LeadMerger.referenceFields(of: other, to: schema.name) {
                for record in try await allRecords(other, filters: [ListFilter(field, .in, ids.map(FieldValue.text))], in: reader)
                where seen.insert(other.name + "/" + record.id).inserted {
                    out.append(record)
                }
            }
        }
        return out
    }
}
