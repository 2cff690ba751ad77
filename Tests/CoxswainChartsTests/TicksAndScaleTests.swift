import CoxswainCharts
import Testing

struct TicksTests {
    @Test func niceTicksForZeroToOneMillionAreQuarterSteps() {
        // Given a range from zero to one million
        // When five ticks are requested
        let ticks = NiceTicks(lower: 0, upper: 1_000_000, count: 5)

        // Then they fall on quarter-million steps
        #expect(ticks.values == [0, 250_000, 500_000, 750_000, 1_000_000])
        #expect(ticks.step == 250_000)
    }

    @Test func niceTicksRoundOutwardsToCoverTheData() {
        // Given an awkward data range
        // When ticks are computed
        let ticks = NiceTicks(lower: 0, upper: 1_234_567, count: 5)

        // Then the first tick is at or below the minimum and the last at or above the maximum
        #expect(ticks.values == [0, 250_000, 500_000, 750_000, 1_000_000, 1_250_000])
    }

    @Test func niceTicksPreferTheTightestFit() {
        // Given a forecast range up to 5.4 million
        // When five ticks are requested
        let ticks = NiceTicks(lower: 0, upper: 5_400_000, count: 5)

        // Then the axis stops at 6M rather than wasting space up to 7.5M
        #expect(ticks.values == [0, 2_000_000, 4_000_000, 6_000_000])
    }

    @Test func niceTicksHandleNegativeRanges() {
        // Given a range spanning zero
        // When ticks are computed
        let ticks = NiceTicks(lower: -80_000, upper: 150_000, count: 5)

        // Then zero is one of the ticks
        #expect(ticks.values.contains(0))
        #expect(ticks.lower <= -80_000 && ticks.upper >= 150_000)
    }

    @Test func niceTicksAvoidFloatingPointNoise() {
        // Given a small fractional range
        // When ticks are computed
        let ticks = NiceTicks(lower: 0, upper: 0.7, count: 8)

        // Then the values are exact decimals (0.3, not 0.30000000000000004)
        #expect(ticks.values == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    }

    @Test func degenerateRangesStillProduceTwoTicks() {
        // Given empty, equal and non-finite bounds
        // When ticks are computed
        // Then there are at least two distinct ticks and no NaN
        let cases = [
            NiceTicks(lower: 0, upper: 0), NiceTicks(lower: 5, upper: 5), NiceTicks(lower: .nan, upper: .infinity),
        ]
        for ticks in cases {
            #expect(ticks.values.count >= 2)
            #expect(ticks.values.allSatisfy { $0.isFinite })
            #expect(ticks.lower < ticks.upper)
        }
    }

    @Test func niceNumberPicksFromOneTwoTwoAndAHalfFive() {
        // Given raw step sizes
        // When rounded to nice numbers
        // Then they land on 1, 2, 2.5, 5 or 10 times a power of ten
        #expect(NiceTicks.niceNumber(0.0012, round: true) == 0.001)
        #expect(NiceTicks.niceNumber(180, round: true) == 200)
        #expect(NiceTicks.niceNumber(260, round: true) == 250)
        #expect(NiceTicks.niceNumber(4_100, round: true) == 5_000)
        #expect(NiceTicks.niceNumber(8_000, round: true) == 10_000)
        #expect(NiceTicks.niceNumber(3, round: false) == 5)
    }
}

struct ScaleTests {
    @Test func linearScaleMapsDomainOntoInvertedRange() {
        // Given a value axis from 0 to 100 drawn bottom (300) to top (0)
        let scale = LinearScale(domain: 0...100, range: (300, 0))

        // When values are mapped
        // Then they interpolate linearly
        #expect(scale(0) == 300)
        #expect(scale(25) == 225)
        #expect(scale(100) == 0)
    }

    @Test func linearScaleWithEmptyDomainMapsToTheMiddle() {
        // Given a zero-width domain
        let scale = LinearScale(domain: 5...5, range: (0, 100))

        // When a value is mapped
        // Then it lands mid-range instead of dividing by zero
        #expect(scale(5) == 50)
        #expect(scale(.nan) == 0)
    }

    @Test func bandScaleSplitsRangeWithPadding() {
        // Given four categories over 400 px with 20% padding
        let bands = BandScale(count: 4, range: (0, 400), padding: 0.2)

        // When bands are placed
        // Then each step is 100 px with an 80 px band centred in it
        #expect(bands.step == 100)
        #expect(bands.bandwidth == 80)
        #expect(bands.start(0) == 10)
        #expect(bands.center(3) == 350)
    }

    @Test func bandScaleWithNoCategoriesDoesNotDivideByZero() {
        // Given no categories
        let bands = BandScale(count: 0, range: (0, 100))

        // When queried
        // Then the geometry stays finite
        #expect(bands.bandwidth.isFinite && bands.step.isFinite)
    }

    @Test func pointScaleCentresASinglePoint() {
        // Given one point over 0...100
        // When it is placed
        // Then it sits in the middle; two points sit at the ends
        #expect(PointScale(count: 1, range: (0, 100))(0) == 50)
        #expect(PointScale(count: 2, range: (0, 100))(1) == 100)
    }
}
