import Foundation

/// Merges duplicate records of one entity into a survivor, field by field, and re-parents the records of
/// other entities that point at the merged-away ones. Pure: records in, records and a ``MergeEvent`` out.
///
/// Business rules:
/// - any number of duplicates; the survivor keeps its id, `external_id` and `created_at`; `updated_at` is `asOf`;
/// - every other field (custom fields key by key) is chosen by the ``SurvivorshipPolicy``, and its provenance
///   (record and reason) is reported;
/// - every reference field of another entity that names the merged entity (`activity.lead_id` for leads) and
///   points at a merged-away record is moved to the survivor; the linked record's `updated_at` becomes `asOf`.
///
/// Example:
/// ```swift
/// let event = try LeadMerger.merge(survivor: a, duplicates: [b, c], linked: activitiesOfBAndC,
///                                  policy: SurvivorshipPolicy(fields: ["phone": .mostRecent]), asOf: now)
/// // event.after: a's values, gaps filled from b then c, phone from the most recently updated record;
/// // event.links: the activities now pointing at a, with their before-images for undo.
/// ```
public enum LeadMerger {
    static let systemFields: Set<String> = ["id", "external_id", "created_at", "updated_at", "custom_fields"]

    /// Merges `duplicates` into `survivor`. `linked` may contain any records; only those referencing a
    /// merged-away record change.
    public static func merge(
        survivor: Record, duplicates: [Record], linked: [Record], policy: SurvivorshipPolicy, asOf: Date
    ) throws(MergeError) -> MergeEvent {
        let schema = survivor.schema
        guard !duplicates.isEmpty else { throw .noDuplicates(survivorID: survivor.id) }
        var seen: Set<String> = [survivor.id]
        for d in duplicates {
            guard d.schema === schema else { throw .mixedEntities(expected: schema.name, got: d.schema.name, id: d.id) }
            guard seen.insert(d.id).inserted else { throw .repeatedRecord(id: d.id) }
        }
        for (field, rule) in policy.fields {
            let base = field.hasPrefix("custom_fields.") ? "custom_fields" : field
            guard schema.index(of: base) != nil else { throw .unknownField(entity: schema.name, field: field) }
            if case .pin(let id) = rule, !seen.contains(id) { throw .pinOutsideGroup(field: field, recordID: id) }
        }
        if case .pin(let id) = policy.defaultRule, !seen.contains(id) { throw .pinOutsideGroup(field: "*", recordID: id) }

        let group = [survivor] + duplicates
        let context = Context(group: group, policy: policy)
        var merged = survivor
        var provenance: [FieldProvenance] = []
        for (i, spec) in schema.fields.enumerated() {
            switch spec.name {
            case "id", "external_id", "created_at":
                provenance.append(FieldProvenance(field: spec.name, recordID: survivor.id, reason: .system, value: survivor.values[i]))
                continue
            case "updated_at":
                merged.values[i] = .timestamp(asOf)
                provenance.append(FieldProvenance(field: spec.name, recordID: survivor.id, reason: .system, value: .timestamp(asOf)))
                continue
            default: break
            }
            if case .customFields = spec.kind {
                let keys = Set(group.flatMap { $0.customFields.keys }).sorted()
                var object: [String: FieldValue] = [:]
                for key in keys {
                    let name = "custom_fields." + key
                    let pick = context.choose(name, rule: policy.rule(for: name)) { $0.customFields[key] ?? .null }
                    if !pick.value.isNull { object[key] = pick.value }
                    provenance.append(FieldProvenance(field: name, recordID: pick.recordID, reason: pick.reason, value: pick.value))
                }
                merged.values[i] = .object(object)
                continue
            }
            let pick = context.choose(spec.name, rule: policy.rule(for: spec.name)) { $0.values[i] }
            merged.values[i] = pick.value
            provenance.append(FieldProvenance(field: spec.name, recordID: pick.recordID, reason: pick.reason, value: pick.value))
        }
        // A money amount and its currency must come from the same record.
        for spec in schema.fields {
            guard case .money(let currencyField) = spec.kind,
                let amountSource = provenance.first(where: { $0.field == spec.name })?.recordID,
                let source = group.first(where: { $0.id == amountSource }),
                let p = provenance.firstIndex(where: { $0.field == currencyField })
            else { continue }
            merged[currencyField] = source[currencyField]
            provenance[p] = FieldProvenance(field: currencyField, recordID: source.id, reason: .followsAmount, value: source[currencyField])
        }
        let links = relink(linked, entity: schema.name, from: Set(duplicates.map(\.id)), to: survivor.id, asOf: asOf)
        return MergeEvent(
            entity: schema.name, survivorID: survivor.id, mergedIDs: duplicates.map(\.id), before: group, after: merged,
            links: links, provenance: provenance, policy: policy, at: asOf)
    }

    /// Reference fields of `schema` that point at records of `entity`.
    public static func referenceFields(of schema: EntitySchema, to entity: String) -> [String] {
        schema.fields.compactMap { spec in
            if case .reference(let target) = spec.kind, target == entity { spec.name } else { nil }
        }
    }

    static func relink(_ linked: [Record], entity: String, from ids: Set<String>, to survivor: String, asOf: Date) -> [LinkChange] {
        linked.compactMap { record in
            var after = record
            var changed: [String] = []
            for field in referenceFields(of: record.schema, to: entity) {
                if let v = record.text(field), ids.contains(v) {
                    after[field] = .text(survivor)
                    changed.append(field)
                }
            }
            guard !changed.isEmpty else { return nil }
            if record.schema.index(of: "updated_at") != nil { after["updated_at"] = .timestamp(asOf) }
            return LinkChange(before: record, after: after, fields: changed)
        }
    }
}
