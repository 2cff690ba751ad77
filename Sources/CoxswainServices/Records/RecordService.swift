import CoxswainDomain
import Foundation

/// A record that does not exist (or that the caller may not see).
public struct RecordNotFound: Error, Sendable, CustomStringConvertible {
    public var entity: String
    public var id: String
    public init(entity: String, id: String) {
        self.entity = entity
        self.id = id
    }
    public var description: String { "no \(entity) with id \(id)" }
}

/// The use cases every entity shares: create, read, update, delete, list — each write validated against the
/// schema, its references resolved, and committed in one transaction with its audit and history rows.
///
/// Example: `try await service.update(Opportunity.schema, id: id, .object([("stage", .string("Negotiation"))]), by: user)`
/// sets probability 80 and forecast category Commit, appends an ``OpportunityStageChange`` and a
/// ``FieldChange`` per changed field, and an audit row with before/after JSON — all or nothing.
public struct RecordService: Sendable {
    public let store: any RecordStore
    public let environment: Environment

    public init(store: any RecordStore, environment: Environment = .live) {
        self.store = store
        self.environment = environment
    }

    /// What validation needs from the organisation's configuration.
    public func validationContext(_ reader: any RecordReading) async throws -> ValidationContext {
        try await contextAndSettings(reader).context
    }

    /// The validation context and the settings it was built from, loaded once.
    func contextAndSettings(_ reader: any RecordReading) async throws -> (context: ValidationContext, settings: OrgSettings) {
        let settings = try await OrgSettings.load(from: reader)
        var stages = try await reader.list(StageDefinition.schema, ListQuery(limit: 1000)).records.map(StageDefinition.init(record:))
        if stages.isEmpty { stages = StageDefinition.defaults }
        let definitions = try await reader.list(CustomFieldDefinition.schema, ListQuery(limit: 1000)).records
            .map(CustomFieldDefinition.init(record:))
        let context = ValidationContext(
            defaultCurrency: settings.defaultCurrency, stages: stages,
            customFields: Dictionary(grouping: definitions, by: \.entity), now: environment.now())
        return (context, settings)
    }

    /// Reads one record as `principal`: records outside their reach are ``RecordNotFound`` (existence is
    /// private), restricted custom fields are removed for roles that may not see them.
    public func get(_ schema: EntitySchema, id: String, as principal: Principal) async throws -> Record {
        let reach = try AccessRules.require(.read, schema, principal)
        return try await store.read { r in
            guard let record = try await r.get(schema, id: id), Self.visible(record, reach: reach, principal) else {
                throw RecordNotFound(entity: schema.name, id: id)
            }
            return try await Self.redacted([record], schema, for: principal, reader: r)[0]
        }
    }

    /// Lists records as `principal`: owner-scoped entities are filtered to the principal's visible reps in the
    /// query itself, so counts, pages and cursors never include other owners' records.
    public func list(_ schema: EntitySchema, _ query: ListQuery, as principal: Principal) async throws -> RecordPage {
        let reach = try AccessRules.require(.read, schema, principal)
        guard let scoped = Self.scoped(query, schema, reach: reach, principal) else { return RecordPage(records: [], nextCursor: nil) }
        return try await store.read { r in
            var page = try await r.list(schema, scoped)
            page.records = try await Self.redacted(page.records, schema, for: principal, reader: r)
            return page
        }
    }

    /// Validates and stores a new record. Throws ``ValidationFailure`` listing every problem.
    public func create(_ schema: EntitySchema, _ input: RecordInput, by actor: Principal) async throws -> Record {
        let env = environment
        let reach = try AccessRules.require(.write, schema, actor)
        let input = Self.defaultingOwner(input, schema, for: actor)
        return try await store.write { tx in
            let context = try await validationContext(tx)
            try Self.checkRestrictedFields(input, schema, context: context, actor)
            var record = try schema.validate(input, mode: .create, context: context).get()
            let now = context.now
            record["id"] = .text(env.newID(record.timestamp("created_at") ?? now))
            record["updated_at"] = .timestamp(now)
            var batch = [record]
            if let found = try await ReferenceResolver.resolve(&batch, reader: tx)[0] {
                throw ValidationFailure(entity: schema.name, issues: found)
            }
            record = batch[0]
            try Self.checkOwner(of: record, before: nil, reach: reach, actor)
            try await tx.insert([record])
            try await tx.append(audit: [
                AuditEntry(
                    at: now, actor: actor.id, action: "create", entity: schema.name,
                    recordID: record.id, before: nil, after: record.json.serialized())
            ])
            if schema === Opportunity.schema {
                let opp = Opportunity(record: record)
                try await tx.append(stageChanges: [OpportunityStageChange(opp, from: nil, at: opp.meta.createdAt, by: actor.id)])
            }
            return Self.redact(record, hiding: Self.hiddenKeys(schema, context.customFields, actor))
        }
    }

    /// Applies a patch to an existing record. Throws ``RecordNotFound`` or ``ValidationFailure``.
    public func update(_ schema: EntitySchema, id: String, _ patch: RecordInput, by actor: Principal) async throws -> Record {
        let readReach = try AccessRules.require(.read, schema, actor)
        let reach = try AccessRules.require(.write, schema, actor)
        return try await store.write { tx in
            guard let existing = try await tx.get(schema, id: id), Self.visible(existing, reach: readReach, actor) else {
                throw RecordNotFound(entity: schema.name, id: id)
            }
            let (context, settings) = try await contextAndSettings(tx)
            try Self.checkRestrictedFields(patch, schema, context: context, actor)
            var record = try schema.validate(patch, mode: .update(existing: existing), context: context).get()
            var batch = [record]
            if let found = try await ReferenceResolver.resolve(&batch, reader: tx)[0] {
                throw ValidationFailure(entity: schema.name, issues: found)
            }
            record = batch[0]
            try Self.checkOwner(of: record, before: existing, reach: reach, actor)
            let changed = record.changedFields(comparedTo: existing)
            if changed.isEmpty { return Self.redact(existing, hiding: Self.hiddenKeys(schema, context.customFields, actor)) }
            try await Self.recordHistory(
                old: existing, new: &record, changed: changed, calendar: settings.fiscalCalendar,
                at: context.now, by: actor, in: tx)
            record["updated_at"] = .timestamp(context.now)
            try await tx.update(record)
            try await tx.append(audit: [
                AuditEntry(
                    at: context.now, actor: actor.id, action: "update", entity: schema.name,
                    recordID: id, before: existing.json.serialized(), after: record.json.serialized())
            ])
            return Self.redact(record, hiding: Self.hiddenKeys(schema, context.customFields, actor))
        }
    }

    /// Deletes a record. Records still referenced elsewhere cannot be deleted (``StoreError/referenceViolation(message:)``).
    public func delete(_ schema: EntitySchema, id: String, by actor: Principal) async throws {
        let now = environment.now()
        let readReach = try AccessRules.require(.read, schema, actor)
        let reach = try AccessRules.require(.write, schema, actor)
        try await store.write { tx in
            guard let existing = try await tx.get(schema, id: id), Self.visible(existing, reach: readReach, actor) else {
                throw RecordNotFound(entity: schema.name, id: id)
            }
            try Self.checkOwner(of: existing, before: nil, reach: reach, actor)
            try await tx.delete(schema, id: id)
            try await tx.append(audit: [
                AuditEntry(
                    at: now, actor: actor.id, action: "delete", entity: schema.name,
                    recordID: id, before: existing.json.serialized(), after: nil)
            ])
        }
    }

    /// Field history for every changed field; for opportunities also the stage history and the push count
    /// (a close date moved into a later fiscal quarter counts as one push).
    static func recordHistory(
        old: Record, new: inout Record, changed: [String], calendar: FiscalCalendar,
        at now: Date, by actor: Principal, in tx: any RecordWriting
    ) async throws {
        let schema = new.schema
        try await tx.append(
            fieldChanges: changed.filter { $0 != "push_count" }.map { field in
                FieldChange(
                    entity: schema.name, recordID: new.id, field: field,
                    oldValue: old[field].isNull ? nil : old[field].csvText,
                    newValue: new[field].isNull ? nil : new[field].csvText, changedAt: now, changedBy: actor.id)
            })
        guard schema === Opportunity.schema else { return }
        if let before = old.date("close_date"), let after = new.date("close_date"),
            calendar.quarter(containing: after) > calendar.quarter(containing: before)
        {
            new["push_count"] = .integer((old.int("push_count") ?? 0) + 1)
        }
        if changed.contains("stage") {
            let opp = Opportunity(record: new)
            try await tx.append(stageChanges: [OpportunityStageChange(opp, from: old.text("stage"), at: now, by: actor.id)])
        }
    }
}
