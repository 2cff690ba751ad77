import CoxswainDomain
import Foundation

/// A city the demo org sells into, with the state/province, the start of its postcodes and its phone area code.
struct DemoPlace: Sendable {
    let city: String
    let state: String?
    let postcodePrefix: String
    let areaCode: String
}

/// How a country writes postcodes.
enum DemoPostcodeStyle: Sendable {
    /// Prefix padded with random digits to `length` (US ZIP, German PLZ, Australian postcodes…).
    case digits(length: Int)
    /// UK: outward code prefix + ` 9AA`.
    case uk
    /// Canada: `A9A 9A9`.
    case canada
    /// Netherlands: `1234 AB`.
    case netherlands
    /// Japan: `123-4567`.
    case japan
}

/// A country of one sales region: where accounts and leads are located, how its phone numbers, postcodes and
/// company names look, and which currency its deals are in.
struct DemoCountry: Sendable {
    let name: String
    let region: String
    /// Relative share of the region's companies.
    let weight: Double
    let tld: String
    let callingCode: String
    /// National trunk prefix written before the area code in domestic format (`0` in the UK), or empty.
    let trunk: String
    /// Currency of local deals; nil means USD. Some local companies still buy in USD (see the generator).
    let currency: Currency?
    let legalSuffixes: [String]
    let postcode: DemoPostcodeStyle
    /// Digits of a subscriber number after the area code.
    let subscriberDigits: Int
    let places: [DemoPlace]
}

/// The three sales regions and their countries: AMER (US, Canada, Brazil, Mexico), EMEA (UK, Germany, France,
/// Netherlands, Spain, Sweden, Ireland) and APAC (Australia, Singapore, Japan, India). Region shares of
/// companies are 50% / 30% / 20%, roughly how a US-headquartered B2B vendor's book splits.
enum DemoGeography {
    static let regions = ["AMER", "EMEA", "APAC"]
    static let regionWeights = [0.5, 0.3, 0.2]

    /// Rep time zones per region with their shares of the region's reps.
    static let repZones: [String: [(String, Double)]] = [
        "AMER": [("America/New_York", 0.6), ("America/Los_Angeles", 0.4)],
        "EMEA": [("Europe/London", 0.5), ("Europe/Berlin", 0.5)],
        "APAC": [("Asia/Singapore", 0.5), ("Australia/Sydney", 0.5)],
    ]

    private static let usSuffixes = ["Inc", "Inc.", "LLC", "Corp", "Corporation", "Co.", "Group"]

    static let countries: [DemoCountry] = [
        DemoCountry(
            name: "United States", region: "AMER", weight: 0.8, tld: "com", callingCode: "1", trunk: "",
            currency: nil, legalSuffixes: usSuffixes, postcode: .digits(length: 5), subscriberDigits: 7,
            places: [
                DemoPlace(city: "San Francisco", state: "CA", postcodePrefix: "941", areaCode: "415"),
                DemoPlace(city: "Los Angeles", state: "CA", postcodePrefix: "900", areaCode: "213"),
                DemoPlace(city: "San Jose", state: "CA", postcodePrefix: "951", areaCode: "408"),
                DemoPlace(city: "Seattle", state: "WA", postcodePrefix: "981", areaCode: "206"),
                DemoPlace(city: "Portland", state: "OR", postcodePrefix: "972", areaCode: "503"),
                DemoPlace(city: "Denver", state: "CO", postcodePrefix: "802", areaCode: "303"),
                DemoPlace(city: "Austin", state: "TX", postcodePrefix: "787", areaCode: "512"),
                DemoPlace(city: "Dallas", state: "TX", postcodePrefix: "752", areaCode: "214"),
                DemoPlace(city: "Houston", state: "TX", postcodePrefix: "770", areaCode: "713"),
                DemoPlace(city: "Chicago", state: "IL", postcodePrefix: "606", areaCode: "312"),
                DemoPlace(city: "Minneapolis", state: "MN", postcodePrefix: "554", areaCode: "612"),
                DemoPlace(city: "Atlanta", state: "GA", postcodePrefix: "303", areaCode: "404"),
                DemoPlace(city: "Miami", state: "FL", postcodePrefix: "331", areaCode: "305"),
                DemoPlace(city: "New York", state: "NY", postcodePrefix: "100", areaCode: "212"),
                DemoPlace(city: "Boston", state: "MA", postcodePrefix: "021", areaCode: "617"),
                DemoPlace(city: "Philadelphia", state: "PA", postcodePrefix: "191", areaCode: "215"),
                DemoPlace(city: "Washington", state: "DC", postcodePrefix: "200", areaCode: "202"),
                DemoPlace(city: "Raleigh", state: "NC", postcodePrefix: "276", areaCode: "919"),
                DemoPlace(city: "Phoenix", state: "AZ", postcodePrefix: "850", areaCode: "602"),
                DemoPlace(city: "Salt Lake City", state: "UT", postcodePrefix: "841", areaCode: "801"),
            ]),
        DemoCountry(
            name: "Canada", region: "AMER", weight: 0.1, tld: "ca", callingCode: "1", trunk: "", currency: nil,
            legalSuffixes: ["Inc.", "Ltd.", "Corp."], postcode: .canada, subscriberDigits: 7,
            places: [
                DemoPlace(city: "Toronto", state: "ON", postcodePrefix: "M5V", areaCode: "416"),
                DemoPlace(city: "Vancouver", state: "BC", postcodePrefix: "V6B", areaCode: "604"),
                DemoPlace(city: "Montréal", state: "QC", postcodePrefix: "H3B", areaCode: "514"),
                DemoPlace(city: "Calgary", state: "AB", postcodePrefix: "T2P", areaCode: "403"),
            ]),
        DemoCountry(
            name: "Brazil", region: "AMER", weight: 0.05, tld: "com.br", callingCode: "55", trunk: "0", currency: nil,
            legalSuffixes: ["Ltda.", "S.A."], postcode: .digits(length: 8), subscriberDigits: 8,
            places: [
                DemoPlace(city: "São Paulo", state: "SP", postcodePrefix: "01", areaCode: "11"),
                DemoPlace(city: "Rio de Janeiro", state: "RJ", postcodePrefix: "20", areaCode: "21"),
            ]),
        DemoCountry(
            name: "Mexico", region: "AMER", weight: 0.05, tld: "com.mx", callingCode: "52", trunk: "", currency: nil,
            legalSuffixes: ["S.A. de C.V.", "S. de R.L."], postcode: .digits(length: 5), subscriberDigits: 8,
            places: [
                DemoPlace(city: "Ciudad de México", state: "CDMX", postcodePrefix: "06", areaCode: "55"),
                DemoPlace(city: "Monterrey", state: "NL", postcodePrefix: "64", areaCode: "81"),
            ]),
        DemoCountry(
            name: "United Kingdom", region: "EMEA", weight: 0.35, tld: "co.uk", callingCode: "44", trunk: "0",
            currency: .gbp, legalSuffixes: ["Ltd", "Ltd.", "Limited", "PLC"], postcode: .uk, subscriberDigits: 8,
            places: [
                DemoPlace(city: "London", state: nil, postcodePrefix: "EC2A", areaCode: "20"),
                DemoPlace(city: "London", state: nil, postcodePrefix: "SW1A", areaCode: "20"),
                DemoPlace(city: "Manchester", state: nil, postcodePrefix: "M1", areaCode: "161"),
                DemoPlace(city: "Edinburgh", state: "Scotland", postcodePrefix: "EH1", areaCode: "131"),
                DemoPlace(city: "Bristol", state: nil, postcodePrefix: "BS1", areaCode: "117"),
                DemoPlace(city: "Cambridge", state: nil, postcodePrefix: "CB2", areaCode: "1223"),
            ]),
        DemoCountry(
            name: "Germany", region: "EMEA", weight: 0.2, tld: "de", callingCode: "49", trunk: "0", currency: .eur,
            legalSuffixes: ["GmbH", "AG", "GmbH & Co. KG", "SE"], postcode: .digits(length: 5), subscriberDigits: 7,
            places: [
                DemoPlace(city: "Berlin", state: "Berlin", postcodePrefix: "10", areaCode: "30"),
                DemoPlace(city: "München", state: "Bayern", postcodePrefix: "80", areaCode: "89"),
                DemoPlace(city: "Hamburg", state: "Hamburg", postcodePrefix: "20", areaCode: "40"),
                DemoPlace(city: "Frankfurt am Main", state: "Hessen", postcodePrefix: "60", areaCode: "69"),
                DemoPlace(city: "Köln", state: "Nordrhein-Westfalen", postcodePrefix: "50", areaCode: "221"),
            ]),
        DemoCountry(
            name: "France", region: "EMEA", weight: 0.15, tld: "fr", callingCode: "33", trunk: "0", currency: .eur,
            legalSuffixes: ["SA", "SAS", "SARL"], postcode: .digits(length: 5), subscriberDigits: 8,
            places: [
                DemoPlace(city: "Paris", state: "Île-de-France", postcodePrefix: "750", areaCode: "1"),
                DemoPlace(city: "Lyon", state: "Auvergne-Rhône-Alpes", postcodePrefix: "690", areaCode: "4"),
                DemoPlace(city: "Toulouse", state: "Occitanie", postcodePrefix: "310", areaCode: "5"),
            ]),
        DemoCountry(
            name: "Netherlands", region: "EMEA", weight: 0.1, tld: "nl", callingCode: "31", trunk: "0", currency: .eur,
            legalSuffixes: ["B.V.", "N.V."], postcode: .netherlands, subscriberDigits: 7,
            places: [
                DemoPlace(city: "Amsterdam", state: "Noord-Holland", postcodePrefix: "10", areaCode: "20"),
                DemoPlace(city: "Rotterdam", state: "Zuid-Holland", postcodePrefix: "30", areaCode: "10"),
                DemoPlace(city: "Utrecht", state: "Utrecht", postcodePrefix: "35", areaCode: "30"),
            ]),
        DemoCountry(
            name: "Spain", region: "EMEA", weight: 0.08, tld: "es", callingCode: "34", trunk: "", currency: .eur,
            legalSuffixes: ["S.L.", "S.A."], postcode: .digits(length: 5), subscriberDigits: 7,
            places: [
                DemoPlace(city: "Madrid", state: "Madrid", postcodePrefix: "280", areaCode: "91"),
                DemoPlace(city: "Barcelona", state: "Cataluña", postcodePrefix: "080", areaCode: "93"),
            ]),
        DemoCountry(
            name: "Sweden", region: "EMEA", weight: 0.06, tld: "se", callingCode: "46", trunk: "0", currency: nil,
            legalSuffixes: ["AB"], postcode: .digits(length: 5), subscriberDigits: 7,
            places: [
                DemoPlace(city: "Stockholm", state: nil, postcodePrefix: "111", areaCode: "8"),
                DemoPlace(city: "Göteborg", state: nil, postcodePrefix: "411", areaCode: "31"),
            ]),
        DemoCountry(
            name: "Ireland", region: "EMEA", weight: 0.06, tld: "ie", callingCode: "353", trunk: "0", currency: .eur,
            legalSuffixes: ["Ltd", "DAC", "Limited"], postcode: .digits(length: 3), subscriberDigits: 7,
            places: [
                DemoPlace(city: "Dublin", state: "Leinster", postcodePrefix: "D0", areaCode: "1"),
                DemoPlace(city: "Cork", state: "Munster", postcodePrefix: "T1", areaCode: "21"),
            ]),
        DemoCountry(
            name: "Australia", region: "APAC", weight: 0.4, tld: "com.au", callingCode: "61", trunk: "0",
            currency: nil, legalSuffixes: ["Pty Ltd", "Pty. Ltd.", "Ltd"], postcode: .digits(length: 4),
            subscriberDigits: 8,
            places: [
                DemoPlace(city: "Sydney", state: "NSW", postcodePrefix: "20", areaCode: "2"),
                DemoPlace(city: "Melbourne", state: "VIC", postcodePrefix: "30", areaCode: "3"),
                DemoPlace(city: "Brisbane", state: "QLD", postcodePrefix: "40", areaCode: "7"),
                DemoPlace(city: "Perth", state: "WA", postcodePrefix: "60", areaCode: "8"),
            ]),
        DemoCountry(
            name: "Singapore", region: "APAC", weight: 0.25, tld: "com.sg", callingCode: "65", trunk: "",
            currency: nil, legalSuffixes: ["Pte Ltd", "Pte. Ltd."], postcode: .digits(length: 6), subscriberDigits: 4,
            places: [
                DemoPlace(city: "Singapore", state: nil, postcodePrefix: "01", areaCode: "6123"),
                DemoPlace(city: "Singapore", state: nil, postcodePrefix: "04", areaCode: "6555"),
            ]),
        DemoCountry(
            name: "Japan", region: "APAC", weight: 0.2, tld: "co.jp", callingCode: "81", trunk: "0", currency: nil,
            legalSuffixes: ["K.K.", "Co., Ltd."], postcode: .japan, subscriberDigits: 8,
            places: [
                DemoPlace(city: "Tokyo", state: "Tokyo", postcodePrefix: "100", areaCode: "3"),
                DemoPlace(city: "Osaka", state: "Osaka", postcodePrefix: "530", areaCode: "6"),
            ]),
        DemoCountry(
            name: "India", region: "APAC", weight: 0.15, tld: "in", callingCode: "91", trunk: "0", currency: nil,
            legalSuffixes: ["Pvt Ltd", "Private Limited", "Ltd"], postcode: .digits(length: 6), subscriberDigits: 8,
            places: [
                DemoPlace(city: "Bengaluru", state: "Karnataka", postcodePrefix: "560", areaCode: "80"),
                DemoPlace(city: "Mumbai", state: "Maharashtra", postcodePrefix: "400", areaCode: "22"),
                DemoPlace(city: "Pune", state: "Maharashtra", postcodePrefix: "411", areaCode: "20"),
            ]),
    ]

    /// Indices into ``countries`` for each region, in ``regions`` order.
    static let countriesByRegion: [[Int]] = regions.map { region in
        countries.indices.filter { countries[$0].region == region }
    }

    /// Per-region tables for drawing a country by its weight.
    static let countryTables: [DemoWeightedTable] = countriesByRegion.map { indices in
        DemoWeightedTable(indices.map { countries[$0].weight })
    }

    /// A random postcode of `place` in `country`.
    static func postcode(_ country: DemoCountry, _ place: DemoPlace, _ rng: inout SeededGenerator) -> String {
        let letters = Array("ABDEFGHJLNPQRSTUWXYZ")
        func digits(_ n: Int) -> String {
            var s = ""
            for _ in 0..<max(0, n) { s.append(Character(String(rng.int(0...9)))) }
            return s
        }
        switch country.postcode {
        case .digits(let length): return place.postcodePrefix + digits(length - place.postcodePrefix.count)
        case .uk: return "\(place.postcodePrefix) \(rng.int(1...9))\(rng.pick(letters))\(rng.pick(letters))"
        case .canada: return "\(place.postcodePrefix) \(rng.int(1...9))\(rng.pick(letters))\(rng.int(1...9))"
        case .netherlands:
            return place.postcodePrefix + digits(2) + " " + String(rng.pick(letters)) + String(rng.pick(letters))
        case .japan: return place.postcodePrefix + "-" + digits(4)
        }
    }
}
