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

    public func get(_ schema: EntitySchema, id: String) async throws -> Record {
        guard let record = try await store.read({ try await $0.get(schema, id: id) }) else {
            throw RecordNotFound(entity: schema.name, id: id)
        }
        return record
    }

    public func list(_ schema: EntitySchema, _ query: ListQuery) async throws -> RecordPage {
        try await store.read { try await $0.list(schema, query) }
    }

    /// Validates and stores a new record. Throws ``ValidationFailure`` listing every problem.
    public func create(_ schema: EntitySchema, _ input: RecordInput, by actor: Principal) async throws -> Record {
        let env = environment
        return try await store.write { tx in
            let context = try await validationContext(tx)
            var record = try schema.validate(input, mode: .create, context: context).get()
            let now = context.now
            record["id"] = .text(env.newID(record.timestamp("created_at") ?? now))
            record["updated_at"] = .timestamp(now)
            var batch = [record]
            if let found = try await ReferenceResolver.resolve(&batch, reader: tx)[0] {
                throw ValidationFailure(entity: schema.name, issues: found)
            }
            record = batch[0]
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
            return record
        }
    }

    /// Applies a patch to an existing record. Throws ``RecordNotFound`` or ``ValidationFailure``.
    public func update(_ schema: EntitySchema, id: String, _ patch: RecordInput, by actor: Principal) async throws -> Record {
        try await store.write { tx in
            guard let existing = try await tx.get(schema, id: id) else { throw RecordNotFound(entity: schema.name, id: id) }
            let (context, settings) = try await contextAndSettings(tx)
            var record = try schema.validate(patch, mode: .update(existing: existing), context: context).get()
            var batch = [record]
            if let found = try await ReferenceResolver.resolve(&batch, reader: tx)[0] {
                throw ValidationFailure(entity: schema.name, issues: found)
            }
            record = batch[0]
            let changed = record.changedFields(comparedTo: existing)
            if changed.isEmpty { return existing }
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
            return record
        }
    }

    /// Deletes a record. Records still referenced elsewhere cannot be deleted (``StoreError/referenceViolation(message:)``).
    public func delete(_ schema: EntitySchema, id: String, by actor: Principal) async throws {
        let now = environment.now()
        try await store.write { tx in
            guard let existing = try await tx.get(schema, id: id) else { throw RecordNotFound(entity: schema.name, id: id) }
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
