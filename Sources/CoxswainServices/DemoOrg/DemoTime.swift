import CoxswainDomain
import Foundation

/// Day and instant arithmetic for the generator. Days are ``LocalDate/dayNumber`` values; instants are Unix
/// milliseconds. Time-zone offsets are looked up once per zone and day (DST-aware) and cached, so turning
/// "10:30 on day D in Europe/Berlin" into an instant is an array read, even for millions of activities.
struct DemoTime: Sendable {
    static let dayMs: Int64 = 86_400_000

    /// The six zones reps work in, matching their regions.
    static let zones = [
        "America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Berlin",
        "Asia/Singapore", "Australia/Sydney",
    ]

    let firstDay: Int
    let lastDay: Int
    /// `offsets[zone][day - firstDay]`: seconds east of UTC at local noon of that day.
    private let offsets: [[Int]]

    init(firstDay: Int, lastDay: Int) {
        self.firstDay = firstDay
        self.lastDay = lastDay
        offsets = DemoTime.zones.map { name in
            let zone = TimeZone(identifier: name) ?? TimeZone(identifier: "UTC")!
            var row: [Int] = []
            row.reserveCapacity(lastDay - firstDay + 1)
            for day in firstDay...lastDay {
                row.append(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(day) * 86_400 + 43_200)))
            }
            return row
        }
    }

    /// Index of `identifier` in ``zones`` (0 when unknown).
    static func zoneIndex(_ identifier: String) -> Int { zones.firstIndex(of: identifier) ?? 0 }

    /// The instant of `minuteOfDay` local time on `day` in zone `zone`.
    func instant(day: Int, minuteOfDay: Int, zone: Int) -> Int64 {
        let clamped = min(max(day, firstDay), lastDay)
        let offset = offsets[zone][clamped - firstDay]
        return Int64(day) * DemoTime.dayMs + Int64(minuteOfDay) * 60_000 - Int64(offset) * 1000
    }

    /// The local calendar day of `instant` in zone `zone`.
    func localDay(of instant: Int64, zone: Int) -> Int {
        let utcDay = DemoTime.utcDay(of: instant)
        let clamped = min(max(utcDay, firstDay), lastDay)
        let shifted = instant + Int64(offsets[zone][clamped - firstDay]) * 1000
        return DemoTime.utcDay(of: shifted)
    }

    /// The UTC calendar day of `instant`.
    static func utcDay(of instant: Int64) -> Int {
        Int(instant >= 0 ? instant / dayMs : (instant - dayMs + 1) / dayMs)
    }

    /// `Date` for an instant in milliseconds.
    static func date(_ ms: Int64) -> Date { Date(timeIntervalSince1970: Double(ms) / 1000) }

    /// Whether `day` is a Saturday or Sunday.
    static func isWeekend(_ day: Int) -> Bool { LocalDate(dayNumber: day).isoWeekday >= 6 }

    /// Minutes since midnight of an `HH:MM` string.
    static func minutes(_ hhmm: String) -> Int {
        let parts = hhmm.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]) else { return 9 * 60 }
        return h * 60 + m
    }
}
