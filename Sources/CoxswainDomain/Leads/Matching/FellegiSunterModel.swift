import Foundation

/// A Fellegi–Sunter record-linkage model: for each comparison and agreement level, the probability `m` of seeing
/// that level when two records are the same entity and `u` when they are not.
///
/// Business rule — how weights combine: each field contributes `log2(m/u)` for its level (0 when missing on
/// either side), and the pair's match weight is `log2(λ/(1-λ)) + Σ log2(m/u)`, where `λ` is the share of true
/// matches among compared pairs. The match probability is `2^w / (1 + 2^w)`.
///
/// Worked example: with `λ = 0.05` (prior `-4.25`), surname exact (`m 0.90`, `u 0.002` → `+8.81`), given name
/// alias (`m 0.06`, `u 0.004` → `+3.91`), e-mail different (`m 0.25`, `u 0.99` → `-1.99`) and phone missing
/// (`0`), the weight is `-4.25 + 8.81 + 3.91 - 1.99 = 6.48`, a match probability of 0.989.
///
/// Estimation: `u` starts from seeded random pairs; EM over the candidate pairs then refines `m`, `u` and `λ`
/// (so `u` describes the non-matches that blocking actually brings together — colleagues, namesakes).
///
/// Term-frequency adjustment: at the *exact* level of names, e-mail, phone, organisation, city and postcode, the
/// weight is shifted by `log2(ū / share(value))`, clamped to ±6 bits, where `share` is the fraction of records
/// carrying that value and `ū` the random-pair agreement rate — agreeing on `Smith` or on a company switchboard
/// counts for less than agreeing on a rare value.
public struct FellegiSunterModel: Sendable {
    /// `m[comparison.rawValue][level - 1]`.
    public internal(set) var m: [[Double]]
    /// `u[comparison.rawValue][level - 1]`.
    public internal(set) var u: [[Double]]
    /// Estimated share of matches among candidate pairs.
    public internal(set) var lambda: Double
    /// Comparisons the model uses.
    public internal(set) var comparisons: [MatchComparison]
    /// EM iterations run and whether the parameters converged.
    public internal(set) var iterations: Int = 0
    /// `true` when the last EM step changed no parameter by more than the tolerance.
    public internal(set) var converged: Bool = false
    /// Flat `comparison * 16 + level` weight table (level 0 = 0).
    var weightTable: [Double] = Array(repeating: 0, count: 256)
    /// `u` of the exact level measured on random pairs (the average chance that two records share a value), used
    /// as the reference of the term-frequency adjustment.
    public internal(set) var exactRandomU: [Double] = Array(repeating: 0, count: 16)
    static let mPseudoCount = 1.0
    static let uPseudoCount = 20.0
    var mPseudoCount: Double { Self.mPseudoCount }
    var uPseudoCount: Double { Self.uPseudoCount }
    /// Comparisons whose exact level is term-frequency adjusted.
    static let tfComparisons: [MatchComparison] = [
        .givenName, .surname, .email, .phone, .organisation, .city,
        .postcode,
    ]

    /// Creates a model with neutral starting parameters for `comparisons`.
    public init(comparisons: [MatchComparison]) {
        self.comparisons = comparisons
        m = MatchComparison.allCases.map { comparison in
            let count = comparison.levelCount
            return (0..<count).map { level in
                if level == 0 { return 0.75 }
                if level == count - 1 { return 0.05 }
                return 0.2 / Double(max(1, count - 2))
            }
        }
        u = MatchComparison.allCases.map { comparison in
            let count = comparison.levelCount
            return (0..<count).map { level in level == count - 1 ? 0.9 : 0.1 / Double(max(1, count - 1)) }
        }
        lambda = 0.1
        rebuildWeights()
    }

    /// `log2(m/u)` of `level` for `comparison` (0 for level 0).
    public func weight(_ comparison: MatchComparison, level: Int) -> Double {
        weightTable[comparison.rawValue * 16 + level]
    }

    /// Prior weight `log2(λ / (1 - λ))`.
    public var priorWeight: Double { log2(lambda / (1 - lambda)) }

    /// Match weight of a pattern without term-frequency adjustment.
    public func matchWeight(_ pattern: ComparisonPattern) -> Double {
        var total = priorWeight
        var bits = pattern.bits
        var comparison = 0
        while bits != 0 {
            total += weightTable[comparison * 16 + Int(bits & 0xF)]
            bits >>= 4
            comparison += 1
        }
        return total
    }

    /// Converts a match weight to a probability.
    public static func probability(weight: Double) -> Double {
        let odds = pow(2, weight)
        return odds.isFinite ? odds / (1 + odds) : 1
    }

    /// Business rule — monotone levels: a better agreement level never weighs less than a worse one (levels are
    /// ordered best first). EM can leave a rarely seen level (e.g. *alias* in data without nicknames) with a tiny
    /// `m` and a large negative weight, or a tiny `u` and a huge one; a level is first capped at the weight of the
    /// next better level, then raised to the weight of the next worse level.
    mutating func rebuildWeights() {
        weightTable = Array(repeating: 0, count: 256)
        for comparison in comparisons {
            let levels = comparison.levelCount
            for level in 1...levels {
                let mm = max(m[comparison.rawValue][level - 1], 1e-6)
                let uu = max(u[comparison.rawValue][level - 1], 1e-9)
                weightTable[comparison.rawValue * 16 + level] = log2(mm / uu)
            }
            if levels >= 2 {
                for level in 2...levels {
                    let cell = comparison.rawValue * 16 + level
                    weightTable[cell] = min(weightTable[cell], weightTable[cell - 1])
                }
                for level in stride(from: levels - 1, through: 1, by: -1) {
                    let cell = comparison.rawValue * 16 + level
                    weightTable[cell] = max(weightTable[cell], weightTable[cell + 1])
                }
            }
        }
    }

    /// Sets `u` from level counts of random record pairs, with add-½ smoothing so that unseen levels keep a
    /// finite weight.
    mutating func setU(fromRandomPairCounts counts: [[Int]]) {
        for comparison in comparisons {
            let row = counts[comparison.rawValue]
            let total = Double(row.reduce(0, +))
            let levels = comparison.levelCount
            u[comparison.rawValue] = (0..<levels).map { (Double(row[$0]) + 0.5) / (total + 0.5 * Double(levels)) }
            exactRandomU[comparison.rawValue] = u[comparison.rawValue][0]
        }
        rebuildWeights()
    }

    /// Estimates `m`, `u` and `λ` by expectation–maximisation over a histogram of candidate-pair patterns.
    ///
    /// - Parameters:
    ///   - histogram: pattern bits → number of candidate pairs with that pattern.
    ///   - maxIterations: upper bound on EM steps.
    ///   - tolerance: convergence threshold on the largest parameter change.
    ///   - fixedU: conditioning comparisons — the names, when EM only sees pairs the identity guard allowed. They
    ///     are left out of the E-step (every such pair agrees on names, so they cannot tell matches from
    ///     namesakes), their `m` is read off the resulting match posteriors and their `u` keeps its random-pair
    ///     value.
    ///
    /// Business rule: estimates are smoothed towards the starting values with pseudo-counts (1 pair for `m`,
    /// 20 pairs for `u`), so a level that the candidate pairs never show keeps a finite, sensible weight.
    mutating func estimate(
        histogram: [UInt64: Int], maxIterations: Int = 100, tolerance: Double = 1e-5,
        updateU: Bool = true, fixedU: Set<MatchComparison> = []
    ) {
        let patterns = histogram.sorted { $0.key < $1.key }
        let mPrior = m, uPrior = u
        let excluded = MatchComparison.allCases.map { fixedU.contains($0) }
        let total = Double(patterns.reduce(0) { $0 + $1.value })
        guard total > 0 else { return }
        iterations = 0
        converged = false
        for _ in 0..<maxIterations {
            iterations += 1
            var matchMass = 0.0
            var levelMass = Array(repeating: Array(repeating: 0.0, count: 16), count: 16)
            var levelMassU = Array(repeating: Array(repeating: 0.0, count: 16), count: 16)
            let prior = lambda
            for (bits, count) in patterns {
                var logM = 0.0, logU = 0.0
                var rest = bits
                var comparison = 0
                while rest != 0 {
                    let level = Int(rest & 0xF)
                    if level > 0 && !excluded[comparison] {
                        logM += log(max(m[comparison][level - 1], 1e-12))
                        logU += log(max(u[comparison][level - 1], 1e-12))
                    }
                    rest >>= 4
                    comparison += 1
                }
                let a = log(prior) + logM
                let b = log(1 - prior) + logU
                let posterior = 1 / (1 + exp(min(700, b - a)))
                let mass = posterior * Double(count)
                matchMass += mass
                rest = bits
                comparison = 0
                while rest != 0 {
                    let level = Int(rest & 0xF)
                    if level > 0 {
                        levelMass[comparison][level] += mass
                        levelMassU[comparison][level] += Double(count) - mass
                    }
                    rest >>= 4
                    comparison += 1
                }
            }
            var change = abs(matchMass / total - lambda)
            lambda = min(max(matchMass / total, 1e-6), 1 - 1e-6)
            for comparison in comparisons {
                let levels = comparison.levelCount
                let row = levelMass[comparison.rawValue]
                let sum = (1...levels).reduce(0.0) { $0 + row[$1] }
                guard sum > 0 else { continue }
                for level in 1...levels {
                    let value =
                        (row[level] + mPseudoCount * mPrior[comparison.rawValue][level - 1])
                        / (sum + mPseudoCount)
                    change = max(change, abs(value - m[comparison.rawValue][level - 1]))
                    m[comparison.rawValue][level - 1] = value
                }
                guard updateU, !fixedU.contains(comparison) else { continue }
                let rowU = levelMassU[comparison.rawValue]
                let sumU = (1...levels).reduce(0.0) { $0 + rowU[$1] }
                guard sumU > 0 else { continue }
                for level in 1...levels {
                    let value =
                        (rowU[level] + uPseudoCount * uPrior[comparison.rawValue][level - 1])
                        / (sumU + uPseudoCount)
                    change = max(change, abs(value - u[comparison.rawValue][level - 1]))
                    u[comparison.rawValue][level - 1] = value
                }
            }
            if change < tolerance {
                converged = true
                break
            }
        }
        rebuildWeights()
    }
}
