import Foundation

/// The organisation's fiscal calendar: which month the fiscal year starts in, how fiscal years are named,
/// and the time zone in which instants are turned into dates.
///
/// Worked example — a fiscal year starting 1 February, named after the calendar year it ends in
/// (Salesforce's default): 2026-02-01 … 2027-01-31 is **FY2027**; Q1 is Feb–Apr 2026, Q4 is Nov 2026–Jan 2027.
/// ```swift
/// let cal = FiscalCalendar(startMonth: 2)
/// cal.quarter(containing: LocalDate(2026, 11, 15))   // FY2027-Q4
/// cal.quarter(containing: LocalDate(2026, 1, 31))    // FY2026-Q4
/// ```
public struct FiscalCalendar: Hashable, Sendable, Codable {
    /// How a fiscal year that spans two calendar years is labelled.
    public enum Naming: String, Hashable, Sendable, Codable {
        /// FY named by the calendar year in which it ends (Feb 2026–Jan 2027 → FY2027).
        case endingYear = "ending_year"
        /// FY named by the calendar year in which it starts (Feb 2026–Jan 2027 → FY2026).
        case startingYear = "starting_year"
    }

    /// Month (1–12) in which the fiscal year starts. 1 = calendar year.
    public var startMonth: Int
    public var naming: Naming
    /// Time zone used to decide which date (and therefore which period) an instant falls in.
    public var timeZoneIdentifier: String

    public init(startMonth: Int = 1, naming: Naming = .endingYear, timeZoneIdentifier: String = "UTC") {
        precondition((1...12).contains(startMonth), "fiscal start month must be 1...12")
        self.startMonth = startMonth
        self.naming = naming
        self.timeZoneIdentifier = timeZoneIdentifier
    }

    /// The configured time zone (UTC if the identifier is unknown).
    public var timeZone: TimeZone { TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(identifier: "UTC")! }

    /// The fiscal year label containing `date`.
    public func fiscalYear(containing date: LocalDate) -> Int {
        let startYear = date.month >= startMonth ? date.year : date.year - 1
        return label(forStartYear: startYear)
    }

    private func label(forStartYear y: Int) -> Int {
        switch naming {
        case .startingYear: y
        case .endingYear: startMonth == 1 ? y : y + 1
        }
    }

    private func startYear(forLabel fy: Int) -> Int {
        switch naming {
        case .startingYear: fy
        case .endingYear: startMonth == 1 ? fy : fy - 1
        }
    }

    /// The fiscal quarter containing `date`.
    public func quarter(containing date: LocalDate) -> FiscalPeriod {
        let offset = (date.month - startMonth + 12) % 12
        return quarter(fiscalYear: fiscalYear(containing: date), number: offset / 3 + 1)
    }

    /// The fiscal quarter containing `instant`, judged in the calendar's time zone.
    public func quarter(containing instant: Date) -> FiscalPeriod {
        quarter(containing: LocalDate(instant, in: timeZone))
    }

    /// Quarter `number` (1–4) of fiscal year `fiscalYear`.
    public func quarter(fiscalYear: Int, number: Int) -> FiscalPeriod {
        let first = LocalDate(startYear(forLabel: fiscalYear), startMonth, 1).adding(months: (number - 1) * 3)
        return FiscalPeriod(
            kind: .quarter, fiscalYear: fiscalYear, number: number,
            start: first, end: first.adding(months: 3).adding(days: -1))
    }

    /// The whole fiscal year `fiscalYear`.
    public func year(_ fiscalYear: Int) -> FiscalPeriod {
        let first = LocalDate(startYear(forLabel: fiscalYear), startMonth, 1)
        return FiscalPeriod(
            kind: .year, fiscalYear: fiscalYear, number: 1,
            start: first, end: first.adding(months: 12).adding(days: -1))
    }

    /// The fiscal month (1–12 within the fiscal year) containing `date`.
    public func month(containing date: LocalDate) -> FiscalPeriod {
        let first = LocalDate(date.year, date.month, 1)
        return FiscalPeriod(
            kind: .month, fiscalYear: fiscalYear(containing: date),
            number: (date.month - startMonth + 12) % 12 + 1,
            start: first, end: first.adding(months: 1).adding(days: -1))
    }

    /// The quarter `offset` quarters after `period` (negative for earlier ones).
    public func quarter(_ period: FiscalPeriod, offsetBy offset: Int) -> FiscalPeriod {
        quarter(containing: period.start.adding(months: 3 * offset))
    }

    /// Parses a period label: `FY2027`, `FY2027-Q3` or `FY2027-M05` (case-insensitive).
    public func period(named label: String) -> FiscalPeriod? {
        let upper = label.uppercased()
        guard upper.hasPrefix("FY"), upper.count >= 6, let fy = Int(upper.dropFirst(2).prefix(4)) else { return nil }
        let rest = upper.dropFirst(6)
        if rest.isEmpty { return year(fy) }
        if rest.hasPrefix("-Q"), let q = Int(rest.dropFirst(2)), (1...4).contains(q) {
            return quarter(fiscalYear: fy, number: q)
        }
        if rest.hasPrefix("-M"), let m = Int(rest.dropFirst(2)), (1...12).contains(m) {
            return month(containing: year(fy).start.adding(months: m - 1))
        }
        return nil
    }
}

/// A fiscal period with inclusive start and end dates and a stable label such as `FY2027-Q1`.
public struct FiscalPeriod: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable { case month, quarter, year }
    public var kind: Kind
    public var fiscalYear: Int
    /// Quarter 1–4, month 1–12, or 1 for a year.
    public var number: Int
    /// First day of the period.
    public var start: LocalDate
    /// Last day of the period (inclusive).
    public var end: LocalDate

    /// Whether `date` falls inside the period (both ends inclusive).
    public func contains(_ date: LocalDate) -> Bool { date >= start && date <= end }

    /// Number of calendar days in the period (Q1 of a February-start year in 2024 has 89 days: Feb–Apr).
    public var dayCount: Int { start.days(to: end) + 1 }

    public var label: String {
        switch kind {
        case .year: "FY\(fiscalYear)"
        case .quarter: "FY\(fiscalYear)-Q\(number)"
        case .month: "FY\(fiscalYear)-M\(number < 10 ? "0" : "")\(number)"
        }
    }

    public var description: String { label }

    public static func < (lhs: FiscalPeriod, rhs: FiscalPeriod) -> Bool { lhs.start < rhs.start }
}
