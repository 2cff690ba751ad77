import CoxswainDomain
import Foundation

/// A merge as stored: its id, the reversible event, who did it and whether it was undone.
public struct StoredMerge: Sendable, Hashable {
    public var id: String
    public var event: MergeEvent
    public var actor: String
    public var at: Date
    public var undoneAt: Date?
    public var undoneBy: String?

    /// The row of ``MatchingTables/merges``.
    var record: Record {
        var r = Record(schema: MatchingTables.merges)
        r["id"] = .text(id)
        r["created_at"] = .timestamp(at)
        r["updated_at"] = .timestamp(undoneAt ?? at)
        r["entity"] = .text(event.entity)
        r["survivor_id"] = .text(event.survivorID)
        r["merged_ids"] = .list(event.mergedIDs)
        r["link_count"] = .integer(Int64(event.links.count))
        r["actor"] = .text(actor)
        r["event"] = .text(event.json.serialized())
        r["undone_at"] = FieldValue(undoneAt)
        r["undone_by"] = FieldValue(undoneBy)
        r["custom_fields"] = .object([:])
        return r
    }

    init(id: String, event: MergeEvent, actor: String, at: Date, undoneAt: Date? = nil, undoneBy: String? = nil) {
        self.id = id
        self.event = event
        self.actor = actor
        self.at = at
        self.undoneAt = undoneAt
        self.undoneBy = undoneBy
    }

    init(record r: Record) throws {
        let json = try JSONValue.parse(Data((r.text("event") ?? "").utf8))
        self.init(
            id: r.id, event: try MergeEvent(json: json), actor: r.text("actor") ?? "", at: r.timestamp("created_at") ?? .distantPast,
            undoneAt: r.timestamp("undone_at"), undoneBy: r.text("undone_by"))
    }

    /// The API form: ids, actor, times, provenance, and the before-images of the merged-away records
    /// (which is how a merged-away lead stays retrievable).
    public var json: JSONValue {
        .object([
            ("id", .string(id)), ("entity", .string(event.entity)), ("survivor_id", .string(event.survivorID)),
            ("merged_ids", .array(event.mergedIDs.map(JSONValue.string))), ("actor", .string(actor)),
            ("merged_at", .string(Timestamp.iso8601(at))),
            ("undone_at", undoneAt.map { .string(Timestamp.iso8601($0)) } ?? .null), ("undone_by", undoneBy.map(JSONValue.string) ?? .null),
            ("policy", event.policy.json), ("survivor", event.after.json),
            ("merged_records", .array(event.before.dropFirst().map(\.json))),
            (
                "relinked",
                .array(
                    event.links.map {
                        .object([
                            ("entity", .string($0.after.schema.name)), ("id", .string($0.after.id)),
                            ("fields", .array($0.fields.map(JSONValue.string))),
                        ])
                    })
            ),
            ("provenance", .array(event.provenance.map(\.json))),
        ])
    }
}
