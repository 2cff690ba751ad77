import Foundation

/// "Why this owner", in ids and words: the rule path, every candidate considered with its outcome, and a one-line
/// summary for CSV output and the lead page.
public struct RoutingExplanation: Hashable, Sendable, Codable {
    /// A candidate and what happened to them.
    public struct Candidate: Hashable, Sendable, Codable {
        /// Rep id.
        public var rep: String
        /// Rule id under which they were considered.
        public var rule: String
        /// `chosen`, `inactive`, `out of office`, `outside working hours`, `at daily cap`, `at weekly cap`.
        public var outcome: String
    }

    /// Owner's rep id, or nil for the hold queue.
    public var owner: String?
    /// Id of the rule whose action assigned the owner (or of the matched rule when held).
    public var rule: String?
    /// Ids of the rules tried: the matched rule, then fallbacks.
    public var path: [String]
    /// Candidates in the order considered.
    public var candidates: [Candidate]
    /// Notes such as "no account matches the lead".
    public var notes: [String]
    /// First-touch deadline.
    public var deadline: Date?
    /// One line: `rule emea → r2 chosen; r1 skipped (out of office)` or `held: no rule matched`.
    public var summary: String
}

extension RoutingStep.Event {
    /// Human wording.
    public var wording: String {
        switch self {
        case .matched: "matched"
        case .fallback: "fallback"
        case .chosen: "chosen"
        case .skippedInactive: "inactive"
        case .skippedOutOfOffice: "out of office"
        case .skippedOutsideHours: "outside working hours"
        case .skippedDailyCap: "at daily cap"
        case .skippedWeeklyCap: "at weekly cap"
        case .noAccount: "no account matches the lead"
        case .accountWithoutOwner: "the matched account has no owner among the reps"
        case .noStickyOwner: "no open lead or contact with this e-mail or domain"
        case .noTeam: "no team for the lead's territory"
        case .noRuleMatched: "no rule matched"
        }
    }
}

extension LeadRouter {
    /// Turns a decision's trace into ids and words.
    public func explain(_ decision: RoutingDecision) -> RoutingExplanation {
        var path: [String] = []
        var candidates: [RoutingExplanation.Candidate] = []
        var notes: [String] = []
        var parts: [String] = []
        for step in decision.trace {
            let rule = step.rule >= 0 ? policy.rules[Int(step.rule)].id : ""
            switch step.event {
            case .matched:
                path.append(rule)
                parts.append("rule \(rule)")
            case .fallback:
                path.append(rule)
                parts.append("fallback \(rule)")
            case .noRuleMatched, .noAccount, .accountWithoutOwner, .noStickyOwner, .noTeam:
                notes.append(step.event.wording)
                parts.append(step.event.wording)
            case .chosen, .skippedInactive, .skippedOutOfOffice, .skippedOutsideHours, .skippedDailyCap, .skippedWeeklyCap:
                let rep = repIDs[Int(step.rep)]
                candidates.append(.init(rep: rep, rule: rule, outcome: step.event.wording))
                parts.append(step.event == .chosen ? "\(rep) chosen" : "\(rep) skipped (\(step.event.wording))")
            }
        }
        let owner = decision.owner >= 0 ? repIDs[Int(decision.owner)] : nil
        var summary = parts.joined(separator: "; ")
        if owner == nil { summary = "held: " + (decision.matchedRule < 0 ? "no rule matched" : "nobody eligible; " + summary) }
        let ruleIndex = decision.assigningRule >= 0 ? decision.assigningRule : decision.matchedRule
        return RoutingExplanation(
            owner: owner, rule: ruleIndex >= 0 ? policy.rules[Int(ruleIndex)].id : nil, path: path, candidates: candidates,
            notes: notes, deadline: decision.deadline, summary: summary)
    }
}
