import Foundation

/// A lead-routing policy as data: ordered rules, the pools they distribute into and the caps that limit them.
///
/// Policies are versioned (`version` grows on every saved change) and travel as JSON (see
/// ``RoutingPolicy/decode(_:)``). The first rule whose condition matches a lead decides; when its action finds
/// nobody eligible, its `fallback` rule's action is tried, and so on; when the chain ends the lead goes to the
/// hold queue — a lead is never dropped.
///
/// Example (JSON):
/// ```json
/// {"id": "inbound", "version": 3, "name": "Inbound leads",
///  "pools": [{"id": "emea", "strategy": "round_robin", "members": [{"rep": "r1"}, {"rep": "r2"}],
///             "caps": [{"period": "day", "max": 25}]}],
///  "rules": [{"id": "existing-owner", "when": {"field": "email", "exists": true}, "assign": {"sticky": "email_or_domain"},
///             "fallback": "emea"},
///            {"id": "emea", "when": {"field": "region", "in": ["EMEA"]}, "assign": {"pool": "emea"}, "sla_minutes": 60}]}
/// ```
public struct RoutingPolicy: Hashable, Sendable, Codable {
    /// Stable identifier of the policy.
    public var id: String
    /// Version number; a saved change makes a new version.
    public var version: Int
    /// Human name.
    public var name: String
    /// Rules in evaluation order.
    public var rules: [RoutingRule]
    /// Pools of reps referenced by rules.
    public var pools: [RoutingPool]

    /// Creates a policy.
    public init(id: String, version: Int = 1, name: String = "", rules: [RoutingRule], pools: [RoutingPool] = []) {
        self.id = id
        self.version = version
        self.name = name
        self.rules = rules
        self.pools = pools
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, version, name, rules, pools
    }

    public init(from decoder: any Decoder) throws {
        try RoutingCoding.rejectUnknownKeys(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 1
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        rules = try c.decode([RoutingRule].self, forKey: .rules)
        pools = try c.decodeIfPresent([RoutingPool].self, forKey: .pools) ?? []
    }
}

/// One rule: when `when` matches a lead, `assign` chooses its owner.
///
/// `fallback` names another rule whose action is tried (its condition is not re-checked) when this one finds
/// nobody eligible. `slaMinutes` is the first-touch deadline in the owner's working minutes.
/// `workingHoursOnly` makes reps outside their working hours ineligible (they are skipped, not queued).
public struct RoutingRule: Hashable, Sendable, Codable {
    /// Identifier, unique in the policy; fallbacks refer to it.
    public var id: String
    /// Condition; `nil` matches every lead.
    public var when: RoutingCondition?
    /// Who gets the lead.
    public var assign: RoutingAction
    /// Rule whose action is tried when this one finds nobody eligible.
    public var fallback: String?
    /// First-touch SLA in business minutes of the owner (`nil`: none).
    public var slaMinutes: Int?
    /// Only reps inside their working hours are eligible.
    public var workingHoursOnly: Bool

    /// Creates a rule.
    public init(
        id: String, when: RoutingCondition? = nil, assign: RoutingAction, fallback: String? = nil, slaMinutes: Int? = nil,
        workingHoursOnly: Bool = false
    ) {
        self.id = id
        self.when = when
        self.assign = assign
        self.fallback = fallback
        self.slaMinutes = slaMinutes
        self.workingHoursOnly = workingHoursOnly
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, when, assign, fallback
        case slaMinutes = "sla_minutes"
        case workingHoursOnly = "working_hours_only"
    }

    public init(from decoder: any Decoder) throws {
        try RoutingCoding.rejectUnknownKeys(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        when = try c.decodeIfPresent(RoutingCondition.self, forKey: .when)
        assign = try c.decode(RoutingAction.self, forKey: .assign)
        fallback = try c.decodeIfPresent(String.self, forKey: .fallback)
        slaMinutes = try c.decodeIfPresent(Int.self, forKey: .slaMinutes)
        workingHoursOnly = try c.decodeIfPresent(Bool.self, forKey: .workingHoursOnly) ?? false
    }
}

/// How a pool (or a territory team) picks among its eligible members.
///
/// * `roundRobin`: members in turn; with N eligible reps, K×N leads give each exactly K.
/// * `weightedRoundRobin`: smooth weighted round-robin (as in nginx): over a cycle of Σweights leads each member
///   receives exactly its weight, interleaved (weights 2:1 give A, B, A, A, B, A …).
/// * `loadBalanced`: the member with the fewest open leads; ties go round-robin.
public enum RoutingStrategy: String, Hashable, Sendable, Codable, CaseIterable {
    case roundRobin = "round_robin"
    case weightedRoundRobin = "weighted_round_robin"
    case loadBalanced = "load_balanced"
}

/// A named group of reps a rule distributes to, with optional capacity caps.
public struct RoutingPool: Hashable, Sendable, Codable {
    /// A member and its weight (weighted round-robin only; must be > 0).
    public struct Member: Hashable, Sendable, Codable {
        /// Rep id.
        public var rep: String
        /// Relative share for weighted round-robin.
        public var weight: Double

        /// Creates a member.
        public init(rep: String, weight: Double = 1) {
            self.rep = rep
            self.weight = weight
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case rep, weight }

        public init(from decoder: any Decoder) throws {
            try RoutingCoding.rejectUnknownKeys(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            rep = try c.decode(String.self, forKey: .rep)
            weight = try c.decodeIfPresent(Double.self, forKey: .weight) ?? 1
        }
    }

    /// Identifier, unique in the policy.
    public var id: String
    /// Distribution strategy.
    public var strategy: RoutingStrategy
    /// Members in cursor order.
    public var members: [Member]
    /// Capacity caps for members of this pool.
    public var caps: [RoutingCap]

    /// Creates a pool.
    public init(id: String, strategy: RoutingStrategy = .roundRobin, members: [Member], caps: [RoutingCap] = []) {
        self.id = id
        self.strategy = strategy
        self.members = members
        self.caps = caps
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case id, strategy, members, caps }

    public init(from decoder: any Decoder) throws {
        try RoutingCoding.rejectUnknownKeys(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        strategy = try c.decodeIfPresent(RoutingStrategy.self, forKey: .strategy) ?? .roundRobin
        members = try c.decode([Member].self, forKey: .members)
        caps = try c.decodeIfPresent([RoutingCap].self, forKey: .caps) ?? []
    }
}

/// A capacity cap: at most `max` leads per `period` (the rep's local calendar day, or ISO week starting Monday)
/// for `rep`, or for every member of the pool when `rep` is nil. A rep at a cap is skipped ("at cap").
///
/// Example: `{"period": "day", "max": 20}` plus `{"period": "week", "max": 60, "rep": "r7"}` lets everyone take
/// 20 a day and caps r7 at 60 a week as well.
public struct RoutingCap: Hashable, Sendable, Codable {
    /// Cap period.
    public enum Period: String, Hashable, Sendable, Codable, CaseIterable { case day, week }

    /// The period counted.
    public var period: Period
    /// Maximum leads received in one period (must be > 0).
    public var max: Int
    /// One member, or nil for all members.
    public var rep: String?

    /// Creates a cap.
    public init(period: Period, max: Int, rep: String? = nil) {
        self.period = period
        self.max = max
        self.rep = rep
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case period, max, rep }

    public init(from decoder: any Decoder) throws {
        try RoutingCoding.rejectUnknownKeys(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        period = try c.decode(Period.self, forKey: .period)
        max = try c.decode(Int.self, forKey: .max)
        rep = try c.decodeIfPresent(String.self, forKey: .rep)
    }
}
