/// Settings of a ``CSVParser``.
public struct CSVParserOptions: Sendable, Hashable {
    /// Field separator. Default `.comma`.
    public var delimiter: CSVDelimiter
    /// Largest permitted field content in bytes (after removing quotes). Default 1 MiB. A longer field yields
    /// ``CSVError/Kind/fieldTooLarge(limit:)``; the parser never buffers more than this per field.
    public var maxFieldBytes: Int
    /// Largest permitted number of fields in one record. Default 4096.
    public var maxFieldCount: Int
    /// Largest permitted total content of one record in bytes. Default 16 MiB. Bounds memory when a record has
    /// many large fields; exceeding it yields ``CSVError/Kind/recordTooLarge(limit:)``.
    public var maxRecordBytes: Int
    /// Whether each record is checked for valid UTF-8 before it is delivered. Default `true`; when on, every
    /// delivered ``CSVRecord`` decodes losslessly.
    public var validatesUTF8: Bool

    /// Creates parser options.
    public init(
        delimiter: CSVDelimiter = .comma,
        maxFieldBytes: Int = 1 << 20,
        maxFieldCount: Int = 4096,
        maxRecordBytes: Int = 16 << 20,
        validatesUTF8: Bool = true
    ) {
        precondition(maxFieldBytes > 0 && maxFieldCount > 0 && maxRecordBytes > 0, "CSV limits must be positive")
        self.maxRecordBytes = maxRecordBytes
        self.delimiter = delimiter
        self.maxFieldBytes = maxFieldBytes
        self.maxFieldCount = maxFieldCount
        self.validatesUTF8 = validatesUTF8
    }
}
