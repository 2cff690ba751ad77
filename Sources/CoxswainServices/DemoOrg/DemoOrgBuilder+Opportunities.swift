import CoxswainDomain
import Foundation

/// Generator-side facts about an opportunity, used for contacts, activities and quotas.
struct DemoDealPlan: Sendable {
    var account: Int
    var createdMs: Int64
    /// When the deal closed, or "now" for open deals.
    var endMs: Int64
    var owner: Int
    /// The successor who took over an open deal from a leaver, and when.
    var reassignedTo: Int?
    var reassignedMs: Int64
    /// The rep credited with the booking (owner at close).
    var creditRep: Int
    /// Open deal that went quiet: activities stop early.
    var stalled: Bool

    /// The owner at instant `ms`.
    func owner(at ms: Int64) -> Int { reassignedTo.map { ms >= reassignedMs ? $0 : owner } ?? owner }
}

/// Opportunities: volume, ownership, outcome, amount and close-date history.
extension DemoOrgBuilder {
    /// Median deal size in USD by segment (log-normal, σ = 0.6).
    static let medianDeal: [Segment: Double] = [.smb: 8_000, .midMarket: 35_000, .enterprise: 150_000]
    /// Median sales cycle in days by segment (log-normal, σ = 0.45).
    static let medianCycle: [Segment: Double] = [.smb: 30, .midMarket: 60, .enterprise: 120]
    /// Relative deal volume per rep: SMB AEs run many small deals, enterprise AEs few large ones.
    static let volume: [Segment: Double] = [.smb: 1.6, .midMarket: 1.0, .enterprise: 0.55]
    /// Deals created per day by fiscal quarter number (Q1 … Q4): Q4 is the heaviest.
    static let quarterWeight = [0.85, 1.0, 1.05, 1.3]

    static let nextSteps = [
        "Send proposal", "Schedule demo with CFO", "Security review call", "Send MSA for redlines",
        "Pricing call with procurement", "Follow up on pilot results", "Intro to economic buyer",
        "Technical deep dive", "Confirm budget", "Legal review", "Send order form", "Reference call",
    ]

    /// Creates `plan.opportunities` deals over the window (plus a 120-day warm-up), in creation order.
    mutating func buildOpportunities() {
        let firstDay = windowStartDay - warmUpDays
        let days = Array(firstDay...asOfDay)
        let dayTable = DemoWeightedTable(
            days.map { day in
                let quarter = calendar.quarter(containing: LocalDate(dayNumber: day))
                let growth = 1 + 0.04 * Double(quarters.firstIndex(of: quarter) ?? 0)
                return growth * Self.quarterWeight[quarter.number - 1] * (DemoTime.isWeekend(day) ? 0.15 : 1)
            })
        var createdDays = (0..<plan.opportunities).map { _ in days[dayTable.sample(&rng)] }
        createdDays.sort()
        let carriers = reps.indices.filter { [.ae, .am].contains(repInfo[$0].role) }
        accountFirstDeal = Array(repeating: Int64.max, count: accounts.count)
        opportunities.reserveCapacity(plan.opportunities)
        opportunityPlans.reserveCapacity(plan.opportunities)
        for day in createdDays {
            var weights = carriers.map { r -> Double in
                let info = repInfo[r]
                guard info.employed(on: day), !books[r].isEmpty || inheritedBook(of: r, on: day) != nil else {
                    return 0
                }
                let base = info.role == .am ? 0.8 : (Self.volume[info.segment ?? .midMarket] ?? 1)
                return base * info.ramp(on: day)
            }
            if weights.allSatisfy({ $0 == 0 }) { weights = carriers.map { books[$0].isEmpty ? 0 : 1 } }
            let owner = carriers[rng.weighted(weights)]
            var createdMs = workInstant(day: day, rep: owner)
            guard let account = pickAccount(of: owner, day: day, before: createdMs) else { continue }
            createdMs = max(createdMs, accountInfo[account].createdMs + 3_600_000)
            makeOpportunity(account: account, owner: owner, createdMs: createdMs)
            accountFirstDeal[account] = min(accountFirstDeal[account], createdMs)
        }
    }

    /// The book a rep inherited from a leaver who left before `day`.
    func inheritedBook(of rep: Int, on day: Int) -> Int? {
        reps.indices.first { repInfo[$0].successor == rep && (repInfo[$0].leftDay ?? Int.max) < day && $0 != rep }
    }

    /// A random account of the rep's (possibly inherited) book created before `ms`.
    mutating func pickAccount(of rep: Int, day: Int, before ms: Int64) -> Int? {
        var book = books[rep]
        if let leaver = inheritedBook(of: rep, on: day) { book += books[leaver] }
        guard !book.isEmpty else { return nil }
        for _ in 0..<10 {
            let a = book[rng.int(0..<book.count)]
            if accountInfo[a].createdMs < ms { return a }
        }
        return book.first { accountInfo[$0].createdMs < ms }
    }

    /// One opportunity with its outcome, amount history, close-date pushes, stage walk and owner changes.
    mutating func makeOpportunity(account a: Int, owner: Int, createdMs: Int64) {
        let info = accountInfo[a]
        let segment = info.segment
        let createdDay = DemoTime.utcDay(of: createdMs)
        let isAM = repInfo[owner].role == .am
        let type: Opportunity.DealType =
            isAM
            ? (rng.chance(0.55) ? .expansion : .renewal)
            : (rng.chance(0.85) ? .newBusiness : .expansion)
        let source = Self.leadSources[rng.weighted(Self.leadSources.map(\.weight))].name
        // Planned close: log-normal cycle, 30% pulled to the last two weeks of the quarter.
        let cycleMedian = (Self.medianCycle[segment] ?? 60) * (type == .renewal ? 0.7 : 1)
        let cycle = Int(max(7, min(540, rng.logNormal(median: cycleMedian, sigma: 0.45))).rounded())
        var planned = createdDay + cycle
        if rng.chance(0.3) {
            let q = calendar.quarter(containing: LocalDate(dayNumber: planned))
            planned = max(planned, q.end.dayNumber - rng.int(0...13))
        }
        // Slips: each push moves the close date into a later fiscal quarter.
        var closeHistory: [(ms: Int64, day: Int)] = [(createdMs, planned)]
        if rng.chance(0.3) {
            let pushes = [1, 2, 3][rng.weighted([0.6, 0.28, 0.12])]
            for _ in 0..<pushes {
                let current = closeHistory[closeHistory.count - 1]
                let lastMs = current.ms
                let pushDay = max(DemoTime.utcDay(of: lastMs) + 1, current.day - rng.int(0...20))
                let pushMs = max(lastMs + 3_600_000, workInstant(day: pushDay, rep: owner))
                guard pushMs < nowMs else { break }
                let currentQ = calendar.quarter(containing: LocalDate(dayNumber: current.day))
                let nextQ = calendar.quarter(currentQ, offsetBy: 1)
                let newDay =
                    rng.chance(0.5)
                    ? nextQ.end.dayNumber - rng.int(0...14)
                    : nextQ.start.dayNumber + rng.int(0..<nextQ.dayCount)
                closeHistory.append((pushMs, max(newDay, DemoTime.utcDay(of: pushMs))))
            }
        }
        let finalPlanned = closeHistory[closeHistory.count - 1].day
        // Outcome.
        var isClosed = finalPlanned <= asOfDay
        var stale = false
        if isClosed && finalPlanned >= asOfDay - 75 && rng.chance(0.12) { isClosed = false; stale = true }
        let closeQuarter = calendar.quarter(containing: LocalDate(dayNumber: finalPlanned))
        var winP = repInfo[owner].winRate + (segment == .smb ? 0.03 : segment == .enterprise ? -0.05 : 0)
        winP += ["referral": 0.08, "partner": 0.05, "outbound": -0.05][source] ?? 0
        winP += closeQuarter.number == 4 ? 0.04 : 0
        winP += type == .renewal ? 0.35 : type == .expansion ? 0.1 : 0
        winP -= 0.12 * (1 - repInfo[owner].ramp(on: createdDay))
        let won = isClosed && rng.chance(max(0.05, min(0.92, winP)))
        var closeDay = finalPlanned
        var closedMs: Int64?
        if isClosed {
            if !won {
                let fraction = rng.uniform(0.3, 1.0)
                let lostDay = createdDay + Int(Double(finalPlanned - createdDay) * fraction)
                closeDay = min(asOfDay, max(createdDay + 1, lostDay))
            }
            let closeRep = closingOwner(owner, atDay: closeDay)
            closedMs = max(createdMs + 7_200_000, min(nowMs - 60_000, workInstant(day: closeDay, rep: closeRep)))
            closeHistory = closeHistory.filter { $0.ms < closedMs! }
        }
        let endMs = closedMs ?? nowMs
        // Amount: log-normal by segment, skill, type and fiscal Q4; converted to the account currency.
        var usd = rng.logNormal(median: Self.medianDeal[segment] ?? 35_000, sigma: 0.6) * repInfo[owner].sizeFactor
        usd *= type == .expansion ? 0.5 : type == .renewal ? 0.8 : 1
        usd *= closeQuarter.number == 4 ? 1.15 : 1
        let rate = Self.usdRate[info.currency.code] ?? 1
        let unit: Double = segment == .smb ? 10 : 100
        let finalAmount = max(500, (usd * rate / unit).rounded() * unit)
        var amountHistory: [(ms: Int64, amount: Double)] = [(createdMs, finalAmount)]
        if rng.chance(0.15) {
            let changes = rng.chance(0.7) ? 1 : 2
            var times = (0..<changes).map { _ in createdMs + Int64(rng.nextUnit() * Double(endMs - createdMs)) }
            times.sort()
            var amounts = [finalAmount]
            for _ in 0..<changes {
                amounts.insert(max(500, (amounts[0] / rng.uniform(0.7, 1.35) / unit).rounded() * unit), at: 0)
            }
            amountHistory = [(createdMs, amounts[0])] + zip(times, amounts.dropFirst()).map { ($0, $1) }
        }
        let id = rng.uuid(at: createdMs)
        var plan = DemoDealPlan(
            account: a, createdMs: createdMs, endMs: endMs, owner: owner, reassignedTo: nil,
            reassignedMs: Int64.max, creditRep: owner, stalled: !isClosed && rng.chance(0.15))
        if let left = repInfo[owner].leftDay, let successor = repInfo[owner].successor {
            let leftMs = time.instant(day: left + 1, minuteOfDay: 10 * 60, zone: repInfo[successor].zone)
            if leftMs < endMs, leftMs > createdMs {
                plan.reassignedTo = successor
                plan.reassignedMs = leftMs
                fieldChanges.append(
                    FieldChange(
                        entity: "opportunity", recordID: id, field: "owner_id",
                        oldValue: reps[owner].meta.id, newValue: reps[successor].meta.id,
                        changedAt: DemoTime.date(leftMs), changedBy: systemActor))
            }
        }
        plan.creditRep = plan.owner(at: endMs)
        recordHistory(id: id, closeHistory: closeHistory, amountHistory: amountHistory, plan: plan)
        var pushCount = closeHistory.count - 1
        let lastPlanned = closeHistory[closeHistory.count - 1].day
        if let closedMs, closeDay != lastPlanned {
            // Closing early (lost) or late sets the close date to the day it closed.
            let later =
                calendar.quarter(containing: LocalDate(dayNumber: closeDay))
                > calendar.quarter(containing: LocalDate(dayNumber: lastPlanned))
            if later { pushCount += 1 }
            fieldChanges.append(
                FieldChange(
                    entity: "opportunity", recordID: id, field: "close_date",
                    oldValue: LocalDate(dayNumber: lastPlanned).description,
                    newValue: LocalDate(dayNumber: closeDay).description,
                    changedAt: DemoTime.date(closedMs),
                    changedBy: reps[plan.creditRep].meta.id))
        }
        let (stageIndex, lastChangeMs) = walkStages(
            id: id, plan: plan, outcome: isClosed ? (won ? .won : .lost) : (stale ? .stale : .open),
            closeHistory: closeHistory, closeDay: closeDay, amountHistory: amountHistory)
        let stage = StageDefinition.defaults[stageIndex]
        var category = stage.forecastCategory
        if !isClosed && stage.name == "Proposal" && rng.chance(0.15) { category = .commit }
        if !isClosed && stage.name == "Negotiation" && rng.chance(0.1) { category = .bestCase }
        let label = Self.dealLabel(type, fiscalYear: closeQuarter.fiscalYear, &rng)
        var opportunity = Opportunity(
            meta: RecordMeta(id: id, createdAt: DemoTime.date(createdMs)), accountID: accounts[a].meta.id,
            ownerID: reps[plan.owner(at: endMs)].meta.id, name: "\(accounts[a].name) - \(label)",
            amount: Money(Decimal(Int(finalAmount)), info.currency), stage: stage.name, probability: stage.probability,
            closeDate: LocalDate(dayNumber: closeDay), forecastCategory: category,
            nextStep: isClosed
                ? (won && rng.chance(0.3) ? "Kickoff scheduled" : nil)
                : (rng.chance(0.8) ? rng.pick(Self.nextSteps) : nil),
            type: type, leadSource: source, segment: segment, isClosed: isClosed, isWon: won,
            closedAt: closedMs.map(DemoTime.date), pushCount: pushCount)
        let lastEdit = max(
            lastChangeMs, closeHistory[closeHistory.count - 1].ms,
            amountHistory[amountHistory.count - 1].ms)
        opportunity.meta.updatedAt = DemoTime.date(closedMs ?? lastEdit)
        opportunities.append(opportunity)
        opportunityPlans.append(plan)
    }

    /// The owner on `day`: a leaver's deals closing after they left are closed by the successor.
    func closingOwner(_ owner: Int, atDay day: Int) -> Int {
        if let left = repInfo[owner].leftDay, day > left, let s = repInfo[owner].successor { return s }
        return owner
    }

    static func dealLabel(_ type: Opportunity.DealType, fiscalYear: Int, _ rng: inout SeededGenerator) -> String {
        switch type {
        case .newBusiness:
            rng.pick([
                "New Business", "Platform", "Core Rollout", "Pilot", "Professional Edition",
                "Enterprise Edition", "Sales Ops Suite",
            ])
        case .expansion:
            rng.pick([
                "Expansion", "Seat Expansion", "Forecast AI Add-on", "Compensation Add-on",
                "Territory Planner", "Upgrade to Enterprise",
            ])
        case .renewal: "Renewal FY\(fiscalYear)"
        }
    }
}
