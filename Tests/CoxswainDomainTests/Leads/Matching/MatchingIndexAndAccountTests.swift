import Testing

@testable import CoxswainDomain

@Suite("Lead matching index, accounts and generators")
struct MatchingIndexAndAccountTests {
    static func values(_ lead: SyntheticLead) -> [(MatchFieldRole, String)] {
        SyntheticLead.columns([lead]).map { ($0.role, $0.values[0]) }
    }

    @Test func incrementalIndexFindsDuplicatesAndInsertedRecords() {
        // Given an index over generated leads
        let data = SyntheticLeadGenerator.dataset(count: 2_000, duplicateRate: 0.1, seed: 21)
        let table = MatchRecordTable(ids: (0..<2_000).map { "L\($0)" }, columns: SyntheticLead.columns(data.leads))
        var index = DuplicateIndex(table: table)
        // When a noisy copy of an existing lead is checked
        var copy = data.leads[42]
        copy.firstName = copy.firstName.uppercased()
        copy.phone = ""
        let hits = index.duplicates(of: Self.values(copy))
        // Then the original is the best hit
        #expect(hits.first.map { data.entity[$0.record] } == data.entity[42])
        // And a brand-new lead is not a duplicate until it is inserted
        let fresh = SyntheticLead(
            firstName: "Zebulon", lastName: "Quaxworthy", email: "zq@quax.io",
            phone: "(555) 010-9999", company: "Quax Labs", jobTitle: "Founder", city: "Oakton",
            region: "VA", postcode: "22124", country: "US", website: "quax.io")
        #expect(index.duplicates(of: Self.values(fresh)).isEmpty)
        let position = index.insert(Self.values(fresh), id: "new-1")
        var again = fresh
        again.firstName = "Zeb"
        again.email = "ZQ@quax.io"
        #expect(index.duplicates(of: Self.values(again)).first?.record == position)
        #expect(index.explain(Self.values(again), against: position).isMatch)
    }

    @Test func variationGeneratorIsSeededAndProducesNoisyCopies() {
        // Given one clean lead and two generators with the same seed
        var generator = SyntheticLeadGenerator(seed: 9)
        let lead = generator.next()
        var first = LeadVariationGenerator(seed: 4)
        var second = LeadVariationGenerator(seed: 4)
        // When each produces 50 variations
        let a = (0..<50).map { _ in first.variation(of: lead) }
        let b = (0..<50).map { _ in second.variation(of: lead) }
        // Then the sequences are identical and most copies differ from the original
        #expect(a == b)
        #expect(a.filter { $0 != lead }.count > 40)
    }

    @Test func datasetHasTheRequestedDuplicateShare() {
        // Given a request for 12% duplicates
        let data = SyntheticLeadGenerator.dataset(count: 5_000, duplicateRate: 0.12, seed: 1)
        // When entities are counted
        let duplicates = data.entity.count - Set(data.entity).count
        // Then about 12% of leads are extra copies
        #expect(abs(Double(duplicates) / 5_000 - 0.12) < 0.02)
    }

    @Test func leadsAttachToAccountsByDomainThenName() {
        // Given accounts with domains, phones and postcodes
        let matcher = AccountMatcher(accounts: [
            MatchAccount(id: "a1", name: "Acme Corporation", website: "https://www.acme.com"),
            MatchAccount(id: "a2", name: "Acme Foods Ltd", website: "acmefoods.co.uk", phone: "+44 20 7946 0000"),
            MatchAccount(
                id: "a3", name: "Northwind Traders", phone: "(206) 555-0100", postcode: "98052",
                country: "US"),
        ])
        // When leads are matched
        let byDomain = matcher.match(LeadAccountFields(company: "ACME Corp", email: "jane@acme.com"))
        let byName = matcher.match(LeadAccountFields(company: "Acme Foods Limited", email: "jo@gmail.com"))
        let confirmed = matcher.match(LeadAccountFields(company: "Northwind Trading", phone: "206.555.0100"))
        let none = matcher.match(LeadAccountFields(company: "Globex", email: "h@gmail.com"))
        // Then each gets the right account and reason
        #expect(byDomain?.accountId == "a1" && byDomain?.reason == .domain("acme.com"))
        #expect(byName?.accountId == "a2")
        #expect(confirmed?.accountId == "a3")
        #expect(none == nil)
    }

    @Test func freeMailDomainsNeverMatchAccounts() {
        // Given an account whose website is a free-mail domain by mistake
        let matcher = AccountMatcher(accounts: [MatchAccount(id: "x", name: "Someone", website: "gmail.com")])
        // When a gmail lead with another company is matched
        let match = matcher.match(LeadAccountFields(company: "Other Co", email: "someone@gmail.com"))
        // Then the free-mail domain is not used
        #expect(match == nil)
    }
}
