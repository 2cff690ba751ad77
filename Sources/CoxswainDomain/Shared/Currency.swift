/// An ISO 4217 currency with its number of minor-unit digits (USD 2, JPY 0, BHD 3).
///
/// Only codes in ``Currency/known`` are accepted; `Currency(code: "XYZ")` is nil, so an unknown currency in
/// an import or API call is reported as an error instead of being stored.
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Upper-case three-letter code, e.g. `EUR`.
    public let code: String
    /// Digits after the decimal point in the minor unit (cents): 2 for EUR, 0 for JPY.
    public let minorUnits: Int

    /// Looks up a code case-insensitively (`"usd"` → USD); nil when the code is not a known ISO 4217 code.
    public init?(code: some StringProtocol) {
        let upper = code.uppercased()
        guard let digits = Currency.known[upper] else { return nil }
        self.code = upper
        self.minorUnits = digits
    }

    /// The US dollar, Coxswain's default currency when an organisation does not configure another.
    public static let usd = Currency(uncheckedCode: "USD", minorUnits: 2)
    public static let eur = Currency(uncheckedCode: "EUR", minorUnits: 2)
    public static let gbp = Currency(uncheckedCode: "GBP", minorUnits: 2)
    public static let jpy = Currency(uncheckedCode: "JPY", minorUnits: 0)

    private init(uncheckedCode: String, minorUnits: Int) {
        self.code = uncheckedCode
        self.minorUnits = minorUnits
    }

    public var description: String { code }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let c = Currency(code: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "unknown currency \(text)"))
        }
        self = c
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }

    /// ISO 4217 active codes and their minor units (the widely traded subset plus regional majors).
    public static let known: [String: Int] = [
        "AED": 2, "ARS": 2, "AUD": 2, "BDT": 2, "BGN": 2, "BHD": 3, "BRL": 2, "CAD": 2, "CHF": 2, "CLP": 0,
        "CNY": 2, "COP": 2, "CZK": 2, "DKK": 2, "EGP": 2, "EUR": 2, "GBP": 2, "HKD": 2, "HUF": 2, "IDR": 2,
        "ILS": 2, "INR": 2, "ISK": 0, "JOD": 3, "JPY": 0, "KES": 2, "KRW": 0, "KWD": 3, "MAD": 2, "MXN": 2,
        "MYR": 2, "NGN": 2, "NOK": 2, "NZD": 2, "OMR": 3, "PEN": 2, "PHP": 2, "PKR": 2, "PLN": 2, "QAR": 2,
        "RON": 2, "RSD": 2, "SAR": 2, "SEK": 2, "SGD": 2, "THB": 2, "TND": 3, "TRY": 2, "TWD": 2, "UAH": 2,
        "USD": 2, "VND": 0, "ZAR": 2,
    ]
}
