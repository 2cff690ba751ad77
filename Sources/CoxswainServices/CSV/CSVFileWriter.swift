import CoxswainDomain

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes CSV rows to a file (or stdout, path `"-"`) through a buffered ``CSVWriter``.
///
/// Rows are collected in memory and written out whenever the buffer reaches ``flushThreshold`` (default 1 MiB).
/// Call ``close()`` when done: it flushes the remaining rows and reports any write error. Deinitialising an
/// unclosed writer flushes on a best-effort basis and ignores errors.
///
/// ```swift
/// let file = try CSVFileWriter(path: "export.csv", options: CSVWriterOptions(neutralisesFormulas: true))
/// try file.writeRow(["Id", "Name"])
/// try file.writeRow(["7", "=cmd|' /C calc'!A0"])    // written as '=cmd|' /C calc'!A0
/// try file.close()
/// ```
public final class CSVFileWriter {
    /// The path given at creation (`"-"` for stdout).
    public let path: String
    /// Buffer size that triggers a write to the file.
    public let flushThreshold: Int
    /// The row serialiser.
    public let writer: CSVWriter
    /// Bytes handed to the operating system so far (excludes the unflushed buffer).
    public private(set) var bytesWritten = 0

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var isOpen = true

    /// Creates or truncates `path` (`"-"` writes to standard output).
    /// - Throws: ``CSVFileError/cannotOpen(path:reason:)`` naming the path.
    public init(
        path: String, options: CSVWriterOptions = CSVWriterOptions(), flushThreshold: Int = 1 << 20
    ) throws(CSVFileError) {
        self.path = path
        self.flushThreshold = max(1, flushThreshold)
        self.writer = CSVWriter(options: options)
        self.descriptor = try CSVPOSIX.openForWriting(path)
        buffer.reserveCapacity(self.flushThreshold + 4096)
    }

    deinit {
        if isOpen { try? close() }
    }

    /// Appends one row of text fields.
    public func writeRow<Fields: Sequence>(_ fields: Fields) throws(CSVFileError) where Fields.Element: StringProtocol {
        guard isOpen else { throw .closed(path: path) }
        writer.appendRow(fields, to: &buffer)
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Appends one parsed record, byte for byte.
    public func writeRow(_ record: CSVRecord) throws(CSVFileError) {
        guard isOpen else { throw .closed(path: path) }
        writer.appendRow(record, to: &buffer)
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Appends bytes that are already CSV (e.g. a pre-serialised batch of rows) without any processing.
    public func writeRaw(_ bytes: [UInt8]) throws(CSVFileError) {
        guard isOpen else { throw .closed(path: path) }
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Writes buffered rows to the file.
    public func flush() throws(CSVFileError) {
        guard isOpen else { throw .closed(path: path) }
        guard !buffer.isEmpty else { return }
        let failure = buffer.withUnsafeBytes { CSVPOSIX.writeAll(descriptor, $0) }
        if let failure { throw .writeFailed(path: path, reason: CSVPOSIX.message(failure)) }
        bytesWritten += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file (standard output is flushed but left open).
    public func close() throws(CSVFileError) {
        guard isOpen else { return }
        defer {
            isOpen = false
            if descriptor != STDOUT_FILENO { _ = closeWriterDescriptor(descriptor) }
        }
        try flush()
    }
}

@available(*, unavailable, message: "A CSVFileWriter owns a buffer and a file; use it from one task")
extension CSVFileWriter: Sendable {}

private func closeWriterDescriptor(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
