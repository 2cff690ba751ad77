import Foundation
import Testing

@testable import CoxswainDomain

@Suite("Stage funnel, previous-period deltas and ramp")
struct FunnelAndTrendTests {
    /// Stage walk rows for one deal, one day apart.
    static func walk(_ id: String, _ stages: [String], from start: LocalDate) -> [OpportunityStageChange] {
        var previous: String?
        return stages.enumerated().map { k, stage in
            defer { previous = stage }
            return OpportunityStageChange(
                opportunityID: id, fromStage: previous, toStage: stage, amount: Money(1_000, .usd), probability: 10,
                closeDate: start.adding(days: 60), forecastCategory: .pipeline, changedAt: AnalyticsFixture.at(start.adding(days: k)), changedBy: "a")
        }
    }

    @Test func stageConversionComesFromStageHistoryAndCountsSkippedStagesAsPassed() throws {
        // Given three deals created in Q1:
        //   d1 Prospecting → Qualification → Discovery → Closed Lost
        //   d2 Prospecting → Discovery → Proposal → Closed Won (skips Qualification and Negotiation)
        //   d3 Prospecting (still open)
        let day = LocalDate(2026, 2, 10)
        let deals = [
            AnalyticsFixture.opp("d1", owner: "a", 1_000, created: day, close: LocalDate(2026, 3, 1), .lost),
            AnalyticsFixture.opp("d2", owner: "a", 1_000, created: day, close: LocalDate(2026, 3, 1), .won),
            AnalyticsFixture.opp("d3", owner: "a", 1_000, created: day, close: LocalDate(2026, 6, 1), .open, stage: "Prospecting"),
        ]
        let history =
            Self.walk("d1", ["Prospecting", "Qualification", "Discovery", "Closed Lost"], from: day)
            + Self.walk("d2", ["Prospecting", "Discovery", "Proposal", "Closed Won"], from: day) + Self.walk("d3", ["Prospecting"], from: day)
        let engine = AnalyticsFixture.engine(opportunities: deals, stageChanges: history)
        // When the funnel of Q1-created deals is computed
        let funnel = engine.report(MetricsFilter(.period(AnalyticsFixture.q1))).total.funnel
        // Then closed-lost is not a step and the steps follow the stage order
        #expect(funnel.map(\.stage) == ["Prospecting", "Qualification", "Discovery", "Proposal", "Negotiation", "Closed Won"])
        let step = Dictionary(uniqueKeysWithValues: funnel.map { ($0.stage, $0) })
        // Prospecting: 3 entered, 2 got further (2/3), 1 won (1/3)
        #expect(step["Prospecting"]?.entered == 3 && step["Prospecting"]?.reached == 3 && step["Prospecting"]?.advanced == 2)
        #expect(try #require(step["Prospecting"]?.conversionToNext).isNearAnalytics(to: 2.0 / 3.0))
        #expect(try #require(step["Prospecting"]?.winRateFromStage).isNearAnalytics(to: 1.0 / 3.0))
        // Qualification: entered by d1 only, but passed by d2 as well → reached 2, both went further
        #expect(step["Qualification"]?.entered == 1 && step["Qualification"]?.reached == 2 && step["Qualification"]?.conversionToNext == 1)
        // Discovery: reached by d1 and d2, only d2 advanced → 50%
        #expect(step["Discovery"]?.entered == 2 && step["Discovery"]?.conversionToNext == 0.5)
        // Negotiation was skipped by the won deal: entered 0, reached 1
        #expect(step["Negotiation"]?.entered == 0 && step["Negotiation"]?.reached == 1)
        // Closed Won is the last step: no conversion onwards, won from it 100%
        #expect(step["Closed Won"]?.entered == 1 && step["Closed Won"]?.conversionToNext == nil && step["Closed Won"]?.winRateFromStage == 1)
    }

    @Test func funnelIsEmptyButWellFormedWithoutHistory() {
        let report = AnalyticsFixture.engine().report(MetricsFilter(.period(AnalyticsFixture.calendar.quarter(fiscalYear: 2020, number: 1))))
        #expect(report.total.funnel.count == 6)
        #expect(report.total.funnel.allSatisfy { $0.reached == 0 && $0.conversionToNext == nil && $0.winRateFromStage == nil })
    }

    @Test func previousPeriodDeltasCompareWithThePreviousFiscalQuarter() throws {
        // Given rep a booked 20,000 in FY2026-Q4 and 50,000 in FY2027-Q1, with a 100,000 quota in each
        let engine = AnalyticsFixture.engine()
        let comparison = engine.compareWithPrevious(MetricsFilter(.period(AnalyticsFixture.q1), reps: .reps(["a"])), groupBy: .rep)
        // Then the previous frame is FY2026-Q4 (Nov 2025–Jan 2026)
        #expect(comparison.previous.timeFrameLabel == "FY2026-Q4")
        let deltas = try #require(comparison.deltas["a"])
        let bookings = try #require(deltas.first { $0.metric == "bookings.USD" })
        // And bookings went from 20,000 to 50,000: +30,000, +150%
        #expect(bookings.previous == 20_000 && bookings.current == 50_000 && bookings.change == 30_000)
        #expect(bookings.relativeChange == 1.5)
        let attainment = try #require(deltas.first { $0.metric == "attainment.USD" })
        #expect(attainment.previous == 0.2 && attainment.current == 0.5)
        #expect(try #require(attainment.change).isNearAnalytics(to: 0.3))
        // And the win rate went from 1/1 to 1/2
        let winRate = try #require(deltas.first { $0.metric == "win_rate" })
        #expect(winRate.previous == 1 && winRate.current == 0.5 && winRate.change == -0.5)
        #expect(comparison.deltas["total"] != nil)
    }

    @Test func previousFrameOfADateRangeIsTheEqualLengthWindowBefore() {
        let frame = MetricsTimeFrame.dates(DateWindow(LocalDate(2026, 3, 10), LocalDate(2026, 3, 19)))
        #expect(frame.previous(in: AnalyticsFixture.calendar).window == DateWindow(LocalDate(2026, 2, 28), LocalDate(2026, 3, 9)))
        // And a fiscal year's previous frame is the previous fiscal year
        let fy = MetricsTimeFrame.period(AnalyticsFixture.calendar.year(2027))
        #expect(fy.previous(in: AnalyticsFixture.calendar).label == "FY2026")
    }

    @Test func rampAttainmentIsByTenureQuarterAgainstRampedAndFullQuota() throws {
        // Given d hired 2026-03-10 with quotas Feb–Apr 25,000 (ramped), May–Jul 50,000 (ramped), Aug–Oct 100,000 (full)
        let cal = AnalyticsFixture.calendar
        let q2 = cal.quarter(fiscalYear: 2027, number: 2)
        let q3 = cal.quarter(fiscalYear: 2027, number: 3)
        let d = AnalyticsFixture.rep("d", team: "emea", hired: LocalDate(2026, 3, 10))
        let deals = [
            AnalyticsFixture.opp("d1", owner: "d", 10_000, created: LocalDate(2026, 3, 20), close: LocalDate(2026, 4, 20), .won),
            AnalyticsFixture.opp("d2", owner: "d", 40_000, created: LocalDate(2026, 4, 1), close: LocalDate(2026, 7, 31), .won),
        ]
        let engine = SalesMetricsCalculator(
            opportunities: deals,
            quotas: [
                AnalyticsFixture.quota("d", AnalyticsFixture.q1, 25_000), AnalyticsFixture.quota("d", q2, 50_000),
                AnalyticsFixture.quota("d", q3, 100_000),
            ],
            reps: AnalyticsFixture.reps + [d], teams: AnalyticsFixture.teams, calendar: cal)
        // When ramp is measured for FY2027 hires through 31 July 2026 (Q3 is not over yet)
        let rows = engine.rampAttainment(hiredIn: MetricsFilter(.period(cal.year(2027))), through: LocalDate(2026, 7, 31))
        // Then quarter 1: 10,000 of 25,000 ramped (40%), of 100,000 full (10%); quarter 2: 80% and 40%
        #expect(rows.map(\.tenureQuarter) == [1, 2])
        #expect(rows[0].attainmentOfRampedQuota == 0.4 && rows[0].attainmentOfFullQuota == 0.1)
        #expect(rows[1].attainmentOfRampedQuota == 0.8 && rows[1].attainmentOfFullQuota == 0.4)
        #expect(rows[1].bookings == Money(40_000, .usd) && rows[1].rampedQuota == Money(50_000, .usd))
        // And reps hired before the window are not new hires
        #expect(engine.rampAttainment(hiredIn: MetricsFilter(.period(cal.year(2026))), through: LocalDate(2026, 7, 31)).isEmpty)
    }
}
