import Testing

@testable import CoxswainDomain

@Suite("Lead matching normalisers")
struct MatchingNormaliserTests {
    @Test func gmailDotsAndPlusTagsNormaliseToOneAddress() {
        // Given three spellings of one Gmail mailbox
        let spellings = ["J.Doe+crm@GoogleMail.com", " jdoe@gmail.com ", "j.d.o.e+news@gmial.com"]
        // When they are normalised
        let addresses = Set(spellings.map { EmailNormaliser.normalise($0).address })
        // Then they are one address, flagged as free mail
        #expect(addresses == ["jdoe@gmail.com"])
        #expect(EmailNormaliser.normalise("jdoe@gmail.com").isFreeMail)
    }

    @Test func workEmailKeepsDotsButDropsPlusTagAndFlagsRoleMailboxes() {
        // Given a work address with a tag and a shared role mailbox
        let work = EmailNormaliser.normalise("Ann.Lee+News@Acme.co.uk")
        let role = EmailNormaliser.normalise("info@acme.co.uk")
        // Then dots stay, the tag goes, and only the role mailbox is flagged
        #expect(work.address == "ann.lee@acme.co.uk")
        #expect(!work.isFreeMail && !work.isRoleMailbox)
        #expect(role.isRoleMailbox)
    }

    @Test func commonEmailDomainTyposAreCorrected() {
        // Given typo'd consumer domains
        // Then each is mapped to the real provider
        #expect(EmailNormaliser.normalise("a@hotmial.com").domain == "hotmail.com")
        #expect(EmailNormaliser.normalise("a@yaho.com").domain == "yahoo.com")
        #expect(EmailNormaliser.normalise("a@gmai.com").domain == "gmail.com")
    }

    @Test func phonesBecomeE164AndExtensionsAreStripped() {
        // Given US and UK numbers in assorted formats
        // Then they normalise to E.164 without extensions
        #expect(PhoneNormaliser.e164("(312) 493-2250 x12", defaultCallingCode: "1") == "+13124932250")
        #expect(PhoneNormaliser.e164("1-312-493-2250", defaultCallingCode: "1") == "+13124932250")
        #expect(PhoneNormaliser.e164("(0117) 152 0448", defaultCallingCode: "44") == "+441171520448")
        #expect(PhoneNormaliser.e164("0044 117 152 0448;ext=5", defaultCallingCode: "1") == "+441171520448")
        // And matching digits agree with and without the country code
        #expect(PhoneNormaliser.matchDigits("+44 117 152 0448") == PhoneNormaliser.matchDigits("(0117) 152 0448"))
    }

    @Test func companyLegalSuffixesTheAndAmpersandAreRemoved() {
        // Given variants of one company name
        let names = [
            "The Gibbs, Parkinson & Lewis Co. Ltd.", "Gibbs Parkinson and Lewis",
            "GIBBS PARKINSON & LEWIS LLC",
        ]
        // When normalised
        // Then they coincide
        #expect(Set(names.map(CompanyNormaliser.normalise)) == ["gibbs parkinson and lewis"])
        #expect(CompanyNormaliser.normalise("Quiñones S.A. de C.V.") == "quinones")
        #expect(CompanyNormaliser.normalise("Smartfield S.p.A.") == "smartfield")
        #expect(CompanyNormaliser.normalise("Acme GmbH") == CompanyNormaliser.normalise("ACME AG"))
    }

    @Test func websitesReduceToRegistrableDomain() {
        // Given URLs with schemes, www, paths and two-level public suffixes
        // Then the registrable domain remains
        let url = "https://WWW.shop.Acme.co.uk/about?x=1"
        #expect(DomainNormaliser.registrableDomain(fromWebsite: url) == "acme.co.uk")
        #expect(DomainNormaliser.registrableDomain(fromWebsite: "http://terrastone.com.br/") == "terrastone.com.br")
        #expect(DomainNormaliser.registrableDomain(fromWebsite: "www.miller.com") == "miller.com")
        #expect(DomainNormaliser.registrableDomain(fromWebsite: "INNOWORKS.COM") == "innoworks.com")
    }

    @Test func countriesRegionsAndPostcodesShareOneSpelling() {
        // Given several spellings
        // Then they normalise to one code
        let american = ["USA", "U.S.", "United States", "US", "United States of America"]
        #expect(Set(american.map(LocationNormaliser.country)) == ["US"])
        #expect(Set(["UK", "U.K.", "United Kingdom", "Great Britain"].map(LocationNormaliser.country)) == ["GB"])
        #expect(LocationNormaliser.country("Brasil") == "BR")
        #expect(LocationNormaliser.region("California") == LocationNormaliser.region("CA"))
        #expect(LocationNormaliser.postcode(" sw1a 1aa ") == LocationNormaliser.postcode("SW1A1AA"))
        #expect(LocationNormaliser.dateOfBirth("29/12/1915") == "19151229")
    }

    @Test func nicknamesResolveToFormalNames() {
        // Given common nicknames
        let pairs = [
            ("Bob", "robert"), ("Liz", "elizabeth"), ("Bill", "william"), ("Peggy", "margaret"),
            ("Jimmy", "james"), ("Joe", "joseph"), ("Katie", "katherine"),
        ]
        // Then each resolves to its formal name, and the table is large
        for (nick, formal) in pairs {
            let codes = NicknameTable.shared.formalCodes(for: nick.lowercased())
            let expected = NicknameTable.shared.formalCodes(for: formal).0
            #expect(codes.0 == expected || codes.1 == expected, "\(nick)")
        }
        #expect(NicknameTable.shared.aliasCount >= 150)
    }

    @Test func namesAreFoldedAndFullNamesSplit() {
        // Given accented, punctuated and combined names
        // Then they fold and split
        #expect(PersonNameNormaliser.part(" José  ") == "jose")
        #expect(PersonNameNormaliser.part("O'Brien") == "obrien")
        #expect(
            PersonNameNormaliser.split(fullName: "Smith, Bob")
                == NormalisedPersonName(given: "bob", surname: "smith"))
        #expect(
            PersonNameNormaliser.split(fullName: "Dr. Robert J. Smith")
                == NormalisedPersonName(given: "robert", surname: "smith"))
    }

    @Test func headerRolesAreDetectedAndOverridable() {
        // Given CRM-style headers
        let headers = [
            "id", "First Name", "Last Name", "Email Address", "Mobile", "Company / Account", "Title",
            "Zip", "soc_sec_id", "Organisation Name",
        ]
        // When roles are detected with an override
        let roles = MatchRoleDetector.detect(headers: headers, overrides: ["company=Organisation Name"])
        // Then every known header has its role and the override wins
        #expect(roles[0] == nil)
        #expect(roles[1] == .givenName && roles[2] == .surname && roles[3] == .email && roles[4] == .phone)
        #expect(roles[6] == .jobTitle && roles[7] == .postcode && roles[8] == .nationalId)
        #expect(roles[9] == .company && roles[5] == nil)
    }
}

@Suite("Lead matching table edge cases")
struct MatchingTableEdgeCaseTests {
    @Test func fullNameColumnIsSplitIntoGivenNameAndSurname() {
        // Given a CSV with a single "Name" column
        let table = MatchRecordTable(
            headers: ["id", "Name", "Email"],
            rows: [["7", "Smith, Bob", "BOB@x.com"], ["8", "Dr. Ann Lee", ""]])
        // When the table is built
        // Then ids come from the id column and names are split and normalised
        #expect(table.ids == ["7", "8"])
        #expect(table.normalisedValues(at: 0)["given"] == "bob")
        #expect(table.normalisedValues(at: 0)["surname"] == "smith")
        #expect(table.normalisedValues(at: 1)["given"] == "ann")
        #expect(table.normalisedValues(at: 0)["email"] == "bob@x.com")
    }

    @Test func emptyAndTinyTablesAreHandled() {
        // Given an empty table and a two-record table of one person
        let empty = MatchRecordTable(ids: [], columns: [(.givenName, []), (.surname, [])])
        let tiny = MatchRecordTable(
            ids: ["a", "b"],
            columns: [
                (.givenName, ["Robert", "Bob"]), (.surname, ["Smith", "Smith"]), (.email, ["rs@x.io", "RS@x.io"]),
            ])
        // When de-duplicated
        let none = LeadDeduplicator(table: empty).run()
        let pair = LeadDeduplicator(table: tiny).run()
        // Then nothing crashes, the empty table has no clusters and the pair is found
        #expect(none.clusters.isEmpty)
        #expect(pair.clusters == [[0, 1]])
    }
}
