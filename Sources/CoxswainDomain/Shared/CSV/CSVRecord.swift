/// One parsed CSV record: all field contents in one contiguous byte buffer plus the end offset of each field.
///
/// Quotes are already removed and doubled quotes collapsed, so `bytes(at:)` is the exact field content. Fields
/// are decoded to `String` only when asked for. The parser reuses one record's storage for every row, so reading
/// a record inside the parse callback allocates nothing; keeping a record (or one of its slices) beyond the
/// callback is safe — copy-on-write then gives the parser fresh storage — and ``compacted()`` trims it.
///
/// ```swift
/// for case .success(let record) in CSVParser.parse("id,name\r\n7,\"Ada, Countess\"\r\n") {
///     print(record.line, record.count, record[1]) // 1 2 name, then 2 2 Ada, Countess
/// }
/// ```
public struct CSVRecord: Sendable, Hashable, RandomAccessCollection {
    /// Unescaped contents of all fields, back to back, followed by unused capacity: only the first `length` bytes
    /// are meaningful. The parser grows it (zero-filled) and overwrites it in place, which is cheaper than `append`.
    var storage: [UInt8]
    /// Number of meaningful bytes in `storage`.
    var length: Int
    /// `fieldEnds[i]` is the byte offset just past field `i`; field `i` starts at `fieldEnds[i - 1]` (or 0).
    public internal(set) var fieldEnds: [Int]
    /// 1-based physical line on which the record starts (differs from the record number when earlier fields
    /// contain line breaks or when blank lines were skipped).
    public internal(set) var line: Int

    /// Creates a record from field strings; mainly for tests and for feeding ``CSVWriter``.
    public init<Fields: Sequence>(_ fields: Fields, line: Int = 1) where Fields.Element: StringProtocol {
        storage = []
        length = 0
        fieldEnds = []
        self.line = line
        for field in fields {
            storage.append(contentsOf: field.utf8)
            fieldEnds.append(storage.count)
        }
        length = storage.count
    }

    init(reservingCapacity bytes: Int) {
        storage = [UInt8](repeating: 0, count: bytes)
        length = 0
        fieldEnds = []
        fieldEnds.reserveCapacity(32)
        line = 1
    }

    /// Index of the first field (always 0).
    public var startIndex: Int { 0 }
    /// One past the last field index; equals ``count``.
    public var endIndex: Int { fieldEnds.count }

    /// Byte offsets of field `index` within the record's contents.
    @inline(__always)
    public func byteRange(at index: Int) -> Range<Int> {
        (index == 0 ? 0 : fieldEnds[index - 1])..<fieldEnds[index]
    }

    /// Field `index` decoded as UTF-8. Invalid sequences become U+FFFD; records delivered by a parser with
    /// ``CSVParserOptions/validatesUTF8`` on are known to be valid. Use ``string(at:)`` to validate explicitly.
    public subscript(index: Int) -> String {
        let range = byteRange(at: index)
        return storage.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        }
    }

    /// Field `index` decoded as UTF-8, throwing ``CSVError/Kind/invalidUTF8`` (naming line and column) when the
    /// bytes are not valid UTF-8.
    public func string(at index: Int) throws(CSVError) -> String {
        let range = byteRange(at: index)
        let valid = storage.withUnsafeBufferPointer { buffer in
            range.isEmpty || CSVUTF8.isValid(buffer.baseAddress! + range.lowerBound, count: range.count)
        }
        guard valid else { throw CSVError(.invalidUTF8, line: line, column: index + 1) }
        return self[index]
    }

    /// Field `index` as a zero-copy slice of the record's buffer (its indices are buffer offsets, not 0-based).
    public func bytes(at index: Int) -> ArraySlice<UInt8> {
        storage[byteRange(at: index)]
    }

    /// Calls `body` with field `index`'s bytes without copying or retaining them.
    public func withUnsafeBytes<Result>(
        at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        let range = byteRange(at: index)
        return try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Whether field `index` has no content (`a,,b` or `a,"",b`).
    public func isEmpty(at index: Int) -> Bool {
        byteRange(at: index).isEmpty
    }

    /// Length of field `index` in bytes.
    public func byteCount(at index: Int) -> Int {
        byteRange(at: index).count
    }

    /// All fields decoded as strings (allocates one `String` per field).
    public var strings: [String] { map { $0 } }

    /// A copy whose buffer holds exactly the field bytes. Use it for records kept beyond the parse callback (e.g.
    /// batched for a database insert): a record delivered by the parser shares a buffer sized for the largest
    /// record seen so far.
    public func compacted() -> CSVRecord {
        var copy = self
        copy.storage = Array(storage[0..<(fieldEnds.last ?? 0)])
        copy.length = copy.storage.count
        return copy
    }

    /// Records are equal when they start on the same line and have the same fields, byte for byte.
    public static func == (lhs: CSVRecord, rhs: CSVRecord) -> Bool {
        lhs.line == rhs.line && lhs.fieldEnds == rhs.fieldEnds
            && lhs.storage[0..<(lhs.fieldEnds.last ?? 0)] == rhs.storage[0..<(rhs.fieldEnds.last ?? 0)]
    }

    /// Hashes the line and the field contents.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(fieldEnds)
        hasher.combine(storage[0..<(fieldEnds.last ?? 0)])
    }

    /// Makes room for `needed` meaningful bytes, at least doubling the buffer to keep growth amortised.
    @inline(__always)
    mutating func ensureStorage(_ needed: Int) {
        if needed > storage.count {
            storage.append(contentsOf: repeatElement(0, count: Swift.max(needed, storage.count * 2) - storage.count))
        }
    }

    /// Appends bytes after the meaningful content. The caller has enforced size limits.
    @inline(__always)
    mutating func appendBytes(_ start: UnsafePointer<UInt8>, count: Int) {
        let offset = length
        ensureStorage(offset + count)
        storage.withUnsafeMutableBufferPointer { buffer in
            (buffer.baseAddress! + offset).update(from: start, count: count)
        }
        length = offset + count
    }
}
