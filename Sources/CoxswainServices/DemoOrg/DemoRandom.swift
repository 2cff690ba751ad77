import CoxswainDomain
import Foundation

/// Sampling helpers for the demo-org generator. Every draw comes from the caller's ``SeededGenerator``, so a
/// seed fully determines the output; nothing here reads the clock or the system random source.
extension SeededGenerator {
    /// A uniform integer in `range` (modulo bias is below 2⁻⁴⁰ for the small ranges used here).
    mutating func int(_ range: Range<Int>) -> Int {
        precondition(!range.isEmpty, "empty range")
        return range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// A uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// A uniform double in `[low, high)`.
    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * nextUnit() }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool { nextUnit() < p }

    /// A uniformly chosen element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }

    /// A log-normal variate with the given median and log-scale spread (`median · e^(σ·Z)`).
    mutating func logNormal(median: Double, sigma: Double) -> Double { median * exp(sigma * nextGaussian()) }

    /// An index drawn with probability proportional to `weights` (all non-negative, not all zero).
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = nextUnit() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }

    /// A UUIDv7 string stamped with `milliseconds` (the record's creation time) and seeded random bits.
    mutating func uuid(at milliseconds: Int64) -> String {
        UUIDv7.string(milliseconds: UInt64(max(0, milliseconds)), random: (UInt16(truncatingIfNeeded: next()), next()))
    }
}

/// Cumulative weights for fast repeated sampling (binary search), e.g. creation days weighted by seasonality.
struct DemoWeightedTable: Sendable {
    private var cumulative: [Double] = []

    init(_ weights: [Double]) {
        var running = 0.0
        cumulative.reserveCapacity(weights.count)
        for w in weights {
            running += max(0, w)
            cumulative.append(running)
        }
    }

    var isEmpty: Bool { cumulative.isEmpty || cumulative[cumulative.count - 1] <= 0 }

    /// An index drawn with probability proportional to its weight.
    func sample(_ rng: inout SeededGenerator) -> Int {
        let x = rng.nextUnit() * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > x { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
