/// A typed identifier: `Identifier<Lead>` and `Identifier<Account>` are different types, so a lead id can
/// never be passed where an account id is expected.
///
/// Identifiers are opaque strings. Coxswain generates time-ordered UUIDv7 strings (see ``UUIDv7``) so that
/// ids sort by creation time, which keeps B-tree inserts local and makes cursor pagination stable.
///
/// ```swift
/// let id: Lead.ID = "0190f0c2-7b1e-7000-8000-000000000001"
/// ```
public struct Identifier<Tag>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The stored text, e.g. `0190f0c2-7b1e-7000-8000-000000000001`.
    public let rawValue: String

    /// Wraps an existing identifier string.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { rawValue }
}

/// Builds RFC 9562 version-7 UUID strings: 48 bits of Unix milliseconds followed by 74 random bits.
///
/// Example: `UUIDv7.string(milliseconds: 1_700_000_000_000, random: (0x1234, 0xdead_beef))`
/// → `"018bcfe5-6800-7234-8000-0000deadbeef"` (version nibble 7, variant bits `10`).
public enum UUIDv7 {
    /// Formats a UUIDv7 from a timestamp and 80 bits of randomness (12 bits of `random.0` and 64 of `random.1`
    /// are used; the variant bits overwrite the top 2 bits of `random.1`).
    public static func string(milliseconds: UInt64, random: (UInt16, UInt64)) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - i))) }
        bytes[6] = 0x70 | UInt8(truncatingIfNeeded: (random.0 >> 8) & 0x0F)
        bytes[7] = UInt8(truncatingIfNeeded: random.0)
        let low = (random.1 & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        for i in 0..<8 { bytes[8 + i] = UInt8(truncatingIfNeeded: low >> (8 * (7 - i))) }
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(36)
        for (i, b) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(UInt8(ascii: "-")) }
            out.append(hex[Int(b >> 4)])
            out.append(hex[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
