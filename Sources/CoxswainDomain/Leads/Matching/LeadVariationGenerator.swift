import Foundation

/// Seeded generator of realistic duplicates of a lead.
///
/// Business rule — each variation applies a few independent edits, each with its own probability: typos
/// (substitution, deletion, insertion, adjacent swap), nicknames (`Robert` ↔ `Bob`), swapped first/last name,
/// first-name initial, upper/lower case and stray whitespace; e-mail case, dots, `+tags`, a personal gmail
/// address instead of the work one; phone re-formatting (`+1`, dots, extension) or a one-digit typo; company legal
/// suffix changes (`Inc.` → `Incorporated`, `LLC` dropped, a leading `The`); job-title abbreviation; state name
/// ↔ code, ZIP+4, country spelling and website variants; and missing fields. Names and e-mail never all change
/// at once, so a human could still tell it is the same person.
///
/// Example:
/// ```swift
/// var variations = LeadVariationGenerator(seed: 1)
/// let copy = variations.variation(of: lead)   // e.g. "BOB SMTIH <bob.smith+crm@acme.com>, Acme Incorporated"
/// ```
public struct LeadVariationGenerator: Sendable {
    var rng: SplitMix64

    /// Creates a generator; equal seeds produce equal variations.
    public init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    static let nicknames: [String: [String]] = {
        var table: [String: [String]] = [:]
        for group in NicknameTable.source.split(separator: ";") {
            let parts = group.split(separator: ":")
            guard parts.count == 2 else { continue }
            let formal = parts[0].trimmingCharacters(in: .whitespacesAndNewlines)
            let nicks = parts[1].split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
            table[formal, default: []].append(contentsOf: nicks)
            for nick in nicks { table[nick, default: []].append(formal) }
        }
        return table
    }()

    static let stateNames: [String: String] = Dictionary(
        LocationNormaliser.regions.filter { $0.value.count == 2 }.map { ($0.value.uppercased(), $0.key) },
        uniquingKeysWith: { a, b in min(a, b) })

    mutating func chance(_ p: Double) -> Bool { rng.chance(p) }

    /// One random keyboard-style typo.
    mutating func typo(_ text: String) -> String {
        var chars = Array(text)
        guard chars.count >= 3 else { return text }
        let at = 1 + rng.index(chars.count - 1)
        switch rng.index(4) {
        case 0: chars[at] = Character(UnicodeScalar(UInt8(97 + rng.index(26))))
        case 1: chars.remove(at: at)
        case 2: chars.insert(chars[at], at: at)
        default: if at + 1 < chars.count { chars.swapAt(at, at + 1) } else { chars.swapAt(at - 1, at) }
        }
        return String(chars)
    }

    mutating func recase(_ text: String) -> String {
        switch rng.index(4) {
        case 0: return text.uppercased()
        case 1: return text.lowercased()
        case 2: return " " + text + " "
        default: return text
        }
    }

    /// A duplicate of `lead` with realistic noise.
    public mutating func variation(of lead: SyntheticLead) -> SyntheticLead {
        var copy = lead
        var nameChanged = false
        if chance(0.2), let nicks = Self.nicknames[lead.firstName.lowercased()], !nicks.isEmpty {
            let nick = nicks[rng.index(nicks.count)]
            copy.firstName = nick.prefix(1).uppercased() + nick.dropFirst()
            nameChanged = true
        }
        if chance(0.25) { copy.firstName = typo(copy.firstName); nameChanged = true }
        if chance(0.25) { copy.lastName = typo(copy.lastName); nameChanged = true }
        if chance(0.05) { copy.firstName = String(copy.firstName.prefix(1)) + "." }
        if chance(0.05) { swap(&copy.firstName, &copy.lastName) }
        if chance(0.15) { copy.firstName = recase(copy.firstName); copy.lastName = recase(copy.lastName) }
        // E-mail.
        if chance(0.08) && !nameChanged {
            let f = lead.firstName.lowercased(), l = lead.lastName.lowercased()
            copy.email = "\(f).\(l)\(rng.index(90) + 10)@gmail.com"
        } else if chance(0.1) {
            copy.email = ""
        } else {
            if chance(0.15) { copy.email = copy.email.uppercased() }
            if chance(0.1), let at = copy.email.firstIndex(of: "@") {
                copy.email.insert(contentsOf: "+" + ["crm", "news", "sales", "promo"][rng.index(4)], at: at)
            }
            if chance(0.05) { copy.email = typo(copy.email) }
        }
        // Phone.
        let digits = lead.phone.filter(\.isNumber)
        if chance(0.12) || digits.count < 10 {
            copy.phone = ""
        } else {
            let d = Array(digits.suffix(10))
            let a = String(d[0..<3]), b = String(d[3..<6]), c = String(d[6..<10])
            copy.phone =
                [
                    "+1 \(a) \(b) \(c)", "\(a).\(b).\(c)", "\(a)\(b)\(c)", "+1-\(a)-\(b)-\(c)",
                    "(\(a)) \(b)-\(c) x\(rng.index(9000) + 1000)", "\(a)-\(b)-\(c)",
                ][rng.index(6)]
            if chance(0.05) { copy.phone = typo(copy.phone) }
        }
        // Company.
        if chance(0.1) {
            copy.company = ""
        } else if chance(0.3) {
            let forms = [" Inc.", " LLC", " Corp.", " Ltd", " Corporation", " Incorporated", " Co.", ""]
            var core = lead.company
            for form in forms where !form.isEmpty && core.hasSuffix(form) { core.removeLast(form.count) }
            copy.company = (chance(0.2) ? "The " : "") + core + forms[rng.index(forms.count)]
        }
        if chance(0.1) { copy.company = copy.company.uppercased() }
        // Job title, location, website.
        if chance(0.1) {
            copy.jobTitle = ""
        } else if chance(0.1) {
            copy.jobTitle = copy.jobTitle.replacingOccurrences(of: "Senior", with: "Sr.")
                .replacingOccurrences(of: "Director", with: "Dir.").replacingOccurrences(of: "Manager", with: "Mgr")
        }
        if chance(0.2), let name = Self.stateNames[lead.region.uppercased()] {
            copy.region = name.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }
                .joined(separator: " ")
        }
        if chance(0.1) { copy.city = "" }
        if chance(0.1) {
            copy.postcode = ""
        } else if chance(0.1) && copy.postcode.count == 5 {
            copy.postcode += "-" + String(rng.index(9000) + 1000)
        }
        if chance(0.3) { copy.country = ["US", "USA", "U.S.", "United States of America", ""][rng.index(5)] }
        if chance(0.3) {
            let host = DomainNormaliser.registrableDomain(fromWebsite: lead.website)
            copy.website = ["https://\(host)", "http://www.\(host)/", host.uppercased(), ""][rng.index(4)]
        }
        return copy
    }
}
