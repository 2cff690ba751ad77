import Foundation

/// A CRM-shaped lead with the columns the matching engine understands.
public struct SyntheticLead: Sendable, Hashable, Codable {
    /// First name.
    public var firstName: String
    /// Last name.
    public var lastName: String
    /// E-mail address.
    public var email: String
    /// Phone number, formatted.
    public var phone: String
    /// Company name.
    public var company: String
    /// Job title.
    public var jobTitle: String
    /// City.
    public var city: String
    /// Region / state.
    public var region: String
    /// Postcode.
    public var postcode: String
    /// Country.
    public var country: String
    /// Company website.
    public var website: String

    /// Creates a lead.
    public init(
        firstName: String, lastName: String, email: String, phone: String, company: String,
        jobTitle: String, city: String, region: String, postcode: String, country: String, website: String
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.company = company
        self.jobTitle = jobTitle
        self.city = city
        self.region = region
        self.postcode = postcode
        self.country = country
        self.website = website
    }

    /// Role-tagged columns for ``MatchRecordTable/init(ids:columns:)``.
    public static func columns(_ leads: [SyntheticLead]) -> [(role: MatchFieldRole, values: [String])] {
        [
            (.givenName, leads.map(\.firstName)), (.surname, leads.map(\.lastName)), (.email, leads.map(\.email)),
            (.phone, leads.map(\.phone)), (.company, leads.map(\.company)), (.jobTitle, leads.map(\.jobTitle)),
            (.city, leads.map(\.city)), (.region, leads.map(\.region)), (.postcode, leads.map(\.postcode)),
            (.country, leads.map(\.country)), (.website, leads.map(\.website)),
        ]
    }
}

/// A generated data set with ground truth.
public struct SyntheticLeadDataset: Sendable {
    /// The leads, duplicates interleaved.
    public var leads: [SyntheticLead]
    /// Entity id per lead: leads with the same entity id are duplicates of one person.
    public var entity: [Int]
}

/// Seeded generator of clean, realistic-looking leads: people with common English names, companies with
/// colleagues (shared domain, switchboard and city), phones, cities and job titles.
///
/// Business rule: companies are drawn with a skewed distribution, so a few accounts have many leads (the
/// colleague look-alikes a de-duplicator must not merge) and many have one or two.
///
/// Example:
/// ```swift
/// var generator = SyntheticLeadGenerator(seed: 7)
/// let lead = generator.next()                      // e.g. "Karen Ortiz <karen.ortiz@brightforge.com>"
/// let data = SyntheticLeadGenerator.dataset(count: 1_000, duplicateRate: 0.12, seed: 7)
/// ```
public struct SyntheticLeadGenerator: Sendable {
    static let firstNames = """
        james robert john michael david william richard joseph thomas charles christopher daniel matthew anthony mark
        donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
        nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond
        jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter christian
        keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe
        logan albert willie alan eugene russell vincent philip bobby johnny bradley mary patricia jennifer linda elizabeth
        barbara susan jessica sarah karen lisa nancy betty sandra margaret ashley kimberly emily donna michelle carol
        amanda melissa deborah stephanie dorothy rebecca sharon laura cynthia amy kathleen angela shirley brenda emma anna
        pamela nicole samantha katherine christine helen debra rachel carolyn janet maria catherine heather diane olivia
        julie joyce victoria ruth virginia lauren kelly christina joan evelyn judith andrea hannah megan cheryl jacqueline
        martha madison teresa gloria sara janice ann kathryn abigail sophia frances jean alice judy isabella julia grace
        amber denise danielle marilyn beverly charlotte natalie theresa diana brittany doris kayla alexis lori marie
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }

    static let surnames = """
        smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson
        thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker young
        allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell carter
        roberts gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris morales murphy cook rogers
        gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward richardson watson brooks chavez
        wood james bennett gray mendoza ruiz hughes price alvarez castillo sanders patel myers long ross foster jimenez
        powell jenkins perry russell sullivan bell coleman butler henderson barnes gonzales fisher vasquez simmons romero
        jordan patterson alexander hamilton graham reynolds griffin wallace moreno west cole hayes bryant herrera gibson
        ellis tran medina aguilar stevens murray ford castro marshall owens harrison fernandez mcdonald woods washington
        kennedy wells vargas henry chen freeman webb tucker guzman burns crawford olson simpson porter hunter gordon mendez
        silva shaw snyder mason dixon munoz hunt hicks holmes palmer wagner black robertson boyd rose stone salazar fox
        warren mills meyer rice schmidt garza daniels ferguson nichols stephens soto weaver ryan gardner payne grant dunn
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }

    static let surnameHeads = [
        "Ash", "Black", "Brad", "Bright", "Brook", "Cald", "Carl", "Dal", "Drum", "Elling",
        "Fair", "Fen", "Gar", "Glen", "Hart", "Hol", "Kings", "Lang", "Lind", "Mar", "Mel",
        "Nor", "Oak", "Pem", "Ram", "Red", "Roth", "Sal", "Sher", "Stan", "Thorn", "Wal",
        "Wel", "Whit", "Win", "Wood", "Yar", "Bram", "Crane", "Dun",
    ]
    static let surnameTails = [
        "ford", "ley", "ton", "wood", "field", "worth", "by", "stead", "well", "ham", "combe",
        "wick", "more", "dale", "burn", "ridge", "land", "holt", "thorpe", "son", "man",
        "berg", "stein", "ard", "ing",
    ]
    static let companyWords = [
        "Apex", "Blue", "Bright", "Cedar", "Crest", "Delta", "Eagle", "Ember", "Falcon",
        "Forge", "Granite", "Harbor", "Helix", "Iron", "Jade", "Kestrel", "Lumen", "Maple",
        "Nova", "Onyx", "Orbit", "Peak", "Pine", "Quantum", "Raven", "River", "Sage",
        "Summit", "Terra", "Titan", "Vertex", "Vista", "Willow", "Zenith", "Atlas", "Beacon",
        "Cobalt", "Drift", "Echo", "Fusion", "Golden", "Horizon", "Lion", "Meridian", "North",
        "Polar", "Silver", "Star", "Stone", "True",
    ]
    static let companyTails = [
        "ware", "works", "labs", "sphere", "point", "stack", "field", "gate", "line", "mark",
        "tek", "ify", "hub", "scape", "bridge", "core", "wave", "path", "shift", "view",
    ]
    static let industries = [
        "Analytics", "Logistics", "Consulting", "Engineering", "Foods", "Health", "Media",
        "Networks", "Partners", "Solutions", "Systems", "Technologies", "Capital", "Energy",
        "Group", "Holdings", "Software", "Robotics", "Pharma", "Retail",
    ]
    static let legalForms = ["Inc.", "LLC", "Corp.", "Ltd", "Co.", "Corporation", "Group", "", "", "Inc"]
    static let titles = [
        "Account Executive", "Sales Manager", "Chief Executive Officer", "Chief Financial Officer",
        "Chief Technology Officer", "VP of Sales", "Senior Software Engineer", "Product Manager",
        "Marketing Director", "Operations Manager", "Data Analyst", "HR Business Partner",
        "Procurement Lead", "IT Director", "Customer Success Manager", "Office Manager",
        "Sales Development Representative", "Controller", "General Counsel", "Founder",
        "Head of Growth", "Senior Accountant", "Solutions Architect", "Project Manager",
        "Business Development Director", "Regional Sales Director", "Engineering Manager",
        "Chief Marketing Officer", "Recruiter", "Consultant",
    ]
    static let cityHeads = [
        "North", "South", "East", "West", "Port", "Lake", "New", "Fort", "Mount", "Glen", "Bay",
        "Spring", "Fair", "River", "Oak", "Cedar", "Elm", "Green", "Rock", "Silver",
    ]
    static let cityTails = [
        "ville", "ton", "burgh", "field", "haven", "port", "view", "dale", "wood", "chester",
        "mouth", "ford", "side", "brook", "land",
    ]
    static let states = [
        "AL", "AZ", "CA", "CO", "CT", "FL", "GA", "IL", "IN", "MA", "MD", "MI", "MN", "MO", "NC",
        "NJ", "NY", "OH", "OR", "PA", "TN", "TX", "VA", "WA", "WI",
    ]
    static let freeMail = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com"]

    struct Company: Sendable {
        var name: String
        var domain: String
        var switchboard: String
        var city: String
        var state: String
        var zip: String
    }

    var rng: SplitMix64
    var companies: [Company] = []

    /// Creates a generator; equal seeds produce equal leads.
    public init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func pick<T>(_ items: [T]) -> T { items[rng.index(items.count)] }

    mutating func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(rng.index(10))) }) }

    mutating func surname() -> String {
        if rng.chance(0.55) {
            let u = Double(rng.next() >> 11) / Double(1 << 53)
            return Self.surnames[min(Self.surnames.count - 1, Int(Double(Self.surnames.count) * u * u))]
        }
        return pick(Self.surnameHeads) + pick(Self.surnameTails) + (rng.chance(0.3) ? pick(Self.surnameTails) : "")
    }

    mutating func newCompany() -> Company {
        let word = pick(Self.companyWords)
        let tail = rng.chance(0.6) ? pick(Self.companyTails) : pick(Self.companyWords).lowercased()
        let core = word + tail
        let industry = rng.chance(0.5) ? " " + pick(Self.industries) : ""
        let form = pick(Self.legalForms)
        let name = core + industry + (form.isEmpty ? "" : " " + form)
        let suffix = rng.chance(0.5) ? String(rng.index(900) + 100) : ""
        let tld = rng.chance(0.85) ? ".com" : pick([".io", ".net", ".co", ".us"])
        let domain = core.lowercased() + suffix + tld
        let city = pick(Self.cityHeads) + " " + pick(Self.cityHeads) + pick(Self.cityTails)
        return Company(
            name: name, domain: domain, switchboard: String(rng.index(800) + 200) + digits(7), city: city,
            state: pick(Self.states), zip: digits(5))
    }

    /// The next clean lead.
    public mutating func next() -> SyntheticLead {
        // Reuse an existing company (colleagues) three times out of four once some exist.
        let company: Company
        if companies.count > 16 && rng.chance(0.75) {
            let u = Double(rng.next() >> 11) / Double(1 << 53)
            company = companies[min(companies.count - 1, Int(Double(companies.count) * u * u))]
        } else {
            company = newCompany()
            companies.append(company)
        }
        let first = pick(Self.firstNames)
        let last = surname()
        let f = first.lowercased(), l = last.lowercased()
        let email: String
        if rng.chance(0.2) {
            email = "\(f).\(l)\(rng.index(90) + 10)@\(pick(Self.freeMail))"
        } else {
            let local = [f + "." + l, String(f.first!) + l, f, f + l, f + "_" + l, l + "." + f][skew6()]
            email = "\(local)\(rng.chance(0.1) ? String(rng.index(9) + 1) : "")@\(company.domain)"
        }
        let phone = rng.chance(0.3) ? company.switchboard : String(rng.index(800) + 200) + digits(7)
        let p = Array(phone)
        let formatted = "(\(String(p[0..<3]))) \(String(p[3..<6]))-\(String(p[6..<10]))"
        return SyntheticLead(
            firstName: first, lastName: last, email: email, phone: formatted, company: company.name,
            jobTitle: pick(Self.titles), city: company.city, region: company.state,
            postcode: company.zip, country: "United States", website: "www." + company.domain)
    }

    mutating func skew6() -> Int {
        let u = Double(rng.next() >> 11) / Double(1 << 53)
        return min(5, Int(6 * u * u))
    }

    /// `count` leads of which about `duplicateRate` are extra copies (made by ``LeadVariationGenerator``) of
    /// other leads in the set, shuffled deterministically. `entity` gives the ground truth.
    public static func dataset(count: Int, duplicateRate: Double = 0.12, seed: UInt64) -> SyntheticLeadDataset {
        var generator = SyntheticLeadGenerator(seed: seed)
        var variations = LeadVariationGenerator(seed: seed ^ 0xD0_D0_D0)
        var leads: [SyntheticLead] = []
        var entity: [Int] = []
        leads.reserveCapacity(count)
        entity.reserveCapacity(count)
        var originals = 0
        while leads.count < count {
            if originals > 0 && generator.rng.chance(duplicateRate) {
                let source = generator.rng.index(leads.count)
                leads.append(variations.variation(of: leads[source]))
                entity.append(entity[source])
            } else {
                leads.append(generator.next())
                entity.append(originals)
                originals += 1
            }
        }
        // Deterministic shuffle so duplicates are not adjacent.
        var order = Array(0..<count)
        for index in stride(from: count - 1, to: 0, by: -1) {
            order.swapAt(index, generator.rng.index(index + 1))
        }
        return SyntheticLeadDataset(leads: order.map { leads[$0] }, entity: order.map { entity[$0] })
    }
}
