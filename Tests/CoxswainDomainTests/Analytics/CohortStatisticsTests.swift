import Foundation
import Testing

@testable import CoxswainDomain

/// Reference values come from SciPy 1.17.1 / NumPy (script in the test comments):
/// `stats.norm.sf`, `stats.chi2_contingency(correction=False)` (p equals the pooled z-test's),
/// `stats.mannwhitneyu(a, b, method="asymptotic", use_continuity=True)`, and the Wilson/Newcombe formulas by hand.
@Suite("Cohort comparison statistics (pinned against SciPy)")
struct CohortStatisticsTests {
    @Test func normalQuantileAndTailMatchSciPy() {
        // norm.ppf(0.975) = 1.959963984540054, ppf(0.9) = 1.2815515655446004, ppf(0.001) = -3.090232306167813
        #expect(Statistics.zCritical(confidence: 0.95).isNearAnalytics(to: 1.959963984540054, 1e-12))
        #expect(Statistics.normalQuantile(0.9).isNearAnalytics(to: 1.2815515655446004, 1e-12))
        #expect(Statistics.normalQuantile(0.001).isNearAnalytics(to: -3.090232306167813, 1e-12))
        #expect(Statistics.normalQuantile(1e-10).isNearAnalytics(to: -6.361340902404056, 1e-10))
        #expect(Statistics.normalUpperTail(1.959963984540054).isNearAnalytics(to: 0.025, 1e-15))
    }

    @Test func wilsonIntervalMatchesTheReference() throws {
        // 26 of 100 → (0.18404698464748132, 0.3537098944918718)
        let ci = try #require(Statistics.wilsonInterval(successes: 26, total: 100))
        #expect(ci.lowerBound.isNearAnalytics(to: 0.18404698464748132, 1e-12))
        #expect(ci.upperBound.isNearAnalytics(to: 0.3537098944918718, 1e-12))
        #expect(Statistics.wilsonInterval(successes: 0, total: 0) == nil)
    }

    @Test func twoProportionZTestNewcombeIntervalAndCohensHMatchSciPy() throws {
        // Given 26/100 vs 34/100: z = 1.2344267997, p = 0.217043907757, CI (-0.0467758141, 0.2033738877), h = 0.1749252251
        let small = try #require(Statistics.compareProportions(successesA: 26, totalA: 100, successesB: 34, totalB: 100))
        #expect(small.difference.isNearAnalytics(to: 0.08, 1e-12))
        #expect(try #require(small.z).isNearAnalytics(to: 1.2344267997, 1e-9))
        #expect(small.pValue.isNearAnalytics(to: 0.217043907757, 1e-11))
        #expect(small.ciLower.isNearAnalytics(to: -0.0467758141, 1e-9))
        #expect(small.ciUpper.isNearAnalytics(to: 0.2033738877, 1e-9))
        #expect(small.cohensH.isNearAnalytics(to: 0.1749252251, 1e-9))
        // And 182/700 vs 238/700: z = 3.2659863237, p = 0.00109083517613, CI (0.0320040636, 0.1274969959)
        let large = try #require(Statistics.compareProportions(successesA: 182, totalA: 700, successesB: 238, totalB: 700))
        #expect(try #require(large.z).isNearAnalytics(to: 3.2659863237, 1e-9))
        #expect(large.pValue.isNearAnalytics(to: 0.00109083517613, 1e-13))
        #expect(large.ciLower.isNearAnalytics(to: 0.0320040636, 1e-9))
        #expect(large.ciUpper.isNearAnalytics(to: 0.1274969959, 1e-9))
        // And Newcombe (1998)'s worked example 56/70 − 48/80: CI 0.0524 to 0.3339; z = 2.6501719513, p = 0.0080450813682
        let newcombe = try #require(Statistics.compareProportions(successesA: 48, totalA: 80, successesB: 56, totalB: 70))
        #expect(newcombe.ciLower.isNearAnalytics(to: 0.0524314724, 1e-9))
        #expect(newcombe.ciUpper.isNearAnalytics(to: 0.3338726540, 1e-9))
        #expect(newcombe.pValue.isNearAnalytics(to: 0.0080450813682, 1e-12))
        // And a negative difference 5/12 vs 2/9: CI (-0.5024738931, 0.2000909277), p = 0.349574806123, h = -0.4215828910
        let negative = try #require(Statistics.compareProportions(successesA: 5, totalA: 12, successesB: 2, totalB: 9))
        #expect(negative.ciLower.isNearAnalytics(to: -0.5024738931, 1e-9) && negative.ciUpper.isNearAnalytics(to: 0.2000909277, 1e-9))
        #expect(negative.pValue.isNearAnalytics(to: 0.349574806123, 1e-11))
        #expect(negative.cohensH.isNearAnalytics(to: -0.4215828910, 1e-9))
    }

    @Test func proportionsWithoutVarianceOrTrialsGiveNoNaN() throws {
        // Given both cohorts win everything: the pooled rate is 1, so z is undefined
        let allWon = try #require(Statistics.compareProportions(successesA: 5, totalA: 5, successesB: 7, totalB: 7))
        #expect(allWon.z == nil && allWon.pValue == 1 && allWon.difference == 0)
        #expect(!allWon.ciLower.isNaN && !allWon.ciUpper.isNaN)
        // And a cohort with no closed deals cannot be compared
        #expect(Statistics.compareProportions(successesA: 0, totalA: 0, successesB: 3, totalB: 10) == nil)
    }

    @Test func mannWhitneyMatchesSciPyAsymptoticWithContinuityAndTies() throws {
        // mannwhitneyu([10,20,30,40], [25,35,45,55,65]) → U = 3.0, p = 0.111346886533
        let simple = try #require(Statistics.mannWhitney([10, 20, 30, 40], [25, 35, 45, 55, 65]))
        #expect(simple.u == 3)
        #expect(simple.pValue.isNearAnalytics(to: 0.111346886533, 1e-11))
        #expect(simple.z > 0)
        // With ties: U = 62.5, p = 0.161772824286
        let tied = try #require(
            Statistics.mannWhitney([45, 60, 60, 72, 90, 90, 90, 120, 150], [30, 45, 45, 50, 60, 61, 75, 80, 90, 100]))
        #expect(tied.u == 62.5)
        #expect(tied.pValue.isNearAnalytics(to: 0.161772824286, 1e-11))
        #expect(tied.z < 0)
        // All values tied: p = 1 (SciPy also gives 1.0)
        #expect(Statistics.mannWhitney([5, 5, 5], [5, 5])?.pValue == 1)
        #expect(Statistics.mannWhitney([], [1, 2]) == nil)
    }

    @Test func bootstrapIsDeterministicForASeedAndAgreesWithSciPy() throws {
        // Given two cycle-time samples (median difference 44 − 66 = −22, mean difference 46.42 − 69 = −22.58)
        let a: [Double] = [30, 42, 45, 51, 60, 62, 70, 75, 88, 90, 95, 120]
        let b: [Double] = [20, 25, 33, 35, 40, 41, 47, 52, 58, 60, 66, 80]
        // When bootstrapped twice with the same seed and once with another
        let first = try #require(Statistics.bootstrapDifferences(a, b, resamples: 20_000, seed: 99))
        let again = try #require(Statistics.bootstrapDifferences(a, b, resamples: 20_000, seed: 99))
        let other = try #require(Statistics.bootstrapDifferences(a, b, resamples: 20_000, seed: 100))
        // Then the same seed gives identical intervals and another seed slightly different ones
        #expect(first.median == again.median && first.mean == again.mean)
        #expect(first.median != other.median || first.mean != other.mean)
        // And they agree with scipy.stats.bootstrap((a, b), method="percentile", n_resamples=100_000):
        // median difference (−47.5, 1.5), mean difference (−39.7, −5.8), up to Monte Carlo error
        #expect(first.median.lowerBound.isNearAnalytics(to: -47.5, 2.5) && first.median.upperBound.isNearAnalytics(to: 1.5, 2.5))
        #expect(first.mean.lowerBound.isNearAnalytics(to: -39.7, 1.0) && first.mean.upperBound.isNearAnalytics(to: -5.8, 1.0))
        #expect(first.median.contains(-22) && first.mean.contains(SalesFormulas.mean(b)! - SalesFormulas.mean(a)!))
    }

    @Test func bootstrapQuantilesInterpolateLikeNumPy() {
        // numpy.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [2.5, 97.5]) → [1.225, 9.775]
        let sorted: [Double] = Array(1...10).map(Double.init)
        #expect(Statistics.quantile(sorted, 0.025).isNearAnalytics(to: 1.225))
        #expect(Statistics.quantile(sorted, 0.975).isNearAnalytics(to: 9.775))
    }

    @Test func verdictStatesTheBetterCohortWithIntervalPValueAndEffect() {
        // Given 26% vs 34% conversion on 700 closed deals each
        let comparison = CohortComparison(CohortSample(name: "Cohort A", won: 182, lost: 518), CohortSample(name: "Cohort B", won: 238, lost: 462))
        // Then the verdict reads like the CRO would say it
        #expect(
            comparison.verdict
                == "Cohort B converts better: 34% vs 26% (+8 pts, 95% CI +3 to +13 pts, p = 0.001); effect small (h = 0.17).")
        #expect(comparison.warnings.isEmpty)
    }

    @Test func verdictSaysNoClearDifferenceWhenNotSignificant() {
        let comparison = CohortComparison(
            CohortSample(name: "Before", won: 26, lost: 74, cycleDays: [10, 20, 30, 40], dealSizes: [1_000, 2_000], currency: .usd),
            CohortSample(name: "After", won: 34, lost: 66, cycleDays: [25, 35, 45, 55, 65], dealSizes: [1_500, 2_500], currency: .usd))
        #expect(comparison.verdict.hasPrefix("No clear difference in conversion: After 34% vs Before 26% (+8 pts, 95% CI -5 to +20 pts, p = 0.22)"))
        #expect(comparison.verdict.contains("No clear difference in cycle time (After vs Before): median 45 vs 25 days (+20 days"))
        #expect(comparison.cycleTime?.pValue.isNearAnalytics(to: 0.111346886533, 1e-11) == true)
        #expect(comparison.dealSize?.meanDifference == 500)
    }

    @Test func verdictNamesCohortAWhenItIsBetter() {
        let comparison = CohortComparison(CohortSample(name: "Old", won: 238, lost: 462), CohortSample(name: "New", won: 182, lost: 518))
        #expect(comparison.verdict.hasPrefix("Old converts better: 34% vs 26% (+8 pts, 95% CI +3 to +13 pts, p = 0.001)"))
    }

    @Test func smallSamplesAndLowExpectedCountsAreFlagged() {
        let comparison = CohortComparison(CohortSample(name: "A", won: 1, lost: 9), CohortSample(name: "B", won: 3, lost: 7))
        #expect(comparison.warnings.contains { $0.hasPrefix("Small sample: A has only 10 closed deals") })
        #expect(comparison.warnings.contains { $0.hasPrefix("Expected won or lost count below 5 in A") })
    }

    @Test func zeroDealCohortsGiveAReadableMessageAndNoNaN() throws {
        let comparison = CohortComparison(CohortSample(name: "A", won: 0, lost: 0), CohortSample(name: "B", won: 4, lost: 6))
        #expect(comparison.winRate == nil && comparison.cycleTime == nil && comparison.dealSize == nil)
        #expect(comparison.warnings.contains("A has no deals; nothing to compare."))
        #expect(comparison.verdict == "Win rates cannot be compared: a cohort has no closed deals.")
        // And the result encodes to JSON (no NaN or infinity anywhere)
        let json = try JSONEncoder().encode(comparison)
        #expect(!json.isEmpty)
    }

    @Test func identicalCohortsOfOpportunitiesAreFlagged() {
        // Given the same deals selected twice
        let deals = AnalyticsFixture.opportunities
        let comparison = CohortComparison(opportunities: deals, cohortA: { _ in true }, cohortB: { _ in true })
        // Then the warnings say so and nothing is significant
        #expect(comparison.warnings.contains { $0.hasPrefix("The two cohorts contain exactly the same") })
        #expect(comparison.winRate?.pValue == 1)
    }

    @Test func cohortsOfOpportunitiesUseCreationToCloseDaysAndOneCurrencyForDealSize() throws {
        // Given cohort A = deals owned by a, B = deals owned by b or c (c has a EUR win)
        let comparison = CohortComparison(
            opportunities: AnalyticsFixture.opportunities, nameA: "A", cohortA: { $0.ownerID == "a" }, nameB: "B",
            cohortB: { ["b", "c"].contains($0.ownerID) })
        // Then A has won 2 (50 and 72 days), lost 1; B won 4, lost 1
        #expect(comparison.cohortA.won == 2 && comparison.cohortA.lost == 1 && comparison.cohortB.won == 4)
        #expect(comparison.cohortA.cycleDays.sorted() == [50, 72])
        // And deal sizes are compared in USD only, with a warning about the EUR win
        #expect(comparison.cohortB.dealSizes.count == 3)
        #expect(comparison.warnings.contains("Deal sizes compared in USD only; 1 won deals in other currencies left out."))
    }
}
