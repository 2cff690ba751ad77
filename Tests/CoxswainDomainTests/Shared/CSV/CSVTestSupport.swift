import CoxswainDomain

/// Helpers shared by the CSV parser and writer tests.
enum CSVTestSupport {
    /// Parses `bytes` fed in consecutive chunks of the given sizes (cycled), then finishes.
    static func parse(
        _ bytes: [UInt8], chunkSizes: [Int], options: CSVParserOptions = CSVParserOptions()
    ) -> [CSVParseResult] {
        var parser = CSVParser(options: options)
        var results: [CSVParseResult] = []
        var offset = 0
        var turn = 0
        while offset < bytes.count {
            let size = max(1, chunkSizes[turn % chunkSizes.count])
            let end = min(bytes.count, offset + size)
            parser.parse(Array(bytes[offset..<end])) { results.append($0) }
            offset = end
            turn += 1
        }
        parser.finish { results.append($0) }
        return results
    }

    /// The field strings of every successfully parsed record.
    static func rows(_ results: [CSVParseResult]) -> [[String]] {
        results.compactMap { try? $0.get().strings }
    }

    /// The start lines of every successfully parsed record.
    static func lines(_ results: [CSVParseResult]) -> [Int] {
        results.compactMap { try? $0.get().line }
    }

    /// Every reported error.
    static func errors(_ results: [CSVParseResult]) -> [CSVError] {
        results.compactMap { result in
            if case .failure(let error) = result { return error }
            return nil
        }
    }
}

/// SplitMix64: a tiny, seeded, reproducible random number generator for property-style tests.
struct CSVSplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
