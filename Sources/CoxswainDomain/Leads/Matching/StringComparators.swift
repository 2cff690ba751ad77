/// String similarity measures on UTF-8 bytes, allocation-free.
///
/// All functions take `UnsafeBufferPointer<UInt8>` views into the record table's byte arena; strings longer than
/// 64 bytes are compared on their first 64 bytes (names, e-mails and titles are far shorter).
public enum StringComparators {
    static let maxLength = 64

    /// Jaro–Winkler similarity in 0…1 (prefix scale 0.1, up to 4 prefix characters).
    ///
    /// Example: `jaroWinkler("MARTHA", "MARHTA")` = 0.961; `jaroWinkler("DWAYNE", "DUANE")` = 0.84.
    public static func jaroWinkler(_ a: String, _ b: String) -> Double {
        var a = a, b = b
        return a.withUTF8 { pa in b.withUTF8 { pb in jaroWinkler(pa, pb) } }
    }

    /// Damerau–Levenshtein (optimal string alignment) distance.
    ///
    /// Example: `damerauLevenshtein("CA", "AC")` = 1; `damerauLevenshtein("kitten", "sitting")` = 3.
    public static func damerauLevenshtein(_ a: String, _ b: String) -> Int {
        var a = a, b = b
        return a.withUTF8 { pa in b.withUTF8 { pb in damerauLevenshtein(pa, pb) } }
    }

    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for index in 0..<a.count where a[index] != b[index] { return false }
        return true
    }

    /// Jaro–Winkler on byte buffers. Uses a per-call table of position bitmasks (one 64-bit mask per byte value),
    /// so finding the matching characters is O(n + m) instead of O(n × window).
    static func jaroWinkler(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        let n = min(a.count, maxLength)
        let m = min(b.count, maxLength)
        if n == 0 || m == 0 { return n == m ? 1 : 0 }
        let window = max(0, max(n, m) / 2 - 1)
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 256) { table -> Double in
            for i in 0..<n { table[Int(a[i])] = 0 }
            for j in 0..<m { table[Int(b[j])] = 0 }
            for j in 0..<m { table[Int(b[j])] |= 1 << UInt64(j) }
            var flagsA: UInt64 = 0
            var flagsB: UInt64 = 0
            var matches = 0
            for i in 0..<n {
                let low = max(0, i - window)
                let high = min(m - 1, i + window)
                if low > high { continue }
                let upper: UInt64 = high >= 63 ? ~0 : (1 << UInt64(high + 1)) - 1
                let windowMask = upper & ~((1 << UInt64(low)) - 1)
                let candidates = table[Int(a[i])] & windowMask & ~flagsB
                if candidates != 0 {
                    flagsB |= candidates & (~candidates &+ 1)
                    flagsA |= 1 << UInt64(i)
                    matches += 1
                }
            }
            if matches == 0 { return 0 }
            var transpositions = 0
            var restA = flagsA, restB = flagsB
            while restA != 0 {
                let i = restA.trailingZeroBitCount
                let j = restB.trailingZeroBitCount
                if a[i] != b[j] { transpositions += 1 }
                restA &= restA - 1
                restB &= restB - 1
            }
            let mm = Double(matches)
            let jaro = (mm / Double(n) + mm / Double(m) + (mm - Double(transpositions / 2)) / mm) / 3
            var prefix = 0
            while prefix < min(4, min(n, m)) && a[prefix] == b[prefix] { prefix += 1 }
            return jaro + Double(prefix) * 0.1 * (1 - jaro)
        }
    }

    /// Optimal-string-alignment distance on byte buffers.
    static func damerauLevenshtein(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(a.count, maxLength)
        let m = min(b.count, maxLength)
        if n == 0 { return m }
        if m == 0 { return n }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 3 * (m + 1)) { rows in
            let base = rows.baseAddress!
            var previous2 = base
            var previous = base + (m + 1)
            var current = base + 2 * (m + 1)
            for j in 0...m { previous[j] = Int32(j) }
            for i in 1...n {
                current[0] = Int32(i)
                let ca = a[i - 1]
                for j in 1...m {
                    let cost: Int32 = ca == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1 && j > 1 && ca == b[j - 2] && a[i - 2] == b[j - 1] {
                        value = min(value, previous2[j - 2] + 1)
                    }
                    current[j] = value
                }
                let spare = previous2
                previous2 = previous
                previous = current
                current = spare
            }
            return Int(previous[m])
        }
    }

    /// `true` when `a` and `b` are at most one edit apart (insert, delete, substitute or swap two adjacent bytes);
    /// O(n), used instead of the full distance when only "≤ 1" matters.
    static func withinOneEdit(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = a.count, m = b.count
        if n == m {
            var first = -1
            for k in 0..<n where a[k] != b[k] {
                first = k
                break
            }
            if first < 0 { return true }
            if first + 1 < n && a[first] == b[first + 1] && a[first + 1] == b[first] {
                for k in (first + 2)..<max(first + 2, n) where a[k] != b[k] { return false }
                return true
            }
            for k in (first + 1)..<max(first + 1, n) where a[k] != b[k] { return false }
            return true
        }
        if abs(n - m) != 1 { return false }
        let (short, long) = n < m ? (a, b) : (b, a)
        var k = 0
        while k < short.count && short[k] == long[k] { k += 1 }
        while k < short.count {
            if short[k] != long[k + 1] { return false }
            k += 1
        }
        return true
    }

    /// Upper bound of Jaro–Winkler given only the two lengths (used to skip hopeless comparisons).
    @inline(__always) static func jaroWinklerBound(_ n: Int, _ m: Int) -> Double {
        if n == 0 || m == 0 { return 0 }
        let ratio = Double(min(n, m)) / Double(max(n, m))
        let jaro = (2 + ratio) / 3
        return jaro + 0.4 * (1 - jaro)
    }

    /// Whether `short` is a prefix of `long` (bytes).
    @inline(__always)
    static func isPrefix(_ short: UnsafeBufferPointer<UInt8>, of long: UnsafeBufferPointer<UInt8>) -> Bool {
        guard short.count <= long.count else { return false }
        for index in 0..<short.count where short[index] != long[index] { return false }
        return true
    }

    /// Token-set similarity of two sorted, de-duplicated token-hash lists: |A∩B| / min(|A|,|B|) blended with
    /// the Jaccard index, so that `"Acme"` vs `"Acme Analytics"` scores 0.75 and identical sets 1.
    static func tokenSet(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>) -> Double {
        if a.isEmpty || b.isEmpty { return 0 }
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        let overlap = Double(common) / Double(min(a.count, b.count))
        let jaccard = Double(common) / Double(a.count + b.count - common)
        return (overlap + jaccard) / 2
    }
}

/// NYSIIS phonetic code (New York State Identification and Intelligence System), chosen over Double Metaphone
/// because it is compact, deterministic, needs no alternate codes and performs well on English surnames.
///
/// Business rule: two surnames that sound alike share a code and block together; codes are truncated to 8
/// letters and packed into a `UInt64`.
///
/// Example: `Nysiis.code("Knight")` = `"NAGT"`, `Nysiis.code("Night")` = `"NAGT"`, `Nysiis.code("Mitchell")`
/// = `"MATCAL"`.
public enum Nysiis {
    /// The NYSIIS code of a name as a string (letters A–Z only are considered).
    public static func code(_ name: String) -> String {
        let packed = packedCode(TextFolding.fold(name, separator: 0))
        var out: [UInt8] = []
        var value = packed
        while value != 0 { out.append(UInt8(value & 0xFF)); value >>= 8 }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always) static func isVowel(_ c: UInt8) -> Bool { c == 65 || c == 69 || c == 73 || c == 79 || c == 85 }

    /// Packs up to 8 code letters little-endian into a `UInt64`; 0 for names without letters.
    static func packedCode(_ folded: [UInt8]) -> UInt64 {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 80) { buffer -> UInt64 in
            var n = 0
            for byte in folded where byte >= 97 && byte <= 122 && n < 64 {
                buffer[n] = byte - 32
                n += 1
            }
            return packedCode(buffer, count: n)
        }
    }

    static func packedCode(_ s: UnsafeMutableBufferPointer<UInt8>, count: Int) -> UInt64 {
        var n = count
        if n == 0 { return 0 }
        func at(_ k: Int) -> UInt8 { k < n ? s[k] : 0 }
        var begin = 0
        if at(0) == 77 && at(1) == 65 && at(2) == 67 {
            s[1] = 67
        }  // MAC -> MCC
        else if at(0) == 75 && at(1) == 78 {
            s[0] = 78
        }  // KN -> NN
        else if at(0) == 75 {
            s[0] = 67
        }  // K -> C
        else if at(0) == 80 && (at(1) == 72 || at(1) == 70) {
            s[0] = 70; s[1] = 70
        }  // PH, PF -> FF
        else if at(0) == 83 && at(1) == 67 && at(2) == 72 {
            s[1] = 83; s[2] = 83
        }  // SCH -> SSS
        if n >= 2 {
            let a = s[n - 2], b = s[n - 1]
            if (a == 69 || a == 73) && b == 69 {
                s[n - 2] = 89; n -= 1
            }  // EE, IE -> Y
            else if b == 84 && (a == 68 || a == 82 || a == 78) {
                s[n - 2] = 68; n -= 1
            }  // DT RT NT -> D
            else if b == 68 && (a == 82 || a == 78) {
                s[n - 2] = 68; n -= 1
            }  // RD ND -> D
        }
        var key: UInt64 = UInt64(s[0])
        var length = 1
        var last = s[0]
        func push(_ letter: UInt8) {
            if letter != last && length < 8 {
                key |= UInt64(letter) << UInt64(8 * length)
                length += 1
            }
            last = letter
        }
        begin = 1
        var i = begin
        while i < n {
            let c = s[i]
            let next = at(i + 1)
            let previous = s[i - 1]
            if c == 69 && next == 86 { push(65); push(70); i += 2; continue }  // EV -> AF
            if isVowel(c) {
                push(65)
            } else if c == 81 {
                push(71)
            }  // Q -> G
            else if c == 90 {
                push(83)
            }  // Z -> S
            else if c == 77 {
                push(78)
            }  // M -> N
            else if c == 75 {
                push(next == 78 ? 78 : 67)
            }  // KN -> N, K -> C
            else if c == 83 && next == 67 && at(i + 2) == 72 {
                push(83); i += 3; continue
            }  // SCH -> S
            else if c == 80 && next == 72 {
                push(70); i += 2; continue
            }  // PH -> F
            else if c == 72 && (!isVowel(previous) || (next != 0 && !isVowel(next))) {
                push(previous)
            } else if c == 87 && isVowel(previous) {
                push(previous)
            } else {
                push(c)
            }
            s[i] = c
            i += 1
        }
        // Trailing S removed, AY -> Y, trailing A removed.
        func letter(_ k: Int) -> UInt8 { UInt8((key >> UInt64(8 * k)) & 0xFF) }
        if length > 1 && letter(length - 1) == 83 { length -= 1 }
        if length > 2 && letter(length - 2) == 65 && letter(length - 1) == 89 {
            length -= 1
            key &= ~(UInt64(0xFF) << UInt64(8 * (length - 1)))
            key |= UInt64(89) << UInt64(8 * (length - 1))
        }
        if length > 1 && letter(length - 1) == 65 { length -= 1 }
        let mask: UInt64 = length >= 8 ? ~0 : (1 << UInt64(8 * length)) - 1
        return key & mask
    }
}
