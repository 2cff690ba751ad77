/// Blocking configuration: which records are compared at all.
///
/// Business rules:
/// * two records are compared when they share at least one blocking key (see ``BlockingKeys``) or sit within
///   `window` places of each other in the sorted-neighbourhood order (surname, then given name);
/// * a block larger than `maxBlockSize` (a very common surname, a big company domain) is not compared
///   all-pairs; each member is compared only with its `window` nearest neighbours in name order inside the block,
///   which keeps the cost linear while typo variants, which sort next to each other, are still found.
///
/// Example: with `maxBlockSize 24` and `window 4`, a block of 5,000 `Smith`s costs ≈ 20,000 comparisons
/// instead of 12.5 million.
public struct BlockingConfiguration: Sendable, Hashable {
    /// Largest block compared all-pairs.
    public var maxBlockSize: Int
    /// Neighbours on each side compared inside oversized blocks.
    public var window: Int
    /// Neighbours on each side compared in the global sorted-neighbourhood pass (0 disables it).
    public var sortedNeighbourhoodWindow: Int

    /// Creates a configuration.
    public init(maxBlockSize: Int = 24, window: Int = 4, sortedNeighbourhoodWindow: Int = 1) {
        self.maxBlockSize = maxBlockSize
        self.window = window
        self.sortedNeighbourhoodWindow = sortedNeighbourhoodWindow
    }
}

/// The blocking keys of a record.
///
/// Business rule — keys (each in its own hash space, missing parts produce no key):
/// 1. normalised e-mail (not role mailboxes); 2. phone (last nine digits); 3. NYSIIS(surname) + first initial,
///    and NYSIIS(given) + surname initial (finds swapped names); 4. formal given name (nicknames resolved) +
///    first two letters of the surname; 5. e-mail local part (≥ 5 characters, finds gmail-vs-work addresses);
/// 6. company domain (website or non-free e-mail domain, else company name) + first two surname letters;
/// 7. postcode + first two surname letters; 8. date of birth; 9. national id; 10. other exact id.
/// Free-mail domains never act as company domains (they are removed during normalisation).
enum BlockingKeys {
    static let sortedNeighbourhoodTag: UInt64 = 0x5EED_0000_0000_0001

    @inline(__always) static func byte(_ table: MatchRecordTable, _ slot: FieldSlot, _ i: Int, _ k: Int) -> UInt64 {
        let cell = i * MatchRecordTable.slotCount + slot.rawValue
        return Int(table.lengths[cell]) > k ? UInt64(table.arena[Int(table.starts[cell]) + k]) : 0
    }

    @inline(__always)
    static func prefixCode(_ table: MatchRecordTable, _ slot: FieldSlot, _ i: Int, _ n: Int) -> UInt64 {
        var code: UInt64 = 0
        for k in 0..<n { code = code << 8 | byte(table, slot, i, k) }
        return code == 0 ? 0 : code | 1 << 60
    }

    /// Name order used by sorted neighbourhood and by oversized blocks: five surname bytes then three given bytes.
    static func nameSortKey(_ table: MatchRecordTable, _ i: Int) -> UInt64 {
        var key: UInt64 = 0
        for k in 0..<5 { key = key << 8 | byte(table, .surname, i, k) }
        for k in 0..<3 { key = key << 8 | byte(table, .given, i, k) }
        return key
    }

    /// Calls `body` with every blocking key of record `i` (keys are never 0).
    static func forEachKey(_ table: MatchRecordTable, _ i: Int, _ emitAny: (UInt64) -> Void) {
        func body(_ key: UInt64) { if key != 0 { emitAny(key) } }
        let flags = table.emailFlags[i]
        let email = table.hash(.email, i)
        if email != 0 && flags & 2 == 0 { body(ByteHash.mix(email ^ 0x01) | 1) }
        let phone = table.hash(.phone, i)
        if phone != 0 { body(ByteHash.mix(phone ^ 0x02) | 1) }
        let givenInitial = byte(table, .given, i, 0) + 1
        let surnameInitial = byte(table, .surname, i, 0) + 1
        if table.surnamePhonetic[i] != 0 {
            body(ByteHash.combine(table.surnamePhonetic[i], givenInitial, tag: 3))
        }
        if table.givenPhonetic[i] != 0 && table.lengths[i * MatchRecordTable.slotCount] > 1 {
            body(ByteHash.combine(table.givenPhonetic[i], surnameInitial, tag: 3))
        }
        let surnamePrefix = prefixCode(table, .surname, i, 2)
        if table.givenFormalA[i] != 0 {
            body(ByteHash.combine(table.givenFormalA[i], surnamePrefix, tag: 4))
            if table.givenFormalB[i] != 0 { body(ByteHash.combine(table.givenFormalB[i], surnamePrefix, tag: 4)) }
        }
        let local = table.hash(.emailLocal, i)
        let localLength = table.lengths[i * MatchRecordTable.slotCount + FieldSlot.emailLocal.rawValue]
        if local != 0 && flags & 2 == 0 && localLength >= 5 {
            body(ByteHash.mix(local ^ 0x05) | 1)
        }
        var organisation = table.hash(.website, i)
        if organisation == 0 { organisation = table.hash(.emailDomain, i) }
        if organisation == 0 { organisation = table.hash(.company, i) }
        body(ByteHash.combine(organisation, surnamePrefix, tag: 6))
        body(ByteHash.combine(table.hash(.postcode, i), surnamePrefix, tag: 7))
        let dob = table.hash(.dob, i)
        if dob != 0 { body(ByteHash.mix(dob ^ 0x08) | 1) }
        let national = table.hash(.nationalId, i)
        if national != 0 { body(ByteHash.mix(national ^ 0x09) | 1) }
        let other = table.hash(.otherId, i)
        if other != 0 { body(ByteHash.mix(other ^ 0x0A) | 1) }
    }
}
