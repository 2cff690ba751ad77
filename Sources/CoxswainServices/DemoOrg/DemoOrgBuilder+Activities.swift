import CoxswainDomain
import Foundation

/// Calls, e-mails, meetings and demos logged against opportunities and leads.
extension DemoOrgBuilder {
    static let dealActivityKinds: [Activity.Kind] = [.email, .call, .meeting, .demo, .task, .note]
    static let dealActivityWeights = [0.4, 0.3, 0.18, 0.05, 0.04, 0.03]
    static let leadActivityKinds: [Activity.Kind] = [.call, .email, .meeting, .task]
    static let leadActivityWeights = [0.45, 0.45, 0.05, 0.05]

    static let subjects: [Activity.Kind: [String]] = [
        .email: [
            "Follow-up", "Proposal attached", "Pricing question", "Next steps", "Recap of our call",
            "Security questionnaire", "Intro", "Checking in", "Contract redlines", "Case study",
        ],
        .call: [
            "Discovery call", "Follow-up call", "Pricing discussion", "Check-in", "Qualification call",
            "Left voicemail", "Intro call",
        ],
        .meeting: [
            "Discovery meeting", "Stakeholder meeting", "Business review", "Negotiation meeting",
            "Onsite visit", "Executive alignment",
        ],
        .demo: ["Product demo", "Technical demo", "Forecasting demo", "Admin walkthrough"],
        .task: ["Send proposal", "Update CRM", "Prepare quote", "Research account"],
        .note: ["Champion identified", "Budget confirmed", "Competitor in the deal", "Legal involved"],
    ]

    /// Activities per deal: SMB 5–9, mid-market 7–12, enterprise 10–15 over the deal's life (open deals get the
    /// share of their life so far; stalled deals go quiet after the first 40%). Per lead: by status, 0–1 for
    /// new leads up to 2–4 for qualified and converted ones. Mostly in the rep's working hours on weekdays.
    mutating func buildActivities(progress: (Double) -> Void) {
        var seByRegion = DemoGeography.regions.indices.map { repsWith(.se, region: $0) }
        let allSEs = reps.indices.filter { repInfo[$0].role == .se }
        for r in seByRegion.indices where seByRegion[r].isEmpty { seByRegion[r] = allSEs }
        // Draw every count first so the activity array is allocated once at its exact size (it is the largest
        // array of a large org, and growing it by doubling would briefly hold two copies).
        let dealCounts = opportunities.indices.map { UInt8(dealActivityCount($0)) }
        let leadCounts = leads.map { UInt8(leadActivityCount($0)) }
        activities.reserveCapacity(
            activities.count + dealCounts.reduce(0) { $0 + Int($1) }
                + leadCounts.reduce(0) { $0 + Int($1) })
        let dealTable = DemoWeightedTable(Self.dealActivityWeights)
        let leadTable = DemoWeightedTable(Self.leadActivityWeights)
        for (i, opp) in opportunities.enumerated() {
            let plan = opportunityPlans[i]
            let segment = accountInfo[plan.account].segment
            let count = Int(dealCounts[i])
            var lastMs = plan.endMs
            if !opp.isClosed && plan.stalled { lastMs = plan.createdMs + (nowMs - plan.createdMs) * 2 / 5 }
            let contactsHere = contactRanges.isEmpty ? 0..<0 : contactRanges[plan.account]
            for _ in 0..<count {
                let kind = Self.dealActivityKinds[dealTable.sample(&rng)]
                let firstDay = DemoTime.utcDay(of: plan.createdMs)
                let day = weekday(in: firstDay, DemoTime.utcDay(of: lastMs))
                var rep = plan.owner(at: Int64(day) * DemoTime.dayMs + 43_200_000)
                let region = accountInfo[plan.account].region
                let seLed = (kind == .demo || kind == .meeting) && segment != .smb && rng.chance(0.3)
                if seLed, !seByRegion[region].isEmpty {
                    rep = rng.pick(seByRegion[region])
                }
                let at = min(max(workInstant(day: day, rep: rep), plan.createdMs + 300_000), lastMs - 60_000)
                let contact = contactsHere.isEmpty ? nil : contacts[rng.int(contactsHere)].meta.id
                appendActivity(
                    kind, at: max(at, plan.createdMs + 1_000), rep: rep, leadID: nil, contactID: contact,
                    opportunityID: opp.meta.id, accountID: opp.accountID)
            }
        }
        progress(0.3)
        var repIndex: [String: Int] = [:]
        for (i, rep) in reps.enumerated() { repIndex[rep.meta.id] = i }
        let step = max(1, leads.count / 10)
        for (i, lead) in leads.enumerated() {
            if i % step == 0 { progress(0.3 + 0.7 * Double(i) / Double(leads.count)) }
            let count = Int(leadCounts[i])
            guard count > 0, let ownerID = lead.ownerID, let rep = repIndex[ownerID] else { continue }
            let createdMs = lead.meta.createdAt.demoMilliseconds
            let endMs = min(nowMs, lead.convertedAt?.demoMilliseconds ?? createdMs + 60 * DemoTime.dayMs)
            for _ in 0..<count {
                let day = weekday(in: DemoTime.utcDay(of: createdMs), DemoTime.utcDay(of: endMs))
                let at = min(max(workInstant(day: day, rep: rep), createdMs + 60_000), endMs - 1_000)
                appendActivity(
                    Self.leadActivityKinds[leadTable.sample(&rng)], at: at, rep: rep, leadID: lead.meta.id,
                    contactID: nil, opportunityID: nil, accountID: lead.convertedAccountID)
            }
        }
        progress(1)
    }

    /// Activities on deal `i`: by segment, scaled down to the elapsed share of an open deal's planned cycle.
    mutating func dealActivityCount(_ i: Int) -> Int {
        let plan = opportunityPlans[i]
        let range: ClosedRange<Int> =
            switch accountInfo[plan.account].segment {
            case .smb: 5...9
            case .midMarket: 7...12
            case .enterprise: 10...15
            }
        let count = rng.int(range)
        let opp = opportunities[i]
        guard !opp.isClosed else { return count }
        let planned = Double(Int64(opp.closeDate.dayNumber) * DemoTime.dayMs - plan.createdMs)
        let share = min(1, Double(nowMs - plan.createdMs) / max(1, planned))
        return max(1, Int((Double(count) * share).rounded()))
    }

    /// Activities on a lead, by status (0 when the lead is too young to have been worked).
    mutating func leadActivityCount(_ lead: Lead) -> Int {
        let range: ClosedRange<Int> =
            switch lead.status {
            case .new: 0...1
            case .working: 1...4
            case .nurturing: 0...2
            case .unqualified: 0...3
            case .qualified, .converted: 2...4
            }
        let createdMs = lead.meta.createdAt.demoMilliseconds
        let endMs = min(nowMs, lead.convertedAt?.demoMilliseconds ?? createdMs + 60 * DemoTime.dayMs)
        let count = rng.int(range)
        return endMs > createdMs + 120_000 && lead.ownerID != nil ? count : 0
    }

    mutating func appendActivity(
        _ kind: Activity.Kind, at ms: Int64, rep: Int, leadID: String?, contactID: String?,
        opportunityID: String?, accountID: String?
    ) {
        let duration: Int? =
            switch kind {
            case .call: rng.int(2...45)
            case .meeting: [30, 30, 45, 60][rng.int(0..<4)]
            case .demo: [45, 60, 60, 90][rng.int(0..<4)]
            default: nil
            }
        let direction: String? = kind == .call || kind == .email ? (rng.chance(0.75) ? "outbound" : "inbound") : nil
        let subjects = Self.subjects[kind] ?? ["Activity"]
        activities.append(
            Activity(
                meta: RecordMeta(id: rng.uuid(at: ms), createdAt: DemoTime.date(ms)), type: kind,
                subject: subjects[rng.int(0..<subjects.count)], occurredAt: DemoTime.date(ms), repID: reps[rep].meta.id,
                leadID: leadID, contactID: contactID, opportunityID: opportunityID, accountID: accountID,
                durationMinutes: duration, direction: direction))
    }
}
