import Foundation
import Testing

@testable import CoxswainDomain

@Suite("Engine agrees with a naive recomputation")
struct EngineCrossCheckTests {
    static let data = SyntheticSalesData(opportunities: 4_000, reps: 30, seed: 11)
    static let engine = SalesMetricsCalculator(
        opportunities: data.opportunities, stageChanges: data.stageChanges, quotas: data.quotas, reps: data.reps, teams: data.teams,
        activities: data.activities, calendar: data.calendar)

    @Test func everyRepRowMatchesAStraightforwardFilterOverTheRecords() throws {
        // Given the current fiscal quarter of the synthetic data
        let quarter = Self.data.calendar.quarter(Self.data.calendar.quarter(containing: Self.data.asOf), offsetBy: -1)
        let report = Self.engine.report(MetricsFilter(.period(quarter)), groupBy: .rep)
        #expect(report.rows.count == Self.data.reps.count)
        for row in report.rows {
            // When each rep's numbers are recomputed from the raw records
            let mine = Self.data.opportunities.filter { $0.ownerID == row.key }
            let closed = mine.filter { $0.isClosed && quarter.contains($0.closeDate) }
            let won = closed.filter(\.isWon)
            let usdWon = won.filter { $0.amount.currency == .usd }.map(\.amount.amount).reduce(Decimal(0), +)
            let quota = Self.data.quotas.filter { $0.repID == row.key && $0.periodStart == quarter.start }.map(\.amount.amount).reduce(0, +)
            let created = mine.filter { quarter.contains(LocalDate($0.meta.createdAt, in: TimeZone(identifier: "UTC")!)) }
            let cycles = won.map { Double(LocalDate($0.meta.createdAt, in: TimeZone(identifier: "UTC")!).days(to: $0.closeDate)) }
            // Then they agree with the engine
            #expect(row.wonCount == won.count)
            #expect(row.lostCount == closed.count - won.count)
            #expect(row.winRate == SalesFormulas.winRate(won: won.count, lost: closed.count - won.count))
            #expect(row.pipelineCreatedCount == created.count)
            #expect(row.cycleDaysMedian == SalesFormulas.median(cycles))
            if let usd = row.money(in: .usd) {
                #expect(usd.bookings.amount == usdWon)
                if quota > 0 {
                    let expected = NSDecimalNumber(decimal: usdWon).doubleValue / NSDecimalNumber(decimal: quota).doubleValue
                    #expect(try #require(usd.attainment).isNearAnalytics(to: expected, 1e-12))
                }
            } else {
                #expect(usdWon == 0 && quota == 0)
            }
        }
    }

    @Test func theSameQueryTwiceGivesTheSameReport() {
        let filter = MetricsFilter(.period(Self.data.calendar.year(2027)), reps: .teamSubtree(teamID: "t-EMEA"))
        #expect(Self.engine.report(filter, groupBy: .team) == Self.engine.report(filter, groupBy: .team))
    }
}
