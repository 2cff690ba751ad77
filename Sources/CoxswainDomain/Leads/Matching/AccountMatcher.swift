/// An account (company) that leads can be attached to.
public struct MatchAccount: Sendable, Hashable {
    /// Caller id.
    public var id: String
    /// Account name.
    public var name: String
    /// Website or domain.
    public var website: String
    /// Main phone.
    public var phone: String
    /// Postcode.
    public var postcode: String
    /// Country.
    public var country: String

    /// Creates an account.
    public init(
        id: String, name: String, website: String = "", phone: String = "", postcode: String = "",
        country: String = ""
    ) {
        self.id = id
        self.name = name
        self.website = website
        self.phone = phone
        self.postcode = postcode
        self.country = country
    }
}

/// The company-side fields of a lead.
public struct LeadAccountFields: Sendable, Hashable {
    /// Company name as typed on the lead.
    public var company: String
    /// Lead e-mail (its domain counts unless it is free mail).
    public var email: String
    /// Lead website.
    public var website: String
    /// Lead phone.
    public var phone: String
    /// Lead postcode.
    public var postcode: String
    /// Lead country.
    public var country: String

    /// Creates the fields.
    public init(
        company: String = "", email: String = "", website: String = "", phone: String = "",
        postcode: String = "", country: String = ""
    ) {
        self.company = company
        self.email = email
        self.website = website
        self.phone = phone
        self.postcode = postcode
        self.country = country
    }
}

/// Why a lead was attached to an account.
public enum AccountMatchReason: Sendable, Hashable {
    /// The lead's website or work e-mail domain is the account's domain.
    case domain(String)
    /// The company names agree after normalisation (`similarity` 1 = identical).
    case companyName(similarity: Double)
    /// The company names are close and the phone or postcode confirms it.
    case companyNameConfirmed(similarity: Double, by: String)
}

/// The account chosen for a lead.
public struct AccountMatch: Sendable, Hashable {
    /// Index into the matcher's accounts.
    public var account: Int
    /// Account id.
    public var accountId: String
    /// Why.
    public var reason: AccountMatchReason
}

/// Lead-to-account matching.
///
/// Business rules, in order:
/// 1. **Domain**: the lead's website domain, or its e-mail domain unless free mail (gmail, yahoo …), equals an
///    account's website domain. Several accounts on one domain are separated by name similarity, then phone,
///    then postcode.
/// 2. **Company name**: normalised names (legal suffixes, `The`, `&` removed) with similarity
///    `max(Jaro–Winkler, token-set)` ≥ 0.93 match; between 0.85 and 0.93 they need a tie-breaker — the same
///    phone (last nine digits) or the same postcode in the same country.
/// 3. Otherwise there is no match (`nil`) — a new account should be created.
///
/// Example: accounts `Acme Corporation (acme.com)` and `Acme Foods Ltd (acmefoods.co.uk)`; a lead
/// `jane@acme.com, "ACME Corp"` matches the first by domain; a lead `jo@gmail.com, "Acme Foods Limited"` matches
/// the second by company name.
public struct AccountMatcher: Sendable {
    /// The accounts.
    public let accounts: [MatchAccount]
    let names: [[UInt8]]
    let nameTokens: [[UInt64]]
    let domains: [UInt64]
    let phones: [UInt64]
    let places: [UInt64]
    var byDomain: [UInt64: [Int32]] = [:]
    var byToken: [UInt64: [Int32]] = [:]
    var byName: [UInt64: [Int32]] = [:]

    /// Indexes `accounts`.
    public init(accounts: [MatchAccount]) {
        self.accounts = accounts
        names = accounts.map { CompanyNormaliser.bytes($0.name) }
        nameTokens = names.map(RecordNormaliser.sortedTokenHashes)
        domains = accounts.map { ByteHash.hash(DomainNormaliser.registrableDomainBytes(fromWebsite: $0.website)) }
        phones = accounts.map { ByteHash.hash(PhoneNormaliser.matchDigits($0.phone)) }
        places = accounts.map { Self.placeKey(postcode: $0.postcode, country: $0.country) }
        for index in accounts.indices {
            if domains[index] != 0 { byDomain[domains[index], default: []].append(Int32(index)) }
            let name = ByteHash.hash(names[index])
            if name != 0 { byName[name, default: []].append(Int32(index)) }
            for token in nameTokens[index] { byToken[token, default: []].append(Int32(index)) }
        }
    }

    static func placeKey(postcode: String, country: String) -> UInt64 {
        let code = Array(LocationNormaliser.postcode(postcode).utf8)
        if code.isEmpty { return 0 }
        return ByteHash.hash(code + [0] + Array(LocationNormaliser.country(country).utf8))
    }

    func similarity(_ name: [UInt8], _ tokens: [UInt64], _ account: Int) -> Double {
        if name.isEmpty || names[account].isEmpty { return 0 }
        let jw = name.withUnsafeBufferPointer { a in
            names[account].withUnsafeBufferPointer { b in StringComparators.jaroWinkler(a, b) }
        }
        let set = tokens.withUnsafeBufferPointer { a in
            nameTokens[account].withUnsafeBufferPointer { b in StringComparators.tokenSet(a, b) }
        }
        return max(jw, set)
    }

    /// The best account for a lead, or `nil`.
    public func match(_ lead: LeadAccountFields) -> AccountMatch? {
        let name = CompanyNormaliser.bytes(lead.company)
        let tokens = RecordNormaliser.sortedTokenHashes(name)
        let phone = ByteHash.hash(PhoneNormaliser.matchDigits(lead.phone))
        let place = Self.placeKey(postcode: lead.postcode, country: lead.country)
        func tieBreak(_ account: Int) -> (Double, Int, Int) {
            (
                similarity(name, tokens, account), phone != 0 && phones[account] == phone ? 1 : 0,
                place != 0 && places[account] == place ? 1 : 0
            )
        }
        // 1. Domain.
        var leadDomains: [[UInt8]] = []
        let website = DomainNormaliser.registrableDomainBytes(fromWebsite: lead.website)
        if !website.isEmpty { leadDomains.append(website) }
        let email = EmailNormaliser.normalise(lead.email)
        if !email.local.isEmpty && !email.isFreeMail {
            leadDomains.append(DomainNormaliser.registrableDomainBytes(ofHost: Array(email.domain.utf8)[...]))
        }
        for domain in leadDomains {
            guard let hits = byDomain[ByteHash.hash(domain)], !hits.isEmpty else { continue }
            let best = hits.map(Int.init).max { a, b in
                let x = tieBreak(a), y = tieBreak(b)
                return x != y ? x < y : a > b
            }!
            return AccountMatch(
                account: best, accountId: accounts[best].id,
                reason: .domain(String(decoding: domain, as: UTF8.self)))
        }
        // 2. Company name.
        guard !name.isEmpty else { return nil }
        var candidates = Set<Int32>(byName[ByteHash.hash(name)] ?? [])
        for token in tokens {
            if let hits = byToken[token], hits.count <= max(50, accounts.count / 20) { candidates.formUnion(hits) }
        }
        var best: (account: Int, similarity: Double, confirm: String)?
        for candidate in candidates.sorted() {
            let account = Int(candidate)
            let (score, samePhone, samePlace) = tieBreak(account)
            let confirm = samePhone == 1 ? "phone" : (samePlace == 1 ? "postcode" : "")
            guard score >= 0.93 || (score >= 0.85 && !confirm.isEmpty) else { continue }
            let rank = score + Double(samePhone) * 0.01 + Double(samePlace) * 0.005
            if best == nil || rank > best!.similarity + (best!.confirm == "phone" ? 0.01 : 0) {
                best = (account, score, confirm)
            }
        }
        guard let chosen = best else { return nil }
        let reason: AccountMatchReason =
            chosen.similarity >= 0.93 || chosen.confirm.isEmpty
            ? .companyName(similarity: chosen.similarity)
            : .companyNameConfirmed(similarity: chosen.similarity, by: chosen.confirm)
        return AccountMatch(account: chosen.account, accountId: accounts[chosen.account].id, reason: reason)
    }
}
