/// The line terminator written after each CSV row.
public enum CSVLineEnding: Sendable, Hashable {
    /// `\r\n`, as required by RFC 4180 and expected by Excel. The default.
    case crlf
    /// `\n`, common for Unix tooling.
    case lf
}

/// Settings of a ``CSVWriter``.
public struct CSVWriterOptions: Sendable, Hashable {
    /// Field separator. Default `.comma`.
    public var delimiter: CSVDelimiter
    /// Row terminator. Default `.crlf` (RFC 4180).
    public var lineEnding: CSVLineEnding
    /// Whether to defuse spreadsheet formula injection (see ``CSVWriter``). Default `false`, so the output
    /// round-trips exactly; turn it on for files meant to be opened in Excel, Numbers or Google Sheets.
    public var neutralisesFormulas: Bool

    /// Creates writer options.
    public init(
        delimiter: CSVDelimiter = .comma, lineEnding: CSVLineEnding = .crlf, neutralisesFormulas: Bool = false
    ) {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        self.neutralisesFormulas = neutralisesFormulas
    }
}

/// Serialises rows as RFC 4180 CSV into a `[UInt8]` buffer.
///
/// - A field is quoted only when it contains the delimiter, `"`, CR or LF, or starts with U+FEFF (which would
///   otherwise be read back as a byte order mark); inner quotes are doubled.
/// - A row consisting of one empty field is written as `""` so that it is not read back as a (skipped) blank line.
///   A row with no fields is written as an empty line, which ``CSVParser`` skips.
/// - Each row ends with ``CSVWriterOptions/lineEnding`` (default `\r\n`).
///
/// **Formula neutralisation** (``CSVWriterOptions/neutralisesFormulas``): a cell whose first character is `=`, `+`,
/// `-`, `@`, TAB or CR is prefixed with `'`, which spreadsheets show as text instead of evaluating — unless the
/// whole cell is a plain number (optional sign, digits, optional decimal point and fraction, optional exponent),
/// which stays untouched so numeric exports remain numeric:
///
/// | cell                    | written                     |
/// |-------------------------|-----------------------------|
/// | `=HYPERLINK("http://x")`| `"'=HYPERLINK(""http://x"")"` |
/// | `@SUM(A1)`              | `'@SUM(A1)`                 |
/// | `+33 1 23 45`           | `'+33 1 23 45`              |
/// | `-12.50`                | `-12.50`                    |
/// | `+3`                    | `+3`                        |
/// | `1e5`, `Acme`           | unchanged                   |
///
/// ```swift
/// let writer = CSVWriter(options: CSVWriterOptions(neutralisesFormulas: true))
/// var output: [UInt8] = []
/// writer.appendRow(["Id", "Name", "Amount"], to: &output)
/// writer.appendRow(["7", "Ada, \"Countess\"", "-12.50"], to: &output)
/// // Id,Name,Amount\r\n7,"Ada, ""Countess""",-12.50\r\n
/// ```
public struct CSVWriter: Sendable {
    /// The options this writer uses.
    public var options: CSVWriterOptions

    /// Creates a writer.
    public init(options: CSVWriterOptions = CSVWriterOptions()) {
        self.options = options
    }

    /// Appends one row of text fields and the line terminator to `output`.
    public func appendRow<Fields: Sequence>(_ fields: Fields, to output: inout [UInt8])
    where Fields.Element: StringProtocol {
        let rowStart = output.count
        var fieldCount = 0
        for field in fields {
            if fieldCount > 0 { output.append(options.delimiter.rawValue) }
            let written: Void? = field.utf8.withContiguousStorageIfAvailable { appendField($0, to: &output) }
            if written == nil { Array(field.utf8).withUnsafeBufferPointer { appendField($0, to: &output) } }
            fieldCount += 1
        }
        finishRow(fieldCount: fieldCount, rowStart: rowStart, output: &output)
    }

    /// Appends a parsed record (its exact field bytes) and the line terminator to `output`.
    public func appendRow(_ record: CSVRecord, to output: inout [UInt8]) {
        let rowStart = output.count
        for index in record.indices {
            if index > 0 { output.append(options.delimiter.rawValue) }
            record.withUnsafeBytes(at: index) { appendField($0, to: &output) }
        }
        finishRow(fieldCount: record.count, rowStart: rowStart, output: &output)
    }

    /// Appends one field (quoted and neutralised as needed) without delimiter or line terminator.
    public func appendField(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let delimiter = options.delimiter.rawValue
        let neutralise = options.neutralisesFormulas && Self.isFormulaLike(bytes)
        // A leading U+FEFF is quoted so that it is not mistaken for a byte order mark at the start of a file.
        var needsQuotes = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        for byte in bytes
        where byte == delimiter || byte == CSVByte.quote || byte == CSVByte.carriageReturn || byte == CSVByte.lineFeed {
            needsQuotes = true
            break
        }
        if !needsQuotes {
            if neutralise { output.append(CSVByte.apostrophe) }
            output.append(contentsOf: bytes)
            return
        }
        output.append(CSVByte.quote)
        if neutralise { output.append(CSVByte.apostrophe) }
        var runStart = 0
        for (offset, byte) in bytes.enumerated() where byte == CSVByte.quote {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...offset]))
            output.append(CSVByte.quote)
            runStart = offset + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        output.append(CSVByte.quote)
    }

    private func finishRow(fieldCount: Int, rowStart: Int, output: inout [UInt8]) {
        if fieldCount == 1, output.count == rowStart {
            // A lone empty field would read back as a blank line, which parsers skip.
            output.append(contentsOf: [CSVByte.quote, CSVByte.quote])
        }
        switch options.lineEnding {
        case .crlf: output.append(contentsOf: [CSVByte.carriageReturn, CSVByte.lineFeed])
        case .lf: output.append(CSVByte.lineFeed)
        }
    }

    /// Whether a cell would be interpreted as a formula by a spreadsheet and is not a plain number.
    public static func isFormulaLike(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, CSVByte.carriageReturn:
            return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            return !isPlainNumber(bytes)
        default:
            return false
        }
    }

    /// Whether the bytes spell a plain decimal number: `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`.
    /// Examples: `-12.50`, `+3`, `.5`, `1e-3` are numbers; `+33 1 23`, `-`, `1,5`, `--1` are not.
    public static func isPlainNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        func isDigit(_ at: Int) -> Bool { at < count && bytes[at] >= 0x30 && bytes[at] <= 0x39 }
        func skipDigits() -> Int {
            let start = index
            while isDigit(index) { index += 1 }
            return index - start
        }
        if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        var mantissaDigits = skipDigits()
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            mantissaDigits += skipDigits()
        }
        guard mantissaDigits > 0 else { return false }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { return false }
        }
        return index == count
    }
}
