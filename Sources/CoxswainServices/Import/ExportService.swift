import CoxswainDomain
import Foundation

/// Streams an entity to CSV: one column per field (money as a decimal amount next to its currency; lists
/// `;`-separated), in id order, `batchSize` records at a time so memory stays flat for any table size.
/// Cells that a spreadsheet would execute (`=`, `+`, `-`, `@` …) are neutralised with a leading `'`.
public struct ExportService: Sendable {
    public let store: any RecordStore

    public init(store: any RecordStore) { self.store = store }

    /// Writes `schema`'s records matching `filters` to `path` (`-` for stdout); returns the number of rows.
    @discardableResult
    public func exportCSV(
        _ schema: EntitySchema, to path: String, filters: [ListFilter] = [], batchSize: Int = 5000,
        progress: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws -> Int {
        let writer: CSVFileWriter
        do {
            writer = try CSVFileWriter(path: path, options: CSVWriterOptions(lineEnding: .lf, neutralisesFormulas: true))
            try writer.writeRow(schema.fields.map(\.name))
        } catch { throw ImportError(String(describing: error)) }
        let box = WriterBox(writer: writer)
        try await store.read { reader in
            try await reader.scan(schema, filters: filters, batchSize: batchSize) { records in
                try box.write(records)
                progress(box.count)
            }
        }
        do { try writer.close() } catch { throw ImportError(String(describing: error)) }
        return box.count
    }

    /// Renders records as CSV text (for HTTP responses); same format as ``exportCSV(_:to:filters:batchSize:progress:)``.
    public static func csv(_ records: [Record], schema: EntitySchema) -> String {
        let writer = CSVWriter(options: CSVWriterOptions(lineEnding: .lf, neutralisesFormulas: true))
        var bytes: [UInt8] = []
        writer.appendRow(schema.fields.map(\.name), to: &bytes)
        for r in records { writer.appendRow(r.values.map(\.csvText), to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Serialises writes from the scan callback (which runs sequentially) into the file writer.
private final class WriterBox: @unchecked Sendable {
    let writer: CSVFileWriter
    private(set) var count = 0
    private let lock = NSLock()
    init(writer: CSVFileWriter) { self.writer = writer }
    func write(_ records: [Record]) throws {
        lock.lock()
        defer { lock.unlock() }
        for r in records {
            do { try writer.writeRow(r.values.map(\.csvText)) } catch { throw ImportError(String(describing: error)) }
        }
        count += records.count
    }
}
