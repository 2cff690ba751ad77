import CoxswainDomain
import Foundation

/// Near-duplicate leads: the same person entering the CRM again through another form, event list or import,
/// written slightly differently.
extension DemoOrgBuilder {
    /// The kinds of variation a duplicate shows, with their relative frequencies.
    enum Variation: Int, CaseIterable {
        case typo, nickname, swappedNames, email, phone, company, missingFields
        static let weights: [Double] = [0.2, 0.15, 0.05, 0.2, 0.15, 0.15, 0.1]
    }

    /// A copy of `original` with one to three variations (45% one, 40% two, 15% three): 1–2 character typos,
    /// nickname for formal name (or back), swapped first/last name, e-mail case/dots/plus-tag/personal address,
    /// the phone written in another format, a changed company suffix or case, and missing fields. The copy always
    /// keeps a last name or an e-mail address, so it is a valid lead. Id, dates and status are set by the caller.
    mutating func makeDuplicate(of original: Lead, phone: DemoPhone?) -> Lead {
        var copy = original
        let count = [1, 2, 3][rng.weighted([0.45, 0.4, 0.15])]
        var used: Set<Int> = []
        while used.count < count {
            let v = Variation(rawValue: rng.weighted(Variation.weights)) ?? .typo
            guard used.insert(v.rawValue).inserted else { continue }
            apply(v, to: &copy, phone: phone)
        }
        if copy.lastName == nil && copy.email == nil { copy.lastName = original.lastName ?? "Unknown" }
        return copy
    }

    private mutating func apply(_ variation: Variation, to lead: inout Lead, phone: DemoPhone?) {
        switch variation {
        case .typo:
            if rng.chance(0.6), let last = lead.lastName {
                lead.lastName = typo(last)
            } else if let first = lead.firstName {
                lead.firstName = typo(first)
            }
        case .nickname:
            if let first = lead.firstName, let alt = DemoNicknames.alternative(for: first, &rng) {
                lead.firstName = alt
            } else if let first = lead.firstName {
                lead.firstName = typo(first)
            }
        case .swappedNames:
            (lead.firstName, lead.lastName) = (lead.lastName, lead.firstName)
        case .email:
            lead.email = emailVariant(lead.email, first: lead.firstName, last: lead.lastName)
        case .phone:
            if let phone, rng.chance(0.85) {
                var style = rng.int(0..<DemoPhone.styleCount)
                if phone.format(style) == lead.phone { style = (style + 1) % DemoPhone.styleCount }
                lead.phone = phone.format(style)
            } else {
                lead.phone = nil
            }
        case .company:
            if let company = lead.company { lead.company = companyVariant(company) } else { lead.title = nil }
        case .missingFields:
            let fields = rng.int(1...2)
            for _ in 0..<fields {
                switch rng.int(0..<6) {
                case 0: lead.title = nil
                case 1: lead.website = nil
                case 2: lead.phone = nil
                case 3: lead.company = nil
                case 4: (lead.city, lead.state, lead.postcode) = (nil, nil, nil)
                default: (lead.industry, lead.employees) = (nil, nil)
                }
            }
        }
    }

    /// One or two character edits: a neighbouring-key substitution, a deletion, a transposition or a doubled
    /// letter (the commonest typing errors).
    mutating func typo(_ text: String) -> String {
        var chars = Array(text)
        guard chars.count >= 3 else { return text + String(chars.last ?? "e") }
        let edits = rng.chance(0.75) ? 1 : 2
        for _ in 0..<edits {
            let i = rng.int(1..<chars.count)
            switch rng.int(0..<4) {
            case 0:
                let lower = Character(chars[i].lowercased())
                let neighbours = Self.keyboardNeighbours[lower] ?? "aeiou"
                chars[i] = rng.pick(Array(neighbours))
            case 1 where chars.count > 3: chars.remove(at: i)
            case 2 where i >= 2: chars.swapAt(i - 1, i)
            default: chars.insert(chars[i], at: i)
            }
        }
        return String(chars)
    }

    static let keyboardNeighbours: [Character: String] = [
        "q": "wa", "w": "qes", "e": "wrd", "r": "etf", "t": "ryg", "y": "tuh", "u": "yij", "i": "uok", "o": "ipl",
        "p": "ol", "a": "qsz", "s": "adwx", "d": "sfec", "f": "dgrv", "g": "fhtb", "h": "gjyn", "j": "hkum",
        "k": "jlim", "l": "kop", "z": "asx", "x": "zsdc", "c": "xdfv", "v": "cfgb", "b": "vghn", "n": "bhjm",
        "m": "njk",
    ]

    /// The same mailbox written differently: capitalised, dots removed or added, a plus-tag, or the person's
    /// personal free-mail address instead of the work one; sometimes left out.
    mutating func emailVariant(_ email: String?, first: String?, last: String?) -> String? {
        guard let email, let at = email.firstIndex(of: "@") else { return email }
        let local = String(email[..<at])
        let domain = String(email[email.index(after: at)...])
        switch rng.int(0..<6) {
        case 0:
            let capitalised = local.split(separator: ".").map { $0.prefix(1).uppercased() + $0.dropFirst() }
            return capitalised.joined(separator: ".") + "@" + domain.prefix(1).uppercased() + domain.dropFirst()
        case 1: return email.uppercased()
        case 2:
            if local.contains(".") { return local.replacingOccurrences(of: ".", with: "") + "@" + domain }
            let mid = local.index(local.startIndex, offsetBy: local.count / 2)
            let plain = local.count > 3 && local.allSatisfy { $0.isLetter || $0.isNumber }
            return plain ? "\(local[..<mid]).\(local[mid...])@\(domain)" : email.uppercased()
        case 3: return "\(local)+\(rng.pick(["news", "events", "crm", "webinar", "2024"]))@\(domain)"
        case 4:
            let f = DemoNames.slug(first ?? "info")
            let l = DemoNames.slug(last ?? "contact")
            return "\(f).\(l)@\(rng.pick(DemoCompanies.freeMail))"
        default: return last == nil ? email : nil
        }
    }

    /// Every legal suffix in use, longest first so `GmbH & Co. KG` wins over `KG`.
    static let allSuffixes: [String] = Array(Set(DemoGeography.countries.flatMap(\.legalSuffixes)))
        .sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }

    static let longForms: [String: String] = [
        "Inc": "Incorporated", "Inc.": "Incorporated", "Corp": "Corporation", "Corp.": "Corporation",
        "Ltd": "Limited", "Ltd.": "Limited", "LLC": "L.L.C.", "Co.": "Company", "Pty Ltd": "Pty. Limited",
        "Pte Ltd": "Pte. Limited", "Pvt Ltd": "Private Limited", "Limited": "Ltd",
    ]

    /// The company written another way: `Acme Inc` → `Acme`, `Acme, Inc.`, `ACME Inc` or `Acme Incorporated`;
    /// a name without a suffix gains one or changes case.
    mutating func companyVariant(_ company: String) -> String {
        if let suffix = Self.allSuffixes.first(where: { company.hasSuffix(" " + $0) }) {
            let core = String(company.dropLast(suffix.count + 1))
            switch rng.weighted([0.4, 0.3, 0.15, 0.15]) {
            case 0: return core
            case 1: return "\(core), \(suffix.hasSuffix(".") ? suffix : suffix + ".")"
            case 2: return "\(core.uppercased()) \(suffix)"
            default: return "\(core) \(Self.longForms[suffix] ?? suffix.uppercased())"
            }
        }
        switch rng.weighted([0.5, 0.3, 0.2]) {
        case 0: return "\(company) \(rng.pick(["Inc", "Inc.", "LLC", "Ltd"]))"
        case 1: return company.uppercased()
        default: return company.lowercased()
        }
    }
}
