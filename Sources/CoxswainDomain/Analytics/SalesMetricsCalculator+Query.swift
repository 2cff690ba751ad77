import Foundation

extension SalesMetricsCalculator {
    /// Computes every metric for `filter`, one row per group of `groupBy`, plus a total row.
    ///
    /// Which deals each metric sees (window = the filter's inclusive dates):
    /// - won/lost counts, win rates, bookings, average deal size, cycle length: closed deals with close date in the window;
    /// - open pipeline and coverage: open deals with close date in the window;
    /// - pipeline created and the stage funnel: deals created in the window;
    /// - activities: activities dated in the window; quota: bookings quotas prorated to the window.
    ///
    /// Example: `engine.report(MetricsFilter(.period(q1), reps: .teamSubtree(teamID: "emea")), groupBy: .rep)`
    /// gives one row per EMEA rep and `total` with the team's Σ bookings ÷ Σ quota.
    /// Empty teams or periods give rows with zero counts and nil ratios, never NaN.
    public func report(
        _ filter: MetricsFilter, groupBy grouping: MetricsGrouping = .none, options: MetricsOptions = MetricsOptions()
    )
        -> MetricsReport
    {
        let window = filter.timeFrame.window
        let mask = repMask(filter)
        let currencyFilter: Int32 = filter.currency.map { c in currencies.firstIndex(of: c).map(Int32.init) ?? -2 } ?? -1
        if case .fiscalPeriod(let kind) = grouping {
            let all = assignGroups(.none, mask: mask)
            let totalAcc = accumulate(window: window, repGroup: all.repGroup, groups: 1, currency: currencyFilter, options: options)
            var rows: [MetricsRow] = []
            for p in periods(kind, overlapping: window) {
                let part = DateWindow(max(p.start, window.start), min(p.end, window.end))
                let acc = accumulate(window: part, repGroup: all.repGroup, groups: 1, currency: currencyFilter, options: options)
                rows.append(makeRow(acc, group: 0, key: p.label, label: p.label, window: part, options: options))
            }
            return MetricsReport(
                timeFrameLabel: filter.timeFrame.label, window: window, rows: rows,
                total: makeRow(totalAcc, group: 0, key: "total", label: "Total", window: window, options: options),
                velocityBasis: options.velocityBasis)
        }
        let groups = assignGroups(grouping, mask: mask)
        let acc = accumulate(
            window: window, repGroup: groups.repGroup, groups: groups.keys.count, currency: currencyFilter, options: options)
        let rows = groups.keys.indices.map { g in
            makeRow(acc, group: g, key: groups.keys[g], label: groups.labels[g], window: window, options: options)
        }
        let total = makeRow(acc.merged(), group: 0, key: "total", label: "Total", window: window, options: options)
        return MetricsReport(
            timeFrameLabel: filter.timeFrame.label, window: window, rows: rows, total: total, velocityBasis: options.velocityBasis)
    }

    /// One pass over the columns. `currency` is −1 for all currencies, −2 for a currency no record uses.
    func accumulate(
        window: DateWindow, repGroup: [Int32], groups: Int, currency: Int32, options: MetricsOptions
    )
        -> MetricsAccumulator
    {
        let nc = currencies.count
        let stageCount = funnelStages.count
        var acc = MetricsAccumulator(groups: groups, currencies: nc, stages: stageCount, kinds: Activity.Kind.allCases.count)
        for r in 0..<repGroup.count where repGroup[r] >= 0 && r < repIDs.count - 1 { acc.repCount[Int(repGroup[r])] += 1 }
        let s = Int32(window.start.dayNumber)
        let e = Int32(window.end.dayNumber)
        let funnel = options.includeFunnel && stageCount > 0
        oRep.withUnsafeBufferPointer { rep in
            oCur.withUnsafeBufferPointer { cur in
                oAmount.withUnsafeBufferPointer { amount in
                    oClose.withUnsafeBufferPointer { close in
                        oCreated.withUnsafeBufferPointer { created in
                            for i in 0..<rep.count {
                                let g32 = repGroup[Int(rep[i])]
                                if g32 < 0 { continue }
                                let c = cur[i]
                                if currency != -1 && c != currency { continue }
                                let g = Int(g32)
                                let slot = g * nc + Int(c)
                                let cd = close[i]
                                let a = amount[i]
                                let crd = created[i]
                                if cd >= s && cd <= e {
                                    acc.sSeen[slot] = true
                                    switch oStatus[i] {
                                    case 1:
                                        let days = max(0, cd - crd)
                                        acc.won[g] += 1
                                        acc.cycleSum[g] += Int(days)
                                        acc.cycles[g].append(days)
                                        acc.sWonN[slot] += 1
                                        acc.sWon[slot] += a
                                        acc.sCycleSum[slot] += Int64(days)
                                    case 2:
                                        acc.lost[g] += 1
                                        acc.sLostN[slot] += 1
                                        acc.sLost[slot] += a
                                    default:
                                        acc.open[g] += 1
                                        acc.sOpenN[slot] += 1
                                        acc.sOpen[slot] += a
                                    }
                                }
                                if crd >= s && crd <= e {
                                    acc.sSeen[slot] = true
                                    acc.created[g] += 1
                                    acc.sCreatedN[slot] += 1
                                    acc.sCreated[slot] += a
                                    if funnel { countFunnel(&acc, group: g, opportunity: i) }
                                }
                            }
                        }
                    }
                }
            }
        }
        for q in 0..<qRep.count {
            let g32 = repGroup[Int(qRep[q])]
            if g32 < 0 || (currency != -1 && qCur[q] != currency) { continue }
            let overlap = Int(min(qEnd[q], e)) - Int(max(qStart[q], s)) + 1
            if overlap <= 0 { continue }
            let length = Int(qEnd[q]) - Int(qStart[q]) + 1
            let slot = Int(g32) * nc + Int(qCur[q])
            acc.sQuota[slot] += Double(qAmount[q]) * Double(overlap) / Double(max(1, length))
            acc.sHasQuota[slot] = true
            acc.sSeen[slot] = true
        }
        let kinds = acc.kinds
        for k in 0..<aRep.count {
            let g32 = repGroup[Int(aRep[k])]
            let d = aDay[k]
            if g32 < 0 || d < s || d > e { continue }
            acc.activities[Int(g32) * kinds + Int(aKind[k])] += 1
        }
        return acc
    }

    /// Adds one deal created in the window to the funnel counts of its group.
    @inline(__always)
    private func countFunnel(_ acc: inout MetricsAccumulator, group g: Int, opportunity i: Int) {
        let bits = oStages[i]
        if bits == 0 { return }
        let top = 63 - bits.leadingZeroBitCount
        let base = g * acc.stages
        let isWon = oStatus[i] == 1
        for k in 0...top {
            acc.reached[base + k] += 1
            if k < top { acc.advanced[base + k] += 1 }
            if isWon { acc.wonFrom[base + k] += 1 }
            if bits & (1 << UInt64(k)) != 0 { acc.entered[base + k] += 1 }
        }
    }

    /// Turns group `g` of `acc` into a result row.
    func makeRow(
        _ acc: MetricsAccumulator, group g: Int, key: String, label: String, window: DateWindow, options: MetricsOptions
    )
        -> MetricsRow
    {
        let cycles = acc.cycles[g].map(Double.init)
        var money: [CurrencyMetrics] = []
        for c in 0..<acc.currencies where acc.sSeen[g * acc.currencies + c] {
            money.append(currencyMetrics(acc, slot: g * acc.currencies + c, currency: currencies[c], options: options))
        }
        money.sort { $0.currency.code < $1.currency.code }
        var byKind: [Activity.Kind: Int] = [:]
        for (k, kind) in Activity.Kind.allCases.enumerated() { byKind[kind] = acc.activities[g * acc.kinds + k] }
        var funnel: [StageFunnelStep] = []
        if options.includeFunnel {
            for (k, name) in funnelStages.enumerated() {
                let i = g * acc.stages + k
                let reached = acc.reached[i]
                funnel.append(
                    StageFunnelStep(
                        stage: name, entered: acc.entered[i], reached: reached, advanced: acc.advanced[i],
                        conversionToNext: k == funnelStages.count - 1 || reached == 0 ? nil : Double(acc.advanced[i]) / Double(reached),
                        winRateFromStage: reached == 0 ? nil : Double(acc.wonFrom[i]) / Double(reached)))
            }
        }
        return MetricsRow(
            key: key, label: label, repCount: acc.repCount[g], wonCount: acc.won[g], lostCount: acc.lost[g],
            winRate: SalesFormulas.winRate(won: acc.won[g], lost: acc.lost[g]),
            cycleDaysMean: acc.won[g] > 0 ? Double(acc.cycleSum[g]) / Double(acc.won[g]) : nil,
            cycleDaysMedian: SalesFormulas.median(cycles), pipelineCreatedCount: acc.created[g], openPipelineCount: acc.open[g],
            activities: ActivityCounts(byKind: byKind), funnel: funnel, money: money)
    }

    private func currencyMetrics(_ acc: MetricsAccumulator, slot s: Int, currency: Currency, options: MetricsOptions) -> CurrencyMetrics {
        func money(_ minor: Int64) -> Money { .analyticsMoney(minor, currency) }
        func money(_ minor: Double) -> Money { .analyticsMoney(Int64(minor.rounded()), currency) }
        let won = Double(acc.sWon[s])
        let quota = acc.sHasQuota[s] ? acc.sQuota[s].rounded() : nil
        let remaining = quota.map { max(0, $0 - won) }
        let size = SalesFormulas.averageDealSize(wonAmount: won, wonCount: acc.sWonN[s])
        let rate = SalesFormulas.winRate(won: acc.sWonN[s], lost: acc.sLostN[s])
        let cycle = acc.sWonN[s] > 0 ? Double(acc.sCycleSum[s]) / Double(acc.sWonN[s]) : nil
        let n = options.velocityBasis == .closedInWindow ? acc.sWonN[s] + acc.sLostN[s] : acc.sOpenN[s]
        let velocity = SalesFormulas.salesVelocity(opportunities: n, averageDealSize: size, winRate: rate, averageCycleDays: cycle)
        return CurrencyMetrics(
            currency: currency, bookings: money(acc.sWon[s]), quota: quota.map(money),
            attainment: quota.flatMap { SalesFormulas.attainment(bookings: won, quota: $0) },
            quotaRemaining: remaining.map(money), wonCount: acc.sWonN[s], lostCount: acc.sLostN[s], lostAmount: money(acc.sLost[s]),
            winRate: rate, winRateByValue: SalesFormulas.winRateByValue(wonAmount: won, lostAmount: Double(acc.sLost[s])),
            averageDealSize: size.map(money), openPipelineCount: acc.sOpenN[s], openPipeline: money(acc.sOpen[s]),
            coverage: quota.flatMap { SalesFormulas.coverage(openPipeline: Double(acc.sOpen[s]), denominator: $0) },
            coverageOfRemaining: remaining.flatMap { SalesFormulas.coverage(openPipeline: Double(acc.sOpen[s]), denominator: $0) },
            pipelineCreatedCount: acc.sCreatedN[s], pipelineCreated: money(acc.sCreated[s]), averageCycleDays: cycle,
            velocityPerDay: velocity.map(money))
    }
}
