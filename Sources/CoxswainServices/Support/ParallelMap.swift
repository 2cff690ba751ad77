import Foundation

extension Array where Element: Sendable {
    /// Maps on all cores in contiguous chunks; the result order (and so every outcome) is independent of
    /// thread timing. Small arrays are mapped inline.
    public func parallelMap<T: Sendable>(minimumChunk: Int = 256, _ transform: @Sendable (Element) -> T) -> [T] {
        let workers = Swift.min(ProcessInfo.processInfo.activeProcessorCount, Swift.max(1, count / minimumChunk))
        if workers <= 1 { return map(transform) }
        let chunk = (count + workers - 1) / workers
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            // Deinitialise before freeing, or every mapped element leaks.
            results.deinitialize()
            results.deallocate()
        }
        let base = SendableBuffer(buffer: results)
        self.withUnsafeBufferPointer { input in
            let source = SendableInput(buffer: input)
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                let start = w * chunk
                let end = Swift.min(start + chunk, source.buffer.count)
                guard start < end else { return }
                for i in start..<end { base.buffer[i] = transform(source.buffer[i]) }
            }
        }
        return results.map { $0! }
    }
}

private struct SendableBuffer<T>: @unchecked Sendable { let buffer: UnsafeMutableBufferPointer<T?> }
private struct SendableInput<T>: @unchecked Sendable { let buffer: UnsafeBufferPointer<T> }
