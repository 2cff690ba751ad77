import Dispatch
import Foundation

/// Records prepared for matching, stored column-wise in contiguous arrays.
///
/// Every text value is normalised once and kept as UTF-8 bytes in a single arena. Offsets, lengths and equality
/// hashes (0 = missing) live in flat arrays indexed `record * slotCount + slot`, so all fields of a record are
/// adjacent in memory and comparisons never touch `String` or dictionaries.
///
/// Example — build from CSV-like columns:
/// ```swift
/// let table = MatchRecordTable(ids: ["1", "2"], columns: [
///     (.givenName, ["Bob", "Robert"]), (.surname, ["Smith", "Smith"]), (.email, ["bob@x.com", "BOB@x.com"]),
/// ])
/// ```
public struct MatchRecordTable: Sendable {
    /// Caller record ids, in table order.
    public internal(set) var ids: [String] = []
    /// Roles present in the input.
    public internal(set) var roles: Set<MatchFieldRole> = []
    var arena: [UInt8] = []
    var starts: [UInt32] = []
    var lengths: [UInt16] = []
    var hashes: [UInt64] = []
    var givenFormalA: [UInt64] = []
    var givenFormalB: [UInt64] = []
    /// Formal-name code of the surname field (first code only), so swapped names can match nicknames.
    var surnameFormal: [UInt64] = []
    var givenPhonetic: [UInt64] = []
    var surnamePhonetic: [UInt64] = []
    var emailFlags: [UInt8] = []
    /// Compact identity summaries used to screen candidate pairs (see ``NameCard``).
    var cards: [NameCard] = []
    var tokenArena: [UInt64] = []
    /// Token-hash ranges, three per record (company, job title, address), indexed `record * 3 + kind`.
    var tokenStarts: [UInt32] = []
    var tokenLengths: [UInt16] = []

    static let slotCount = FieldSlot.allCases.count

    /// Number of records.
    public var count: Int { ids.count }

    /// An empty table for the given roles (used by the incremental index).
    public init(roles: Set<MatchFieldRole>) {
        self.roles = roles
    }

    /// Builds a table from role-tagged columns of equal length. Normalisation runs on all cores in chunks; the
    /// result does not depend on thread timing.
    public init(ids: [String], columns input: [(role: MatchFieldRole, values: [String])]) {
        roles = Set(input.map(\.role))
        let count = ids.count
        precondition(input.allSatisfy { $0.values.count == count }, "every column needs one value per id")
        let chunkSize = 16384
        let chunkCount = (count + chunkSize - 1) / chunkSize
        let parts = ChunkResults<MatchRecordTable>(count: chunkCount)
        let roleSet = roles
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var part = MatchRecordTable(roles: roleSet)
            part.reserve(records: chunkSize, bytes: chunkSize * 160, tokens: chunkSize * 8)
            var normaliser = RecordNormaliser()
            let range = (chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize)
            input.withUnsafeBufferPointer { columns in
                for index in range {
                    let record = normaliser.normalise(count: columns.count) { k in
                        (columns[k].role, columns[k].values[index])
                    }
                    part.append(id: ids[index], record)
                }
            }
            parts.set(chunk, part)
        }
        reserve(records: count, bytes: parts.sum { $0.arena.count }, tokens: parts.sum { $0.tokenArena.count })
        // Merge in chunk order, releasing each part as soon as it is copied (keeps peak memory near 1× table).
        for chunk in 0..<chunkCount { append(contentsOf: parts.take(chunk)) }
    }

    /// Builds a table from CSV-style headers and rows, detecting roles from headers (see ``MatchRoleDetector``).
    ///
    /// - Parameters:
    ///   - idColumn: header of the id column; when `nil` a column named `id` is used, else the row number.
    ///   - overrides: `field=column` overrides such as `"company=Organisation"`.
    public init(headers: [String], rows: [[String]], idColumn: String? = nil, overrides: [String] = []) {
        let detected = MatchRoleDetector.detect(headers: headers, overrides: overrides)
        let idName = MatchRoleDetector.canonicalHeader(idColumn ?? "id")
        let idIndex = headers.firstIndex { MatchRoleDetector.canonicalHeader($0) == idName }
        let ids = rows.enumerated().map { offset, row in
            idIndex.flatMap { $0 < row.count ? row[$0] : nil } ?? String(offset + 1)
        }
        let columns = detected.sorted { $0.key < $1.key }.map { index, role in
            (role: role, values: rows.map { index < $0.count ? $0[index] : "" })
        }
        self.init(ids: ids, columns: columns)
    }

    /// Reserves room for `records` more records so that merging never re-allocates the large arrays.
    mutating func reserve(records: Int, bytes: Int, tokens: Int) {
        ids.reserveCapacity(count + records)
        arena.reserveCapacity(arena.count + bytes)
        tokenArena.reserveCapacity(tokenArena.count + tokens)
        starts.reserveCapacity(starts.count + records * Self.slotCount)
        lengths.reserveCapacity(lengths.count + records * Self.slotCount)
        hashes.reserveCapacity(hashes.count + records * Self.slotCount)
        tokenStarts.reserveCapacity(tokenStarts.count + records * 3)
        tokenLengths.reserveCapacity(tokenLengths.count + records * 3)
        givenFormalA.reserveCapacity(count + records)
        givenFormalB.reserveCapacity(count + records)
        surnameFormal.reserveCapacity(count + records)
        givenPhonetic.reserveCapacity(count + records)
        surnamePhonetic.reserveCapacity(count + records)
        emailFlags.reserveCapacity(count + records)
        cards.reserveCapacity(count + records)
    }

    mutating func appendText(_ bytes: [UInt8], slot: FieldSlot) {
        let clipped = bytes.count > Int(UInt16.max) ? Array(bytes.prefix(Int(UInt16.max))) : bytes
        starts.append(UInt32(arena.count))
        lengths.append(UInt16(clipped.count))
        // Website and e-mail domains share a hash space so that they can be compared with each other.
        let seed = slot == .emailDomain ? FieldSlot.website.rawValue : slot.rawValue
        hashes.append(ByteHash.hash(clipped, seed: UInt64(seed)))
        arena.append(contentsOf: clipped)
    }

    mutating func appendTokens(_ tokens: [UInt64]) {
        tokenStarts.append(UInt32(tokenArena.count))
        tokenLengths.append(UInt16(min(tokens.count, 64)))
        tokenArena.append(contentsOf: tokens.prefix(64))
    }

    /// Appends one normalised record.
    mutating func append(id: String, _ record: NormalisedRecord) {
        precondition(arena.count < Int(UInt32.max) - 1 << 20, "byte arena exceeds 4 GiB")
        ids.append(id)
        for slot in FieldSlot.allCases { appendText(record[slot], slot: slot) }
        let row = (count - 1) * Self.slotCount
        cards.append(
            NameCard(
                record: record, emailHash: hashes[row + FieldSlot.email.rawValue],
                dobHash: hashes[row + FieldSlot.dob.rawValue],
                otherHash: hashes[row + FieldSlot.otherId.rawValue]))
        givenFormalA.append(record.givenFormal.0)
        givenFormalB.append(record.givenFormal.1)
        surnameFormal.append(record.surnameFormal)
        givenPhonetic.append(record.givenPhonetic)
        surnamePhonetic.append(record.surnamePhonetic)
        emailFlags.append(record.emailFlags)
        appendTokens(record.companyTokens)
        appendTokens(record.titleTokens)
        appendTokens(record.addressTokens)
    }

    /// Appends every record of `other` (same roles).
    mutating func append(contentsOf other: MatchRecordTable) {
        roles.formUnion(other.roles)
        let byteShift = UInt32(arena.count)
        let tokenShift = UInt32(tokenArena.count)
        ids.append(contentsOf: other.ids)
        arena.append(contentsOf: other.arena)
        tokenArena.append(contentsOf: other.tokenArena)
        starts.append(contentsOf: other.starts.lazy.map { $0 + byteShift })
        lengths.append(contentsOf: other.lengths)
        hashes.append(contentsOf: other.hashes)
        givenFormalA.append(contentsOf: other.givenFormalA)
        givenFormalB.append(contentsOf: other.givenFormalB)
        surnameFormal.append(contentsOf: other.surnameFormal)
        givenPhonetic.append(contentsOf: other.givenPhonetic)
        surnamePhonetic.append(contentsOf: other.surnamePhonetic)
        emailFlags.append(contentsOf: other.emailFlags)
        cards.append(contentsOf: other.cards)
        tokenStarts.append(contentsOf: other.tokenStarts.lazy.map { $0 + tokenShift })
        tokenLengths.append(contentsOf: other.tokenLengths)
    }

    /// The normalised value of `slot` for record `index`, as a string (for explanations and tests).
    func text(_ slot: FieldSlot, _ index: Int) -> String {
        let cell = index * Self.slotCount + slot.rawValue
        let start = Int(starts[cell])
        return String(decoding: arena[start..<(start + Int(lengths[cell]))], as: UTF8.self)
    }

    /// Normalised values of one record keyed by field name (for display and debugging).
    public func normalisedValues(at index: Int) -> [String: String] {
        var result: [String: String] = [:]
        for slot in FieldSlot.allCases {
            let value = text(slot, index)
            if !value.isEmpty { result[String(describing: slot)] = value }
        }
        return result
    }

    /// Equality hash of `slot` for record `index` (0 = missing).
    @inline(__always) func hash(_ slot: FieldSlot, _ index: Int) -> UInt64 {
        hashes[index * Self.slotCount + slot.rawValue]
    }

    /// Approximate memory held by the table, in bytes.
    public var approximateByteSize: Int {
        arena.count + tokenArena.count * 8 + count * (Self.slotCount * 14 + 8 * 4 + 1 + 18 + 40)
    }
}

/// Collects per-chunk results from `concurrentPerform` in chunk order, independent of thread timing.
final class ChunkResults<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    /// Removes and returns the value of `index`.
    func take(_ index: Int) -> Value {
        lock.lock()
        defer { lock.unlock() }
        let value = storage[index]!
        storage[index] = nil
        return value
    }

    /// Sum of `value(part)` over all stored parts.
    func sum(_ value: (Value) -> Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return storage.reduce(0) { $0 + ($1.map(value) ?? 0) }
    }

    func values() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return storage.map { $0! }
    }
}
