import Foundation
import PropertyBased
import Testing

@testable import CoxswainDomain

@Suite("Money, dates and the fiscal calendar")
struct MoneyAndDatesTests {
    @Test func moneyParsesGroupedAmountsAndConvertsToMinorUnitsExactly() throws {
        // Given a user-entered amount with thousands separators and a currency symbol
        let money = try Money.parse("$1,234,567.89", currency: .usd).get()
        // Then the amount is exact and 123,456,789 cents
        #expect(money.amount == Decimal(string: "1234567.89"))
        #expect(money.minorUnits == 123_456_789)
        #expect(Money(minorUnits: 123_456_789, currency: .usd) == money)
    }

    @Test func moneyRejectsMoreDecimalsThanTheCurrencyHasAndBadGrouping() {
        #expect(throws: MoneyError.tooManyDecimals("12.345", .usd)) { try Money.parse("12.345", currency: .usd).get() }
        #expect(throws: MoneyError.tooManyDecimals("100.5", .jpy)) { try Money.parse("100.5", currency: .jpy).get() }
        #expect(throws: MoneyError.notANumber("1,23")) { try Money.parse("1,23", currency: .usd).get() }
        #expect(throws: MoneyError.notANumber("12abc")) { try Money.parse("12abc", currency: .usd).get() }
    }

    @Test func bankersRoundingIsTheDefaultAndOtherModesAreExplicit() {
        // 92.5875 → 92.59; 0.125 → 0.12 (half to even); 0.135 → 0.14
        #expect(Money(Decimal(string: "92.5875")!, .usd).rounded().amount == Decimal(string: "92.59"))
        #expect(Money(Decimal(string: "0.125")!, .usd).rounded().amount == Decimal(string: "0.12"))
        #expect(Money(Decimal(string: "0.135")!, .usd).rounded().amount == Decimal(string: "0.14"))
        #expect(Money(Decimal(string: "0.125")!, .usd).rounded(.plain).amount == Decimal(string: "0.13"))
    }

    @Test func unknownCurrenciesAreRejected() {
        #expect(Currency(code: "XYZ") == nil)
        #expect(Currency(code: "eur")?.code == "EUR")
        #expect(Currency(code: "BHD")?.minorUnits == 3)
    }

    @Test func minorUnitsRoundTripForAnyAmount() async {
        await propertyCheck(input: Gen.int(in: -9_000_000_000_000...9_000_000_000_000)) { cents in
            let money = Money(minorUnits: Int64(cents), currency: .usd)
            #expect(money.minorUnits == Int64(cents))
            #expect((try? Money.parse(Money.plain(money.amount, digits: 2), currency: .usd).get()) == money)
        }
    }

    @Test func dayNumbersRoundTripAcrossCenturiesAndLeapYears() async {
        await propertyCheck(input: Gen.int(in: -100_000...100_000)) { n in
            let date = LocalDate(dayNumber: n)
            #expect(date.dayNumber == n)
            #expect(LocalDate(parsing: date.description) == date)
            #expect(date.adding(days: 1) > date)
        }
    }

    @Test func calendarArithmeticHandlesMonthEndsAndLeapDays() {
        #expect(LocalDate(2024, 2, 28).adding(days: 1) == LocalDate(2024, 2, 29))
        #expect(LocalDate(2023, 2, 28).adding(days: 1) == LocalDate(2023, 3, 1))
        #expect(LocalDate(2025, 1, 31).adding(months: 1) == LocalDate(2025, 2, 28))
        #expect(LocalDate(year: 2023, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(2026, 11, 29).isoWeekday == 7)  // a Sunday
        #expect(LocalDate(parsing: "3/31/2026") == LocalDate(2026, 3, 31))
        #expect(LocalDate(parsing: "2026-02-30") == nil)
    }

    @Test func instantsBecomeDatesInTheGivenTimeZone() {
        // Given 31 March 23:30 in Los Angeles, which is already 1 April in UTC
        let instant = Timestamp.parse("2026-04-01T06:30:00Z")!
        // Then it is a March date in Los Angeles and an April date in UTC
        #expect(LocalDate(instant, in: TimeZone(identifier: "America/Los_Angeles")!) == LocalDate(2026, 3, 31))
        #expect(LocalDate(instant, in: TimeZone(identifier: "UTC")!) == LocalDate(2026, 4, 1))
    }

    @Test func februaryFiscalYearIsNamedByTheYearItEnds() {
        // Given a fiscal year starting 1 February, named by its ending year
        let calendar = FiscalCalendar(startMonth: 2)
        // Then Feb 2026–Jan 2027 is FY2027 and its quarters are Feb–Apr … Nov–Jan
        let q4 = calendar.quarter(containing: LocalDate(2026, 11, 15))
        #expect(q4.label == "FY2027-Q4")
        #expect(q4.start == LocalDate(2026, 11, 1) && q4.end == LocalDate(2027, 1, 31))
        #expect(calendar.quarter(containing: LocalDate(2026, 1, 31)).label == "FY2026-Q4")
        #expect(calendar.quarter(fiscalYear: 2027, number: 1).start == LocalDate(2026, 2, 1))
        #expect(calendar.quarter(q4, offsetBy: 1).label == "FY2028-Q1")
        #expect(calendar.period(named: "fy2027-q2")?.start == LocalDate(2026, 5, 1))
        #expect(FiscalCalendar(startMonth: 2, naming: .startingYear).quarter(containing: LocalDate(2026, 11, 15)).label == "FY2026-Q4")
        #expect(FiscalCalendar().quarter(containing: LocalDate(2026, 11, 15)).label == "FY2026-Q4")
    }

    @Test func timestampsParseOffsetsAndPrintUTC() {
        #expect(Timestamp.parse("2026-03-01T10:00:00+02:00").map(Timestamp.iso8601) == "2026-03-01T08:00:00.000Z")
        #expect(Timestamp.parse("2026-03-01 10:00:00.250Z").map(Timestamp.iso8601) == "2026-03-01T10:00:00.250Z")
        #expect(Timestamp.parse("2026-03-01").map(Timestamp.iso8601) == "2026-03-01T00:00:00.000Z")
        #expect(Timestamp.parse("yesterday") == nil)
        #expect(Timestamp.parse("2026-03-01T25:00:00Z") == nil)
    }
}

@Suite("Fast text helpers")
struct FastTextTests {
    @Test func trimmingRemovesOnlyOuterWhitespaceIncludingNoBreakSpaces() {
        #expect(FastText.trimmed("  Ada\u{A0}") == "Ada")
        #expect(FastText.trimmed("\t\r\nGrace Hopper \n") == "Grace Hopper")
        #expect(FastText.trimmed("Zoë") == "Zoë")
        #expect(FastText.trimmed("   ") == "")
        #expect(FastText.trimmed("") == "")
    }

    @Test func looseKeysIgnoreCasePunctuationAndSpaces() {
        #expect(FastText.looseKey("Zip/Postal Code") == "zippostalcode")
        #expect(FastText.looseKey("Company / Account") == "companyaccount")
        #expect(FastText.looseKey("Straße Nr.") == "straßenr")
    }

    @Test func emailAndPhoneChecksWorkOnBytes() {
        #expect(FieldParser.isEmail("ada@example.com"))
        #expect(!FieldParser.isEmail("ada@example"))
        #expect(!FieldParser.isEmail("ada@@example.com"))
        #expect(!FieldParser.isEmail("@example.com"))
        #expect(!FieldParser.isEmail("ada@.com"))
        #expect(!FieldParser.isEmail("a da@example.com"))
        #expect(FieldParser.isEmail("ada.lovelace+crm@mail.example.co.uk"))
    }
}
