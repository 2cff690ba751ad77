import Foundation

/// Two-sided test of two proportions with a confidence interval and effect size. Differences are B − A.
///
/// Example: A wins 26 of 100, B 34 of 100 → difference +0.08, pooled z = 1.234, p = 0.217,
/// Newcombe 95% CI −0.047 to +0.203, Cohen's h = 0.175; with 182 of 700 vs 238 of 700 the same +8 points give
/// z = 3.266, p = 0.0011, CI +0.032 to +0.127 (values pinned against SciPy in the tests). Newcombe (1998)'s own
/// example 56/70 − 48/80 = 0.200 has the interval 0.0524 to 0.3339.
public struct ProportionComparison: Hashable, Sendable, Codable {
    /// Successes (won deals) in A.
    public var successesA: Int
    /// Trials (closed deals) in A.
    public var totalA: Int
    /// Successes in B.
    public var successesB: Int
    /// Trials in B.
    public var totalB: Int
    /// successesA ÷ totalA.
    public var rateA: Double
    /// successesB ÷ totalB.
    public var rateB: Double
    /// rateB − rateA.
    public var difference: Double
    /// Lower end of the Newcombe (hybrid Wilson score, method 10) interval of the difference.
    public var ciLower: Double
    /// Upper end of that interval.
    public var ciUpper: Double
    /// Confidence level of the interval, e.g. 0.95.
    public var confidence: Double
    /// Pooled two-proportion z statistic; nil when the pooled rate is 0 or 1 (no variance).
    public var z: Double?
    /// Two-sided p-value of z; 1 when there is no variance.
    public var pValue: Double
    /// Cohen's h = 2·asin(√rateB) − 2·asin(√rateA).
    public var cohensH: Double
}

/// Comparison of two samples of a continuous measure (cycle days, deal size). Differences are B − A.
///
/// Example: A = [10, 20, 30, 40], B = [25, 35, 45, 55, 65] → U(A) = 3, p = 0.111 (SciPy
/// `mannwhitneyu(A, B, method="asymptotic", use_continuity=True)`), median difference 45 − 25 = +20.
public struct DistributionComparison: Hashable, Sendable, Codable {
    /// Sample sizes.
    public var countA: Int
    /// Size of B.
    public var countB: Int
    /// Medians and means of each sample.
    public var medianA: Double
    /// Median of B.
    public var medianB: Double
    /// Mean of A.
    public var meanA: Double
    /// Mean of B.
    public var meanB: Double
    /// medianB − medianA.
    public var medianDifference: Double
    /// Seeded percentile-bootstrap interval of the median difference.
    public var medianDifferenceCI: ClosedRange<Double>
    /// meanB − meanA.
    public var meanDifference: Double
    /// Seeded percentile-bootstrap interval of the mean difference.
    public var meanDifferenceCI: ClosedRange<Double>
    /// Mann–Whitney U of sample A (SciPy's `statistic` for `mannwhitneyu(A, B)`).
    public var mannWhitneyU: Double
    /// Normal-approximation z (tie-corrected, continuity-corrected, sign: positive when B tends to be larger).
    public var z: Double
    /// Two-sided p-value.
    public var pValue: Double
    /// Probability that a random B value exceeds a random A value (ties count half) = U(B) ÷ (nA·nB).
    public var probabilityBGreater: Double
}

/// The statistics behind cohort comparison; pure functions, verified against SciPy 1.17 in the tests.
public enum Statistics {
    /// The two-sided standard-normal quantile for a confidence level: 0.95 → 1.959964. Levels outside
    /// 0.5…0.999999 are clamped into it (a 100% interval does not exist).
    public static func zCritical(confidence: Double) -> Double {
        let level = confidence.isNaN ? 0.95 : min(max(confidence, 0.5), 0.999_999)
        return normalQuantile(0.5 + level / 2)
    }

    /// P(Z > z) for a standard normal Z, via `erfc` (accurate in the far tail): z = 1.96 → 0.025.
    public static func normalUpperTail(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }

    /// Standard-normal quantile (Acklam's rational approximation refined by one Halley step; |error| < 1e-12).
    public static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "quantile needs 0 < p < 1")
        let a = [
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01,
            2.506628277459239e+00,
        ]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00,
            2.938163982698783e+00,
        ]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        var x: Double
        if p < 0.02425 {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p > 1 - 0.02425 {
            let q = (-2 * log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else {
            let q = p - 0.5
            let r = q * q
            x =
                (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }

    /// Wilson score interval of a proportion; nil when `total` is 0.
    /// Example: 26 of 100 at 95% → 0.1840 to 0.3538.
    public static func wilsonInterval(successes: Int, total: Int, confidence: Double = 0.95) -> ClosedRange<Double>? {
        guard total > 0 else { return nil }
        let z = zCritical(confidence: confidence)
        let n = Double(total)
        let p = Double(successes) / n
        let denominator = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
        return max(0, centre - half)...min(1, centre + half)
    }

    /// Pooled two-proportion z-test, Newcombe's hybrid score interval for rateB − rateA and Cohen's h;
    /// nil when either total is 0.
    public static func compareProportions(
        successesA: Int, totalA: Int, successesB: Int, totalB: Int, confidence: Double = 0.95
    )
        -> ProportionComparison?
    {
        guard let wa = wilsonInterval(successes: successesA, total: totalA, confidence: confidence),
            let wb = wilsonInterval(successes: successesB, total: totalB, confidence: confidence)
        else { return nil }
        let pa = Double(successesA) / Double(totalA)
        let pb = Double(successesB) / Double(totalB)
        let d = pb - pa
        let lower = d - ((pb - wb.lowerBound) * (pb - wb.lowerBound) + (wa.upperBound - pa) * (wa.upperBound - pa)).squareRoot()
        let upper = d + ((wb.upperBound - pb) * (wb.upperBound - pb) + (pa - wa.lowerBound) * (pa - wa.lowerBound)).squareRoot()
        let pooled = Double(successesA + successesB) / Double(totalA + totalB)
        let se = (pooled * (1 - pooled) * (1 / Double(totalA) + 1 / Double(totalB))).squareRoot()
        let z: Double? = se > 0 ? d / se : nil
        let p = z.map { min(1, 2 * normalUpperTail(abs($0))) } ?? 1
        let h = 2 * asin(pb.squareRoot()) - 2 * asin(pa.squareRoot())
        return ProportionComparison(
            successesA: successesA, totalA: totalA, successesB: successesB, totalB: totalB, rateA: pa, rateB: pb, difference: d,
            ciLower: lower, ciUpper: upper, confidence: confidence, z: z, pValue: p, cohensH: h)
    }

    /// Mann–Whitney U test, normal approximation with tie correction and continuity correction, two-sided
    /// (SciPy `mannwhitneyu(a, b, method="asymptotic", use_continuity=True)`). Returns U of `a`, z (positive
    /// when `b` tends to be larger) and p; nil when either sample is empty. All values tied → z 0, p 1.
    public static func mannWhitney(_ a: [Double], _ b: [Double]) -> (u: Double, z: Double, pValue: Double)? {
        let n1 = a.count
        let n2 = b.count
        guard n1 > 0, n2 > 0 else { return nil }
        var pooled = a.map { ($0, true) } + b.map { ($0, false) }
        pooled.sort { $0.0 < $1.0 }
        let n = pooled.count
        var rankSumA = 0.0
        var tieTerm = 0.0
        var i = 0
        while i < n {
            var j = i
            while j + 1 < n && pooled[j + 1].0 == pooled[i].0 { j += 1 }
            let rank = Double(i + j + 2) / 2  // mid-rank of positions i...j (1-based)
            for k in i...j where pooled[k].1 { rankSumA += rank }
            let t = Double(j - i + 1)
            tieTerm += t * t * t - t
            i = j + 1
        }
        let u1 = rankSumA - Double(n1 * (n1 + 1)) / 2
        let u2 = Double(n1 * n2) - u1
        let mu = Double(n1 * n2) / 2
        let nn = Double(n)
        let variance = Double(n1 * n2) / 12 * ((nn + 1) - tieTerm / (nn * (nn - 1)))
        guard variance > 0 else { return (u1, 0, 1) }
        let sigma = variance.squareRoot()
        let magnitude = (max(u1, u2) - mu - 0.5) / sigma
        let p = min(1, max(0, 2 * normalUpperTail(magnitude)))
        let z = max(0, magnitude)  // equal U's: no direction, z 0 (SciPy's p is clipped to 1 there too)
        return (u1, u2 >= u1 ? z : -z, p)
    }

    /// Seeded percentile bootstrap of the difference B − A of medians and of means: `resamples` times, draw each
    /// sample with replacement (``SeededGenerator``), take the statistic, and report the `(1 − confidence)/2`
    /// and `(1 + confidence)/2` quantiles with linear interpolation (NumPy's default `percentile`).
    /// The same seed always gives the same interval. nil when either sample is empty.
    public static func bootstrapDifferences(
        _ a: [Double], _ b: [Double], resamples: Int = 2_000, confidence: Double = 0.95, seed: UInt64 = 20_260_101
    ) -> (median: ClosedRange<Double>, mean: ClosedRange<Double>)? {
        guard !a.isEmpty, !b.isEmpty, resamples > 0 else { return nil }
        var rng = SeededGenerator(seed: seed)
        let sa = a.sorted()
        let sb = b.sorted()
        var countsA = [Int32](repeating: 0, count: sa.count)
        var countsB = [Int32](repeating: 0, count: sb.count)
        var medians: [Double] = []
        var means: [Double] = []
        medians.reserveCapacity(resamples)
        means.reserveCapacity(resamples)
        for _ in 0..<resamples {
            let (medianA, meanA) = resampleStatistics(sa, counts: &countsA, rng: &rng)
            let (medianB, meanB) = resampleStatistics(sb, counts: &countsB, rng: &rng)
            medians.append(medianB - medianA)
            means.append(meanB - meanA)
        }
        let lowQ = (1 - confidence) / 2
        let highQ = (1 + confidence) / 2
        medians.sort()
        means.sort()
        return (quantile(medians, lowQ)...quantile(medians, highQ), quantile(means, lowQ)...quantile(means, highQ))
    }

    /// Median and mean of one resample of a sorted sample, in O(n) (counts per original position, then a walk).
    private static func resampleStatistics(_ sorted: [Double], counts: inout [Int32], rng: inout SeededGenerator) -> (Double, Double) {
        let n = sorted.count
        for k in 0..<n { counts[k] = 0 }
        var sum = 0.0
        for _ in 0..<n {
            let k = Int.random(in: 0..<n, using: &rng)
            counts[k] += 1
            sum += sorted[k]
        }
        // The k-th smallest of the resample (0-based) for k = (n-1)/2 and n/2.
        let lowRank = (n - 1) / 2
        let highRank = n / 2
        var seen = 0
        var low = sorted[0]
        var high = sorted[0]
        for k in 0..<n where counts[k] > 0 {
            let next = seen + Int(counts[k])
            if lowRank >= seen && lowRank < next { low = sorted[k] }
            if highRank >= seen && highRank < next {
                high = sorted[k]
                break
            }
            seen = next
        }
        return ((low + high) / 2, sum / Double(n))
    }

    /// Linear-interpolation quantile of a sorted array (NumPy `percentile(..., method="linear")`).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }
}
