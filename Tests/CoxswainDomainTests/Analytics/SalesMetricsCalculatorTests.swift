import Foundation
import Testing

@testable import CoxswainDomain

@Suite("Sales metrics engine")
struct SalesMetricsCalculatorTests {
    let engine = AnalyticsFixture.engine()

    @Test func teamAttainmentIsTotalBookingsOverTotalQuotaNotTheMeanOfReps() throws {
        // Given EMEA: rep a books 50,000 of 100,000 (50%), rep b 40,000 of 20,000 (200%) in FY2027-Q1
        let report = engine.report(MetricsFilter(.period(AnalyticsFixture.q1), reps: .teamSubtree(teamID: "emea")), groupBy: .rep)
        let a = try #require(report.rows.first { $0.key == "a" }?.money(in: .usd))
        let b = try #require(report.rows.first { $0.key == "b" }?.money(in: .usd))
        #expect(a.attainment == 0.5)
        #expect(b.attainment == 2.0)
        // Then the team is 90,000 ÷ 120,000 = 75%, not (50% + 200%) ÷ 2 = 125%
        let team = try #require(report.total.money(in: .usd))
        #expect(team.bookings == Money(90_000, .usd))
        #expect(team.quota == Money(120_000, .usd))
        #expect(team.attainment == 0.75)
    }

    @Test func winRateCountsClosedDealsOnlyAndValueWinRateUsesAmounts() throws {
        // Given EMEA in Q1: won 50,000 and 40,000; lost 10,000 and 20,000; one open deal of 30,000
        let total = engine.report(MetricsFilter(.period(AnalyticsFixture.q1), reps: .teamSubtree(teamID: "emea"))).total
        // Then win rate by count is 2 ÷ 4 and by value 90 ÷ 120; the open deal is in neither
        #expect(total.wonCount == 2 && total.lostCount == 2 && total.openPipelineCount == 1)
        #expect(total.winRate == 0.5)
        let usd = try #require(total.money(in: .usd))
        #expect(usd.winRateByValue == 0.75)
        #expect(usd.averageDealSize == Money(45_000, .usd))
    }

    @Test func cycleLengthIsCreationToCloseOfWonDealsWithMeanAndMedian() {
        // Given EMEA wins: created 2026-01-01 closed 2026-02-20 (50 days), created 2026-02-10 closed 2026-04-30 (79 days)
        let total = engine.report(MetricsFilter(.period(AnalyticsFixture.q1), reps: .teamSubtree(teamID: "emea"))).total
        // Then mean and median are 64.5 days
        #expect(total.cycleDaysMean == 64.5)
        #expect(total.cycleDaysMedian == 64.5)
    }

    @Test func pipelineCreatedCountsOpportunitiesCreatedInThePeriodWhateverTheirOutcome() throws {
        // Given EMEA deals created in Q1: b-won 40,000, a-open 30,000, b-lost 20,000, b-q2 5,000
        let total = engine.report(MetricsFilter(.period(AnalyticsFixture.q1), reps: .teamSubtree(teamID: "emea"))).total
        // Then 4 deals worth 95,000 were created
        #expect(total.pipelineCreatedCount == 4)
        #expect(try #require(total.money(in: .usd)).pipelineCreated == Money(95_000, .usd))
    }

    @Test func coverageDividesOpenPipelineInThePeriodByQuotaAndByQuotaRemaining() throws {
        // Given EMEA: 30,000 open closing in Q1, quota 120,000, 90,000 already won
        let usd = try #require(engine.report(MetricsFilter(.period(AnalyticsFixture.q1), reps: .teamSubtree(teamID: "emea"))).total.money(in: .usd))
        // Then coverage is 30 ÷ 120 = 0.25× of quota and 30 ÷ 30 = 1.0× of quota remaining
        #expect(usd.openPipeline == Money(30_000, .usd))
        #expect(usd.coverage == 0.25)
        #expect(usd.quotaRemaining == Money(30_000, .usd))
        #expect(usd.coverageOfRemaining == 1.0)
        // And rep b, who is over quota, has no coverage of remaining (nil, not infinity)
        let b = try #require(engine.report(MetricsFilter(.period(AnalyticsFixture.q1), reps: .reps(["b"]))).total.money(in: .usd))
        #expect(b.quotaRemaining == Money(0, .usd))
        #expect(b.coverageOfRemaining == nil)
    }

    @Test func velocityUsesClosedDealsInTheWindowByDefaultAndOpenDealsWhenAsked() throws {
        // Given EMEA: 4 closed deals, average deal 45,000, win rate 0.5, average cycle 64.5 days
        let filter = MetricsFilter(.period(AnalyticsFixture.q1), reps: .teamSubtree(teamID: "emea"))
        let closed = try #require(engine.report(filter).total.money(in: .usd)?.velocityPerDay)
        // Then velocity = 4 × 45,000 × 0.5 ÷ 64.5 = 1,395.35 per day
        #expect(closed == Money(Decimal(string: "1395.35")!, .usd))
        // And with the open-pipeline basis (1 open deal): 1 × 45,000 × 0.5 ÷ 64.5 = 348.84
        let open = try #require(engine.report(filter, options: MetricsOptions(velocityBasis: .openInWindow)).total.money(in: .usd)?.velocityPerDay)
        #expect(open == Money(Decimal(string: "348.84")!, .usd))
    }

    @Test func moneyIsReportedPerCurrencyAndNeverSummedAcrossCurrencies() throws {
        // Given rep c won 10,000 USD and 25,000 EUR in Q1 against a 50,000 USD quota
        let c = try #require(engine.report(MetricsFilter(.period(AnalyticsFixture.q1)), groupBy: .rep).rows.first { $0.key == "c" })
        // Then there is a USD and a EUR entry; counts span both currencies
        #expect(c.money.map(\.currency) == [.eur, .usd])
        #expect(c.money(in: .usd)?.bookings == Money(10_000, .usd))
        #expect(c.money(in: .usd)?.attainment == 0.2)
        #expect(c.money(in: .eur)?.bookings == Money(25_000, .eur))
        #expect(c.money(in: .eur)?.quota == nil)
        #expect(c.money(in: .eur)?.attainment == nil)
        #expect(c.wonCount == 2)
        // And a currency filter keeps only that currency's deals and quotas
        let eurOnly = engine.report(MetricsFilter(.period(AnalyticsFixture.q1), reps: .reps(["c"]), currency: .eur)).total
        #expect(eurOnly.money.map(\.currency) == [.eur])
        #expect(eurOnly.wonCount == 1)
        // And the company total has USD bookings 100,000 (50 + 40 + 10) and EUR 25,000 separately
        let total = engine.report(MetricsFilter(.period(AnalyticsFixture.q1))).total
        #expect(total.money(in: .usd)?.bookings == Money(100_000, .usd))
        #expect(total.money(in: .eur)?.bookings == Money(25_000, .eur))
    }

    @Test func aDealClosingOnTheLastDayOfAFebruaryStartFiscalQuarterCounts() {
        // Given a fiscal year starting in February: FY2027-Q1 is 2026-02-01…2026-04-30
        #expect(AnalyticsFixture.q1.start == LocalDate(2026, 2, 1) && AnalyticsFixture.q1.end == LocalDate(2026, 4, 30))
        // When rep b's deals close on 2026-04-30 (40,000) and 2026-05-01 (5,000)
        let b = engine.report(MetricsFilter(.period(AnalyticsFixture.q1), reps: .reps(["b"]))).total
        // Then the 30 April deal counts in Q1, the 1 May deal does not
        #expect(b.money(in: .usd)?.bookings == Money(40_000, .usd))
        // And a deal closing on 31 January belongs to the previous fiscal year's Q4
        let a = engine.report(MetricsFilter(.period(AnalyticsFixture.q4Previous), reps: .reps(["a"]))).total
        #expect(AnalyticsFixture.q4Previous.label == "FY2026-Q4")
        #expect(a.money(in: .usd)?.bookings == Money(20_000, .usd))
    }

    @Test func teamSubtreeIncludesNestedTeamsAndExcludesSiblings() {
        // Given emea ⊃ emea-ent, and amer beside emea
        let emea = engine.report(MetricsFilter(.period(AnalyticsFixture.q1), reps: .teamSubtree(teamID: "emea")), groupBy: .rep)
        // Then the EMEA subtree holds m1, a (emea-ent) and b, but not c (amer)
        #expect(Set(emea.rows.map(\.key)) == ["m1", "a", "b"])
        #expect(emea.total.repCount == 3)
        // And the world subtree holds everyone
        #expect(engine.report(MetricsFilter(.period(AnalyticsFixture.q1), reps: .teamSubtree(teamID: "world"))).total.repCount == 4)
    }

    @Test func managerSubtreeFollowsReportingLinesAndManagedTeams() {
        // Given m1 manages team emea and a, b report to m1
        let report = engine.report(MetricsFilter(.period(AnalyticsFixture.q1), reps: .managerSubtree(managerID: "m1")), groupBy: .rep)
        // Then m1's scope is m1, a and b
        #expect(Set(report.rows.map(\.key)) == ["m1", "a", "b"])
    }

    @Test func groupingByChildTeamsRollsUpEachSubtree() {
        // Given the world team's children emea (with emea-ent below) and amer
        let report = engine.report(MetricsFilter(.period(AnalyticsFixture.q1)), groupBy: .childTeams(of: "world"))
        // Then EMEA's row includes emea-ent's rep a
        let emea = report.rows.first { $0.key == "emea" }
        #expect(emea?.money(in: .usd)?.bookings == Money(90_000, .usd))
        #expect(report.rows.first { $0.key == "amer" }?.repCount == 1)
    }

    @Test func regionAndSegmentComeFromTheRepOrTheirTeam() {
        // Given a and b inherit region EMEA from their teams; a sells enterprise, b and c SMB
        let emea = engine.report(MetricsFilter(.period(AnalyticsFixture.q1), region: "EMEA")).total
        #expect(emea.repCount == 3)
        let smb = engine.report(MetricsFilter(.period(AnalyticsFixture.q1), segment: .smb), groupBy: .segment)
        #expect(smb.rows.map(\.label) == ["SMB"])
        #expect(smb.total.repCount == 2)
        let bySegment = engine.report(MetricsFilter(.period(AnalyticsFixture.q1)), groupBy: .segment)
        #expect(bySegment.rows.map(\.label) == ["Enterprise", "No segment", "SMB"])
    }

    @Test func emptyTeamsAndPeriodsGiveZeroCountsAndNilRatiosNotNaN() {
        // Given a period long before any data and a rep set that matches nobody
        let empty = engine.report(MetricsFilter(.period(AnalyticsFixture.calendar.quarter(fiscalYear: 2020, number: 1))), groupBy: .rep)
        let nobody = engine.report(MetricsFilter(.period(AnalyticsFixture.q1), reps: .teamSubtree(teamID: "no-such-team")), groupBy: .rep)
        // Then rows have zero counts and nil ratios, and the total is empty but readable
        for row in empty.rows + [empty.total, nobody.total] {
            #expect(row.wonCount == 0 && row.winRate == nil && row.cycleDaysMean == nil && row.cycleDaysMedian == nil)
            #expect(row.money.allSatisfy { $0.attainment == nil && $0.averageDealSize == nil && $0.velocityPerDay == nil })
        }
        #expect(nobody.rows.isEmpty)
        // And a rep with a quota of 0 has nil attainment
        let zeroQuota = SalesMetricsCalculator(
            opportunities: AnalyticsFixture.opportunities, quotas: [AnalyticsFixture.quota("a", AnalyticsFixture.q1, 0)], reps: AnalyticsFixture.reps,
            teams: AnalyticsFixture.teams,
            calendar: AnalyticsFixture.calendar)
        let a = zeroQuota.report(MetricsFilter(.period(AnalyticsFixture.q1), reps: .reps(["a"]))).total.money(in: .usd)
        #expect(a?.quota == Money(0, .usd))
        #expect(a?.attainment == nil && a?.coverage == nil)
    }

    @Test func quotasPartlyInsideADateRangeAreProratedByDays() {
        // Given rep a's 100,000 quota for the 89-day Q1 and a window of its first 31 days (February 2026 has 28 → use 1 Feb–3 Mar)
        let window = DateWindow(LocalDate(2026, 2, 1), LocalDate(2026, 3, 3))
        let a = engine.report(MetricsFilter(.dates(window), reps: .reps(["a"]))).total.money(in: .usd)
        // Then the quota is 100,000 × 31 ÷ 89 = 34,831.46
        #expect(window.dayCount == 31)
        #expect(a?.quota == Money(Decimal(string: "34831.46")!, .usd))
    }

    @Test func activitiesAreCountedByTypeInsideTheWindow() {
        // Given a's two calls (1 Feb, 30 Apr) and an e-mail, b's meeting in Q1 and b's call on 1 May
        let report = engine.report(MetricsFilter(.period(AnalyticsFixture.q1)), groupBy: .rep)
        let a = report.rows.first { $0.key == "a" }?.activities
        #expect(a?[.call] == 2 && a?[.email] == 1 && a?.total == 3)
        #expect(report.rows.first { $0.key == "b" }?.activities.total == 1)
        #expect(report.total.activities.total == 4)
    }

    @Test func reportsEncodeToJSONWithReadableKeysAndNoNaN() throws {
        // Given a report with empty rows (nil ratios) and activity counts
        let report = engine.report(MetricsFilter(.period(AnalyticsFixture.q1)), groupBy: .rep)
        // When it is encoded to JSON and decoded back
        let json = try JSONEncoder().encode(report)
        let text = try #require(String(data: json, encoding: .utf8))
        // Then activity kinds are object keys and the round trip is lossless
        #expect(text.contains("\"call\":"))
        #expect(try JSONDecoder().decode(MetricsReport.self, from: json) == report)
    }

    @Test func groupingByFiscalQuarterSplitsTheWindowIntoPeriods() {
        // Given the window FY2026-Q4 + FY2027-Q1 (1 Nov 2025 – 30 Apr 2026)
        let window = DateWindow(AnalyticsFixture.q4Previous.start, AnalyticsFixture.q1.end)
        let report = engine.report(MetricsFilter(.dates(window)), groupBy: .fiscalPeriod(.quarter))
        // Then there is one row per quarter in order, and the total covers both
        #expect(report.rows.map(\.key) == ["FY2026-Q4", "FY2027-Q1"])
        #expect(report.rows[0].money(in: .usd)?.bookings == Money(20_000, .usd))
        #expect(report.rows[1].money(in: .usd)?.bookings == Money(100_000, .usd))
        #expect(report.total.money(in: .usd)?.bookings == Money(120_000, .usd))
    }

    @Test func dealsOfUnknownOwnersAppearOnlyForEveryone() {
        // Given a won deal whose owner is not a rep
        let stray = AnalyticsFixture.opp("stray", owner: "ghost", 7_000, created: LocalDate(2026, 2, 2), close: LocalDate(2026, 2, 3), .won)
        let engine = AnalyticsFixture.engine(opportunities: AnalyticsFixture.opportunities + [stray])
        // Then it is in the company total under "Unassigned", and in no team
        let all = engine.report(MetricsFilter(.period(AnalyticsFixture.q1)), groupBy: .rep)
        #expect(all.rows.first { $0.key == "unassigned" }?.wonCount == 1)
        #expect(all.total.wonCount == 5)
        #expect(engine.report(MetricsFilter(.period(AnalyticsFixture.q1), reps: .teamSubtree(teamID: "world"))).total.wonCount == 4)
    }
}
