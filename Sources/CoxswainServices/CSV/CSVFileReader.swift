import CoxswainDomain

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams CSV records from a file (or stdin, path `"-"`) through a ``CSVParser``, one chunk at a time.
///
/// Memory use is one chunk (default 1 MiB) plus the record being parsed, whatever the file size.
/// ``bytesRead`` and ``fileSize`` let a caller report progress.
///
/// ```swift
/// let reader = try CSVFileReader(path: "leads.csv")
/// try reader.forEach { result in
///     switch result {
///     case .success(let record): importRow(record)          // record.line, record[0], record.bytes(at: 3)
///     case .failure(let error): rejected.append(error)     // "line 12, column 3: …"
///     }
///     progress(reader.bytesRead, of: reader.fileSize)
/// }
/// ```
public final class CSVFileReader {
    /// The path given at creation (`"-"` for stdin).
    public let path: String
    /// Size of the file in bytes, or `nil` when reading from a pipe or stdin.
    public let fileSize: Int?
    /// Bytes read from the file so far.
    public private(set) var bytesRead = 0

    private var parser: CSVParser
    private let descriptor: Int32
    private let chunk: UnsafeMutableBufferPointer<UInt8>
    private var filled = 0
    private var position = 0
    private var reachedEnd = false
    private var finished = false
    private var isOpen = true

    /// Opens `path` for reading (`"-"` reads standard input).
    /// - Throws: ``CSVFileError/cannotOpen(path:reason:)`` naming the path when it is missing, unreadable or a
    ///   directory.
    public init(
        path: String, options: CSVParserOptions = CSVParserOptions(), chunkSize: Int = 1 << 20
    ) throws(CSVFileError) {
        precondition(chunkSize > 0, "chunkSize must be positive")
        self.path = path
        self.descriptor = try CSVPOSIX.openForReading(path)
        self.fileSize = CSVPOSIX.regularFileSize(descriptor)
        self.parser = CSVParser(options: options)
        self.chunk = .allocate(capacity: chunkSize)
    }

    deinit {
        close()
        chunk.deallocate()
    }

    /// Returns the next record or record error, or `nil` at the end of the file.
    /// - Throws: ``CSVFileError/readFailed(path:reason:)`` when the operating system reports a read error.
    public func next() throws(CSVFileError) -> CSVParseResult? {
        while true {
            if position < filled {
                let available = UnsafeBufferPointer(rebasing: chunk[0..<filled])
                if let result = parser.next(in: available, position: &position) { return result }
            }
            if reachedEnd || !isOpen {
                if finished { return nil }
                finished = true
                return parser.finish()
            }
            try refill()
        }
    }

    /// Calls `body` for every record or record error until the end of the file. Errors thrown by `body` stop the
    /// iteration and are rethrown; I/O errors are thrown as ``CSVFileError``.
    public func forEach(_ body: (CSVParseResult) throws -> Void) throws {
        while let result = try next() {
            try body(result)
        }
    }

    /// Closes the file (standard input is left open). Called automatically on deinitialisation.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        if descriptor != STDIN_FILENO { _ = closeDescriptor(descriptor) }
    }

    private func refill() throws(CSVFileError) {
        let count = CSVPOSIX.readChunk(descriptor, into: chunk.baseAddress!, count: chunk.count)
        guard count >= 0 else { throw .readFailed(path: path, reason: CSVPOSIX.message(errno)) }
        position = 0
        filled = count
        bytesRead += count
        if count == 0 { reachedEnd = true }
    }
}

@available(*, unavailable, message: "A CSVFileReader owns a file position; use it from one task")
extension CSVFileReader: Sendable {}

private func closeDescriptor(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
