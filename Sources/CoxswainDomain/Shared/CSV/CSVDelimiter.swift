/// The field separator of a CSV dialect.
///
/// Only single-byte ASCII separators that occur in real CRM exports are supported; the quote character is
/// always `"` and cannot be configured.
public enum CSVDelimiter: UInt8, CaseIterable, Sendable, Hashable {
    /// `,` — RFC 4180, Salesforce and HubSpot default.
    case comma = 0x2C
    /// `;` — spreadsheet exports in locales that use `,` as decimal separator.
    case semicolon = 0x3B
    /// Horizontal tab (TSV).
    case tab = 0x09
    /// `|`
    case pipe = 0x7C

    /// The delimiter's byte value.
    public var byte: UInt8 { rawValue }

    /// Guesses the delimiter from the first line (the header) of a file.
    ///
    /// Counts each candidate outside double-quoted sections of the first line (everything up to the first CR or
    /// LF outside quotes) and returns the most frequent one. Ties are broken in declaration order (comma,
    /// semicolon, tab, pipe); a line with no candidate at all yields `.comma`. A leading UTF-8 BOM is ignored.
    ///
    /// ```swift
    /// CSVDelimiter.sniff(headerLine: Array("Id;Name;\"a,b\"".utf8)) // .semicolon
    /// ```
    public static func sniff<Bytes: Sequence>(headerLine: Bytes) -> CSVDelimiter where Bytes.Element == UInt8 {
        var counts = [Int](repeating: 0, count: allCases.count)
        var inQuotes = false
        for byte in headerLine {
            if byte == CSVByte.quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == CSVByte.lineFeed || byte == CSVByte.carriageReturn { break }
                if let index = allCases.firstIndex(where: { $0.rawValue == byte }) { counts[index] += 1 }
            }
        }
        var best = 0
        for index in counts.indices where counts[index] > counts[best] { best = index }
        return allCases[best]
    }

    /// Guesses the delimiter from a header line given as text (see the byte-sequence overload).
    public static func sniff(headerLine: String) -> CSVDelimiter {
        sniff(headerLine: headerLine.utf8)
    }
}

/// Byte constants shared by the CSV parser and writer.
enum CSVByte {
    static let quote: UInt8 = 0x22
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let apostrophe: UInt8 = 0x27
    static let byteOrderMark: (UInt8, UInt8, UInt8) = (0xEF, 0xBB, 0xBF)
}
