import Foundation

/// UTC offsets of one time zone, precomputed over 2000–2100 so that the hot path does a binary search instead of
/// asking `TimeZone` (which costs far more than a routing decision).
struct ZoneOffsets: Sendable {
    let zone: TimeZone
    /// Instants (Unix seconds) where the offset changes, ascending.
    let transitions: [Int64]
    /// `offsets[i]` holds before `transitions[i]` (and after the previous one); one more than transitions.
    let offsets: [Int32]
    static let horizon: ClosedRange<Int64> = 946_684_800...4_102_444_800

    init(_ zone: TimeZone) {
        self.zone = zone
        var transitions: [Int64] = []
        var offsets: [Int32] = [Int32(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(Self.horizon.lowerBound))))]
        var t = Date(timeIntervalSince1970: Double(Self.horizon.lowerBound))
        while let next = zone.nextDaylightSavingTimeTransition(after: t), next.timeIntervalSince1970 < Double(Self.horizon.upperBound),
            transitions.count < 1000
        {
            transitions.append(Int64(next.timeIntervalSince1970))
            offsets.append(Int32(zone.secondsFromGMT(for: next)))
            t = next
        }
        self.transitions = transitions
        self.offsets = offsets
    }

    /// Seconds east of UTC at Unix second `t`.
    @inline(__always)
    func offset(at t: Int64) -> Int64 {
        guard Self.horizon.contains(t) else { return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t)))) }
        var lo = 0
        var hi = transitions.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if transitions[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return Int64(offsets[lo])
    }
}

/// A rep's availability in compact form: zone, working window in local minutes, working weekdays as a bit mask
/// (bit 1 = Monday … bit 7 = Sunday) and out-of-office day-number ranges.
struct RepSchedule: Sendable {
    var active: Bool
    var zone: Int32
    var workStart: Int32
    var workEnd: Int32
    var workDays: UInt8
    var outOfOffice: [ClosedRange<Int32>]

    init(rep: Rep, zone: Int32) {
        active = rep.active
        self.zone = zone
        workStart = Self.minutes(rep.workStart) ?? 9 * 60
        workEnd = Self.minutes(rep.workEnd) ?? 17 * 60
        var mask: UInt8 = 0
        for (i, name) in Rep.allDays.enumerated() where rep.workDays.contains(where: { $0.lowercased().hasPrefix(name) }) {
            mask |= 1 << UInt8(i + 1)
        }
        workDays = mask
        outOfOffice = rep.outOfOffice.map { Int32($0.lowerBound.dayNumber)...Int32($0.upperBound.dayNumber) }
    }

    /// `"09:30"` → 570.
    static func minutes(_ text: String) -> Int32? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int32(parts[0]), let m = Int32(parts[1]), (0...24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }

    @inline(__always)
    static func weekday(_ day: Int64) -> Int { Int(((day % 7 + 7 + 3) % 7) + 1) }

    @inline(__always)
    func isOutOfOffice(day: Int64) -> Bool {
        for range in outOfOffice where range.contains(Int32(truncatingIfNeeded: day)) { return true }
        return false
    }

    /// Whether `day` (local day number) is a working day: a listed weekday and not out of office.
    @inline(__always)
    func isWorkingDay(_ day: Int64) -> Bool {
        workDays & (1 << UInt8(Self.weekday(day))) != 0 && !isOutOfOffice(day: day)
    }

    /// First-touch deadline: `minutes` of this rep's working time after `start`, counted only inside working hours on
    /// working days (out-of-office days excluded); a start outside hours begins at the next working period, so a
    /// deadline never falls outside working hours. `nil` when the rep has no working time in the next 400 days.
    ///
    /// Example: Mon–Fri 09:00–17:00 in Europe/Berlin, a lead at Friday 16:30 local with a 60-minute SLA → Monday
    /// 09:30 local (30 minutes on Friday, 30 on Monday).
    func deadline(from start: Int64, minutes: Int, zones: [ZoneOffsets]) -> Date? {
        let offsets = zones[Int(zone)]
        let offset = offsets.offset(at: start)
        var local = start + offset
        var remaining = Int64(minutes) * 60
        let open = Int64(workStart) * 60
        let close = Int64(workEnd) * 60
        for _ in 0..<400 {
            let day = Self.floorDiv(local, 86_400)
            let second = local - day * 86_400
            if isWorkingDay(day), second < close {
                let from = max(second, open)
                if remaining <= close - from {
                    let result = day * 86_400 + from + remaining
                    // Convert back with the offset in force at the result (DST may have changed since `start`).
                    let guess = result - offsets.offset(at: result - offset)
                    return Date(timeIntervalSince1970: Double(result - offsets.offset(at: guess)))
                }
                remaining -= close - from
            }
            local = (day + 1) * 86_400
        }
        return nil
    }

    @inline(__always)
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
