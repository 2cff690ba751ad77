import Foundation

extension SalesMetricsCalculator {
    /// The report for `filter` and for the previous frame (previous fiscal quarter / month / year, or the
    /// equal-length window before a date range), with per-row deltas matched by row key.
    ///
    /// Example: FY2027-Q1 (Feb–Apr 2026) is compared with FY2026-Q4 (Nov 2025–Jan 2026); a win rate of 0.36
    /// after 0.30 gives the delta `win_rate` change +0.06, relative change +0.20.
    /// Deltas: `win_rate`, `won_count`, `lost_count`, `cycle_days_mean`, `cycle_days_median`,
    /// `pipeline_created_count`, `activities`, and per currency `bookings.USD`, `quota.USD`, `attainment.USD`,
    /// `win_rate_by_value.USD`, `average_deal_size.USD`, `coverage.USD`, `pipeline_created.USD`, `velocity_per_day.USD`.
    public func compareWithPrevious(
        _ filter: MetricsFilter, groupBy grouping: MetricsGrouping = .none, options: MetricsOptions = MetricsOptions()
    ) -> MetricsComparison {
        let current = report(filter, groupBy: grouping, options: options)
        let previousGrouping: MetricsGrouping = grouping
        let previous = report(filter.previous(in: calendar), groupBy: previousGrouping, options: options)
        var deltas: [String: [MetricDelta]] = [:]
        var previousRows: [String: MetricsRow] = [:]
        for row in previous.rows { previousRows[row.key] = row }
        for row in current.rows where !isPeriodGrouping(grouping) {
            deltas[row.key] = Self.deltas(row, previousRows[row.key])
        }
        deltas["total"] = Self.deltas(current.total, previous.total)
        return MetricsComparison(current: current, previous: previous, deltas: deltas)
    }

    private func isPeriodGrouping(_ grouping: MetricsGrouping) -> Bool {
        if case .fiscalPeriod = grouping { return true }
        return false
    }

    /// Deltas of the main metrics between two rows (a missing previous row counts as empty: counts 0, ratios nil).
    static func deltas(_ now: MetricsRow, _ before: MetricsRow?) -> [MetricDelta] {
        func d(_ name: String, _ value: (MetricsRow) -> Double?) -> MetricDelta {
            MetricDelta(metric: name, current: value(now), previous: before.flatMap(value) ?? (before == nil ? zeroIfCount(name) : nil))
        }
        var result = [
            d("win_rate") { $0.winRate },
            d("won_count") { Double($0.wonCount) },
            d("lost_count") { Double($0.lostCount) },
            d("cycle_days_mean") { $0.cycleDaysMean },
            d("cycle_days_median") { $0.cycleDaysMedian },
            d("pipeline_created_count") { Double($0.pipelineCreatedCount) },
            d("activities") { Double($0.activities.total) },
        ]
        var currencies = Set(now.money.map(\.currency))
        for m in before?.money ?? [] { currencies.insert(m.currency) }
        for currency in currencies.sorted(by: { $0.code < $1.code }) {
            let a = now.money(in: currency)
            let b = before?.money(in: currency)
            func m(_ name: String, _ value: (CurrencyMetrics) -> Double?) -> MetricDelta {
                MetricDelta(metric: "\(name).\(currency.code)", current: a.flatMap(value), previous: b.flatMap(value))
            }
            result += [
                m("bookings") { $0.bookings.doubleValue },
                m("quota") { $0.quota?.doubleValue },
                m("attainment") { $0.attainment },
                m("win_rate_by_value") { $0.winRateByValue },
                m("average_deal_size") { $0.averageDealSize?.doubleValue },
                m("coverage") { $0.coverage },
                m("pipeline_created") { $0.pipelineCreated.doubleValue },
                m("velocity_per_day") { $0.velocityPerDay?.doubleValue },
            ]
        }
        return result
    }

    private static func zeroIfCount(_ name: String) -> Double? {
        name.hasSuffix("_count") || name == "activities" ? 0 : nil
    }

    /// Ramp of new hires: reps in the filter's scope **hired within its window**, their bookings per quota
    /// period by tenure quarter, for quota periods that ended on or before `asOf`.
    ///
    /// Tenure quarter 1 is the quota period whose last month is 0–2 months after the hire month (for quarterly
    /// quotas: the quarter containing the hire date), quarter 2 the next three months, and so on; quota periods
    /// ending before the hire month are ignored. Attainment is reported against the period's quota (the ramped
    /// quota, as the organisation set it) and against the rep's full quota (their highest bookings quota in that
    /// currency). Example: hired 2026-03-10 with quarterly quotas Feb–Apr 25,000 and May–Jul 50,000, full quota
    /// 100,000; bookings 10,000 and 40,000 → quarter 1: 40% of ramped, 10% of full; quarter 2: 80%, 40%.
    public func rampAttainment(hiredIn filter: MetricsFilter, through asOf: LocalDate, maxTenureQuarters: Int = 4) -> [RampRow] {
        let mask = repMask(filter)
        let window = filter.timeFrame.window
        let last = Int32(asOf.dayNumber)
        let currencyFilter = filter.currency.flatMap { currencies.firstIndex(of: $0) }
        var fullQuota: [Int: Int64] = [:]  // rep * currencies + currency → highest quota
        let nc = max(1, currencies.count)
        for q in 0..<qRep.count {
            let k = Int(qRep[q]) * nc + Int(qCur[q])
            fullQuota[k] = max(fullQuota[k] ?? 0, qAmount[q])
        }
        struct Cell {
            var periods = 0
            var bookings: Int64 = 0
            var ramped: Int64 = 0
            var full: Int64 = 0
        }
        var cells: [Int: Cell] = [:]  // (tenure - 1) * currencies + currency
        for q in 0..<qRep.count {
            let r = Int(qRep[q])
            guard mask[r], let hire = repHireDate[r], hire >= window.start, hire <= window.end, qEnd[q] <= last else { continue }
            if let only = currencyFilter, Int(qCur[q]) != only { continue }
            let end = LocalDate(dayNumber: Int(qEnd[q]))
            let months = (end.year * 12 + end.month) - (hire.year * 12 + hire.month)
            guard months >= 0 else { continue }
            let tenure = months / 3 + 1
            guard tenure <= maxTenureQuarters else { continue }
            var booked: Int64 = 0
            for w in wonByRepStart[r]..<wonByRepStart[r + 1] {
                let i = Int(wonByRep[w])
                if oClose[i] > qEnd[q] { break }
                if oClose[i] >= qStart[q] && oCur[i] == qCur[q] { booked += oAmount[i] }
            }
            let key = (tenure - 1) * nc + Int(qCur[q])
            var cell = cells[key] ?? Cell()
            cell.periods += 1
            cell.bookings += booked
            cell.ramped += qAmount[q]
            cell.full += fullQuota[r * nc + Int(qCur[q])] ?? 0
            cells[key] = cell
        }
        return cells.keys.sorted().map { key in
            let cell = cells[key]!
            let currency = currencies[key % nc]
            return RampRow(
                tenureQuarter: key / nc + 1, currency: currency, repPeriods: cell.periods,
                bookings: .analyticsMoney(cell.bookings, currency),
                rampedQuota: .analyticsMoney(cell.ramped, currency),
                fullQuota: .analyticsMoney(cell.full, currency),
                attainmentOfRampedQuota: SalesFormulas.attainment(bookings: Double(cell.bookings), quota: Double(cell.ramped)),
                attainmentOfFullQuota: SalesFormulas.attainment(bookings: Double(cell.bookings), quota: Double(cell.full)))
        }
    }
}
