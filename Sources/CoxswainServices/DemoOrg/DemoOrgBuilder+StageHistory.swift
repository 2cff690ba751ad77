import CoxswainDomain
import Foundation

/// Stage walks and field history of opportunities.
extension DemoOrgBuilder {
    /// Where a deal ended up.
    enum DealOutcome {
        case won, lost, open
        /// Open although its close date has passed (a hygiene finding).
        case stale
    }

    /// Index of the first open stage in ``StageDefinition/defaults`` order, and the won and lost stages.
    static let openStageCount = 5
    static let wonStage = 5
    static let lostStage = 6
    /// Where lost deals drop out, by open stage: most losses happen early in the funnel.
    static let dropWeights = [0.3, 0.28, 0.22, 0.13, 0.07]

    /// Records `close_date` pushes and `amount` changes as ``FieldChange``s (values as `YYYY-MM-DD` and whole
    /// currency units).
    mutating func recordHistory(
        id: String, closeHistory: [(ms: Int64, day: Int)],
        amountHistory: [(ms: Int64, amount: Double)], plan: DemoDealPlan
    ) {
        for i in closeHistory.indices.dropFirst() {
            let change = closeHistory[i]
            fieldChanges.append(
                FieldChange(
                    entity: "opportunity", recordID: id, field: "close_date",
                    oldValue: LocalDate(dayNumber: closeHistory[i - 1].day).description,
                    newValue: LocalDate(dayNumber: change.day).description, changedAt: DemoTime.date(change.ms),
                    changedBy: reps[plan.owner(at: change.ms)].meta.id))
        }
        for i in amountHistory.indices.dropFirst() {
            let change = amountHistory[i]
            fieldChanges.append(
                FieldChange(
                    entity: "opportunity", recordID: id, field: "amount",
                    oldValue: String(Int(amountHistory[i - 1].amount)), newValue: String(Int(change.amount)),
                    changedAt: DemoTime.date(change.ms),
                    changedBy: reps[plan.owner(at: change.ms)].meta.id))
        }
    }

    /// Walks the deal through the configured stages in order and appends one ``OpportunityStageChange`` per
    /// step, each with a snapshot of amount, probability, close date and forecast category at that moment.
    ///
    /// 80% of deals enter at the first stage, 20% (already qualified by an SDR) at the second. Won deals pass
    /// every open stage; lost deals drop out at a stage drawn from ``dropWeights``; open deals have reached the
    /// stage their elapsed share of the planned cycle suggests. Returns the final stage index and the time of
    /// the last change.
    mutating func walkStages(
        id: String, plan: DemoDealPlan, outcome: DealOutcome,
        closeHistory: [(ms: Int64, day: Int)], closeDay: Int,
        amountHistory: [(ms: Int64, amount: Double)]
    ) -> (Int, Int64) {
        let stages = StageDefinition.defaults
        let entry = rng.chance(0.2) ? 1 : 0
        var path: [Int]
        var finalStage: Int?
        switch outcome {
        case .won:
            path = Array(entry..<Self.openStageCount)
            finalStage = Self.wonStage
        case .lost:
            let drop = entry + rng.weighted(Array(Self.dropWeights[entry...]))
            path = Array(entry...drop)
            finalStage = Self.lostStage
        case .stale:
            path = Array(entry...rng.int(max(entry, 1)...(Self.openStageCount - 1)))
        case .open:
            let plannedMs = Int64(closeDay) * DemoTime.dayMs + 12 * 3_600_000
            let span = Double(max(1, plannedMs - plan.createdMs))
            let elapsed = Double(nowMs - plan.createdMs) / span
            let progress = elapsed * Double(Self.openStageCount) * rng.uniform(0.8, 1.2)
            let reached = min(Self.openStageCount - 1, Int(progress))
            path = Array(entry...max(entry, reached))
        }
        // Times: first stage at creation, intermediate stages spread over the deal's life, closing stage at close.
        let lifeEnd: Int64 =
            finalStage == nil
            ? plan.createdMs + Int64(Double(nowMs - plan.createdMs) * rng.uniform(0.5, 0.98))
            : plan.endMs - 60_000
        var offsets = (1..<path.count).map { _ in rng.nextUnit() }
        offsets.sort()
        let life = Double(max(0, lifeEnd - plan.createdMs))
        var times = [plan.createdMs] + offsets.map { plan.createdMs + Int64($0 * life) }
        for i in times.indices.dropFirst() where times[i] <= times[i - 1] { times[i] = times[i - 1] + 1_000 }
        if let finalStage {
            path.append(finalStage)
            times.append(max(plan.endMs, times[times.count - 1] + 1_000))
        }
        var previous: String?
        for (step, stageIndex) in path.enumerated() {
            let at = times[step]
            let stage = stages[stageIndex]
            let isClosing = stageIndex == Self.wonStage || stageIndex == Self.lostStage
            let close = isClosing ? closeDay : (closeHistory.last { $0.ms <= at }?.day ?? closeHistory[0].day)
            let amount = amountHistory.last { $0.ms <= at }?.amount ?? amountHistory[0].amount
            stageChanges.append(
                OpportunityStageChange(
                    opportunityID: id, fromStage: previous, toStage: stage.name,
                    amount: Money(Decimal(Int(amount)), accountInfo[plan.account].currency), probability: stage.probability,
                    closeDate: LocalDate(dayNumber: close), forecastCategory: stage.forecastCategory,
                    changedAt: DemoTime.date(at), changedBy: reps[plan.owner(at: at)].meta.id))
            previous = stage.name
        }
        return (path[path.count - 1], times[times.count - 1])
    }
}
