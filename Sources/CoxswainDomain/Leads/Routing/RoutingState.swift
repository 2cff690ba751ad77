import Foundation

/// The mutable side of routing, kept as an explicit value so that the service can load it, route, and save it in
/// the same transaction: pool cursors, smooth weighted round-robin weights and per-rep counters (leads received
/// today and this week in the rep's time zone, open leads for load balancing).
///
/// Arrays are aligned with ``LeadRouter/repIDs`` and the router's pool list (`poolIDs`); the ids travel with the
/// state so that ``LeadRouter/adopt(_:)`` can carry counters across a policy or roster change.
public struct RoutingState: Hashable, Sendable, Codable {
    /// Rep ids, aligned with the per-rep arrays.
    public var repIDs: [String]
    /// Local day number (days since 1970-01-01) the `dayCount` belongs to.
    public var day: [Int32]
    /// Leads received on `day`.
    public var dayCount: [Int32]
    /// Local day number of the Monday starting the week `weekCount` belongs to.
    public var week: [Int32]
    /// Leads received in `week`.
    public var weekCount: [Int32]
    /// Open leads owned (load balancing).
    public var openLeads: [Int32]
    /// Pool ids (policy pools, then `team:<id>` pools for territory teams).
    public var poolIDs: [String]
    /// Next member position per pool (round-robin and load-balanced tie-breaks).
    public var cursors: [Int32]
    /// Current weights per pool member (smooth weighted round-robin).
    public var weights: [[Int64]]
    /// Leads sent to the hold queue so far.
    public var held: Int

    /// Creates a state.
    public init(
        repIDs: [String], day: [Int32], dayCount: [Int32], week: [Int32], weekCount: [Int32], openLeads: [Int32],
        poolIDs: [String], cursors: [Int32], weights: [[Int64]], held: Int = 0
    ) {
        self.repIDs = repIDs
        self.day = day
        self.dayCount = dayCount
        self.week = week
        self.weekCount = weekCount
        self.openLeads = openLeads
        self.poolIDs = poolIDs
        self.cursors = cursors
        self.weights = weights
        self.held = held
    }
}

/// The outcome of routing one lead, with the trace that explains it (see ``LeadRouter/explain(_:)``).
public struct RoutingDecision: Hashable, Sendable {
    /// Owner's index in ``LeadRouter/repIDs``, or -1 for the hold queue.
    public var owner: Int32
    /// Index of the rule whose condition matched, or -1 when none did.
    public var matchedRule: Int16
    /// Index of the rule whose action chose the owner (differs from `matchedRule` after a fallback), or -1.
    public var assigningRule: Int16
    /// First-touch deadline, business-hours aware in the owner's time zone (nil when held or no SLA).
    public var deadline: Date?
    /// Rules tried and candidates considered, in order.
    public var trace: [RoutingStep]

    /// Whether the lead went to the hold queue.
    public var isHeld: Bool { owner < 0 }
}

/// One step of a decision's trace.
public struct RoutingStep: Hashable, Sendable {
    /// What happened.
    public enum Event: UInt8, Hashable, Sendable {
        /// The rule's condition matched (`rep` is -1).
        case matched
        /// The rule was tried as a fallback.
        case fallback
        /// The rep was chosen.
        case chosen
        case skippedInactive
        case skippedOutOfOffice
        case skippedOutsideHours
        case skippedDailyCap
        case skippedWeeklyCap
        /// `account_owner`: the lead matches no account.
        case noAccount
        /// `account_owner`: the account has no owner among the reps.
        case accountWithoutOwner
        /// `sticky`: no open lead or contact with this e-mail or domain.
        case noStickyOwner
        /// `territory_team`: the lead's territory maps to no team, or the team has no reps.
        case noTeam
        /// No rule matched the lead.
        case noRuleMatched
    }

    /// Rule index.
    public var rule: Int16
    /// Rep index, or -1.
    public var rep: Int32
    /// Event.
    public var event: Event

    /// Creates a step.
    public init(rule: Int16, rep: Int32, event: Event) {
        self.rule = rule
        self.rep = rep
        self.event = event
    }
}
