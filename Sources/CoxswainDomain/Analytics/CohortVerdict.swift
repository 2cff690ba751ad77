import Foundation

/// Plain-language sentences for a cohort comparison. A difference is called "better / faster / larger" only
/// when its p-value is below 1 − confidence; otherwise the sentence says there is no clear difference.
///
/// Cohen's h is labelled by the nearest of Cohen's benchmarks 0.2 / 0.5 / 0.8 (boundaries at the midpoints):
/// |h| < 0.1 negligible, < 0.35 small, < 0.65 medium, otherwise large — so h = 0.18 reads "small".
enum CohortVerdict {
    static func text(
        a: CohortSample, b: CohortSample, rate: ProportionComparison?, cycle: DistributionComparison?, size: DistributionComparison?,
        confidence: Double
    ) -> String {
        let alpha = 1 - confidence
        let level = "\(Int((confidence * 100).rounded()))% CI"
        var sentences: [String] = []
        if let r = rate {
            let ci = "\(level) \(signed(r.ciLower * 100)) to \(signed(r.ciUpper * 100)) pts"
            let effect = "effect \(effectLabel(r.cohensH)) (h = \(fixed(abs(r.cohensH), 2)))"
            if r.pValue < alpha && r.difference != 0 {
                // Stated from the better cohort's side: its rate first, a positive difference and its interval.
                let bBetter = r.difference > 0
                let (winner, high, low) = bBetter ? (b.name, r.rateB, r.rateA) : (a.name, r.rateA, r.rateB)
                let sign = bBetter ? 1.0 : -1.0
                let (lower, upper) = bBetter ? (r.ciLower, r.ciUpper) : (-r.ciUpper, -r.ciLower)
                sentences.append(
                    "\(winner) converts better: \(percent(high)) vs \(percent(low)) (\(signed(sign * r.difference * 100)) pts, "
                        + "\(level) \(signed(lower * 100)) to \(signed(upper * 100)) pts, \(pText(r.pValue))); \(effect).")
            } else {
                sentences.append(
                    "No clear difference in conversion: \(b.name) \(percent(r.rateB)) vs \(a.name) \(percent(r.rateA)) "
                        + "(\(signed(r.difference * 100)) pts, \(ci), \(pText(r.pValue))); \(effect).")
            }
        } else {
            sentences.append("Win rates cannot be compared: a cohort has no closed deals.")
        }
        if let c = cycle {
            let detail =
                "median \(fixed(c.medianB, 0)) vs \(fixed(c.medianA, 0)) days (\(signed(c.medianDifference)) days, "
                + "\(level) \(signed(c.medianDifferenceCI.lowerBound)) to \(signed(c.medianDifferenceCI.upperBound)) days, \(pText(c.pValue)))"
            if c.pValue < alpha && c.medianDifference != 0 {
                sentences.append("\(b.name) closes \(c.medianDifference < 0 ? "faster" : "slower"): \(detail).")
            } else {
                sentences.append("No clear difference in cycle time (\(b.name) vs \(a.name)): \(detail).")
            }
        }
        if let s = size {
            let code = b.currency.map { " \($0.code)" } ?? ""
            let detail =
                "median \(grouped(s.medianB)) vs \(grouped(s.medianA))\(code) (\(signedGrouped(s.medianDifference)), \(level) "
                + "\(signedGrouped(s.medianDifferenceCI.lowerBound)) to \(signedGrouped(s.medianDifferenceCI.upperBound)); "
                + "mean \(signedGrouped(s.meanDifference)); \(pText(s.pValue)))"
            if s.pValue < alpha && s.medianDifference != 0 {
                sentences.append("\(b.name) wins \(s.medianDifference > 0 ? "larger" : "smaller") deals: \(detail).")
            } else {
                sentences.append("No clear difference in deal size (\(b.name) vs \(a.name)): \(detail).")
            }
        }
        return sentences.joined(separator: " ")
    }

    /// negligible / small / medium / large (see type docs).
    static func effectLabel(_ h: Double) -> String {
        let m = abs(h)
        return m < 0.1 ? "negligible" : m < 0.35 ? "small" : m < 0.65 ? "medium" : "large"
    }

    /// `p < 0.001`, `p = 0.002`, `p = 0.21`.
    static func pText(_ p: Double) -> String {
        if p < 0.001 { return "p < 0.001" }
        return p < 0.01 ? "p = \(fixed(p, 3))" : "p = \(fixed(p, p < 0.1 ? 3 : 2))"
    }

    /// `34%`.
    static func percent(_ rate: Double) -> String { "\(fixed(rate * 100, 0))%" }

    /// `+8`, `-3`, `0` (never `-0`).
    static func signed(_ value: Double) -> String {
        let text = fixed(value, 0)
        return text == "0" || text.hasPrefix("-") ? text : "+" + text
    }

    /// Fixed decimals without `-0`.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        let text = String(format: "%.\(digits)f", value)
        let zero = String(format: "%.\(digits)f", 0.0)
        return text == "-" + zero ? zero : text
    }

    /// `30,000` (rounded to whole units).
    static func grouped(_ value: Double) -> String {
        let whole = Int64(value.rounded())
        var digits = String(whole.magnitude)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (whole < 0 ? "-" : "") + digits + out
    }

    /// `+5,000`, `-1,200`, `0`.
    static func signedGrouped(_ value: Double) -> String {
        let text = grouped(value)
        return text == "0" || text.hasPrefix("-") ? text : "+" + text
    }
}
