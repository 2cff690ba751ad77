import Foundation

@testable import CoxswainDomain

/// Random but reproducible leads, activities and policies for merge tests.
enum MergeFixtures {
    static let base = Date(timeIntervalSince1970: 1_767_225_600)

    static func lead(_ id: String, _ values: [String: FieldValue] = [:], updated: Date = base, custom: [String: FieldValue] = [:]) -> Record {
        var r = Record(schema: Lead.schema)
        r["id"] = .text(id)
        r["created_at"] = .timestamp(base)
        r["updated_at"] = .timestamp(updated)
        r["status"] = .text("new")
        r["custom_fields"] = .object(custom)
        for (k, v) in values { r[k] = v }
        return r
    }

    static func activity(_ id: String, lead: String?, contact: String? = nil, subject: String = "Call") -> Record {
        var r = Record(schema: Activity.schema)
        r["id"] = .text(id)
        r["created_at"] = .timestamp(base)
        r["updated_at"] = .timestamp(base)
        r["type"] = .text("call")
        r["subject"] = .text(subject)
        r["occurred_at"] = .timestamp(base)
        r["rep_id"] = .text("rep-1")
        r["lead_id"] = FieldValue(lead)
        r["contact_id"] = FieldValue(contact)
        r["custom_fields"] = .object([:])
        return r
    }

    static let pools: [String: [String]] = [
        "first_name": ["Ann", "Bob", "Robert", "Liz", "Élodie"],
        "last_name": ["Smith", "Smyth", "O'Neil", "García"],
        "email": ["ann@acme.com", "bob@acme.com", "b.smith@gmail.com"],
        "phone": ["+1 415 555 0100", "(415) 555-0100", "+44 20 7946 0000"],
        "company": ["Acme", "Acme Inc.", "Globex Corporation"],
        "title": ["CTO", "VP Engineering", "Head of Ops"],
        "source": ["web", "event", "partner", "import"],
        "city": ["Berlin", "San Francisco", "Zürich"],
    ]

    /// `count` leads with random fields (some null), random updated_at (whole milliseconds, as stored) and custom fields.
    static func randomGroup(_ rng: inout SeededGenerator, count: Int) -> [Record] {
        (0..<count).map { n in
            var values: [String: FieldValue] = [:]
            for (field, pool) in pools where Int.random(in: 0..<3, using: &rng) > 0 {
                values[field] = .text(pool.randomElement(using: &rng)!)
            }
            if Bool.random(using: &rng) { values["employees"] = .integer(Int64.random(in: 0...50_000, using: &rng)) }
            if Bool.random(using: &rng) { values["status"] = .text(Lead.Status.allCases.randomElement(using: &rng)!.rawValue) }
            var custom: [String: FieldValue] = [:]
            if Bool.random(using: &rng) { custom["tier"] = .text(["gold", "silver"].randomElement(using: &rng)!) }
            if Bool.random(using: &rng) { custom["score"] = .decimal(Decimal(Int.random(in: 0...999, using: &rng)) / 10) }
            if Bool.random(using: &rng) { custom["vip"] = .bool(Bool.random(using: &rng)) }
            if Bool.random(using: &rng) { custom["tags"] = .list(["a", "b"].shuffled(using: &rng)) }
            let millis = Int64.random(in: 0...10_000_000_000, using: &rng)
            return lead(
                "lead-\(n)", values, updated: Date(timeIntervalSince1970: Double(1_767_225_600_000 + millis) / 1000), custom: custom)
        }
    }

    static func randomRule(_ rng: inout SeededGenerator, ids: [String]) -> SurvivorshipRule {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: .survivorFirst
        case 1: .mostRecent
        case 2: .mostComplete
        case 3: .longest
        case 4: .sourcePriority(["partner", "web"].shuffled(using: &rng))
        default: .pin(recordID: ids.randomElement(using: &rng)!)
        }
    }

    static func randomPolicy(_ rng: inout SeededGenerator, ids: [String]) -> SurvivorshipPolicy {
        var fields: [String: SurvivorshipRule] = [:]
        for field in ["email", "phone", "company", "source", "employees", "custom_fields", "custom_fields.tier"]
        where Bool.random(using: &rng) {
            fields[field] = randomRule(&rng, ids: ids)
        }
        return SurvivorshipPolicy(default: randomRule(&rng, ids: ids), fields: fields)
    }
}
