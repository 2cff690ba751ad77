import Foundation

/// A lead field value as routing sees it.
public enum RoutingValue: Hashable, Sendable {
    case missing
    case text(String)
    case number(Double)
}

/// A lead prepared for routing: its id, arrival time, the values of the fields the policy's conditions read (one
/// per ``LeadRouter/fields`` entry, in that order) and the contact fields used for account and sticky matching.
///
/// Build one with ``LeadRouter/lead(_:)`` from a ``Lead``, or ``LeadRouter/lead(id:receivedAt:account:value:)``
/// from any source such as a CSV row.
public struct RoutingLead: Hashable, Sendable {
    /// Lead id.
    public var id: String
    /// When the lead arrived; decides working hours, caps and the SLA clock.
    public var receivedAt: Date
    /// Condition inputs, aligned with ``LeadRouter/fields``.
    public var values: [RoutingValue]
    /// E-mail, website, company, phone, postcode and country.
    public var account: LeadAccountFields

    /// Creates a lead.
    public init(id: String, receivedAt: Date, values: [RoutingValue], account: LeadAccountFields = LeadAccountFields()) {
        self.id = id
        self.receivedAt = receivedAt
        self.values = values
        self.account = account
    }
}

/// An existing open lead or contact and its owner, for sticky routing.
public struct RoutingOwnedRecord: Hashable, Sendable {
    /// The record's e-mail.
    public var email: String
    /// Its owner's rep id.
    public var ownerID: String

    /// Creates an entry.
    public init(email: String, ownerID: String) {
        self.email = email
        self.ownerID = ownerID
    }
}

/// What routing needs to know about the organisation besides the policy and reps.
public struct RoutingContext: Sendable {
    /// Accounts for `account_owner` rules.
    public var accounts: AccountMatcher?
    /// Account id → owner rep id.
    public var accountOwners: [String: String]
    /// Open leads and contacts with owners, for `sticky` rules.
    public var ownedRecords: [RoutingOwnedRecord]
    /// Territory value (e.g. the lead's region `EMEA`) → team id, for `territory_team` rules. The Territories
    /// engine will supply this from the active territory plan.
    public var territoryTeams: [String: String]
    /// Custom field definitions of leads (conditions may read `custom_fields.<key>`).
    public var customFields: [CustomFieldDefinition]

    /// Creates a context.
    public init(
        accounts: AccountMatcher? = nil, accountOwners: [String: String] = [:], ownedRecords: [RoutingOwnedRecord] = [],
        territoryTeams: [String: String] = [:], customFields: [CustomFieldDefinition] = []
    ) {
        self.accounts = accounts
        self.accountOwners = accountOwners
        self.ownedRecords = ownedRecords
        self.territoryTeams = territoryTeams
        self.customFields = customFields
    }
}

/// How a routable field is compared.
enum RoutingFieldKind: Sendable {
    case text, number

    /// The lead fields routing may read: every scalar field of ``Lead/schema`` and `custom_fields.<key>` for each
    /// active custom field definition of leads.
    static func catalog(customFields: [CustomFieldDefinition]) -> [String: RoutingFieldKind] {
        var out: [String: RoutingFieldKind] = [:]
        for spec in Lead.schema.fields {
            switch spec.kind {
            case .customFields, .list, .dateRanges: continue
            case .integer, .decimal, .money: out[spec.name] = .number
            default: out[spec.name] = .text
            }
        }
        for def in customFields where def.active && def.entity == "lead" {
            out["custom_fields.\(def.key)"] = def.type == .number || def.type == .currency ? .number : .text
        }
        return out
    }

    /// Converts a stored field value.
    func value(_ field: FieldValue) -> RoutingValue {
        switch field {
        case .null: return .missing
        case .integer(let i): return self == .number ? .number(Double(i)) : .text(String(i))
        case .decimal(let d): return self == .number ? .number(NSDecimalNumber(decimal: d).doubleValue) : .text(d.description)
        case .text(let s): return value(text: s)
        default: return value(text: field.csvText)
        }
    }

    /// Converts text input (a CSV cell); `nil` when a number field holds something that is not a number.
    func value(text: String) -> RoutingValue {
        let trimmed = FastText.trimmed(text)
        if trimmed.isEmpty { return .missing }
        if self == .number {
            return Double(trimmed.replacingOccurrences(of: ",", with: "")).map(RoutingValue.number) ?? .text(trimmed)
        }
        return .text(trimmed)
    }
}
