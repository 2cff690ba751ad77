/// Byte-level text helpers for the hot paths of validation and import (Foundation's `trimmingCharacters`
/// and `CharacterSet` bridge through NSString and cost microseconds per call).
public enum FastText {
    /// `s` without leading/trailing spaces, tabs, CR, LF and no-break spaces (U+00A0). Returns `s` itself,
    /// without copying, when there is nothing to trim.
    ///
    /// `FastText.trimmed("  Ada\u{A0}")` → `"Ada"`.
    @inlinable
    public static func trimmed(_ s: String) -> String {
        var s = s
        return s.withUTF8 { bytes -> String? in
            var start = 0
            var end = bytes.count
            while start < end {
                let b = bytes[start]
                if b == 32 || b == 9 || b == 10 || b == 13 {
                    start += 1
                } else if b == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 {
                    start += 2
                } else {
                    break
                }
            }
            while end > start {
                let b = bytes[end - 1]
                if b == 32 || b == 9 || b == 10 || b == 13 {
                    end -= 1
                } else if b == 0xA0, end - 2 >= start, bytes[end - 2] == 0xC2 {
                    end -= 2
                } else {
                    break
                }
            }
            if start == 0 && end == bytes.count { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        } ?? s
    }

    /// Lower-cased letters and digits only, for loose matching of headers and choices:
    /// `"Zip/Postal Code"` → `"zippostalcode"`, `"Closed Won"` → `"closedwon"`. Non-ASCII letters are kept
    /// (lower-cased by the standard library).
    public static func looseKey(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var ascii = true
        for b in s.utf8 {
            if b >= 128 {
                ascii = false
                break
            }
            if b >= 65 && b <= 90 {
                out.append(b + 32)
            } else if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) {
                out.append(b)
            }
        }
        if ascii { return String(decoding: out, as: UTF8.self) }
        return String(
            String.UnicodeScalarView(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }
}
