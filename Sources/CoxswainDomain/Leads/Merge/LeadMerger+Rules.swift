import Foundation

extension LeadMerger {
    /// The value chosen for one field and why.
    struct Pick {
        var value: FieldValue
        var recordID: String
        var reason: FieldProvenance.Reason
    }

    /// Per-merge facts the rules need, computed once.
    struct Context {
        let group: [Record]
        let policy: SurvivorshipPolicy
        /// Non-null field count per record (custom fields count one per key).
        let completeness: [Int]
        /// Recency per record (nil when the recency field is empty).
        let recency: [Date?]
        /// Lower-cased source per record.
        let sources: [String?]

        init(group: [Record], policy: SurvivorshipPolicy) {
            self.group = group
            self.policy = policy
            completeness = group.map { r in
                zip(r.schema.fields, r.values).reduce(0) { n, pair in
                    if case .customFields = pair.0.kind { return n + r.customFields.count }
                    return n + (pair.1.isNull || LeadMerger.systemFields.contains(pair.0.name) ? 0 : 1)
                }
            }
            recency = group.map { $0.timestamp(policy.recencyField) }
            sources = group.map { $0.text(policy.sourceField)?.lowercased() }
        }

        /// Applies `rule` to the values `value(record)` of the group.
        func choose(_ field: String, rule: SurvivorshipRule, _ value: (Record) -> FieldValue) -> Pick {
            let values = group.map(value)
            let present = values.indices.filter { !values[$0].isNull }
            func pick(_ i: Int, _ reason: FieldProvenance.Reason) -> Pick { Pick(value: values[i], recordID: group[i].id, reason: reason) }
            if case .pin(let id) = rule, let i = group.firstIndex(where: { $0.id == id }) { return pick(i, .pinned) }
            guard let first = present.first else { return pick(0, .allEmpty) }
            /// The first present candidate with the greatest `key` (stable: ties keep group order).
            func best<K: Comparable>(_ key: (Int) -> K) -> Int {
                var winner = first
                for i in present.dropFirst() where key(i) > key(winner) { winner = i }
                return winner
            }
            switch rule {
            case .survivorFirst, .pin:
                return pick(first, first == 0 ? .survivor : .filledGap)
            case .mostRecent:
                return pick(best { recency[$0] ?? .distantPast }, .mostRecent)
            case .mostComplete:
                return pick(best { completeness[$0] }, .mostComplete)
            case .longest:
                return pick(best { values[$0].csvText.count }, .longest)
            case .sourcePriority(let order):
                let ranks = order.map { $0.lowercased() }
                return pick(best { i in -(sources[i].flatMap { ranks.firstIndex(of: $0) } ?? ranks.count) }, .sourcePriority)
            }
        }
    }
}
