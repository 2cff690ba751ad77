import Foundation

/// The canonical, validated value of one field. Every write path (API, CSV import, engines, demo
/// generator) produces these through ``EntitySchema/validate(_:mode:context:)``, and storage, JSON and CSV
/// output are produced from them, so a value has exactly one meaning everywhere.
///
/// Deliberately not `indirect`: every payload is stored inline or is already a reference (`object`'s
/// dictionary), so building a record's values allocates no box per value (an import builds tens of millions).
public enum FieldValue: Hashable, Sendable {
    case null
    case text(String)
    case integer(Int64)
    /// An exact decimal; money amounts are decimals whose currency lives in a sibling field.
    case decimal(Decimal)
    case bool(Bool)
    case date(LocalDate)
    /// An instant with millisecond precision (stored as UTC epoch milliseconds).
    case timestamp(Date)
    /// A list of strings (multi-picklists, weekdays).
    case list([String])
    /// A list of inclusive date ranges (a rep's out-of-office periods).
    case dateRanges([ClosedRange<LocalDate>])
    /// Named values (custom fields), keys sorted.
    case object([String: FieldValue])

    public var isNull: Bool { if case .null = self { true } else { false } }

    public var text: String? { if case .text(let s) = self { s } else { nil } }
    public var integer: Int64? { if case .integer(let v) = self { v } else { nil } }
    public var decimal: Decimal? {
        switch self {
        case .decimal(let d): d
        case .integer(let i): Decimal(i)
        default: nil
        }
    }
    public var bool: Bool? { if case .bool(let v) = self { v } else { nil } }
    public var date: LocalDate? { if case .date(let v) = self { v } else { nil } }
    public var timestamp: Date? { if case .timestamp(let v) = self { v } else { nil } }
    public var list: [String]? { if case .list(let v) = self { v } else { nil } }

    /// The JSON form: dates as `YYYY-MM-DD`, timestamps as ISO 8601 UTC with milliseconds, decimals exact.
    public var json: JSONValue {
        switch self {
        case .null: .null
        case .text(let s): .string(s)
        case .integer(let i): .number(Decimal(i))
        case .decimal(let d): .number(d)
        case .bool(let b): .bool(b)
        case .date(let d): .string(d.description)
        case .timestamp(let t): .string(Timestamp.iso8601(t))
        case .list(let l): .array(l.map(JSONValue.string))
        case .dateRanges(let r):
            .array(r.map { .object([("start", .string($0.lowerBound.description)), ("end", .string($0.upperBound.description))]) })
        case .object(let o): .object(o.keys.sorted().map { ($0, o[$0]!.json) })
        }
    }

    /// The CSV cell form (empty for null; lists joined with `;`; date ranges as `start..end`).
    public var csvText: String {
        switch self {
        case .null: ""
        case .text(let s): s
        case .integer(let i): String(i)
        case .decimal(let d): d.description
        case .bool(let b): b ? "true" : "false"
        case .date(let d): d.description
        case .timestamp(let t): Timestamp.iso8601(t)
        case .list(let l): l.joined(separator: ";")
        case .dateRanges(let r): r.map { "\($0.lowerBound)..\($0.upperBound)" }.joined(separator: ";")
        case .object: json.serialized()
        }
    }
}

/// Instants as text: ISO 8601 in UTC with millisecond precision, e.g. `2026-03-31T23:30:00.000Z`.
public enum Timestamp {
    /// Formats `date` as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    public static func iso8601(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let dayMs: Int64 = 86_400_000
        var days = ms / dayMs
        var rem = ms % dayMs
        if rem < 0 { rem += dayMs; days -= 1 }
        let d = LocalDate(dayNumber: Int(days))
        let h = rem / 3_600_000, m = rem / 60_000 % 60, s = rem / 1000 % 60, milli = rem % 1000
        func p(_ v: Int64, _ w: Int) -> String { let t = String(v); return String(repeating: "0", count: max(0, w - t.count)) + t }
        return "\(d)T\(p(h, 2)):\(p(m, 2)):\(p(s, 2)).\(p(milli, 3))Z"
    }

    /// Parses ISO 8601 timestamps with or without fraction and with `Z` or `±HH:MM` offsets; a bare date
    /// `YYYY-MM-DD` means midnight UTC. Returns nil for anything else.
    public static func parse(_ text: some StringProtocol) -> Date? {
        let s = FastText.trimmed(String(text))
        if s.count == 10, let d = LocalDate(parsing: s) { return Date(timeIntervalSince1970: Double(d.dayNumber) * 86_400) }
        let b = Array(s.utf8)
        guard b.count >= 19, let date = LocalDate(parsing: String(decoding: b[0..<10], as: UTF8.self)),
            b[10] == UInt8(ascii: "T") || b[10] == 32
        else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { guard i < b.count, b[i] >= 48, b[i] <= 57 else { return nil }; v = v * 10 + Int(b[i] - 48) }
            return v
        }
        guard let h = num(11..<13), let mi = num(14..<16), let se = num(17..<19), h < 24, mi < 60, se < 61,
            b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":")
        else { return nil }
        var i = 19
        var fraction = 0.0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var scale = 0.1
            while i < b.count, b[i] >= 48, b[i] <= 57 { fraction += Double(b[i] - 48) * scale; scale /= 10; i += 1 }
        }
        var offset = 0
        if i < b.count {
            if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                i += 1
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                guard let oh = num(i + 1..<i + 3) else { return nil }
                var j = i + 3
                if j < b.count, b[j] == UInt8(ascii: ":") { j += 1 }
                guard let om = num(j..<j + 2) else { return nil }
                offset = sign * (oh * 3600 + om * 60)
                i = j + 2
            } else {
                return nil
            }
        }
        guard i == b.count else { return nil }
        let seconds = Double(date.dayNumber) * 86_400 + Double(h * 3600 + mi * 60 + se) - Double(offset) + fraction
        return Date(timeIntervalSince1970: (seconds * 1000).rounded() / 1000)
    }
}
