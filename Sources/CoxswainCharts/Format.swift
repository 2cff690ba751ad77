/// How a value is written on axes, labels, tooltips and in the accessible table.
///
/// Formatting is deterministic and locale-independent: it never consults the system locale, always
/// uses `.` as decimal separator and `,` for thousands grouping, and `-` for negative numbers.
///
/// ```swift
/// ValueFormat.currency(code: "USD").format(1_234_567)                 // "$1.2M"
/// ValueFormat.currency(code: "USD", style: .full).format(1_234_567)   // "$1,234,567"
/// ValueFormat.percent(decimals: 1).format(0.4531)                     // "45.3%"
/// ```
public enum ValueFormat: Sendable, Hashable {
    /// Money in the given ISO 4217 currency (for example `"USD"`). Values are in major units (dollars).
    case currency(code: String, style: CurrencyStyle = .compact)
    /// A fraction shown as a percentage: `0.453` becomes `45%` (0 decimals) or `45.3%` (1 decimal).
    case percent(decimals: Int = 0)
    /// A plain number with thousands grouping and a fixed number of decimals: `12,345`.
    case number(decimals: Int = 0)
    /// A plain number abbreviated with K/M/B/T: `12K`, `1.2M`.
    case compactNumber

    /// Formats `value` for display; non-finite values become an em dash.
    public func format(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        switch self {
        case let .currency(code, style):
            let currency = CurrencySymbol(code: code)
            switch style {
            case .compact:
                return currency.wrap(NumberText.compact(value, axis: false))
            case .full:
                let whole = (value * 100).rounded() == (value.rounded() * 100)
                let decimals = whole ? 0 : currency.minorUnits
                return currency.wrap(NumberText.fixed(value, decimals: decimals, grouping: true))
            }
        case let .percent(decimals):
            return NumberText.fixed(value * 100, decimals: max(0, decimals), grouping: true) + "%"
        case let .number(decimals):
            return NumberText.fixed(value, decimals: max(0, decimals), grouping: true)
        case .compactNumber:
            return NumberText.compact(value, axis: false)
        }
    }

    /// The most precise rendering, used in tooltips and accessible tables (`$1,234,567`, `45.31%`).
    public func exact(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        switch self {
        case let .currency(code, _):
            return ValueFormat.currency(code: code, style: .full).format(value)
        case let .percent(decimals):
            return NumberText.fixed(value * 100, decimals: max(2, decimals), grouping: true, trim: true) + "%"
        case let .number(decimals):
            return NumberText.fixed(value, decimals: max(2, decimals), grouping: true, trim: true)
        case .compactNumber:
            return NumberText.fixed(value, decimals: 2, grouping: true, trim: true)
        }
    }

    /// Formats an axis tick so that neighbouring ticks `step` apart stay distinguishable
    /// (`$1.25M` rather than `$1.3M`, `2.5%` rather than `3%`).
    public func tick(_ value: Double, step: Double) -> String {
        guard value.isFinite else { return "—" }
        switch self {
        case let .currency(code, style):
            let currency = CurrencySymbol(code: code)
            if style == .compact { return currency.wrap(NumberText.compact(value, axis: true)) }
            return currency.wrap(NumberText.fixed(value, decimals: NumberText.decimals(forStep: step), grouping: true))
        case let .percent(decimals):
            let places = max(decimals, NumberText.decimals(forStep: step * 100))
            return NumberText.fixed(value * 100, decimals: places, grouping: true, trim: true) + "%"
        case let .number(decimals):
            let places = max(decimals, NumberText.decimals(forStep: step))
            return NumberText.fixed(value, decimals: places, grouping: true)
        case .compactNumber:
            return NumberText.compact(value, axis: true)
        }
    }
}

/// Whether currency values are abbreviated (`$1.2M`) or written in full (`$1,234,567`).
public enum CurrencyStyle: Sendable, Hashable {
    /// Abbreviated with K/M/B/T and at most one decimal: `$1.2M`, `€950K`.
    case compact
    /// Full digits with thousands grouping: `$1,234,567` (cents only when present).
    case full
}

/// The display symbol for an ISO 4217 currency code.
///
/// Common codes map to a symbol written directly before the number (`$`, `€`, `£`, `¥`, `₹`, `R$`, `CA$`, `A$`);
/// any other code is written as the code followed by a space: `SEK 12K`.
///
/// ```swift
/// CurrencySymbol(code: "EUR").wrap("950K")   // "€950K"
/// CurrencySymbol(code: "sek").wrap("12K")    // "SEK 12K"
/// ```
public struct CurrencySymbol: Sendable, Hashable {
    /// The upper-cased ISO code, e.g. `"USD"`.
    public let code: String
    /// The prefix written before the number, including a trailing space for code-style prefixes.
    public let prefix: String
    /// Number of digits after the decimal point in full style (0 for JPY and KRW, otherwise 2).
    public let minorUnits: Int

    /// Known symbols; codes not listed here print as the code itself.
    public static let table: [String: String] = [
        "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "CAD": "CA$", "AUD": "A$",
        "NZD": "NZ$", "HKD": "HK$", "SGD": "S$", "MXN": "MX$", "INR": "₹", "BRL": "R$", "KRW": "₩",
        "ILS": "₪", "CHF": "CHF", "ZAR": "R", "TRY": "₺", "PHP": "₱", "VND": "₫", "NGN": "₦",
    ]

    /// Looks up `code` (case-insensitive) in ``table``.
    public init(code: String) {
        let upper = code.uppercased()
        self.code = upper
        if let symbol = Self.table[upper], symbol != upper {
            prefix = symbol
        } else {
            prefix = upper.isEmpty ? "" : upper + " "
        }
        minorUnits = ["JPY", "KRW", "VND"].contains(upper) ? 0 : 2
    }

    /// Puts the symbol in front of an already formatted number, keeping a leading minus sign first.
    public func wrap(_ number: String) -> String {
        if number.hasPrefix("-") { return "-" + prefix + number.dropFirst() }
        return prefix + number
    }
}

/// Locale-independent number-to-text primitives.
enum NumberText {
    /// Fixed-point rendering with optional `,` grouping and optional trimming of trailing zeros.
    static func fixed(_ value: Double, decimals: Int, grouping: Bool, trim: Bool = false) -> String {
        guard value.isFinite else { return "—" }
        let places = min(max(decimals, 0), 6)
        var scale: Double = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = min((abs(value) * scale).rounded(), 9.0e18)
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let integerPart = units / divisor
        var fraction = units % divisor
        var fractionDigits = places
        if trim {
            while fractionDigits > 0 && fraction % 10 == 0 {
                fraction /= 10
                fractionDigits -= 1
            }
        }
        var text = units == 0 || value >= 0 ? "" : "-"
        text += grouping ? grouped(integerPart) : String(integerPart)
        if fractionDigits > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: fractionDigits - digits.count) + digits
        }
        return text
    }

    /// K/M/B/T abbreviation. Values use one decimal below 10 units (`1.2M`, `12M`); axis ticks keep up to two
    /// decimals (`1.25M`). Trailing zeros are trimmed (`1M`).
    static func compact(_ value: Double, axis: Bool) -> String {
        guard value.isFinite else { return "—" }
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"), (1, "")]
        let magnitude = abs(value)
        var index = units.firstIndex { magnitude >= $0.0 } ?? units.count - 1
        while true {
            let scaled = magnitude / units[index].0
            let decimals = axis ? 2 : (scaled < 10 ? 1 : 0)
            let text = fixed(scaled, decimals: decimals, grouping: true, trim: true)
            let rounded = Double(text.replacingOccurrences(of: ",", with: "")) ?? scaled
            if rounded >= 1000, index > 0, units[index].0 < 1e12 {
                index -= 1
                continue
            }
            let negative = value < 0 && text != "0"
            return (negative ? "-" : "") + text + units[index].1
        }
    }

    /// Number of decimals needed to tell ticks `step` apart (0 for steps of 1 or more).
    static func decimals(forStep step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        var places = 0
        var scaled = step
        while places < 6 && abs(scaled - scaled.rounded()) > 1e-9 * max(1, scaled) {
            scaled *= 10
            places += 1
        }
        return places
    }

    private static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var text = ""
        text.reserveCapacity(digits.count + digits.count / 3)
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
