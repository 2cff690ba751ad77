import Dispatch
import Foundation

/// One field's contribution to a pair's match weight.
public struct FieldContribution: Sendable, Hashable {
    /// The comparison.
    public var comparison: MatchComparison
    /// Agreement level (0 = missing).
    public var level: Int
    /// Human-readable level name (`"exact"`, `"alias"`, `"missing"` …).
    public var levelName: String
    /// Weight in bits (`log2(m/u)`, term-frequency adjusted where applicable; 0 when missing).
    public var weight: Double
}

/// Why a pair scored as it did.
public struct PairExplanation: Sendable, Hashable {
    /// Prior weight `log2(λ/(1-λ))`.
    public var priorWeight: Double
    /// Per-field contributions, in comparison order, active comparisons only.
    public var contributions: [FieldContribution]
    /// Total match weight (prior + contributions).
    public var weight: Double
    /// Match probability `2^w / (1 + 2^w)`.
    public var probability: Double
    /// `true` when the identity guard vetoes the pair (see ``PairScorer/identityConflict(_:)``).
    public var identityConflict: Bool
    /// Final decision at the threshold used.
    public var isMatch: Bool
}

/// Per-record term frequencies: `log2(count / n)` of the record's value for each term-frequency comparison.
struct TermFrequencies: Sendable {
    /// `logShare[i * columns + k]` for `FellegiSunterModel.tfComparisons[k]`.
    var logShare: [Float] = []
    static let columns = FellegiSunterModel.tfComparisons.count

    static func key(_ table: MatchRecordTable, _ comparison: MatchComparison, _ i: Int) -> UInt64 {
        switch comparison {
        case .givenName: return table.hash(.given, i)
        case .surname: return table.hash(.surname, i)
        case .email: return table.hash(.email, i)
        case .phone: return table.hash(.phone, i)
        case .organisation:
            let website = table.hash(.website, i)
            if website != 0 { return website }
            let domain = table.hash(.emailDomain, i)
            return domain != 0 ? domain : table.hash(.company, i)
        case .city: return table.hash(.city, i)
        case .postcode: return table.hash(.postcode, i)
        default: return 0
        }
    }

    init() {}

    /// Counts every value of every term-frequency comparison (one comparison per core).
    init(table: MatchRecordTable) {
        let n = table.count
        let columns = Self.columns
        let results = ChunkResults<[Float]>(count: columns)
        DispatchQueue.concurrentPerform(iterations: columns) { k in
            let comparison = FellegiSunterModel.tfComparisons[k]
            var counts: [UInt64: Int32] = [:]
            counts.reserveCapacity(n / 2)
            for i in 0..<n {
                let key = Self.key(table, comparison, i)
                if key != 0 { counts[key, default: 0] += 1 }
            }
            let total = Float(max(n, 1))
            results.set(
                k,
                (0..<n).map { i in
                    let key = Self.key(table, comparison, i)
                    return key == 0 ? 0 : log2(Float(counts[key] ?? 1) / total)
                })
        }
        let perColumn = results.values()
        var share = [Float](repeating: 0, count: n * columns)
        for k in 0..<columns { for i in 0..<n { share[i * columns + k] = perColumn[k][i] } }
        logShare = share
    }
}

/// Scores compared pairs: Fellegi–Sunter weight with term-frequency adjustment, plus the identity guard.
struct PairScorer: Sendable {
    var model: FellegiSunterModel
    var useTermFrequencies: Bool
    var identityGuard: Bool
    /// `log2(ū)` (random-pair agreement rate of the exact level) for each term-frequency comparison.
    let logMeanShare: [Double]
    /// Largest term-frequency shift in bits.
    static let maxShift = 6.0

    init(model: FellegiSunterModel, useTermFrequencies: Bool, identityGuard: Bool, recordCount: Int) {
        self.model = model
        self.useTermFrequencies = useTermFrequencies
        self.identityGuard = identityGuard
        logMeanShare = FellegiSunterModel.tfComparisons.map { log2(max(model.exactRandomU[$0.rawValue], 1e-9)) }
    }

    /// Business rule — identity guard: whatever the company, location or phone evidence, two records whose
    /// surnames are *different* (no fuzzy, phonetic or swapped agreement) or whose given names are *different*
    /// (not fuzzy, not a nickname, not an initial) are different people — colleagues at one company share
    /// domain, switchboard, address and city but not their names. The exception is agreement on a personal
    /// identifier: the same personal e-mail address, date of birth or other exact id, or a national id equal up
    /// to one typo; then the weights decide (data-entry errors can replace a whole name).
    ///
    /// Example: `Ann Lee <info@acme.com>` and `Bob Stone <info@acme.com>`: the role mailbox counts as missing and
    /// both names differ, so the guard vetoes the pair even though company, phone and city agree.
    static func identityConflict(_ pattern: ComparisonPattern) -> Bool {
        if pattern.level(.email) == 1 || pattern.level(.otherId) == 1 || pattern.level(.dateOfBirth) == 1 {
            return false
        }
        let national = pattern.level(.nationalId)
        if national == 1 || national == 2 { return false }
        return pattern.level(.surname) == 5 || pattern.level(.givenName) == 5
    }

    /// Term-frequency shift of the exact level: `log2(ū / share)`, clamped to ±``maxShift``.
    @inline(__always) func shift(_ k: Int, _ logShare: Double) -> Double {
        if logShare == 0 { return 0 }
        return min(Self.maxShift, max(-Self.maxShift, logMeanShare[k] - logShare))
    }

    /// Weight of a pattern for left record `i` (whose term frequencies are in `tf`).
    @inline(__always)
    func weight(_ pattern: ComparisonPattern, tf: TermFrequencies, _ i: Int) -> Double {
        var total = model.matchWeight(pattern)
        guard useTermFrequencies, !tf.logShare.isEmpty else { return total }
        let base = i * TermFrequencies.columns
        for k in 0..<TermFrequencies.columns {
            let comparison = FellegiSunterModel.tfComparisons[k]
            guard pattern.level(comparison) == 1 else { continue }
            total += shift(k, Double(tf.logShare[base + k]))
        }
        return total
    }

    /// Explanation of a pattern for left record `i`.
    func explain(_ pattern: ComparisonPattern, tf: TermFrequencies, _ i: Int, threshold: Double) -> PairExplanation {
        var contributions: [FieldContribution] = []
        for comparison in model.comparisons {
            let level = pattern.level(comparison)
            var w = model.weight(comparison, level: level)
            if useTermFrequencies, level == 1, !tf.logShare.isEmpty,
                let k = FellegiSunterModel.tfComparisons.firstIndex(of: comparison)
            {
                w += shift(k, Double(tf.logShare[i * TermFrequencies.columns + k]))
            }
            contributions.append(
                FieldContribution(
                    comparison: comparison, level: level,
                    levelName: comparison.levelName(level), weight: w))
        }
        let total = weight(pattern, tf: tf, i)
        let conflict = identityGuard && Self.identityConflict(pattern)
        return PairExplanation(
            priorWeight: model.priorWeight, contributions: contributions, weight: total,
            probability: FellegiSunterModel.probability(weight: total),
            identityConflict: conflict, isMatch: !conflict && total >= threshold)
    }
}
