import CoxswainDomain
import CoxswainServices
import Foundation

extension Environment {
    /// A deterministic environment: time starts at `start` and advances one second per call; ids are
    /// UUIDv7 from a seeded generator.
    public static func fixed(start: Date = Date(timeIntervalSince1970: 1_767_225_600), seed: UInt64 = 1) -> Environment {
        let state = FixedState(now: start, rng: SeededGenerator(seed: seed))
        return Environment(now: { state.tick() }, newID: { date in state.id(date) })
    }
}

private final class FixedState: @unchecked Sendable {
    private var now: Date
    private var rng: SeededGenerator
    private let lock = NSLock()
    init(now: Date, rng: SeededGenerator) {
        self.now = now
        self.rng = rng
    }
    func tick() -> Date {
        lock.lock()
        defer { lock.unlock() }
        now = now.addingTimeInterval(1)
        return now
    }
    func id(_ date: Date) -> String {
        lock.lock()
        defer { lock.unlock() }
        return UUIDv7.string(
            milliseconds: UInt64(max(0, date.timeIntervalSince1970 * 1000)),
            random: (UInt16(truncatingIfNeeded: rng.next()), rng.next()))
    }
}
