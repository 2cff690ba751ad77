import Foundation

/// A set of ASCII bytes, used to say which punctuation a normaliser keeps.
struct AsciiSet: Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init(_ characters: String) {
        for byte in characters.utf8 where byte < 128 {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
    }

    @inline(__always) func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? (low >> UInt64(byte)) & 1 == 1 : byte < 128 && (high >> UInt64(byte - 64)) & 1 == 1
    }
}

/// Folds free text into comparable UTF-8 bytes.
///
/// Business rule: case is ignored, Latin accents are removed (`"Gonçalves"` → `"goncalves"`, `"ß"` → `"ss"`),
/// letters and digits are kept, every run of other characters becomes one separator (a space unless the caller
/// keeps a symbol), and the result is trimmed. Scripts other than Latin are kept lower-cased as they are.
///
/// Example: `fold("  O'Brien-Smith\t")` is `"o brien smith"`; with `keep: "'"` it is `"o'brien smith"`.
enum TextFolding {
    /// Folded bytes of U+00C0 … U+024F, computed once.
    static let latinTable: [[UInt8]] = {
        let overrides: [UInt32: String] = [
            0xDF: "ss", 0xC6: "ae", 0xE6: "ae", 0xD8: "o", 0xF8: "o", 0x152: "oe", 0x153: "oe", 0x110: "d",
            0x111: "d", 0x141: "l", 0x142: "l", 0xDE: "th", 0xFE: "th", 0xD0: "d", 0xF0: "d", 0x131: "i",
            0xD7: " ", 0xF7: " ",
        ]
        return (UInt32(0xC0)..<UInt32(0x250)).map { value in
            if let text = overrides[value] { return Array(text.utf8) }
            guard let scalar = Unicode.Scalar(value) else { return [] }
            let folded = String(Character(scalar)).folding(
                options: [.diacriticInsensitive, .caseInsensitive],
                locale: nil
            ).lowercased()
            let bytes = Array(folded.utf8)
            return bytes.allSatisfy { $0 < 128 } ? bytes : Array(String(Character(scalar)).lowercased().utf8)
        }
    }()

    static let empty = AsciiSet("")

    /// Accumulates folded bytes, collapsing separator runs (a struct, so no closure captures or dynamic
    /// exclusivity checks in the per-byte loop).
    struct Writer {
        var out: [UInt8] = []
        var pending = false
        let separator: UInt8

        @inline(__always) mutating func emit(_ byte: UInt8) {
            if pending && !out.isEmpty && separator != 0 { out.append(separator) }
            pending = false
            out.append(byte)
        }

        @inline(__always) mutating func ascii(_ byte: UInt8, keep: AsciiSet) {
            if byte >= 65 && byte <= 90 {
                emit(byte + 32)
            } else if (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || keep.contains(byte) {
                emit(byte)
            } else {
                pending = true
            }
        }
    }

    /// Folds `text`, keeping the ASCII symbols in `keep` and turning other punctuation into `separator`.
    static func fold(_ text: String, keep: AsciiSet = empty, separator: UInt8 = 32) -> [UInt8] {
        var writer = Writer(separator: separator)
        writer.out.reserveCapacity(text.utf8.count)
        var isAscii = true
        for byte in text.utf8 {
            if byte >= 128 {
                isAscii = false
                break
            }
            writer.ascii(byte, keep: keep)
        }
        if isAscii { return writer.out }
        writer.out.removeAll(keepingCapacity: true)
        writer.pending = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 128 {
                writer.ascii(UInt8(value), keep: keep)
            } else if value >= 0xC0 && value < 0x250 {
                let mapped = latinTable[Int(value - 0xC0)]
                if mapped.isEmpty || mapped == [32] {
                    writer.pending = true
                } else {
                    for byte in mapped { writer.emit(byte) }
                }
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue  // combining accents of decomposed text ("e\u{301}") fold away like precomposed ones
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                for byte in String(Character(scalar)).lowercased().utf8 { writer.emit(byte) }
            } else {
                writer.pending = true
            }
        }
        return writer.out
    }

    /// Folds and returns a `String` (convenience for tests and non-hot paths).
    static func foldedString(_ text: String, keep: AsciiSet = empty) -> String {
        String(decoding: fold(text, keep: keep), as: UTF8.self)
    }

    /// Splits folded bytes on spaces.
    static func tokens(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: 32, omittingEmptySubsequences: true)
    }

    /// Keeps only ASCII digits of `text`.
    static func digits(_ text: some StringProtocol) -> [UInt8] {
        text.utf8.filter { $0 >= 48 && $0 <= 57 }
    }
}

/// 64-bit FNV-1a hash with a final avalanche, used for exact-equality codes and blocking keys.
///
/// Business rule: the empty value always hashes to 0, which every consumer treats as "missing".
enum ByteHash {
    @inline(__always) static func hash<C: Collection>(_ bytes: C, seed: UInt64 = 0) -> UInt64 where C.Element == UInt8 {
        if bytes.isEmpty { return 0 }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return mix(h) | 1
    }

    /// SplitMix64 finaliser; never returns 0 for the key combinations used (callers or-in 1).
    @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Combines two codes into one key; 0 if either is missing.
    @inline(__always) static func combine(_ a: UInt64, _ b: UInt64, tag: UInt64) -> UInt64 {
        if a == 0 || b == 0 { return 0 }
        return mix(a &* 31 &+ b ^ (tag &* 0x9E37_79B9)) | 1
    }
}
