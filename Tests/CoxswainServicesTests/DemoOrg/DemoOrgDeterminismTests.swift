import CoxswainDomain
import Foundation
import Testing

@testable import CoxswainServices

@Suite("Demo org: determinism and size")
struct DemoOrgDeterminismTests {
    @Test func sameSeedProducesIdenticalOrg() {
        // Given two generators with the same seed, size, date and calendar
        // When both generate
        let a = DemoOrgFixtures.generate(seed: 7)
        let b = DemoOrgFixtures.generate(seed: 7)
        // Then every record is identical, ids included
        #expect(a.summary == b.summary)
        #expect(a.teams == b.teams)
        #expect(a.reps == b.reps)
        #expect(a.accounts == b.accounts)
        #expect(a.contacts == b.contacts)
        #expect(a.leads == b.leads)
        #expect(a.opportunities == b.opportunities)
        #expect(a.stageChanges == b.stageChanges)
        #expect(a.fieldChanges == b.fieldChanges)
        #expect(a.activities == b.activities)
        #expect(a.products == b.products)
        #expect(a.priceBookEntries == b.priceBookEntries)
        #expect(a.quotas == b.quotas)
        #expect(a.duplicateOf == b.duplicateOf)
    }

    @Test func differentSeedsProduceDifferentOrgs() {
        // Given two different seeds
        // When each generates a small org
        let a = DemoOrgFixtures.generate(seed: 1)
        let b = DemoOrgFixtures.generate(seed: 2)
        // Then ids, people and deals differ
        #expect(Set(a.leads.map(\.meta.id)).isDisjoint(with: b.leads.map(\.meta.id)))
        #expect(a.reps.map(\.email) != b.reps.map(\.email))
        #expect(a.accounts.map(\.name) != b.accounts.map(\.name))
        #expect(a.opportunities.map(\.amount) != b.opportunities.map(\.amount))
    }

    @Test func smallOrgHitsItsTargetsWithinTenPercent() {
        // Given the small size targets
        let org = DemoOrgFixtures.small
        // When counting what was generated
        // Then each count is within ±10% of its target
        for (count, target) in [
            (org.reps.count, 24), (org.accounts.count, 1_000), (org.leads.count, 4_000),
            (org.opportunities.count, 2_000),
        ] {
            #expect(abs(Double(count - target)) <= 0.1 * Double(target), "\(count) vs \(target)")
        }
        #expect((8...15).contains(org.products.count))
        #expect(org.summary.leads == org.leads.count)
        #expect(org.summary.duplicateLeads == org.duplicateOf.count)
    }

    @Test func idsAreUniqueUUIDv7sStampedWithCreationTime() {
        // Given the small org
        let org = DemoOrgFixtures.small
        // When collecting every record id
        let ids =
            org.teams.map(\.meta.id) + org.reps.map(\.meta.id) + org.accounts.map(\.meta.id)
            + org.contacts.map(\.meta.id) + org.leads.map(\.meta.id) + org.opportunities.map(\.meta.id)
            + org.activities.map(\.meta.id) + org.products.map(\.meta.id) + org.quotas.map(\.meta.id)
        // Then they are unique, version 7, and their timestamp prefix is the record's creation time
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.count == 36 && Array($0)[14] == "7" })
        for lead in org.leads.prefix(200) {
            let ms = UInt64(lead.meta.createdAt.timeIntervalSince1970 * 1000 + 0.5)
            let prefix = String(lead.meta.id.replacingOccurrences(of: "-", with: "").prefix(12))
            #expect(UInt64(prefix, radix: 16) == ms)
        }
    }
}
