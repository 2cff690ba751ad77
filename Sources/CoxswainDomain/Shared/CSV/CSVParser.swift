/// The outcome of parsing one record: the record, or the first problem found in it.
public typealias CSVParseResult = Result<CSVRecord, CSVError>

/// An incremental RFC 4180 parser over UTF-8 bytes, fed chunk by chunk.
///
/// Chunk boundaries may fall anywhere (inside a quoted field, between CR and LF, inside a BOM or a multi-byte
/// character). The parser never holds more than the record currently being parsed.
///
/// Dialect and rules:
/// - Fields are separated by ``CSVParserOptions/delimiter``; the quote character is `"`. A quoted field may contain
///   delimiters, line breaks and doubled quotes (`""` → `"`). Line breaks inside quotes are kept byte for byte.
/// - Records end at CRLF, LF or a lone CR, in any mix. A final record without a line break is still delivered.
/// - A UTF-8 byte order mark at the very start of the input is removed.
/// - **Blank lines are skipped**: a line break directly at the start of a record produces no record. A line holding
///   only `""` is a record with one empty field; a line holding spaces is a record with one field of spaces.
/// - A `"` inside an unquoted field (`ab"c`) and any character after a closing quote other than a delimiter or a
///   line break (`"ab"c`) are **errors**, not literal text.
///
/// **Error recovery.** A record with a problem is reported once, as soon as the problem is detected, as a
/// `.failure` naming the record's start line and the field. The parser then keeps reading the rest of that record
/// with the normal grammar — treating stray quotes as ordinary characters and discarding field content — and
/// resumes with the next record, so an importer can collect every bad row in one pass. Oversized fields and
/// surplus fields are discarded without being buffered (see the limits in ``CSVParserOptions``). The only
/// unrecoverable error is an unterminated quoted field: by nature it swallows the rest of the input and is
/// reported by ``finish()`` — or earlier as ``CSVError/Kind/fieldTooLarge(limit:)`` once the runaway field passes
/// ``CSVParserOptions/maxFieldBytes``, after which nothing more is reported.
///
/// ```swift
/// var parser = CSVParser(options: CSVParserOptions(delimiter: .semicolon))
/// for chunk in chunks {                       // e.g. [UInt8] blocks read from a file
///     parser.parse(chunk) { result in
///         switch result {
///         case .success(let record): print(record.line, record[0])
///         case .failure(let error): print(error)   // "line 7, column 3: unterminated quoted field"
///         }
///     }
/// }
/// parser.finish { result in /* the last record, if the input does not end with a line break */ }
/// ```
public struct CSVParser: Sendable {
    enum State: UInt8, Sendable {
        case recordStart, fieldStart, unquoted, quoted, quoteInQuoted
    }

    /// The options this parser was created with.
    public let options: CSVParserOptions
    var record: CSVRecord
    var state: State = .recordStart
    /// Current physical line (1-based).
    var line = 1
    /// The last consumed byte was a CR, so an immediately following LF belongs to the same line break.
    var afterCR = false
    /// Number of BOM bytes matched so far; `nil` once the start of input has been decided.
    var bomMatched: Int? = 0
    /// The current record has already been reported as a failure; its content is being discarded.
    var failed = false

    static let initialStorage = 4096
    static let retainedStorageLimit = 1 << 16

    /// Creates a parser.
    public init(options: CSVParserOptions = CSVParserOptions()) {
        self.options = options
        self.record = CSVRecord(reservingCapacity: Self.initialStorage)
    }

    /// Parses bytes from `input[position...]` until one record is complete, an error is found, or the input is
    /// exhausted; `position` is advanced past the consumed bytes.
    ///
    /// Returns `nil` only when all of `input` has been consumed (`position == input.count`); then feed the next
    /// chunk, or call ``finish()`` at the end of the input. This is the pull interface behind the `parse` methods;
    /// use it when records must be produced one at a time (e.g. an iterator).
    public mutating func next(in input: UnsafeBufferPointer<UInt8>, position: inout Int) -> CSVParseResult? {
        guard let base = input.baseAddress, position < input.count else { return nil }
        return scan(base, count: input.count, position: &position)
    }

    /// Signals the end of the input and returns the last record (when the input does not end with a line break)
    /// or an ``CSVError/Kind/unterminatedQuotedField`` error. Afterwards the parser is reset and may parse a new
    /// input from line 1.
    public mutating func finish() -> CSVParseResult? {
        defer { reset() }
        if let matched = bomMatched, matched > 0 {
            // Input was only a BOM prefix: keep those bytes as data.
            beginRecord()
            appendBOMPrefix(matched)
            state = .unquoted
        }
        switch state {
        case .recordStart:
            return nil
        case .quoted:
            return failed ? nil : .failure(CSVError(.unterminatedQuotedField, line: record.line, column: column))
        case .fieldStart, .unquoted, .quoteInQuoted:
            if let error = endField() { return .failure(error) }
            return completeRecord()
        }
    }

    /// Parses one chunk, calling `body` for each record or error completed in it.
    public mutating func parse(
        _ chunk: UnsafeBufferPointer<UInt8>, _ body: (CSVParseResult) throws -> Void
    ) rethrows {
        var position = 0
        while let result = next(in: chunk, position: &position) {
            try body(result)
        }
    }

    /// Parses one chunk of bytes, calling `body` for each record or error completed in it.
    public mutating func parse(_ chunk: [UInt8], _ body: (CSVParseResult) throws -> Void) rethrows {
        try chunk.withUnsafeBufferPointer { try parse($0, body) }
    }

    /// Ends the input (see ``finish()``) and passes the last result, if any, to `body`.
    public mutating func finish(_ body: (CSVParseResult) throws -> Void) rethrows {
        if let result = finish() { try body(result) }
    }

    /// Parses a complete in-memory input. Convenient for tests and small files; use the incremental API for
    /// large inputs.
    public static func parse(_ bytes: [UInt8], options: CSVParserOptions = CSVParserOptions()) -> [CSVParseResult] {
        var parser = CSVParser(options: options)
        var results: [CSVParseResult] = []
        parser.parse(bytes) { results.append($0) }
        parser.finish { results.append($0) }
        return results
    }

    /// Parses a complete in-memory text (see the `[UInt8]` overload).
    public static func parse(_ text: String, options: CSVParserOptions = CSVParserOptions()) -> [CSVParseResult] {
        parse(Array(text.utf8), options: options)
    }

    // MARK: - Record bookkeeping

    /// 1-based index of the field currently being parsed.
    var column: Int { record.fieldEnds.count + 1 }

    mutating func reset() {
        state = .recordStart
        line = 1
        afterCR = false
        bomMatched = 0
        failed = false
        record.length = 0
        record.fieldEnds.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func beginRecord() {
        if record.storage.count > Self.retainedStorageLimit {
            // Do not keep (and hand out) a huge buffer forever after one exceptional record.
            record.storage = [UInt8](repeating: 0, count: Self.initialStorage)
        }
        record.length = 0
        record.fieldEnds.removeAll(keepingCapacity: true)
        record.line = line
        failed = false
        afterCR = false
    }

    mutating func appendBOMPrefix(_ matched: Int) {
        let bom = [CSVByte.byteOrderMark.0, CSVByte.byteOrderMark.1, CSVByte.byteOrderMark.2]
        bom.withUnsafeBufferPointer { record.appendBytes($0.baseAddress!, count: matched) }
        bomMatched = nil
    }

    /// Marks the current record as failed and returns the failure to report.
    @inline(__always)
    mutating func fail(_ kind: CSVError.Kind) -> CSVParseResult {
        failed = true
        return .failure(CSVError(kind, line: record.line, column: column))
    }

    /// Appends field content, enforcing ``CSVParserOptions/maxFieldBytes`` and ``CSVParserOptions/maxRecordBytes``.
    @inline(__always)
    mutating func append(_ start: UnsafePointer<UInt8>, count: Int) -> CSVParseResult? {
        if failed || count == 0 { return nil }
        let fieldStart = record.fieldEnds.last ?? 0
        if record.length - fieldStart + count > options.maxFieldBytes {
            return fail(.fieldTooLarge(limit: options.maxFieldBytes))
        }
        if record.length + count > options.maxRecordBytes {
            return fail(.recordTooLarge(limit: options.maxRecordBytes))
        }
        record.appendBytes(start, count: count)
        return nil
    }

    /// Closes the current field, enforcing ``CSVParserOptions/maxFieldCount``.
    @inline(__always)
    mutating func endField() -> CSVError? {
        if failed { return nil }
        if record.fieldEnds.count == options.maxFieldCount {
            failed = true
            return CSVError(.tooManyFields(limit: options.maxFieldCount), line: record.line, column: column)
        }
        record.fieldEnds.append(record.length)
        return nil
    }

    /// Delivers the finished record unless it already failed; validates UTF-8 when enabled.
    @inline(__always)
    mutating func completeRecord() -> CSVParseResult? {
        if failed { return nil }
        if options.validatesUTF8, let badColumn = firstInvalidUTF8Column() {
            failed = true
            return .failure(CSVError(.invalidUTF8, line: record.line, column: badColumn))
        }
        return .success(record)
    }

    /// Validates the whole record buffer in one pass; only when that fails, or when a field starts with a
    /// continuation byte (a character split across two fields), are fields checked one by one.
    func firstInvalidUTF8Column() -> Int? {
        let length = record.length
        return record.storage.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var suspicious = !CSVUTF8.isValid(base, count: length)
            if !suspicious {
                for end in record.fieldEnds where end < length && CSVUTF8.isContinuation(base[end]) {
                    suspicious = true
                    break
                }
            }
            guard suspicious else { return nil }
            for index in record.indices {
                let range = record.byteRange(at: index)
                if !CSVUTF8.isValid(base + range.lowerBound, count: range.count) { return index + 1 }
            }
            return nil
        }
    }
}
