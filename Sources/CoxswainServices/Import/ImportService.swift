import CoxswainDomain
import Foundation

/// Failures that stop an import before any row is written.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Streams a CSV file into the store: header mapping, per-row validation, reference resolution, upsert by
/// `external_id` (or `id`), batched transactions with their audit rows, and a report of every rejected row.
///
/// Guarantees: the file is never loaded whole (memory is bounded by the batch size); a batch commits
/// entirely or not at all — a row that fails validation is rejected *before* the batch is written, and if
/// the database still refuses the batch, every row of it is reported as rejected with the reason; rows are
/// never dropped silently.
public struct ImportService: Sendable {
    public let records: RecordService

    public init(records: RecordService) { self.records = records }

    /// Imports `path` (CSV, delimiter sniffed from the header line) into `schema`.
    public func importCSV(
        _ schema: EntitySchema, path: String, options: ImportOptions = ImportOptions(), by actor: Principal,
        progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }
    ) async throws -> ImportReport {
        let started = Date()
        let context = try await records.store.read { try await records.validationContext($0) }
        let delimiter = try Self.sniffDelimiter(path)
        let reader: CSVFileReader
        do {
            reader = try CSVFileReader(path: path, options: CSVParserOptions(delimiter: delimiter))
        } catch {
            throw ImportError(error.description)
        }
        defer { reader.close() }
        guard let first = try reader.next() else { throw ImportError("\(path) is empty: expected a header line") }
        let header: [String]
        switch first {
        case .success(let record): header = record.strings
        case .failure(let error): throw ImportError("header: \(error.description)")
        }
        let mapping = try HeaderMapping(
            headers: header, schema: schema, customFields: context.customFields[schema.name] ?? [],
            overrides: options.mappings)
        if options.strictColumns, !mapping.ignored.isEmpty {
            throw ImportError("columns not recognised for \(schema.name): \(mapping.ignored.joined(separator: ", "))")
        }
        var report = ImportReport(entity: schema.plural)
        report.ignoredColumns = mapping.ignored
        report.mappedColumns = mapping.mapped
        report.dryRun = options.dryRun
        let rejectsWriter = try options.rejectsPath.map { path in
            do {
                let w = try CSVFileWriter(path: path, options: CSVWriterOptions(lineEnding: .lf, neutralisesFormulas: true))
                try w.writeRow(header + ["_line", "_errors"])
                return w
            } catch { throw ImportError(String(describing: error)) }
        }
        var state = ImportBatchState(
            schema: schema, mapping: mapping, header: header, context: context, options: options,
            actor: actor, jobID: records.environment.newID(started))
        var batch: [ImportRow] = []
        batch.reserveCapacity(options.batchSize)

        func reject(_ row: ImportReport.RejectedRow) throws {
            report.rejectedCount += 1
            if report.rejected.count < options.maxReportedRejects { report.rejected.append(row) }
            if let rejectsWriter {
                do {
                    try rejectsWriter.writeRow(
                        Self.pad(row.cells, to: header.count) + [String(row.line), row.issues.map(\.description).joined(separator: "; ")])
                } catch { throw ImportError(String(describing: error)) }
            }
        }

        func flush() async throws {
            guard !batch.isEmpty else { return }
            let outcome = try await state.process(batch, service: records)
            report.inserted += outcome.inserted
            report.updated += outcome.updated
            report.unchanged += outcome.unchanged
            for r in outcome.rejected { try reject(r) }
            batch.removeAll(keepingCapacity: true)
            progress(
                ImportProgress(
                    bytesRead: reader.bytesRead, totalBytes: reader.fileSize, rowsRead: report.rowsRead,
                    rejected: report.rejectedCount))
        }

        while let next = try reader.next() {
            report.rowsRead += 1
            switch next {
            case .failure(let error):
                let column = error.column >= 1 && error.column <= header.count ? header[error.column - 1] : ""
                try reject(
                    ImportReport.RejectedRow(
                        line: error.line, issues: [FieldIssue(code: "invalid_csv", field: column, message: error.description)], cells: []))
            case .success(let record):
                let cells = record.strings
                if cells.count != header.count {
                    try reject(
                        ImportReport.RejectedRow(
                            line: record.line,
                            issues: [
                                FieldIssue(
                                    code: "invalid_csv", field: "",
                                    message: "row has \(cells.count) fields but the header has \(header.count)")
                            ], cells: cells))
                    continue
                }
                batch.append(ImportRow(line: record.line, cells: cells))
                if batch.count >= options.batchSize { try await flush() }
            }
        }
        try await flush()
        if let rejectsWriter { do { try rejectsWriter.close() } catch { throw ImportError(String(describing: error)) } }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    static func pad(_ cells: [String], to count: Int) -> [String] {
        cells.count >= count ? cells : cells + Array(repeating: "", count: count - cells.count)
    }

    /// Picks `,`, `;`, tab or `|` from the first line of the file.
    static func sniffDelimiter(_ path: String) throws -> CSVDelimiter {
        guard path != "-" else { return .comma }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError("cannot open '\(path)': no such file or not readable")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 65_536)) ?? Data()
        let line = head.prefix { $0 != 10 && $0 != 13 }
        return CSVDelimiter.sniff(headerLine: Array(line))
    }
}

/// One parsed data row.
struct ImportRow: Sendable {
    var line: Int
    var cells: [String]
}
