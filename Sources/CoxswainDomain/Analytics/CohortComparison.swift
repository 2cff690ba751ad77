import Foundation

/// The closed deals of one cohort, reduced to what cohort comparison needs.
///
/// Example: a cohort with 26 won and 74 lost deals, whose won deals took 40, 55 and 90 days and were worth
/// 12,000, 30,000 and 18,000: `CohortSample(name: "Before", won: 26, lost: 74, cycleDays: [40, 55, 90],
/// dealSizes: [12_000, 30_000, 18_000])`.
public struct CohortSample: Hashable, Sendable, Codable {
    /// Name used in the verdict ("Cohort A", "New discovery").
    public var name: String
    /// Deals in the cohort (closed and open).
    public var deals: Int
    /// Won deals.
    public var won: Int
    /// Lost deals.
    public var lost: Int
    /// Days from creation to close of each won deal.
    public var cycleDays: [Double]
    /// Amount of each won deal, all in ``currency``.
    public var dealSizes: [Double]
    /// Currency of `dealSizes`; nil when unknown.
    public var currency: Currency?

    /// A sample; `deals` defaults to won + lost.
    public init(
        name: String, deals: Int? = nil, won: Int, lost: Int, cycleDays: [Double] = [], dealSizes: [Double] = [], currency: Currency? = nil
    ) {
        self.name = name
        self.deals = deals ?? won + lost
        self.won = won
        self.lost = lost
        self.cycleDays = cycleDays
        self.dealSizes = dealSizes
        self.currency = currency
    }

    /// Closed deals: won + lost.
    public var closed: Int { won + lost }
}

/// Settings of a cohort comparison.
public struct CohortComparisonOptions: Hashable, Sendable, Codable {
    /// Confidence level of intervals; the significance level of tests is 1 − confidence. Default 0.95.
    public var confidence: Double
    /// Bootstrap resamples. Default 2,000.
    public var bootstrapResamples: Int
    /// Bootstrap seed: the same seed gives the same intervals.
    public var seed: UInt64
    /// Fewer closed deals than this in a cohort triggers a small-sample warning. Default 30.
    public var minimumClosedDeals: Int

    /// Defaults: 95%, 2,000 resamples, seed 20260101, warn under 30 closed deals.
    public init(confidence: Double = 0.95, bootstrapResamples: Int = 2_000, seed: UInt64 = 20_260_101, minimumClosedDeals: Int = 30) {
        self.confidence = confidence
        self.bootstrapResamples = bootstrapResamples
        self.seed = seed
        self.minimumClosedDeals = minimumClosedDeals
    }
}

/// "Did the new discovery methodology change conversion?": cohort B compared with cohort A on win rate
/// (two-proportion z-test, Newcombe CI, Cohen's h), cycle time and deal size of won deals (Mann–Whitney U,
/// bootstrap CIs of the median and mean differences), with a plain-language verdict and warnings.
///
/// Cohorts of reps (e.g. reps trained on the methodology vs the rest) are cohorts of their deals:
/// `cohortA: { !trained.contains($0.ownerID) }, cohortB: { trained.contains($0.ownerID) }`.
///
/// Example verdict: "Cohort B converts better: 34% vs 26% (+8 pts, 95% CI +3 to +13 pts, p = 0.002); effect small (h = 0.18)."
public struct CohortComparison: Hashable, Sendable, Codable {
    /// Cohort A (the baseline).
    public var cohortA: CohortSample
    /// Cohort B (the one being evaluated).
    public var cohortB: CohortSample
    /// Win rate comparison; nil when a cohort has no closed deals.
    public var winRate: ProportionComparison?
    /// Sales-cycle days of won deals; nil when a cohort has no won deals.
    public var cycleTime: DistributionComparison?
    /// Won deal amounts; nil when a cohort has no won deals or the currencies differ.
    public var dealSize: DistributionComparison?
    /// One sentence per compared measure.
    public var verdict: String
    /// Caveats: small samples, low expected counts, empty or identical cohorts, mixed currencies.
    public var warnings: [String]
    /// Settings used.
    public var options: CohortComparisonOptions
}

extension CohortComparison {
    /// Compares two samples (B against A).
    public init(_ a: CohortSample, _ b: CohortSample, options: CohortComparisonOptions = CohortComparisonOptions()) {
        var warnings: [String] = []
        for s in [a, b] where s.deals == 0 { warnings.append("\(s.name) has no deals; nothing to compare.") }
        for s in [a, b] where s.deals > 0 && s.closed == 0 { warnings.append("\(s.name) has no closed deals; win rate cannot be compared.") }
        for s in [a, b] where s.closed > 0 && s.closed < options.minimumClosedDeals {
            warnings.append(
                "Small sample: \(s.name) has only \(s.closed) closed deals (fewer than \(options.minimumClosedDeals)); "
                    + "treat the result as indicative."
            )
        }
        let rate = Statistics.compareProportions(
            successesA: a.won, totalA: a.closed, successesB: b.won, totalB: b.closed, confidence: options.confidence)
        if rate != nil {
            let pooled = Double(a.won + b.won) / Double(a.closed + b.closed)
            for s in [a, b] where min(pooled * Double(s.closed), (1 - pooled) * Double(s.closed)) < 5 {
                warnings.append("Expected won or lost count below 5 in \(s.name); the z-test approximation is unreliable.")
            }
        }
        if a.won == b.won && a.lost == b.lost && a.cycleDays.sorted() == b.cycleDays.sorted() && a.dealSizes.sorted() == b.dealSizes.sorted()
            && a.closed > 0
        {
            warnings.append("The two cohorts have identical results; they may be the same deals.")
        }
        let compareSizes = !(a.currency != nil && b.currency != nil && a.currency != b.currency)
        if !compareSizes {
            warnings.append("Deal sizes are in different currencies (\(a.currency!.code) vs \(b.currency!.code)) and were not compared.")
        }
        // The two bootstraps are independent (own seeds), so they run on both cores with identical results.
        let results = Self.bothCores(
            { Self.distribution(a.cycleDays, b.cycleDays, options: options, seedOffset: 0) },
            { compareSizes ? Self.distribution(a.dealSizes, b.dealSizes, options: options, seedOffset: 1) : nil })
        let cycle = results.0
        let size = results.1
        self.init(
            cohortA: a, cohortB: b, winRate: rate, cycleTime: cycle, dealSize: size,
            verdict: CohortVerdict.text(a: a, b: b, rate: rate, cycle: cycle, size: size, confidence: options.confidence),
            warnings: warnings, options: options)
    }

    /// Compares cohorts of opportunities chosen by predicates (e.g. created before / after the methodology
    /// launch). Deal sizes use `currency` (default: the most common currency of the won deals); deals in other
    /// currencies are left out of the deal-size comparison with a warning. Days are creation date (in
    /// `timeZone`) to close date.
    public init(
        opportunities: [Opportunity], nameA: String = "Cohort A", cohortA: (Opportunity) -> Bool, nameB: String = "Cohort B",
        cohortB: (Opportunity) -> Bool, currency: Currency? = nil, timeZone: TimeZone = TimeZone(identifier: "UTC")!,
        options: CohortComparisonOptions = CohortComparisonOptions()
    ) {
        let a = opportunities.filter(cohortA)
        let b = opportunities.filter(cohortB)
        var counts: [Currency: Int] = [:]
        for o in a + b where o.isWon { counts[o.amount.currency, default: 0] += 1 }
        let chosen = currency ?? counts.max { ($0.value, $1.key.code) < ($1.value, $0.key.code) }?.key
        func sample(_ deals: [Opportunity], _ name: String) -> (CohortSample, Int) {
            let won = deals.filter(\.isWon)
            let cycle = won.map { Double(max(0, LocalDate($0.meta.createdAt, in: timeZone).days(to: $0.closeDate))) }
            let sized = won.filter { $0.amount.currency == chosen }
            return (
                CohortSample(
                    name: name, deals: deals.count, won: won.count, lost: deals.count { $0.isClosed && !$0.isWon }, cycleDays: cycle,
                    dealSizes: sized.map(\.amount.doubleValue), currency: chosen), won.count - sized.count
            )
        }
        let (sa, droppedA) = sample(a, nameA)
        let (sb, droppedB) = sample(b, nameB)
        self.init(sa, sb, options: options)
        if droppedA + droppedB > 0, let c = chosen {
            warnings.append("Deal sizes compared in \(c.code) only; \(droppedA + droppedB) won deals in other currencies left out.")
        }
        let idsA = Set(a.map(\.meta.id))
        let shared = b.count { idsA.contains($0.meta.id) }
        if shared > 0 && shared == a.count && shared == b.count {
            warnings.append("The two cohorts contain exactly the same \(shared) deals; there is nothing to compare.")
        } else if shared > 0 {
            warnings.append("\(shared) deals are in both cohorts; the tests assume independent cohorts.")
        }
    }

    /// Runs two independent computations concurrently and returns both results (deterministic: each closure
    /// owns its inputs and seed).
    private static func bothCores<T: Sendable>(_ first: @Sendable () -> T, _ second: @Sendable () -> T) -> (T, T) {
        let box = ResultPair<T>()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { box.set(0, first()) } else { box.set(1, second()) }
        }
        return (box.values[0]!, box.values[1]!)
    }

    private static func distribution(
        _ a: [Double], _ b: [Double], options: CohortComparisonOptions, seedOffset: UInt64
    )
        -> DistributionComparison?
    {
        guard let test = Statistics.mannWhitney(a, b),
            let boot = Statistics.bootstrapDifferences(
                a, b, resamples: options.bootstrapResamples, confidence: options.confidence, seed: options.seed &+ seedOffset),
            let medianA = SalesFormulas.median(a), let medianB = SalesFormulas.median(b),
            let meanA = SalesFormulas.mean(a), let meanB = SalesFormulas.mean(b)
        else { return nil }
        return DistributionComparison(
            countA: a.count, countB: b.count, medianA: medianA, medianB: medianB, meanA: meanA, meanB: meanB,
            medianDifference: medianB - medianA, medianDifferenceCI: boot.median, meanDifference: meanB - meanA,
            meanDifferenceCI: boot.mean, mannWhitneyU: test.u, z: test.z, pValue: test.pValue,
            probabilityBGreater: (Double(a.count * b.count) - test.u) / Double(a.count * b.count))
    }
}

/// Two result slots written from `concurrentPerform` (each index by exactly one iteration).
private final class ResultPair<T>: @unchecked Sendable {
    private(set) var values: [T?] = [nil, nil]
    private let lock = NSLock()
    func set(_ i: Int, _ value: T) { lock.withLock { values[i] = value } }
}
