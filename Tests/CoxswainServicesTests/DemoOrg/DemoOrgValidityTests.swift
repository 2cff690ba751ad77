import CoxswainDomain
import Foundation
import Testing

@testable import CoxswainServices

@Suite("Demo org: every record is valid")
struct DemoOrgValidityTests {
    let org = DemoOrgFixtures.small

    @Test func everyRecordPassesSchemaValidation() {
        // Given every generated record
        // When each is validated as a create request
        // Then none is rejected
        #expect(DemoOrgFixtures.failures(org.teams) { $0.name } == [])
        #expect(DemoOrgFixtures.failures(org.reps) { $0.email } == [])
        #expect(DemoOrgFixtures.failures(org.accounts) { $0.name } == [])
        #expect(DemoOrgFixtures.failures(org.contacts) { $0.meta.id } == [])
        #expect(DemoOrgFixtures.failures(org.leads) { $0.meta.id } == [])
        #expect(DemoOrgFixtures.failures(org.opportunities) { $0.name } == [])
        #expect(DemoOrgFixtures.failures(org.activities) { $0.meta.id } == [])
        #expect(DemoOrgFixtures.failures(org.products) { $0.name } == [])
        #expect(DemoOrgFixtures.failures(org.priceBookEntries) { $0.meta.id } == [])
        #expect(DemoOrgFixtures.failures(org.quotas) { $0.meta.id } == [])
    }

    @Test func opportunityFlagsMatchWhatTheStageRulesDerive() throws {
        // Given every opportunity
        for opp in org.opportunities {
            // When the stage rules derive closed/won from the stage
            let record = try DemoOrgFixtures.validate(opp).get()
            // Then the generated flags, probability and closed_at agree with them
            #expect(record.bool("is_closed") == opp.isClosed)
            #expect(record.bool("is_won") == opp.isWon)
            #expect((opp.closedAt != nil) == opp.isClosed)
            #expect((0...100).contains(opp.probability))
            let utcCreated = LocalDate(opp.meta.createdAt, in: TimeZone(identifier: "UTC")!)
            #expect(opp.closeDate >= utcCreated)
        }
    }

    @Test func moneyUsesWholeCurrencyUnitsInUSDEURorGBP() {
        // Given every amount in the org
        let amounts =
            org.opportunities.map(\.amount) + org.accounts.compactMap(\.annualRevenue)
            + org.quotas.map(\.amount) + org.priceBookEntries.map(\.unitPrice) + org.stageChanges.map(\.amount)
        // Then each has at most its currency's decimals (in fact none) and a supported currency
        #expect(amounts.allSatisfy(DemoOrgFixtures.hasValidMinorUnits))
        #expect(amounts.allSatisfy { $0.amount == $0.amount.rounded0 && $0.amount >= 0 })
        #expect(Set(amounts.map(\.currency.code)).isSubset(of: ["USD", "EUR", "GBP"]))
        // And EMEA is the only region with EUR/GBP deals
        let accountRegion = Dictionary(uniqueKeysWithValues: org.accounts.map { ($0.meta.id, $0.region) })
        let foreign = org.opportunities.filter { $0.amount.currency != .usd }
        #expect(!foreign.isEmpty)
        #expect(foreign.allSatisfy { accountRegion[$0.accountID] == "EMEA" })
    }

    @Test func nothingHappensAfterAsOf() {
        // Given every timestamp in the org
        let end = DemoOrgFixtures.endOfAsOf
        // Then none is after the end of the as-of day
        #expect(org.leads.allSatisfy { $0.meta.createdAt < end && ($0.convertedAt ?? $0.meta.createdAt) < end })
        #expect(org.opportunities.allSatisfy { $0.meta.createdAt < end && ($0.closedAt ?? $0.meta.createdAt) < end })
        #expect(org.activities.allSatisfy { $0.occurredAt < end })
        #expect(org.stageChanges.allSatisfy { $0.changedAt < end })
        #expect(org.fieldChanges.allSatisfy { $0.changedAt < end })
    }

    @Test func quotaPeriodsAreFiscalQuarters() {
        // Given the quotas and the fiscal calendar
        let calendar = org.calendar
        let current = calendar.quarter(containing: org.asOf)
        let allowed = Set((-7...1).map { calendar.quarter(current, offsetBy: $0) }.map { "\($0.start)..\($0.end)" })
        // Then every quota covers exactly one of the eight history quarters or the next one
        #expect(org.quotas.allSatisfy { allowed.contains("\($0.periodStart)..\($0.periodEnd)") })
        // And every active AE and AM has a quota for the current and the next quarter
        let carriers = org.reps.filter { $0.active && [.ae, .am].contains($0.role) }
        for rep in carriers {
            let periods = Set(org.quotas.filter { $0.repID == rep.meta.id }.map(\.periodStart))
            #expect(periods.contains(current.start) && periods.contains(calendar.quarter(current, offsetBy: 1).start))
        }
    }
}

extension Decimal {
    /// Rounded to a whole number.
    fileprivate var rounded0: Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, 0, .plain)
        return result
    }
}
