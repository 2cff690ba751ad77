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
        try AccessRules.require(.write, schema, actor)
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
        let service = records

        func reject(_ row: ImportReport.RejectedRow) throws {
            report.rejectedCount += 1
            if report.rejected.count < options.maxReportedRejects { report.rejected.append(row) }
            guard let rejectsWriter else { return }
            do {
                try rejectsWriter.writeRow(
                    Self.pad(row.cells, to: header.count) + [String(row.line), row.issues.map(\.description).joined(separator: "; ")])
            } catch { throw ImportError(String(describing: error)) }
        }

        func collect(_ outcome: ImportBatchOutcome) throws {
            report.prepareSeconds += outcome.prepareSeconds
            report.writeSeconds += outcome.writeSeconds
            report.inserted += outcome.inserted
            report.updated += outcome.updated
            report.unchanged += outcome.unchanged
            for r in outcome.rejected.sorted(by: { $0.line < $1.line }) { try reject(r) }
        }

        /// Reads up to one batch of well-formed rows, rejecting malformed ones on the way; nil at end of file.
        func nextBatch() throws -> [ImportRow]? {
            var batch: [ImportRow] = []
            batch.reserveCapacity(options.batchSize)
            while batch.count < options.batchSize, let next = try reader.next() {
                report.rowsRead += 1
                switch next {
                case .failure(let error):
                    let column = error.column >= 1 && error.column <= header.count ? header[error.column - 1] : ""
                    try reject(
                        ImportReport.RejectedRow(
                            line: error.line, issues: [FieldIssue(code: "invalid_csv", field: column, message: error.description)], cells: []))
                case .success(let record):
                    let cells = record.strings
                    guard cells.count == header.count else {
                        try reject(
                            ImportReport.RejectedRow(
                                line: record.line,
                                issues: [
                                    FieldIssue(
                                        code: "invalid_csv", field: "", message: "row has \(cells.count) fields but the header has \(header.count)")
                                ],
                                cells: cells))
                        continue
                    }
                    batch.append(ImportRow(line: record.line, cells: cells))
                }
            }
            return batch.isEmpty ? nil : batch
        }

        // Batch N is written while batch N+1 is parsed and validated, so both cores work; writes stay in order.
        try await withThrowingTaskGroup(of: ImportBatchOutcome.self) { group in
            var inFlight = false
            while let rows = try nextBatch() {
                // Lead duplicate check (LeadDuplicateGuard): warn per line or reject, by the org's mode.
                let (prepared, duplicates) = try await state.prepare(rows, service: service).screened(by: options.duplicateGuard)
                report.duplicates += duplicates
                if inFlight, let done = try await group.next() { try collect(done) }
                group.addTask { try await ImportBatchState.write(prepared, service: service) }
                inFlight = true
                progress(
                    ImportProgress(
                        bytesRead: reader.bytesRead, totalBytes: reader.fileSize, rowsRead: report.rowsRead,
                        rejected: report.rejectedCount))
            }
            if inFlight, let done = try await group.next() { try collect(done) }
        }
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
