import Foundation
import Synchronization
import Testing

@testable import CoxswainServices

@Suite("parallelMap")
struct ParallelMapTests {
    final class Tracked: Sendable {
        let counter: Counter
        init(_ counter: Counter) {
            self.counter = counter
            counter.add(1)
        }
        deinit { counter.add(-1) }
    }

    final class Counter: Sendable {
        private let value = Mutex(0)
        func add(_ n: Int) { value.withLock { $0 += n } }
        var current: Int { value.withLock { $0 } }
    }

    @Test func resultsKeepInputOrderAcrossCores() {
        let input = Array(0..<10_000)
        #expect(input.parallelMap(minimumChunk: 16) { $0 * 2 } == input.map { $0 * 2 })
    }

    /// Regression: the intermediate buffer was freed without deinitialising it, leaking every element
    /// (an import of 1M rows kept ~1 KB per row alive).
    @Test func mappedElementsAreReleasedWhenTheResultIsDropped() {
        // Given objects that count themselves alive
        let counter = Counter()
        // When they are produced by parallelMap and the result is dropped
        do {
            let objects = Array(0..<5_000).parallelMap(minimumChunk: 16) { _ in Tracked(counter) }
            #expect(objects.count == 5_000)
        }
        // Then none is still alive
        #expect(counter.current == 0)
    }
}
