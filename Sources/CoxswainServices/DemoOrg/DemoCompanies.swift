import CoxswainDomain
import Foundation

/// A generated company name split into its brand (`Northwind Logistics`) and legal suffix (`Inc.`), with the
/// web domain derived from the brand (`northwindlogistics.com`).
struct DemoCompanyName: Sendable {
    var core: String
    var suffix: String?
    var domain: String

    var full: String { suffix.map { "\(core) \($0)" } ?? core }
}

/// Company-name word lists and the industries companies are in. Names follow four common patterns — descriptive
/// (`Summit Analytics`), coined (`Veltrix`), founder surname (`Keller & Moreau`) and place-flavoured
/// (`Harbor Bay Foods`) — so that about 250,000 distinct brands are possible and accidental clashes are rare.
enum DemoCompanies {
    static let prefixes = """
        Acme Apex Summit Northwind Blue Red Green Silver Golden Iron Granite Cedar Pine Oak Maple Willow River \
        Lake Harbor Bay Ocean Pacific Atlantic Northern Southern Eastern Western Prairie Mountain Valley Canyon \
        Coastal Bright Clear Swift Rapid Quantum Nova Stellar Solar Lunar Orbit Vector Vertex Pinnacle Crest \
        Horizon Frontier Pioneer Liberty Union Keystone Cornerstone Beacon Lighthouse Compass Anchor Falcon \
        Eagle Hawk Raven Fox Wolf Bear Lion Tiger Cobalt Crimson Indigo Amber Jade Onyx Sapphire Emerald Atlas \
        Titan Zenith Aurora Polaris Meridian Evergreen Redwood Sequoia Aspen Birch Sterling Regal Royal Crown
        """.split(separator: " ").map(String.init)

    static let nouns = """
        Analytics Systems Solutions Logistics Foods Health Medical Labs Software Networks Dynamics Industries \
        Manufacturing Partners Capital Ventures Energy Power Robotics Data Cloud Digital Media Works Designs \
        Consulting Holdings Technologies Tech Bio Pharma Therapeutics Freight Motors Foods Brewing Apparel \
        Outfitters Retail Markets Builders Construction Engineering Materials Chemicals Metals Plastics Textiles \
        Security Insurance Financial Payments Lending Realty Properties Hospitality Travel Education Learning \
        Studios Games Telecom Wireless Semiconductors Instruments Devices Supply Distribution Packaging Farms
        """.split(separator: " ").map(String.init)

    static let syllablesA = [
        "Vel", "Zen", "Qua", "Lum", "Nex", "Ori", "Tal", "Kor", "Syn", "Ver", "Ax", "Cor",
        "Pro", "Dra", "Fli", "Gro", "Hel", "Jun", "Mav", "Omni", "Pax", "Rho", "Sol", "Tri",
    ]
    static let syllablesB = [
        "trix", "ora", "ify", "ium", "ex", "eon", "ara", "ion", "ly", "io", "ent", "ova",
        "ix", "ago", "ance", "ica", "oni", "yx", "iva", "ero", "ant", "ix", "ius", "usa",
    ]
    static let coinedTails = ["", "", "", "Labs", "Systems", "Technologies", "Health", "Group", "AI", "Networks"]

    /// Industries with their share of companies.
    static let industries: [(String, Double)] = [
        ("Software", 0.16), ("Financial Services", 0.1), ("Healthcare", 0.09), ("Manufacturing", 0.1),
        ("Retail", 0.08), ("Professional Services", 0.08), ("Telecommunications", 0.04), ("Education", 0.05),
        ("Logistics", 0.06), ("Media", 0.04), ("Energy", 0.04), ("Real Estate", 0.04), ("Hospitality", 0.04),
        ("Government", 0.03), ("Non-Profit", 0.02), ("Biotechnology", 0.03),
    ]
    static let industryTable = DemoWeightedTable(industries.map(\.1))

    /// A random company name for a company in `country`; 70% carry one of the country's legal suffixes.
    static func name(country: DemoCountry, _ rng: inout SeededGenerator) -> DemoCompanyName {
        let core: String
        switch rng.weighted([0.45, 0.2, 0.2, 0.15]) {
        case 0: core = "\(rng.pick(prefixes)) \(rng.pick(nouns))"
        case 1:
            let coined = rng.pick(syllablesA) + rng.pick(syllablesB)
            let tail = rng.pick(coinedTails)
            core = tail.isEmpty ? coined : "\(coined) \(tail)"
        case 2:
            let a = DemoNames.last[rng.int(0..<DemoNames.last.count)]
            if rng.chance(0.5) {
                core = "\(a) & \(DemoNames.last[rng.int(0..<DemoNames.last.count)])"
            } else {
                core = "\(a) \(rng.pick(["Group", "Partners", "Associates", "Consulting", "Industries", "Brothers"]))"
            }
        default: core = "\(rng.pick(prefixes)) \(rng.pick(prefixes)) \(rng.pick(nouns))"
        }
        let suffix: String? = rng.chance(0.7) ? rng.pick(country.legalSuffixes) : nil
        let tld = rng.chance(country.tld == "com" ? 0.9 : 0.7) ? country.tld : rng.pick(["com", "io", "net", "co"])
        return DemoCompanyName(core: core, suffix: suffix, domain: "\(DemoNames.slug(core)).\(tld)")
    }

    /// Free-mail domains used by about a quarter of leads.
    static let freeMail = [
        "gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com",
        "proton.me", "gmx.de", "web.de", "yahoo.co.uk", "orange.fr", "qq.com",
    ]
}
