/// The name fields of one record as seen by the name comparators.
struct NameView {
    var given: UnsafeBufferPointer<UInt8>
    var surname: UnsafeBufferPointer<UInt8>
    var givenPhonetic: UInt64
    var surnamePhonetic: UInt64
    var givenFormalA: UInt64
    var givenFormalB: UInt64
    var surnameFormal: UInt64
}

/// Given-name and surname agreement levels.
///
/// Business rules: given names are *exact*, *fuzzy* (Jaro–Winkler ≥ 0.92 or one edit), *alias* (a nickname of
/// the same formal name, or an initial), *weak* (JW ≥ 0.80 or one edit on short names) or *different*; surnames
/// are *exact*, *fuzzy*, *phonetic* (same NYSIIS code or JW ≥ 0.85), *weak* (JW ≥ 0.75) or *different*. When the
/// straight comparison is not perfect, the swapped orientation (given ↔ surname) is tried and kept if better.
///
/// Example: `Smith John` vs `John Smyth`: straight is (different, different); swapped is (exact, fuzzy), so the
/// levels are given *exact*, surname *fuzzy*.
enum NameComparison {
    /// Generic fuzzy-name levels: 1 exact, 2 JW ≥ 0.92 or one edit (length ≥ 4), 3 same phonetic code or
    /// JW ≥ 0.85, 4 JW ≥ 0.75, 5 different.
    @inline(__always)
    static func nameLevel(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, samePhonetic: Bool) -> Int {
        if StringComparators.equal(a, b) { return 1 }
        let jw = StringComparators.jaroWinkler(a, b)
        if jw >= 0.92 { return 2 }
        if min(a.count, b.count) >= 4 && StringComparators.withinOneEdit(a, b) { return 2 }
        if samePhonetic || jw >= 0.85 { return 3 }
        return jw >= 0.75 ? 4 : 5
    }

    /// Whether two names share a formal name (each has up to two formal-name codes; 0 = unused).
    @inline(__always) static func aliases(_ a1: UInt64, _ a2: UInt64, _ b1: UInt64, _ b2: UInt64) -> Bool {
        if a1 == 0 || b1 == 0 { return false }
        return a1 == b1 || a1 == b2 || (a2 != 0 && (a2 == b1 || a2 == b2))
    }

    /// Given-name levels: 1 exact, 2 fuzzy, 3 alias, 4 weak, 5 different.
    @inline(__always)
    static func givenLevel(_ x: NameView, _ y: NameView) -> Int {
        let a = x.given, b = y.given
        if StringComparators.equal(a, b) { return 1 }
        let jw = StringComparators.jaroWinkler(a, b)
        if jw >= 0.92 { return 2 }
        if min(a.count, b.count) >= 4 && StringComparators.withinOneEdit(a, b) { return 2 }
        if aliases(x.givenFormalA, x.givenFormalB, y.givenFormalA, y.givenFormalB) { return 3 }
        if (a.count == 1 || b.count == 1) && a[0] == b[0] { return 3 }
        return jw >= 0.80 || StringComparators.withinOneEdit(a, b) ? 4 : 5
    }

    /// Levels of the pair, trying the swapped orientation too.
    @inline(__always)
    static func levels(_ x: NameView, _ y: NameView) -> (given: Int, surname: Int) {
        let gi = x.given, gj = y.given, si = x.surname, sj = y.surname
        let given = gi.isEmpty || gj.isEmpty ? 0 : givenLevel(x, y)
        let surname =
            si.isEmpty || sj.isEmpty
            ? 0 : nameLevel(si, sj, samePhonetic: x.surnamePhonetic == y.surnamePhonetic)
        if given + surname <= 2 || gi.isEmpty || gj.isEmpty || si.isEmpty || sj.isEmpty { return (given, surname) }
        // Screen: a swap needs the given name of one to start like, or sound like, the surname of the other.
        if gi[0] != sj[0] && x.givenPhonetic != y.surnamePhonetic
            && !aliases(x.givenFormalA, x.givenFormalB, y.surnameFormal, 0)
        {
            return (given, surname)
        }
        var crossGiven = nameLevel(gi, sj, samePhonetic: x.givenPhonetic == y.surnamePhonetic)
        if crossGiven > 3 && aliases(x.givenFormalA, x.givenFormalB, y.surnameFormal, 0) { crossGiven = 3 }
        if crossGiven == 5 { return (given, surname) }
        var crossSurname = nameLevel(si, gj, samePhonetic: x.surnamePhonetic == y.givenPhonetic)
        if crossSurname > 3 && aliases(x.surnameFormal, 0, y.givenFormalA, y.givenFormalB) { crossSurname = 3 }
        if crossGiven + crossSurname < given + surname { return (crossGiven, crossSurname) }
        return (given, surname)
    }
}

/// A compact (~72-byte) summary of a record's identity fields, stored contiguously so that the identity screen of a
/// candidate pair touches one cache line per record instead of a dozen scattered arrays.
///
/// Names up to 15 bytes are stored inline; longer names, and records with a national id, are marked
/// `needsFullCheck` and are never screened out here (the full comparison decides).
struct NameCard: Sendable {
    var given: (UInt64, UInt64) = (0, 0)
    var surname: (UInt64, UInt64) = (0, 0)
    var givenPhonetic: UInt32 = 0
    var surnamePhonetic: UInt32 = 0
    var givenFormalA: UInt32 = 0
    var givenFormalB: UInt32 = 0
    var surnameFormal: UInt32 = 0
    /// Non-role e-mail hash (0 = none).
    var email: UInt32 = 0
    var dob: UInt32 = 0
    /// Other exact id hash.
    var other: UInt32 = 0
    /// Set for long names or a national id: never screened from the card.
    var needsFullCheck = false

    static let inline = 15

    @inline(__always) static func short(_ value: UInt64) -> UInt32 {
        if value == 0 { return 0 }
        let folded = UInt32(truncatingIfNeeded: value ^ (value >> 32))
        return folded == 0 ? 1 : folded
    }

    static func pack(_ bytes: [UInt8]) -> (UInt64, UInt64) {
        var packed: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &packed) { raw in
            for (k, byte) in bytes.prefix(inline).enumerated() { raw[k] = byte }
            raw[15] = UInt8(min(bytes.count, 255))
        }
        return packed
    }

    init() {}

    init(record: NormalisedRecord, emailHash: UInt64, dobHash: UInt64, otherHash: UInt64) {
        given = Self.pack(record[.given])
        surname = Self.pack(record[.surname])
        givenPhonetic = Self.short(record.givenPhonetic)
        surnamePhonetic = Self.short(record.surnamePhonetic)
        givenFormalA = Self.short(record.givenFormal.0)
        givenFormalB = Self.short(record.givenFormal.1)
        surnameFormal = Self.short(record.surnameFormal)
        email = record.emailFlags & 2 == 0 ? Self.short(emailHash) : 0
        dob = Self.short(dobHash)
        other = Self.short(otherHash)
        let long = record[.given].count > Self.inline || record[.surname].count > Self.inline
        needsFullCheck = long || !record[.nationalId].isEmpty
    }

    /// Name levels computed from the two cards alone, or `nil` when a card cannot decide (long names, national
    /// id). For names of at most 15 bytes the result equals the table-based ``NameComparison/levels(_:_:)``.
    @inline(__always)
    static func levels(_ a: NameCard, _ b: NameCard) -> (given: Int, surname: Int)? {
        if a.needsFullCheck || b.needsFullCheck { return nil }
        var x = a, y = b
        return withUnsafeBytes(of: &x.given) { ag in
            withUnsafeBytes(of: &x.surname) { asn in
                withUnsafeBytes(of: &y.given) { bg in
                    withUnsafeBytes(of: &y.surname) { bsn in
                        let left = NameView(
                            given: view(ag), surname: view(asn), givenPhonetic: UInt64(x.givenPhonetic),
                            surnamePhonetic: UInt64(x.surnamePhonetic), givenFormalA: UInt64(x.givenFormalA),
                            givenFormalB: UInt64(x.givenFormalB), surnameFormal: UInt64(x.surnameFormal))
                        let right = NameView(
                            given: view(bg), surname: view(bsn), givenPhonetic: UInt64(y.givenPhonetic),
                            surnamePhonetic: UInt64(y.surnamePhonetic), givenFormalA: UInt64(y.givenFormalA),
                            givenFormalB: UInt64(y.givenFormalB), surnameFormal: UInt64(y.surnameFormal))
                        return NameComparison.levels(left, right)
                    }
                }
            }
        }
    }

    /// Whether a personal identifier held on the cards (non-role e-mail, date of birth, other id) agrees.
    @inline(__always) static func sharePersonalIdentifier(_ a: NameCard, _ b: NameCard) -> Bool {
        (a.email != 0 && a.email == b.email) || (a.dob != 0 && a.dob == b.dob) || (a.other != 0 && a.other == b.other)
    }

    @inline(__always) static func view(_ raw: UnsafeRawBufferPointer) -> UnsafeBufferPointer<UInt8> {
        let bytes = raw.bindMemory(to: UInt8.self)
        return UnsafeBufferPointer(rebasing: bytes[0..<Int(bytes[15])])
    }
}
