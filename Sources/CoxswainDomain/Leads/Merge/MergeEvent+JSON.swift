import Foundation

/// A stored merge event that cannot be read back (corrupt or written by an incompatible version).
public struct MergeEventDecodingError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { "unreadable merge event: \(message)" }
}

extension MergeEvent {
    /// The event as JSON: records as their JSON objects with an `entity` tag, so ``init(json:)`` restores them
    /// value for value (timestamps at millisecond precision, as stored).
    public var json: JSONValue {
        func record(_ r: Record) -> JSONValue { .object([("entity", .string(r.schema.name)), ("values", r.json)]) }
        return .object([
            ("entity", .string(entity)), ("survivor_id", .string(survivorID)),
            ("merged_ids", .array(mergedIDs.map(JSONValue.string))), ("at", .string(Timestamp.iso8601(at))),
            ("policy", policy.json),
            ("before", .array(before.map(record))), ("after", record(after)),
            (
                "links",
                .array(
                    links.map { l in
                        .object([
                            ("before", record(l.before)), ("after", record(l.after)),
                            ("fields", .array(l.fields.map(JSONValue.string))),
                        ])
                    })
            ),
            ("provenance", .array(provenance.map(\.json))),
        ])
    }

    /// Reads ``json`` back; `schema(name)` resolves entity names (normally ``EntityCatalog/schema(named:)``).
    public init(json: JSONValue, schema: (String) -> EntitySchema? = EntityCatalog.schema(named:)) throws {
        func fail(_ m: String) -> MergeEventDecodingError { MergeEventDecodingError(message: m) }
        func text(_ v: JSONValue?, _ name: String) throws -> String {
            guard case .string(let s)? = v else { throw fail("\(name) is missing") }
            return s
        }
        func record(_ v: JSONValue?) throws -> Record {
            let name = try text(v?["entity"], "entity")
            guard let s = schema(name) else { throw fail("unknown entity \(name)") }
            guard case .object(let pairs)? = v?["values"] else { throw fail("record values missing") }
            var r = Record(schema: s)
            for (key, value) in pairs {
                guard let i = s.index(of: key) else { throw fail("\(name) has no field \(key)") }
                r.values[i] = try FieldValue(json: value, kind: s.fields[i].kind)
            }
            return r
        }
        func array(_ v: JSONValue?) -> [JSONValue] { if case .array(let a)? = v { a } else { [] } }
        entity = try text(json["entity"], "entity")
        survivorID = try text(json["survivor_id"], "survivor_id")
        mergedIDs = try array(json["merged_ids"]).map { try text($0, "merged id") }
        guard let date = Timestamp.parse(try text(json["at"], "at")) else { throw fail("at is not a timestamp") }
        at = date
        policy = try SurvivorshipPolicy(json: json["policy"] ?? .null)
        before = try array(json["before"]).map(record)
        after = try record(json["after"])
        links = try array(json["links"]).map { l in
            LinkChange(before: try record(l["before"]), after: try record(l["after"]), fields: try array(l["fields"]).map { try text($0, "field") })
        }
        let own = schema(entity)
        provenance = try array(json["provenance"]).map { p in
            guard let reason = FieldProvenance.Reason(rawValue: try text(p["reason"], "reason")) else { throw fail("unknown reason") }
            let field = try text(p["field"], "field")
            let kind = own?.field(field)?.kind
            return FieldProvenance(
                field: field, recordID: try text(p["record_id"], "record_id"), reason: reason,
                value: try FieldValue(json: p["value"] ?? .null, kind: kind ?? .customFields, custom: kind == nil))
        }
        guard !before.isEmpty else { throw fail("no before-images") }
    }
}

extension FieldProvenance {
    /// `{"field","record_id","reason","value"}`.
    public var json: JSONValue {
        .object([("field", .string(field)), ("record_id", .string(recordID)), ("reason", .string(reason.rawValue)), ("value", value.json)])
    }
}

extension SurvivorshipPolicy {
    /// `{"default": "<rule code>", "fields": {"email": "most_recent", …}, "recency_field", "source_field"}`.
    public var json: JSONValue {
        .object([
            ("default", .string(defaultRule.code)),
            ("fields", .object(fields.keys.sorted().map { ($0, .string(fields[$0]!.code)) })),
            ("recency_field", .string(recencyField)), ("source_field", .string(sourceField)),
        ])
    }

    /// Reads ``json``.
    public init(json: JSONValue) throws {
        func rule(_ v: JSONValue?) throws -> SurvivorshipRule {
            guard case .string(let code)? = v, let rule = SurvivorshipRule(code: code) else {
                throw MergeEventDecodingError(message: "unknown survivorship rule")
            }
            return rule
        }
        var fields: [String: SurvivorshipRule] = [:]
        if case .object(let pairs)? = json["fields"] { for (k, v) in pairs { fields[k] = try rule(v) } }
        func text(_ key: String, _ fallback: String) -> String { if case .string(let s)? = json[key] { s } else { fallback } }
        self.init(
            default: try rule(json["default"]), fields: fields, recencyField: text("recency_field", "updated_at"),
            sourceField: text("source_field", "source"))
    }
}

extension FieldValue {
    /// The inverse of ``json`` for a field of `kind` (`custom`: a provenance value of unknown kind, read as
    /// text, decimal, boolean, list or object).
    init(json: JSONValue, kind: FieldKind, custom: Bool = false) throws {
        func fail() -> MergeEventDecodingError { MergeEventDecodingError(message: "value \(json.serialized()) does not fit \(kind.typeName)") }
        if case .null = json { self = .null; return }
        if custom {
            switch json {
            case .string(let s): self = .text(s)
            case .number(let d): self = .decimal(d)
            case .bool(let b): self = .bool(b)
            case .array(let a): self = .list(a.compactMap { if case .string(let s) = $0 { s } else { nil } })
            case .object(let pairs):
                self = .object(Dictionary(try pairs.map { ($0.0, try FieldValue(json: $0.1, kind: kind, custom: true)) }) { a, _ in a })
            case .null: self = .null
            }
            return
        }
        switch (kind, json) {
        case (.integer, .number(let d)):
            let i = NSDecimalNumber(decimal: d).int64Value
            guard Decimal(i) == d else { throw fail() }
            self = .integer(i)
        case (.decimal, .number(let d)), (.money, .number(let d)): self = .decimal(d)
        case (.bool, .bool(let b)): self = .bool(b)
        case (.date, .string(let s)):
            guard let d = LocalDate(parsing: s) else { throw fail() }
            self = .date(d)
        case (.timestamp, .string(let s)):
            guard let t = Timestamp.parse(s) else { throw fail() }
            self = .timestamp(t)
        case (.list, .array(let a)): self = .list(a.compactMap { if case .string(let s) = $0 { s } else { nil } })
        case (.dateRanges, .array(let a)):
            self = .dateRanges(
                try a.map { item in
                    guard case .string(let s)? = item["start"], case .string(let e)? = item["end"], let lo = LocalDate(parsing: s),
                        let hi = LocalDate(parsing: e), lo <= hi
                    else { throw fail() }
                    return lo...hi
                })
        case (.customFields, .object):
            self = try FieldValue(json: json, kind: kind, custom: true)
        case (.id, .string(let s)), (.text, .string(let s)), (.email, .string(let s)), (.phone, .string(let s)), (.url, .string(let s)),
            (.currency, .string(let s)), (.choice, .string(let s)), (.reference, .string(let s)), (.timeOfDay, .string(let s)),
            (.timeZone, .string(let s)):
            self = .text(s)
        default: throw fail()
        }
    }
}
