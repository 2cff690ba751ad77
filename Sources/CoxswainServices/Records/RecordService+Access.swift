import CoxswainDomain
import Foundation

/// How ``RecordService`` applies ``AccessRules`` on every read and write path.
extension RecordService {
    /// Whether `principal` may see `record` (records of entities without an owner are visible to anyone who may
    /// read the entity at all).
    static func visible(_ record: Record, reach: AccessRules.Reach, _ principal: Principal) -> Bool {
        guard let field = AccessRules.ownerField(record.schema), reach == .owned else { return true }
        return AccessRules.canSee(owner: record.text(field), reach: reach, principal)
    }

    /// `query` restricted to the principal's visible owners, or nil when they can see nobody's records.
    ///
    /// Example: a manager of reps r1 and r2 listing leads with `status=new` runs
    /// `status = 'new' AND owner_id IN ('r1','r2')`.
    static func scoped(_ query: ListQuery, _ schema: EntitySchema, reach: AccessRules.Reach, _ principal: Principal) -> ListQuery? {
        guard reach == .owned, let field = AccessRules.ownerField(schema), let visible = principal.visibleRepIDs else { return query }
        guard !visible.isEmpty else { return nil }
        var scoped = query
        scoped.filters.append(ListFilter(field, .in, visible.sorted().map(FieldValue.text)))
        return scoped
    }

    /// Filters that scope counts and aggregates of `schema` to `principal` (nil when they see nothing).
    public static func scopeFilters(_ schema: EntitySchema, for principal: Principal) throws -> [ListFilter]? {
        let reach = try AccessRules.require(.read, schema, principal)
        return scoped(ListQuery(), schema, reach: reach, principal)?.filters
    }

    /// Keys of restricted custom fields of `schema` hidden from `principal` (empty for admin and ops).
    static func hiddenKeys(_ schema: EntitySchema, _ definitions: [String: [CustomFieldDefinition]], _ principal: Principal) -> Set<String> {
        guard !principal.role.seesRestrictedFields else { return [] }
        return Set((definitions[schema.name] ?? []).filter(\.restricted).map(\.key))
    }

    /// `records` without restricted custom fields the principal may not see.
    static func redacted(_ records: [Record], _ schema: EntitySchema, for principal: Principal, reader: any RecordReading) async throws -> [Record] {
        guard !principal.role.seesRestrictedFields, !records.isEmpty else { return records }
        let definitions = try await reader.list(
            CustomFieldDefinition.schema, ListQuery(filters: [.eq("entity", .text(schema.name))], limit: 1000)
        ).records.map(CustomFieldDefinition.init(record:))
        let hidden = hiddenKeys(schema, [schema.name: definitions], principal)
        return records.map { redact($0, hiding: hidden) }
    }

    static func redact(_ record: Record, hiding keys: Set<String>) -> Record {
        guard !keys.isEmpty, case .object(var custom) = record["custom_fields"] else { return record }
        for key in keys { custom[key] = nil }
        var copy = record
        copy["custom_fields"] = .object(custom)
        return copy
    }

    /// Rejects writes of restricted custom fields by roles that may not see them (403 naming the field).
    static func checkRestrictedFields(_ input: RecordInput, _ schema: EntitySchema, context: ValidationContext, _ principal: Principal) throws {
        let hidden = hiddenKeys(schema, context.customFields, principal)
        guard !hidden.isEmpty else { return }
        let written: [String]
        switch input {
        case .object(let pairs):
            written = pairs.flatMap { key, value -> [String] in
                if key == "custom_fields", case .object(let inner) = value { return inner.map(\.0) }
                return []
            }
        case .cells(_, let custom): written = custom.map(\.0)
        }
        if let key = written.first(where: hidden.contains) {
            throw AccessDenied(code: "field_forbidden", "is restricted to admin and ops", field: "custom_fields.\(key)")
        }
    }

    /// Reps and managers creating a record without an owner get themselves as owner.
    static func defaultingOwner(_ input: RecordInput, _ schema: EntitySchema, for principal: Principal) -> RecordInput {
        guard principal.visibleRepIDs != nil, let repID = principal.repID, let field = AccessRules.ownerField(schema),
            case .object(var pairs) = input, !pairs.contains(where: { $0.0 == field })
        else { return input }
        pairs.append((field, .string(repID)))
        return .object(pairs)
    }

    /// Field-level ownership rules: a rep may not change a record's owner; reps and managers may only give
    /// records to owners they can see (themselves; a manager's team subtree).
    ///
    /// Example: rep r1 patching lead L (owner r1) with `owner_id: r2` gets 403 `field_forbidden` on `owner_id`;
    /// their manager may make the same change when r2 is in the team.
    static func checkOwner(of record: Record, before: Record?, reach: AccessRules.Reach, _ principal: Principal) throws {
        guard reach == .owned, let field = AccessRules.ownerField(record.schema) else { return }
        let owner = record.text(field)
        if principal.role == .rep, let before, before.text(field) != owner {
            throw AccessDenied(code: "field_forbidden", "reps cannot change the owner", field: field)
        }
        guard AccessRules.canSee(owner: owner, reach: reach, principal) else {
            throw AccessDenied(code: "field_forbidden", "may only be yourself or a rep in your team", field: field)
        }
    }
}

extension RecordService {
    /// The access problems of one imported row, reported like validation issues so the import names the line
    /// and field: a record outside the importer's reach reads as unknown (its existence is private), an owner
    /// they may not assign or a restricted custom field is `forbidden`.
    static func importAccessIssues(existing: Record?, record: Record, hidden: Set<String>, _ actor: Principal) -> [FieldIssue] {
        let schema = record.schema
        let readReach = AccessRules.access(actor.role, .read, schema)
        let reach = AccessRules.access(actor.role, .write, schema)
        if let existing, !visible(existing, reach: readReach, actor) {
            return [FieldIssue(code: "unknown_reference", field: "id", message: "no \(schema.name) with id '\(existing.id)'")]
        }
        var issues: [FieldIssue] = []
        do {
            try checkOwner(of: record, before: existing, reach: reach, actor)
        } catch let denied as AccessDenied {
            issues.append(FieldIssue(code: "forbidden", field: denied.field ?? "id", message: denied.message))
        } catch {}
        if !hidden.isEmpty, case .object(let custom) = record["custom_fields"] {
            let before: [String: FieldValue]
            if case .object(let b) = existing?["custom_fields"] ?? .null { before = b } else { before = [:] }
            for key in hidden.sorted() where custom[key] != before[key] {
                issues.append(FieldIssue(code: "forbidden", field: "custom_fields.\(key)", message: "is restricted to admin and ops"))
            }
        }
        return issues
    }
}
