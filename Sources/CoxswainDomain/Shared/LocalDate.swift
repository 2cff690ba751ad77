import Foundation

/// A calendar date with no time and no time zone (a close date, a hire date, a quota period boundary).
///
/// Stored and exchanged as ISO 8601 `YYYY-MM-DD`, which also sorts correctly as text. Arithmetic is done on
/// the proleptic Gregorian day number, so it is exact across month ends and leap years:
/// `LocalDate(2024, 2, 28).adding(days: 1)` is `2024-02-29`, and `.adding(days: 2)` is `2024-03-01`.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date; returns nil for impossible dates such as 2023-02-29 or 2024-13-01.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates a date that is known to be valid (traps otherwise); for literals in code and tests.
    public init(_ year: Int, _ month: Int, _ day: Int) {
        guard let d = LocalDate(year: year, month: month, day: day) else {
            preconditionFailure("invalid date \(year)-\(month)-\(day)")
        }
        self = d
    }

    /// Parses `YYYY-MM-DD` (also accepts `YYYY/MM/DD`, `MM/DD/YYYY` as exported by Salesforce in the US,
    /// and an ISO timestamp whose date part is taken). Returns nil for anything else or impossible dates.
    public init?(parsing text: some StringProtocol) {
        let bytes = Array(text.utf8)
        func num(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= bytes.count, !r.isEmpty else { return nil }
            var v = 0
            for i in r {
                let b = bytes[i]
                guard b >= 48 && b <= 57 else { return nil }
                v = v * 10 + Int(b - 48)
            }
            return v
        }
        if bytes.count >= 10, bytes[4] == UInt8(ascii: "-") || bytes[4] == UInt8(ascii: "/"),
            bytes[7] == bytes[4], bytes.count == 10 || bytes[10] == UInt8(ascii: "T") || bytes[10] == 32,
            let y = num(0..<4), let m = num(5..<7), let d = num(8..<10)
        {
            self.init(year: y, month: m, day: d)
            return
        }
        // US style M/D/YYYY or MM/DD/YYYY
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 3, parts[2].count == 4, let m = Int(parts[0]), let d = Int(parts[1]),
            let y = Int(parts[2]), parts[0].count <= 2, parts[1].count <= 2
        {
            self.init(year: y, month: m, day: d)
            return
        }
        return nil
    }

    /// Number of days in a month, leap-year aware (February has 29 days in 2024 and 2000, 28 in 1900).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Gregorian leap-year rule: divisible by 4, except centuries not divisible by 400.
    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Days since 1970-01-01 (negative before). Algorithm from Howard Hinnant's `days_from_civil`.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// This date moved by `days` (may be negative).
    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// This date moved by whole months, clamping the day to the target month's length:
    /// `2025-01-31 + 1 month = 2025-02-28`.
    public func adding(months: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12
        let m = total % 12 + 1
        return LocalDate(y, m, min(day, LocalDate.daysIn(month: m, year: y)))
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: LocalDate) -> Int { other.dayNumber - dayNumber }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int { ((dayNumber % 7 + 7 + 3) % 7) + 1 }

    /// The calendar date of `instant` in `timeZone` (a deal closed at 23:30 in Los Angeles on 31 March is a
    /// March deal even though it is already 1 April in UTC).
    public init(_ instant: Date, in timeZone: TimeZone) {
        let epoch = Int(instant.timeIntervalSince1970.rounded(.down))
        let seconds = epoch + UTCOffsetCache.shared.offset(timeZone, at: epoch)
        self.init(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
    }

    /// Midnight at the start of this date in `timeZone`, as an instant.
    public func startOfDay(in timeZone: TimeZone) -> Date {
        let utcMidnight = Date(timeIntervalSince1970: Double(dayNumber) * 86_400)
        // Two passes settle the offset across a DST change at midnight.
        var guess = utcMidnight.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: utcMidnight)))
        guess = utcMidnight.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: guess)))
        return guess
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = LocalDate(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = d
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// Memoises `TimeZone.secondsFromGMT(for:)` per 15-minute slot of UTC time: Foundation's lookup costs about a
/// microsecond on Linux and analytics converts every deal's timestamps. Offsets only change at zone
/// transitions, and every modern transition falls on a quarter hour of UTC (including half- and
/// quarter-hour zones such as St John's −3:30 or Chatham +12:45), so a slot never straddles two offsets.
/// Example: 2026-03-08 07:00 UTC in America/New_York is slot 1,972,060 → −14,400 s (EDT), and 06:59 UTC is
/// in the previous slot → −18,000 s (EST).
final class UTCOffsetCache: @unchecked Sendable {
    static let shared = UTCOffsetCache()
    private struct Key: Hashable {
        var zone: String
        var slot: Int
    }
    private var offsets: [Key: Int] = [:]
    private let lock = NSLock()

    func offset(_ zone: TimeZone, at epochSeconds: Int) -> Int {
        let slot = epochSeconds >= 0 ? epochSeconds / 900 : (epochSeconds - 899) / 900
        let key = Key(zone: zone.identifier, slot: slot)
        if let cached = lock.withLock({ offsets[key] }) { return cached }
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(slot * 900)))
        lock.withLock {
            if offsets.count > 500_000 { offsets.removeAll(keepingCapacity: true) }
            offsets[key] = offset
        }
        return offset
    }
}
