import Foundation

/// How one field's surviving value is chosen when records are merged.
///
/// Candidates are the survivor first, then the duplicates in the order given. Every rule except
/// ``pin(recordID:)`` only considers records whose value is not null; ties go to the earlier candidate.
///
/// Example: for `email` with `.mostRecent`, survivor `a@x.com` (updated 2026-01-01) and duplicate
/// `b@x.com` (updated 2026-03-01) give `b@x.com`, provenance "from the duplicate, most recent".
public enum SurvivorshipRule: Hashable, Sendable {
    /// The survivor's value; when it is null, the first non-null duplicate value (the default).
    case survivorFirst
    /// The value of the most recently updated record (by ``SurvivorshipPolicy/recencyField``).
    case mostRecent
    /// The value of the record with the most non-null fields (custom fields count one each).
    case mostComplete
    /// The value of the record whose source (``SurvivorshipPolicy/sourceField``) ranks first in this list
    /// (case-insensitive); records with unlisted sources rank after every listed one.
    case sourcePriority([String])
    /// The longest value (in characters of its text form).
    case longest
    /// Exactly the value of this record — even when it is null (a manual pick).
    case pin(recordID: String)

    /// Stable text form: `survivor_first`, `most_recent`, `most_complete`, `longest`,
    /// `source_priority:web,event`, `pin:<record id>`.
    public var code: String {
        switch self {
        case .survivorFirst: "survivor_first"
        case .mostRecent: "most_recent"
        case .mostComplete: "most_complete"
        case .longest: "longest"
        case .sourcePriority(let order): "source_priority:" + order.joined(separator: ",")
        case .pin(let id): "pin:" + id
        }
    }

    /// Parses ``code``; nil for anything else.
    public init?(code: String) {
        switch code {
        case "survivor_first": self = .survivorFirst
        case "most_recent": self = .mostRecent
        case "most_complete": self = .mostComplete
        case "longest": self = .longest
        default:
            if code.hasPrefix("source_priority:") {
                self = .sourcePriority(code.dropFirst("source_priority:".count).split(separator: ",").map(String.init))
            } else if code.hasPrefix("pin:"), code.count > 4 {
                self = .pin(recordID: String(code.dropFirst(4)))
            } else {
                return nil
            }
        }
    }
}

/// The survivorship rules of one merge: a default rule and per-field overrides.
///
/// Field keys are schema field names (`email`) or custom-field keys written `custom_fields.<key>`
/// (`custom_fields.tier`); a rule for `custom_fields` applies to every custom key without its own rule.
/// The system fields `id`, `external_id`, `created_at` keep the survivor's values and `updated_at` becomes the
/// merge time. A money field's currency always comes from the record its amount came from.
///
/// Example: `SurvivorshipPolicy(default: .mostComplete, fields: ["email": .mostRecent, "custom_fields.tier": .pin(recordID: b)])`.
public struct SurvivorshipPolicy: Hashable, Sendable {
    public var defaultRule: SurvivorshipRule
    public var fields: [String: SurvivorshipRule]
    /// Timestamp field that decides ``SurvivorshipRule/mostRecent`` (default `updated_at`).
    public var recencyField: String
    /// Text field that ``SurvivorshipRule/sourcePriority(_:)`` ranks by (default `source`).
    public var sourceField: String

    public init(
        default defaultRule: SurvivorshipRule = .survivorFirst, fields: [String: SurvivorshipRule] = [:],
        recencyField: String = "updated_at", sourceField: String = "source"
    ) {
        self.defaultRule = defaultRule
        self.fields = fields
        self.recencyField = recencyField
        self.sourceField = sourceField
    }

    /// The rule for `field` (a schema field or `custom_fields.<key>`).
    public func rule(for field: String) -> SurvivorshipRule {
        if let rule = fields[field] { return rule }
        if field.hasPrefix("custom_fields."), let rule = fields["custom_fields"] { return rule }
        return defaultRule
    }
}
