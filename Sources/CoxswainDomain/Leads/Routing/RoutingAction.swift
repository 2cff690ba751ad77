import Foundation

/// Who receives a lead when a rule matches.
///
/// JSON forms:
/// * `{"pool": "emea-smb"}` — distribute in the pool by its strategy and caps;
/// * `{"rep": "r42"}` — one named rep;
/// * `{"account_owner": true}` — the owner of the account the lead matches (``AccountMatcher``);
/// * `{"sticky": "email"}` or `{"sticky": "email_or_domain"}` — the owner of an existing open lead or contact with
///   the same normalised e-mail (or, failing that, the same company domain; free-mail domains never count);
/// * `{"territory_team": {"field": "region", "strategy": "round_robin"}}` — the team the territory map gives for
///   the lead's `field` value, distributed among the team's reps.
public enum RoutingAction: Hashable, Sendable {
    /// How sticky ownership is looked up.
    public enum StickyKey: String, Hashable, Sendable, Codable, CaseIterable {
        case email
        case emailOrDomain = "email_or_domain"
    }

    case pool(String)
    case rep(String)
    case accountOwner
    case sticky(StickyKey)
    case territoryTeam(field: String, strategy: RoutingStrategy)
}

extension RoutingAction: Codable {
    private static let keys = ["pool", "rep", "account_owner", "sticky", "territory_team"]

    public init(from decoder: any Decoder) throws {
        try RoutingCoding.rejectUnknownKeys(decoder, allowed: Self.keys)
        let c = try decoder.container(keyedBy: RoutingCoding.Key.self)
        let present = Self.keys.filter { c.contains(RoutingCoding.Key($0)) }
        guard present.count == 1, let kind = present.first else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "an action has exactly one of pool, rep, account_owner, sticky, territory_team"
                        + (present.isEmpty ? "" : ", got \(present.joined(separator: " and "))")))
        }
        let key = RoutingCoding.Key(kind)
        switch kind {
        case "pool": self = .pool(try c.decode(String.self, forKey: key))
        case "rep": self = .rep(try c.decode(String.self, forKey: key))
        case "account_owner":
            guard try c.decode(Bool.self, forKey: key) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "only true is meaningful")
            }
            self = .accountOwner
        case "sticky": self = .sticky(try c.decode(StickyKey.self, forKey: key))
        default:
            let team = try c.decode(TerritoryTeam.self, forKey: key)
            self = .territoryTeam(field: team.field, strategy: team.strategy)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: RoutingCoding.Key.self)
        switch self {
        case .pool(let id): try c.encode(id, forKey: .init("pool"))
        case .rep(let id): try c.encode(id, forKey: .init("rep"))
        case .accountOwner: try c.encode(true, forKey: .init("account_owner"))
        case .sticky(let key): try c.encode(key, forKey: .init("sticky"))
        case .territoryTeam(let field, let strategy):
            try c.encode(TerritoryTeam(field: field, strategy: strategy), forKey: .init("territory_team"))
        }
    }

    private struct TerritoryTeam: Codable {
        var field: String
        var strategy: RoutingStrategy

        init(field: String, strategy: RoutingStrategy) {
            self.field = field
            self.strategy = strategy
        }

        init(from decoder: any Decoder) throws {
            try RoutingCoding.rejectUnknownKeys(decoder, allowed: ["field", "strategy"])
            let c = try decoder.container(keyedBy: RoutingCoding.Key.self)
            field = try c.decode(String.self, forKey: .init("field"))
            strategy = try c.decodeIfPresent(RoutingStrategy.self, forKey: .init("strategy")) ?? .roundRobin
        }
    }
}
