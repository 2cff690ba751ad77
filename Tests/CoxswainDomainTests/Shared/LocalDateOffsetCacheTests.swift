import CoxswainDomain
import Foundation
import Testing

@Suite("Local dates of instants")
struct LocalDateOffsetCacheTests {
    @Test(arguments: ["America/New_York", "America/St_Johns", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kolkata", "Europe/London"])
    func matchesFoundationsCalendarAcrossAYearOfTransitions(zone: String) throws {
        // Given a zone with DST (some with half- or quarter-hour offsets) and instants every 7 minutes of 2026
        let tz = try #require(TimeZone(identifier: zone))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = tz
        var instant = Date(timeIntervalSince1970: 1_767_225_600 - 86_400)
        var mismatches = 0
        while instant.timeIntervalSince1970 < 1_798_761_600 + 86_400 {
            // When the date is taken through the cached offsets
            let fast = LocalDate(instant, in: tz)
            // Then it is the calendar date Foundation gives for that instant in that zone
            let c = calendar.dateComponents([.year, .month, .day], from: instant)
            if fast != LocalDate(c.year!, c.month!, c.day!) { mismatches += 1 }
            instant.addTimeInterval(7 * 60)
        }
        #expect(mismatches == 0)
    }
}
