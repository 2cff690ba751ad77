import CoxswainDomain
import CoxswainServices
import Foundation
import Testing

@Suite("Metrics engine on the demo org")
struct DemoOrgMetricsTests {
    static let org = DemoOrgGenerator(seed: 42, size: .small, asOf: LocalDate(2026, 11, 15), calendar: FiscalCalendar(startMonth: 2)).generate()
    static let engine = SalesMetricsCalculator(
        opportunities: org.opportunities, stageChanges: org.stageChanges, quotas: org.quotas, reps: org.reps, teams: org.teams,
        activities: org.activities, stages: org.stages, calendar: org.calendar)

    @Test func groupedRowsAddUpToTheTotalForEveryAdditiveMetric() throws {
        // Given the last complete fiscal quarter grouped by rep and by team
        let quarter = Self.org.calendar.quarter(Self.org.calendar.quarter(containing: Self.org.asOf), offsetBy: -1)
        for grouping in [MetricsGrouping.rep, .team, .region, .segment] {
            let report = Self.engine.report(MetricsFilter(.period(quarter)), groupBy: grouping)
            // Then counts and amounts of the rows sum to the total
            #expect(report.rows.map(\.wonCount).reduce(0, +) == report.total.wonCount)
            #expect(report.rows.map(\.pipelineCreatedCount).reduce(0, +) == report.total.pipelineCreatedCount)
            #expect(report.rows.map(\.activities.total).reduce(0, +) == report.total.activities.total)
            let usd = report.rows.compactMap { $0.money(in: .usd)?.bookings.amount }.reduce(Decimal(0), +)
            #expect(usd == report.total.money(in: .usd)?.bookings.amount)
        }
        // And the demo org has real data in that quarter: wins, a win rate between 0 and 1, a cycle, attainment
        let total = Self.engine.report(MetricsFilter(.period(quarter), currency: .usd)).total
        #expect(total.wonCount > 0)
        let rate = try #require(total.winRate)
        #expect(rate > 0 && rate < 1)
        #expect(try #require(total.cycleDaysMedian) > 0)
        #expect(try #require(total.money(in: .usd)?.attainment) > 0)
    }

    @Test func theWorldwideSubtreeCoversEveryKnownRep() throws {
        let root = try #require(Self.org.teams.first { $0.parentTeamID == nil })
        let quarter = Self.org.calendar.quarter(containing: Self.org.asOf)
        let subtree = Self.engine.report(MetricsFilter(.period(quarter), reps: .teamSubtree(teamID: root.meta.id))).total
        let withTeam = Self.org.reps.filter { $0.teamID != nil }.count
        #expect(subtree.repCount == withTeam)
    }

    @Test func benchmarkRunsOnSmallSyntheticDataAndReportsTimings() {
        // Given a small synthetic data set (the CLI uses 100,000 opportunities)
        let result = AnalyticsBenchmark.run(opportunities: 2_000, seed: 3, repetitions: 2)
        // Then every timing is measured and the grouped query has one row per rep
        #expect(result.opportunities == 2_000 && result.rows == result.reps)
        #expect(result.buildSeconds > 0 && result.queryMedianSeconds > 0 && result.cohortSeconds > 0)
        // And generation is deterministic
        let again = SyntheticSalesData(opportunities: 500, seed: 3)
        #expect(again.opportunities == SyntheticSalesData(opportunities: 500, seed: 3).opportunities)
    }
}
