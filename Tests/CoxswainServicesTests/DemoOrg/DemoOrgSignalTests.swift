import CoxswainDomain
import Foundation
import Testing

@testable import CoxswainServices

@Suite("Demo org: signal for the engines")
struct DemoOrgSignalTests {
    let org = DemoOrgFixtures.small

    @Test func aboutTwelvePercentOfLeadsAreLaterNearCopies() {
        // Given the duplicate map
        let byID = Dictionary(uniqueKeysWithValues: org.leads.map { ($0.meta.id, $0) })
        // Then 12% ± 2% of leads are duplicates
        let share = Double(org.duplicateOf.count) / Double(org.leads.count)
        #expect(abs(share - 0.12) <= 0.02, "\(share)")
        // And each is created after its original and still shares something recognisable with it
        var exactCopies = 0
        for (duplicate, original) in org.duplicateOf {
            guard let d = byID[duplicate], let o = byID[original] else { continue }
            #expect(d.meta.createdAt > o.meta.createdAt)
            #expect(d.lastName != nil || d.email != nil)
            #expect(org.duplicateOf[original] == nil)
            let sameNames = d.firstName == o.firstName && d.lastName == o.lastName
            if sameNames && d.email == o.email && d.phone == o.phone && d.company == o.company { exactCopies += 1 }
        }
        // And almost none is an exact copy of the identifying fields
        #expect(Double(exactCopies) < 0.25 * Double(org.duplicateOf.count))
    }

    @Test func nicknameTableHasAtLeastFortyPairs() {
        // Given the nickname groups
        let pairs = DemoNicknames.groups.reduce(0) { $0 + $1.nicknames.count }
        // Then there are at least 40 formal/nickname pairs, and Bob ↔ Robert resolves both ways
        #expect(pairs >= 40)
        #expect(DemoNicknames.alternatives["bob"] == ["Robert"])
        #expect(DemoNicknames.alternatives["robert"]?.contains("Bob") == true)
    }

    @Test func aeWinRatesDifferWithSkill() {
        // Given each AE's closed new-business deals
        var won: [String: Int] = [:]
        var closed: [String: Int] = [:]
        for opp in org.opportunities where opp.isClosed && opp.type == .newBusiness {
            closed[opp.ownerID, default: 0] += 1
            if opp.isWon { won[opp.ownerID, default: 0] += 1 }
        }
        let rates = closed.filter { $0.value >= 30 }.map { Double(won[$0.key] ?? 0) / Double($0.value) }
        // Then win rates spread by at least ten points between the best and the weakest AE
        #expect(rates.count >= 4)
        #expect((rates.max() ?? 0) - (rates.min() ?? 0) >= 0.1, "\(rates.sorted())")
    }

    @Test func fiscalQ4OutbooksQ1OnAverage() {
        // Given complete past quarters of three orgs
        var q4: [Double] = []
        var q1: [Double] = []
        for seed: UInt64 in [11, 12, 13] {
            let org = seed == 11 ? DemoOrgFixtures.small : DemoOrgFixtures.generate(seed: seed)
            var bookings: [FiscalPeriod: Double] = [:]
            for opp in org.opportunities where opp.isWon {
                let usd = opp.amount.doubleValue / (["EUR": 0.92, "GBP": 0.79][opp.amount.currency.code] ?? 1)
                bookings[org.calendar.quarter(containing: opp.closeDate), default: 0] += usd
            }
            let current = org.calendar.quarter(containing: org.asOf)
            for offset in -7 ... -1 {
                let quarter = org.calendar.quarter(current, offsetBy: offset)
                if quarter.number == 4 { q4.append(bookings[quarter] ?? 0) }
                if quarter.number == 1 { q1.append(bookings[quarter] ?? 0) }
            }
        }
        // Then Q4 bookings are higher than Q1 bookings on average
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(max(1, values.count)) }
        #expect(mean(q4) > mean(q1), "Q4 \(mean(q4)) vs Q1 \(mean(q1))")
    }

    @Test func dealSizesAndCyclesGrowWithSegment() {
        // Given won new-business deals by segment
        func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        }
        var sizes: [Segment: [Double]] = [:]
        var cycles: [Segment: [Double]] = [:]
        for opp in org.opportunities where opp.isWon && opp.type == .newBusiness && opp.amount.currency == .usd {
            guard let segment = opp.segment, let closed = opp.closedAt else { continue }
            sizes[segment, default: []].append(opp.amount.doubleValue)
            cycles[segment, default: []].append(closed.timeIntervalSince(opp.meta.createdAt) / 86_400)
        }
        // Then median size and cycle rise from SMB to mid-market to enterprise, near the documented medians
        let smb = median(sizes[.smb] ?? [])
        let mm = median(sizes[.midMarket] ?? [])
        let ent = median(sizes[.enterprise] ?? [])
        #expect(smb < mm && mm < ent)
        #expect((4_000...16_000).contains(smb) && (17_000...70_000).contains(mm) && (75_000...300_000).contains(ent))
        #expect(median(cycles[.smb] ?? []) < median(cycles[.midMarket] ?? []))
        #expect(median(cycles[.midMarket] ?? []) < median(cycles[.enterprise] ?? []))
    }

    @Test func openPipelineCarriesHygieneProblems() {
        // Given the open deals
        let open = org.opportunities.filter { !$0.isClosed }
        // Then some have close dates in the past, some lack a next step, and some close next quarter
        let nextQuarter = org.calendar.quarter(org.calendar.quarter(containing: org.asOf), offsetBy: 1)
        #expect(open.contains { $0.closeDate < org.asOf })
        #expect(open.contains { $0.nextStep == nil })
        #expect(open.contains { nextQuarter.contains($0.closeDate) })
    }

    @Test func recentHiresRampAndLeadSourcesConvertDifferently() {
        // Given AEs hired in the last two quarters
        let calendar = org.calendar
        let recentStart = calendar.quarter(calendar.quarter(containing: org.asOf), offsetBy: -1).start
        let aes = org.reps.filter { $0.role == .ae }
        let recent = aes.filter { ($0.hireDate ?? recentStart) >= recentStart }
        // Then they are about 15% of AEs
        #expect(!recent.isEmpty && Double(recent.count) <= 0.3 * Double(aes.count))
        // And referral leads convert better than paid-search leads
        func conversion(_ source: String) -> Double {
            let leads = org.leads.filter { $0.source == source && org.duplicateOf[$0.meta.id] == nil }
            return Double(leads.count { $0.status == .converted }) / Double(max(1, leads.count))
        }
        #expect(conversion("referral") > conversion("paid search"))
    }
}
