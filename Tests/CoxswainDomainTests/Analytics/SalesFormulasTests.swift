import Foundation
import Testing

@testable import CoxswainDomain

@Suite("Sales formulas (worked examples from metrics.md)")
struct SalesFormulasTests {
    @Test func salesVelocityMatchesTheMavenlbAndWinsaboveWorkedExamples() throws {
        // Given 40 opportunities of 25,000 at a 25% win rate and a 90-day cycle (mavenlb)
        let mavenlb = try #require(SalesFormulas.salesVelocity(opportunities: 40, averageDealSize: 25_000, winRate: 0.25, averageCycleDays: 90))
        // Then velocity is 2,777.78 per day (~83,333 per 30-day month)
        #expect(mavenlb.isNearAnalytics(to: 2_777.777_777_8, 1e-6))
        #expect((mavenlb * 30).isNearAnalytics(to: 83_333.33, 0.01))
        // And winsabove: 18 × 42,000 × 0.24 ÷ 78 = 2,326.15 per day
        let winsabove = try #require(SalesFormulas.salesVelocity(opportunities: 18, averageDealSize: 42_000, winRate: 0.24, averageCycleDays: 78))
        #expect(winsabove.isNearAnalytics(to: 2_326.153_846, 1e-5))
    }

    @Test func velocityIsNilWhenAnyInputIsMissingOrTheCycleIsZero() {
        #expect(SalesFormulas.salesVelocity(opportunities: 10, averageDealSize: nil, winRate: 0.2, averageCycleDays: 30) == nil)
        #expect(SalesFormulas.salesVelocity(opportunities: 10, averageDealSize: 1_000, winRate: nil, averageCycleDays: 30) == nil)
        #expect(SalesFormulas.salesVelocity(opportunities: 10, averageDealSize: 1_000, winRate: 0.2, averageCycleDays: 0) == nil)
    }

    @Test func pipelineCoverageMatchesTheWorkedExamplesForQuotaAndQuotaRemaining() {
        // contextawareanalytics: 7.5M open against a 2.0M quota
        #expect(SalesFormulas.coverage(openPipeline: 7_500_000, denominator: 2_000_000) == 3.75)
        // winsabove: 4.8M open against 1.6M quota remaining; expected bookings at 22% = 66% of remaining
        #expect(SalesFormulas.coverage(openPipeline: 4_800_000, denominator: 1_600_000) == 3.0)
        #expect((4_800_000 * 0.22 / 1_600_000).isNearAnalytics(to: 0.66))
        // A met quota (remaining 0) makes coverage of remaining undefined, not infinite
        #expect(SalesFormulas.coverage(openPipeline: 1_000, denominator: 0) == nil)
    }

    @Test func winRateByCountExcludesNoDecisionAndIsNilWhenNothingClosed() {
        // winsabove: 12 won, 26 lost (9 no-decision deals are neither) → 31.6%
        #expect(SalesFormulas.winRate(won: 12, lost: 26)!.isNearAnalytics(to: 12.0 / 38.0))
        #expect(SalesFormulas.winRate(won: 0, lost: 0) == nil)
        #expect(SalesFormulas.winRateByValue(wonAmount: 300_000, lostAmount: 700_000) == 0.3)
        #expect(SalesFormulas.winRateByValue(wonAmount: 0, lostAmount: 0) == nil)
    }

    @Test func attainmentIsUndefinedForAZeroQuota() {
        // Given a rep in a 0% ramp month (ramped quota 0)
        // Then attainment is nil, never infinity or NaN
        #expect(SalesFormulas.attainment(bookings: 12_500, quota: 0) == nil)
        #expect(SalesFormulas.attainment(bookings: 37_500, quota: 50_000) == 0.75)
    }

    @Test func averageDealSizeDividesWonAmountByWonCountOnly() {
        #expect(SalesFormulas.averageDealSize(wonAmount: 75_000, wonCount: 3) == 25_000)
        #expect(SalesFormulas.averageDealSize(wonAmount: 0, wonCount: 0) == nil)
    }

    @Test func meanMedianAndRelativeChangeFollowTheirDocumentedExamples() {
        #expect(SalesFormulas.mean([30, 60, 120]) == 70)
        #expect(SalesFormulas.median([120, 30, 60]) == 60)
        #expect(SalesFormulas.median([30, 60, 90, 120]) == 75)
        #expect(SalesFormulas.median([]) == nil)
        #expect(SalesFormulas.relativeChange(current: 0.36, previous: 0.30)!.isNearAnalytics(to: 0.2))
        #expect(SalesFormulas.relativeChange(current: 5, previous: 0) == nil)
    }
}
