import Foundation

/// A past lead with what actually happened to it, for replay.
public struct ReplayLead: Hashable, Sendable {
    /// The lead as it arrived.
    public var lead: RoutingLead
    /// Who actually owned it (nil: nobody).
    public var actualOwner: String?
    /// When it was first touched (first activity), if known.
    public var firstTouchAt: Date?

    /// Creates a replay lead.
    public init(lead: RoutingLead, actualOwner: String?, firstTouchAt: Date? = nil) {
        self.lead = lead
        self.actualOwner = actualOwner
        self.firstTouchAt = firstTouchAt
    }
}

/// What a draft policy would have done over past leads, compared with what happened.
public struct RoutingReplayReport: Hashable, Sendable, Codable {
    /// One rep's line.
    public struct Row: Hashable, Sendable, Codable {
        /// Rep id.
        public var rep: String
        /// Leads the draft policy gives the rep.
        public var simulated: Int
        /// Leads the rep actually owned.
        public var actual: Int
        /// Target share (0…1).
        public var target: Double
        /// Simulated share of assigned leads ÷ target share (1 = exactly on target).
        public var weightedShare: Double
    }

    /// Per rep, in roster order (reps with a target or any lead).
    public var rows: [Row]
    /// Leads replayed.
    public var leads: Int
    /// Leads the draft policy would hold.
    public var held: Int
    /// Leads whose owner would change.
    public var changedOwner: Int
    /// Gini coefficient of the simulated weighted shares (0 = perfectly fair).
    public var gini: Double
    /// Gini of what actually happened, for comparison.
    public var actualGini: Double
    /// Largest ÷ smallest simulated weighted share (nil when a targeted rep would get nothing).
    public var maxMinRatio: Double?
    /// Leads with both a simulated SLA deadline and a known first touch.
    public var slaMeasured: Int
    /// Of those, leads whose historical response time would have met the simulated deadline.
    public var slaMet: Int

    /// `slaMet / slaMeasured`, nil when nothing was measurable.
    public var slaAttainment: Double? { slaMeasured == 0 ? nil : Double(slaMet) / Double(slaMeasured) }
}

/// Replays a policy over history without side effects.
///
/// Business rules:
/// * leads are routed in arrival order from `state` (a fresh one by default), exactly as live routing would;
/// * a rep's target share is `targets[rep]` when given, otherwise their weight summed over the policy's pools
///   (inactive reps excluded), normalised to 1;
/// * weighted share = (rep's share of assigned leads) ÷ (target share); fairness is the Gini coefficient of the
///   weighted shares of targeted reps, and the ratio of the largest to the smallest;
/// * SLA estimate: a lead meets the draft SLA when its historical response time (first touch − arrival), applied
///   from its arrival, falls on or before the simulated deadline.
///
/// Example: targets 50/50, draft gives A 60 leads and B 40 → weighted shares 1.2 and 0.8, Gini 0.1, max/min 1.5.
public enum RoutingReplay {
    /// Runs `router` over `leads` (sorted by arrival inside).
    public static func run(
        _ router: LeadRouter, leads: [ReplayLead], reps: [Rep], state: RoutingState? = nil, targets: [String: Double]? = nil
    ) -> RoutingReplayReport {
        var state = state.map(router.adopt) ?? router.makeState()
        let n = router.repIDs.count
        let index = Dictionary(router.repIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var simulated = [Int](repeating: 0, count: n)
        var actual = [Int](repeating: 0, count: n)
        var held = 0
        var changed = 0
        var measured = 0
        var met = 0
        for item in leads.sorted(by: { ($0.lead.receivedAt, $0.lead.id) < ($1.lead.receivedAt, $1.lead.id) }) {
            let decision = router.route(item.lead, state: &state)
            let owner = decision.owner >= 0 ? router.repIDs[Int(decision.owner)] : nil
            if let o = decision.owner >= 0 ? Int(decision.owner) : nil { simulated[o] += 1 } else { held += 1 }
            if let a = item.actualOwner, let i = index[a] { actual[i] += 1 }
            if owner != item.actualOwner { changed += 1 }
            if let deadline = decision.deadline, let touched = item.firstTouchAt {
                measured += 1
                if touched <= deadline { met += 1 }
            }
        }
        let target = targetShares(router, reps: reps, explicit: targets)
        let assigned = max(1, simulated.reduce(0, +))
        let actualTotal = max(1, actual.reduce(0, +))
        var rows: [RoutingReplayReport.Row] = []
        var shares: [Double] = []
        var actualShares: [Double] = []
        for i in 0..<n where target[i] > 0 || simulated[i] > 0 || actual[i] > 0 {
            let weighted = target[i] > 0 ? Double(simulated[i]) / Double(assigned) / target[i] : 0
            rows.append(.init(rep: router.repIDs[i], simulated: simulated[i], actual: actual[i], target: target[i], weightedShare: weighted))
            if target[i] > 0 {
                shares.append(weighted)
                actualShares.append(Double(actual[i]) / Double(actualTotal) / target[i])
            }
        }
        let minShare = shares.min() ?? 0
        return RoutingReplayReport(
            rows: rows, leads: leads.count, held: held, changedOwner: changed, gini: gini(shares), actualGini: gini(actualShares),
            maxMinRatio: minShare > 0 ? shares.max()! / minShare : nil, slaMeasured: measured, slaMet: met)
    }

    /// Target share per rep index (see type docs).
    static func targetShares(_ router: LeadRouter, reps: [Rep], explicit: [String: Double]?) -> [Double] {
        var raw = [Double](repeating: 0, count: router.repIDs.count)
        let active = Dictionary(reps.map { ($0.meta.id, $0.active) }, uniquingKeysWith: { a, _ in a })
        if let explicit {
            for (i, id) in router.repIDs.enumerated() { raw[i] = max(0, explicit[id] ?? 0) }
        } else {
            let index = Dictionary(router.repIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            for pool in router.policy.pools {
                for member in pool.members where active[member.rep] == true { raw[index[member.rep]!] += member.weight }
            }
        }
        let total = raw.reduce(0, +)
        return total > 0 ? raw.map { $0 / total } : raw
    }

    /// Gini coefficient of non-negative values: `Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄)`, computed on sorted values as
    /// `2 Σ i·x₍ᵢ₎ / (n Σ x) − (n + 1) / n`. 0 when all are equal (or empty / all zero); approaches 1 when one
    /// value holds everything.
    ///
    /// Examples: `[1, 1, 1, 1]` → 0; `[0, 0, 0, 4]` → 0.75; `[1, 2, 3]` → 2/9 ≈ 0.2222.
    public static func gini(_ values: [Double]) -> Double {
        let sorted = values.map { max(0, $0) }.sorted()
        let n = Double(sorted.count)
        let total = sorted.reduce(0, +)
        guard n > 0, total > 0 else { return 0 }
        var weighted = 0.0
        for (i, x) in sorted.enumerated() { weighted += Double(i + 1) * x }
        return max(0, 2 * weighted / (n * total) - (n + 1) / n)
    }
}
