import Foundation

/// "Nice" axis ticks after Heckbert's *Nice Numbers for Graph Labels* (Graphics Gems, 1990).
///
/// Tick steps are 1, 2, 2.5 or 5 times a power of ten, so an axis reads `0, 250K, 500K, 750K, 1M`
/// rather than `0, 237K, 474K, …`. The 2.5 multiple extends Heckbert's original 1-2-5 set because quarter steps
/// are what sales people expect on money axes. Among the candidate steps near the raw step, the one whose ticks
/// hug the data most tightly (with `count - 1 ... count + 2` ticks) is chosen, so `0...5.4M` becomes
/// `0, 2M, 4M, 6M` instead of Heckbert's looser `0, 2.5M, 5M, 7.5M`.
///
/// ```swift
/// let ticks = NiceTicks(lower: 0, upper: 1_000_000, count: 5)
/// ticks.values   // [0, 250000, 500000, 750000, 1000000]
/// ```
public struct NiceTicks: Sendable, Hashable {
    /// Tick values from ``lower`` to ``upper`` inclusive, ascending.
    public let values: [Double]
    /// Distance between neighbouring ticks; always positive.
    public let step: Double
    /// The first tick: the data minimum rounded down to a multiple of ``step``.
    public let lower: Double
    /// The last tick: the data maximum rounded up to a multiple of ``step``.
    public let upper: Double

    /// Computes ticks covering `lower...upper` with roughly `count` ticks (at least 2).
    ///
    /// Reversed bounds are swapped, non-finite bounds are treated as 0, and an empty range (`lower == upper`)
    /// is widened so that the result always has at least two distinct ticks.
    public init(lower: Double, upper: Double, count: Int = 5) {
        var low = lower.isFinite ? lower : 0
        var high = upper.isFinite ? upper : 0
        if low > high { swap(&low, &high) }
        if low == high {
            if low == 0 {
                high = 1
            } else {
                let pad = abs(low) * 0.1
                low -= pad
                high += pad
                if lower >= 0 && low < 0 { low = 0 }
            }
        }
        let wanted = max(2, count)
        let step = Self.bestStep(low: low, high: high, wanted: wanted)
        let values = Self.values(low: low, high: high, step: step)
        self.values = values
        self.step = step
        self.lower = values.first ?? low
        self.upper = values.last ?? high
    }

    /// Picks the nice step whose ticks cover `low...high` most tightly with between `wanted - 1` and
    /// `wanted + 2` ticks (fewer ticks win ties); falls back to Heckbert's classic loose labelling.
    static func bestStep(low: Double, high: Double, wanted: Int) -> Double {
        let raw = (high - low) / Double(wanted - 1)
        let exponent = floor(log10(raw))
        var best: (step: Double, span: Double, ticks: Int)?
        for power in [exponent - 1, exponent, exponent + 1] {
            for fraction in [1.0, 2, 2.5, 5] {
                let step = fraction * pow(10, power)
                let first = (low / step + 1e-9).rounded(.down)
                let last = (high / step - 1e-9).rounded(.up)
                let ticks = Int(last - first) + 1
                guard ticks >= wanted - 1, ticks <= wanted + 2 else { continue }
                let span = (last - first) * step
                if let current = best,
                    current.span < span * (1 - 1e-9)
                        || (abs(current.span - span) <= span * 1e-9 && current.ticks <= ticks)
                {
                    continue
                }
                best = (step, span, ticks)
            }
        }
        if let best { return best.step }
        let range = niceNumber(high - low, round: false)
        return niceNumber(range / Double(wanted - 1), round: true)
    }

    /// Tick values from the multiple of `step` at or below `low` to the one at or above `high`, rounded to the
    /// step's decimal places so that `0.1 × 3` prints as `0.3`.
    static func values(low: Double, high: Double, step: Double) -> [Double] {
        let firstIndex = (low / step + 1e-9).rounded(.down)
        let lastIndex = (high / step - 1e-9).rounded(.up)
        let places = NumberText.decimals(forStep: step)
        var scale: Double = 1
        for _ in 0..<places { scale *= 10 }
        var values: [Double] = []
        var index = firstIndex
        while index <= lastIndex + 0.5 && values.count < 1_000 {
            var value = (index * step * scale).rounded() / scale
            if value == 0 { value = 0 }  // normalise -0
            values.append(value)
            index += 1
        }
        if values.count < 2 { values.append(((index * step) * scale).rounded() / scale) }
        return values
    }

    /// Heckbert's nice number: a value of the form f × 10ⁿ with f in {1, 2, 2.5, 5, 10} close to `value`.
    ///
    /// With `round` the closest nice number is chosen; otherwise the smallest nice number not below `value`.
    public static func niceNumber(_ value: Double, round: Bool) -> Double {
        guard value.isFinite, value > 0 else { return 1 }
        let exponent = floor(log10(value))
        let power = pow(10, exponent)
        let fraction = value / power
        let nice: Double
        if round {
            switch fraction {
            case ..<1.5: nice = 1
            case ..<2.25: nice = 2
            case ..<3.5: nice = 2.5
            case ..<7.5: nice = 5
            default: nice = 10
            }
        } else {
            switch fraction {
            case ...1: nice = 1
            case ...2: nice = 2
            case ...2.5: nice = 2.5
            case ...5: nice = 5
            default: nice = 10
            }
        }
        return nice * power
    }
}
