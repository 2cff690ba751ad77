/// SplitMix64: a tiny, fast, seedable `RandomNumberGenerator`. The same seed always yields the same sequence on
/// every platform, which keeps sampling, synthetic data and tests reproducible.
///
/// Example: `var rng = SplitMix64(seed: 42); Int.random(in: 0..<10, using: &rng)` is the same on every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// Current state.
    public private(set) var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    /// Next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly distributed index in `0..<bound` (bound > 0).
    public mutating func index(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// `true` with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < p
    }
}
