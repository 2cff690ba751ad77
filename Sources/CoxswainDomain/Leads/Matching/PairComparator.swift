/// Computes the ``ComparisonPattern`` of two records of (possibly different) tables.
///
/// Works on unsafe views of the byte and token arenas that the caller pins for the duration of a batch, so the
/// inner loop allocates nothing and never touches `String`.
struct PairComparator {
    let left: MatchRecordTable
    let right: MatchRecordTable
    let leftBytes: UnsafeBufferPointer<UInt8>
    let rightBytes: UnsafeBufferPointer<UInt8>
    let leftTokens: UnsafeBufferPointer<UInt64>
    let rightTokens: UnsafeBufferPointer<UInt64>
    /// Bit `c` set when comparison `c` is active.
    let active: UInt32

    static let slotCount = MatchRecordTable.slotCount

    /// Active comparisons for a set of input roles.
    static func activeMask(for roles: Set<MatchFieldRole>) -> UInt32 {
        var mask: UInt32 = 0
        for comparison in MatchComparison.allCases where !comparison.roles.isDisjoint(with: roles) {
            mask |= 1 << UInt32(comparison.rawValue)
        }
        return mask
    }

    /// Runs `body` with a comparator between `left` and `right` (pass the same table twice for de-duplication).
    static func with<R>(
        _ left: MatchRecordTable, _ right: MatchRecordTable, active: UInt32,
        _ body: (PairComparator) throws -> R
    ) rethrows -> R {
        try left.arena.withUnsafeBufferPointer { lb in
            try right.arena.withUnsafeBufferPointer { rb in
                try left.tokenArena.withUnsafeBufferPointer { lt in
                    try right.tokenArena.withUnsafeBufferPointer { rt in
                        try body(
                            PairComparator(
                                left: left, right: right, leftBytes: lb, rightBytes: rb,
                                leftTokens: lt, rightTokens: rt, active: active))
                    }
                }
            }
        }
    }

    @inline(__always) func lb(_ slot: FieldSlot, _ i: Int) -> UnsafeBufferPointer<UInt8> {
        let cell = i * Self.slotCount + slot.rawValue
        let start = Int(left.starts[cell])
        return UnsafeBufferPointer(rebasing: leftBytes[start..<(start + Int(left.lengths[cell]))])
    }

    @inline(__always) func rb(_ slot: FieldSlot, _ j: Int) -> UnsafeBufferPointer<UInt8> {
        let cell = j * Self.slotCount + slot.rawValue
        let start = Int(right.starts[cell])
        return UnsafeBufferPointer(rebasing: rightBytes[start..<(start + Int(right.lengths[cell]))])
    }

    @inline(__always) func ltok(_ kind: Int, _ i: Int) -> UnsafeBufferPointer<UInt64> {
        let start = Int(left.tokenStarts[i * 3 + kind])
        return UnsafeBufferPointer(rebasing: leftTokens[start..<(start + Int(left.tokenLengths[i * 3 + kind]))])
    }

    @inline(__always) func rtok(_ kind: Int, _ j: Int) -> UnsafeBufferPointer<UInt64> {
        let start = Int(right.tokenStarts[j * 3 + kind])
        return UnsafeBufferPointer(rebasing: rightTokens[start..<(start + Int(right.tokenLengths[j * 3 + kind]))])
    }

    @inline(__always) func isActive(_ comparison: MatchComparison) -> Bool {
        (active >> UInt32(comparison.rawValue)) & 1 == 1
    }

    // MARK: - Level functions

    /// Name view of left record `i` straight from the table (full-length names).
    @inline(__always) func leftNames(_ i: Int) -> NameView {
        NameView(
            given: lb(.given, i), surname: lb(.surname, i), givenPhonetic: left.givenPhonetic[i],
            surnamePhonetic: left.surnamePhonetic[i], givenFormalA: left.givenFormalA[i],
            givenFormalB: left.givenFormalB[i], surnameFormal: left.surnameFormal[i])
    }

    /// Name view of right record `j` straight from the table.
    @inline(__always) func rightNames(_ j: Int) -> NameView {
        NameView(
            given: rb(.given, j), surname: rb(.surname, j), givenPhonetic: right.givenPhonetic[j],
            surnamePhonetic: right.surnamePhonetic[j], givenFormalA: right.givenFormalA[j],
            givenFormalB: right.givenFormalB[j], surnameFormal: right.surnameFormal[j])
    }

    /// Given-name and surname levels (see ``NameComparison/levels(_:_:)``).
    @inline(__always) func nameLevels(_ i: Int, _ j: Int) -> (given: Int, surname: Int) {
        NameComparison.levels(leftNames(i), rightNames(j))
    }

    @inline(__always)
    func textLevel(_ slot: FieldSlot, _ i: Int, _ j: Int, thresholds: (Double, Double)) -> Int {
        let a = lb(slot, i), b = rb(slot, j)
        if a.isEmpty || b.isEmpty { return 0 }
        if left.hash(slot, i) == right.hash(slot, j) { return 1 }
        let bound = thresholds.1 < 1 ? thresholds.1 : thresholds.0
        if StringComparators.jaroWinklerBound(a.count, b.count) < bound { return thresholds.1 < 1 ? 4 : 3 }
        let jw = StringComparators.jaroWinkler(a, b)
        if jw >= thresholds.0 { return 2 }
        if thresholds.1 < 1 { return jw >= thresholds.1 ? 3 : 4 }
        return 3
    }

    @inline(__always)
    func editLevel(_ slot: FieldSlot, _ i: Int, _ j: Int, twoEditLevel: Bool) -> Int {
        let a = lb(slot, i), b = rb(slot, j)
        if a.isEmpty || b.isEmpty { return 0 }
        if left.hash(slot, i) == right.hash(slot, j) { return 1 }
        if StringComparators.withinOneEdit(a, b) { return 2 }
        if twoEditLevel { return StringComparators.damerauLevenshtein(a, b) <= 2 ? 3 : 4 }
        return 3
    }

    @inline(__always)
    func exactLevel(_ slot: FieldSlot, _ i: Int, _ j: Int) -> Int {
        let a = left.hash(slot, i), b = right.hash(slot, j)
        if a == 0 || b == 0 { return 0 }
        return a == b ? 1 : 2
    }

    func emailLevel(_ i: Int, _ j: Int) -> Int {
        let a = left.hash(.email, i), b = right.hash(.email, j)
        if a == 0 || b == 0 || left.emailFlags[i] & 2 != 0 || right.emailFlags[j] & 2 != 0 { return 0 }
        if a == b { return 1 }
        let ea = lb(.email, i), eb = rb(.email, j)
        if StringComparators.withinOneEdit(ea, eb) { return 2 }
        let la = lb(.emailLocal, i)
        if la.count >= 5 && left.hash(.emailLocal, i) == right.hash(.emailLocal, j) { return 3 }
        return 4
    }

    func organisationLevel(_ i: Int, _ j: Int) -> Int {
        let ca = left.hash(.company, i), cb = right.hash(.company, j)
        let wa = left.hash(.website, i), wb = right.hash(.website, j)
        let da = left.hash(.emailDomain, i), db = right.hash(.emailDomain, j)
        if ca == 0 && wa == 0 && da == 0 { return 0 }
        if cb == 0 && wb == 0 && db == 0 { return 0 }
        if ca != 0 && ca == cb { return 1 }
        if (wa != 0 && (wa == wb || wa == db)) || (da != 0 && (da == wb || da == db)) { return 1 }
        if ca != 0 && cb != 0 {
            let ta = ltok(0, i), tb = rtok(0, j)
            let overlap = StringComparators.tokenSet(ta, tb)
            if overlap >= 0.7 { return 2 }
            // A typo can only make JW ≥ 0.9 without any shared token when a name is a single token.
            let a = lb(.company, i), b = rb(.company, j)
            if (overlap > 0 || ta.count == 1 || tb.count == 1)
                && StringComparators.jaroWinklerBound(a.count, b.count) >= 0.9
                && StringComparators.jaroWinkler(a, b) >= 0.9
            {
                return 2
            }
        }
        return 3
    }

    func dateLevel(_ i: Int, _ j: Int) -> Int {
        let a = lb(.dob, i), b = rb(.dob, j)
        if a.isEmpty || b.isEmpty { return 0 }
        if left.hash(.dob, i) == right.hash(.dob, j) { return 1 }
        if a.count == 8 && b.count == 8 {
            // yyyymmdd with month and day transposed.
            var transposed = true
            for k in 0..<4 where a[k] != b[k] { transposed = false }
            for k in 0..<2 where a[4 + k] != b[6 + k] || a[6 + k] != b[4 + k] { transposed = false }
            if transposed { return 2 }
        }
        let distance = StringComparators.damerauLevenshtein(a, b)
        return distance <= 1 ? 2 : (distance <= 2 ? 3 : 4)
    }

    func postcodeLevel(_ i: Int, _ j: Int) -> Int {
        let a = lb(.postcode, i), b = rb(.postcode, j)
        if a.isEmpty || b.isEmpty { return 0 }
        if left.hash(.postcode, i) == right.hash(.postcode, j) { return 1 }
        let prefix = StringComparators.isPrefix(a, of: b) || StringComparators.isPrefix(b, of: a)
        if min(a.count, b.count) >= 5 && prefix {
            return 1
        }
        return StringComparators.withinOneEdit(a, b) ? 2 : 3
    }

    func titleLevel(_ i: Int, _ j: Int) -> Int {
        let a = left.hash(.jobTitle, i), b = right.hash(.jobTitle, j)
        if a == 0 || b == 0 { return 0 }
        if a == b { return 1 }
        if StringComparators.tokenSet(ltok(1, i), rtok(1, j)) >= 0.6 { return 2 }
        return StringComparators.withinOneEdit(lb(.jobTitle, i), rb(.jobTitle, j)) ? 2 : 3
    }

    /// Whether the pair agrees on a personal identifier strongly enough to lift the identity guard (same
    /// non-role e-mail, date of birth or other id, or national id within one edit) — cheap hash checks first.
    @inline(__always) func hasPersonalIdentifier(_ i: Int, _ j: Int) -> Bool {
        let email = left.hash(.email, i)
        if email != 0 && email == right.hash(.email, j) && (left.emailFlags[i] | right.emailFlags[j]) & 2 == 0 {
            return true
        }
        let dob = left.hash(.dob, i)
        if dob != 0 && dob == right.hash(.dob, j) { return true }
        let other = left.hash(.otherId, i)
        if other != 0 && other == right.hash(.otherId, j) { return true }
        if left.hash(.nationalId, i) != 0 && right.hash(.nationalId, j) != 0 {
            return StringComparators.withinOneEdit(lb(.nationalId, i), rb(.nationalId, j))
        }
        return false
    }

    /// The pattern, or `nil` when the identity guard will certainly veto the pair (names conflict and no
    /// personal identifier agrees) — the remaining fields are then not compared at all.
    @inline(__always) func screenedPattern(_ i: Int, _ j: Int) -> ComparisonPattern? {
        guard isActive(.givenName) || isActive(.surname) else { return rest(ComparisonPattern(), i, j) }
        let card = NameCard.levels(left.cards[i], right.cards[j])
        let names = card ?? nameLevels(i, j)
        if names.given == 5 || names.surname == 5 {
            // Cards hold no national id (such records are never decided from cards), so the card check suffices.
            if card != nil
                ? !NameCard.sharePersonalIdentifier(left.cards[i], right.cards[j])
                : !hasPersonalIdentifier(i, j)
            {
                return nil
            }
        }
        var p = ComparisonPattern()
        p.set(.givenName, names.given)
        p.set(.surname, names.surname)
        return rest(p, i, j)
    }

    /// The full comparison pattern of record `i` (left) and record `j` (right).
    func pattern(_ i: Int, _ j: Int) -> ComparisonPattern {
        var p = ComparisonPattern()
        if isActive(.givenName) || isActive(.surname) {
            let names = nameLevels(i, j)
            p.set(.givenName, names.given)
            p.set(.surname, names.surname)
        }
        return rest(p, i, j)
    }

    /// Levels of every comparison except the names.
    @inline(__always) func rest(_ start: ComparisonPattern, _ i: Int, _ j: Int) -> ComparisonPattern {
        var p = start
        if isActive(.email) { p.set(.email, emailLevel(i, j)) }
        if isActive(.phone) { p.set(.phone, editLevel(.phone, i, j, twoEditLevel: false)) }
        if isActive(.organisation) { p.set(.organisation, organisationLevel(i, j)) }
        if isActive(.jobTitle) { p.set(.jobTitle, titleLevel(i, j)) }
        if isActive(.streetNumber) { p.set(.streetNumber, editLevel(.streetNumber, i, j, twoEditLevel: false)) }
        if isActive(.address1) {
            p.set(.address1, textLevel(.address1, i, j, thresholds: (0.9, 0.75)))
            p.set(.address2, textLevel(.address2, i, j, thresholds: (0.9, 0.75)))
        }
        if isActive(.city) { p.set(.city, textLevel(.city, i, j, thresholds: (0.9, 1))) }
        if isActive(.region) { p.set(.region, exactLevel(.region, i, j)) }
        if isActive(.postcode) { p.set(.postcode, postcodeLevel(i, j)) }
        if isActive(.country) { p.set(.country, exactLevel(.country, i, j)) }
        if isActive(.dateOfBirth) { p.set(.dateOfBirth, dateLevel(i, j)) }
        if isActive(.nationalId) { p.set(.nationalId, editLevel(.nationalId, i, j, twoEditLevel: true)) }
        if isActive(.otherId) { p.set(.otherId, exactLevel(.otherId, i, j)) }
        return p
    }
}
