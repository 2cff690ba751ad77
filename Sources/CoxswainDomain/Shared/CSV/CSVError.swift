/// A problem found while parsing one CSV record.
///
/// Every error names the 1-based physical ``line`` on which the offending record *starts* (the line an importer
/// should show to a user) and the 1-based ``column``, i.e. the index of the field in which the problem was found.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// A quoted field was still open at the end of the input.
        case unterminatedQuotedField
        /// A `"` appeared inside an unquoted field, e.g. `ab"c`. RFC 4180 forbids this; the parser rejects it.
        case unexpectedQuote
        /// A character other than a delimiter or line break followed the closing quote, e.g. `"ab"c`.
        case unexpectedCharacterAfterQuote
        /// A field's (unescaped) content exceeded ``CSVParserOptions/maxFieldBytes``.
        case fieldTooLarge(limit: Int)
        /// A record's total content exceeded ``CSVParserOptions/maxRecordBytes``.
        case recordTooLarge(limit: Int)
        /// A record had more fields than ``CSVParserOptions/maxFieldCount``.
        case tooManyFields(limit: Int)
        /// A field's bytes are not valid UTF-8.
        case invalidUTF8
    }

    /// What went wrong.
    public let kind: Kind
    /// 1-based physical line on which the record containing the problem starts.
    public let line: Int
    /// 1-based index of the field containing the problem.
    public let column: Int

    /// Creates an error value.
    public init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// A one-line, user-presentable message such as `line 12, column 3: unterminated quoted field`.
    public var description: String {
        let message: String
        switch kind {
        case .unterminatedQuotedField: message = "unterminated quoted field"
        case .unexpectedQuote: message = "unexpected quote inside an unquoted field"
        case .unexpectedCharacterAfterQuote: message = "unexpected character after closing quote"
        case .fieldTooLarge(let limit): message = "field larger than \(limit) bytes"
        case .recordTooLarge(let limit): message = "record larger than \(limit) bytes"
        case .tooManyFields(let limit): message = "record has more than \(limit) fields"
        case .invalidUTF8: message = "field is not valid UTF-8"
        }
        return "line \(line), column \(column): \(message)"
    }
}
