import Foundation

/// An amount of money in one currency. Amounts are `Decimal` in Swift and integer minor units (cents) in
/// the database; converting between the two never rounds silently.
///
/// ```swift
/// let price = try Money(parsing: "1,234.50", currency: .usd)   // 1234.50 USD
/// price.minorUnits                                              // 123450
/// (price * Decimal(string: "0.075")!).rounded()                 // 92.59 USD (banker's rounding: 92.5875 → 92.59)
/// ```
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    public var amount: Decimal
    public var currency: Currency

    public init(_ amount: Decimal, _ currency: Currency) {
        self.amount = amount
        self.currency = currency
    }

    /// Builds money from integer minor units: `Money(minorUnits: 123450, currency: .usd)` is 1,234.50 USD.
    public init(minorUnits: Int64, currency: Currency) {
        // Built from sign, exponent and significand: exact, and ~10x faster than a Decimal division.
        self.amount = Decimal(
            sign: minorUnits < 0 ? .minus : .plus, exponent: -currency.minorUnits, significand: Decimal(minorUnits.magnitude))
        self.currency = currency
    }

    /// Zero in `currency`.
    public static func zero(_ currency: Currency) -> Money { Money(0, currency) }

    /// The amount in integer minor units. Precondition: the amount has no more decimals than the currency
    /// allows (use ``rounded(_:)`` first); values produced by ``Money/parse(_:currency:)`` always do.
    public var minorUnits: Int64 {
        var scaled = amount * Money.scale(currency.minorUnits)
        var result = Decimal()
        NSDecimalRound(&result, &scaled, 0, .plain)
        return NSDecimalNumber(decimal: result).int64Value
    }

    /// Rounds to the currency's minor unit with an explicit rule; the default is banker's rounding
    /// (half to even), the convention for commission and payout arithmetic: 0.125 USD → 0.12, 0.135 → 0.14.
    public func rounded(_ mode: NSDecimalNumber.RoundingMode = .bankers) -> Money {
        var value = amount
        var result = Decimal()
        NSDecimalRound(&result, &value, currency.minorUnits, mode)
        return Money(result, currency)
    }

    /// Adds two amounts of the same currency; mixing currencies is a programming error here, so callers
    /// convert first (see ``MoneyError/currencyMismatch(_:_:)`` for the throwing variant).
    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "currency mismatch \(lhs.currency) vs \(rhs.currency)")
        return Money(lhs.amount + rhs.amount, lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "currency mismatch \(lhs.currency) vs \(rhs.currency)")
        return Money(lhs.amount - rhs.amount, lhs.currency)
    }

    public static func * (lhs: Money, rhs: Decimal) -> Money { Money(lhs.amount * rhs, lhs.currency) }

    /// Same-currency addition that throws instead of trapping.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        guard currency == other.currency else { throw .currencyMismatch(currency, other.currency) }
        return self + other
    }

    /// The amount as a `Double`, for charts and statistics only (never for stored arithmetic).
    public var doubleValue: Double { NSDecimalNumber(decimal: amount).doubleValue }

    /// `1234.50 USD`.
    public var description: String { "\(Money.plain(amount, digits: currency.minorUnits)) \(currency.code)" }

    /// Formats an amount with exactly `digits` decimals, no grouping: `plain(1234.5, digits: 2)` → `1234.50`.
    public static func plain(_ amount: Decimal, digits: Int) -> String {
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, digits, .bankers)
        let units = NSDecimalNumber(decimal: rounded * scale(digits)).int64Value
        let negative = units < 0
        let magnitude = units.magnitude
        guard digits > 0 else { return (negative ? "-" : "") + String(magnitude) }
        let divisor = UInt64(pow(10, Double(digits)))
        var fraction = String(magnitude % divisor)
        fraction = String(repeating: "0", count: digits - fraction.count) + fraction
        return (negative ? "-" : "") + String(magnitude / divisor) + "." + fraction
    }

    /// Parses a user-entered amount: optional sign, digits with optional `,` thousands separators, optional
    /// `.` decimals, optional surrounding currency symbol (`$`, `€`, `£`, `¥`) or spaces.
    /// Rejects more decimals than the currency allows (`12.345` USD) instead of rounding silently.
    public static func parse(_ text: some StringProtocol, currency: Currency) -> Result<Money, MoneyError> {
        var s = FastText.trimmed(String(text))
        for symbol in ["$", "€", "£", "¥"] where s.hasPrefix(symbol) { s.removeFirst() }
        if s.hasPrefix("-$") { s = "-" + s.dropFirst(2) }
        let grouped = s.split(separator: ".", omittingEmptySubsequences: false)
        guard grouped.count <= 2, !s.isEmpty else { return .failure(.notANumber(String(text))) }
        let intPart = grouped[0]
        if intPart.contains(",") {
            // thousands separators must group exactly three digits: 1,234,567
            let groups = intPart.split(separator: ",", omittingEmptySubsequences: false)
            guard groups.dropFirst().allSatisfy({ $0.count == 3 }), !(groups.first ?? "").isEmpty else {
                return .failure(.notANumber(String(text)))
            }
            s = s.replacingOccurrences(of: ",", with: "")
        }
        let body = s.hasPrefix("-") || s.hasPrefix("+") ? s.dropFirst() : Substring(s)
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            body.first != ".", body.last != "."
        else { return .failure(.notANumber(String(text))) }
        if grouped.count == 2, grouped[1].count > currency.minorUnits {
            return .failure(.tooManyDecimals(String(text), currency))
        }
        guard let value = Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) else {
            return .failure(.notANumber(String(text)))
        }
        return .success(Money(value, currency))
    }

    private static func scale(_ digits: Int) -> Decimal {
        var d = Decimal(1)
        for _ in 0..<digits { d *= 10 }
        return d
    }
}

/// Why an amount of money was rejected.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    case notANumber(String)
    case tooManyDecimals(String, Currency)
    case currencyMismatch(Currency, Currency)

    public var description: String {
        switch self {
        case .notANumber(let t): "'\(t)' is not an amount"
        case .tooManyDecimals(let t, let c): "'\(t)' has more than \(c.minorUnits) decimals allowed for \(c.code)"
        case .currencyMismatch(let a, let b): "cannot combine \(a.code) with \(b.code)"
        }
    }
}
