import CoxswainCharts
import Testing

struct ChartBehaviourTests {
    static let emptyCharts: [any Chart] = [
        BarChart(title: "Bars", categories: [], values: []),
        BarChart(options: ChartOptions(title: "No series"), categories: ["A"], series: []),
        LineChart(
            options: ChartOptions(title: "Lines"), labels: ["Q1"], series: [LineSeries(name: "A", values: [nil])]),
        AreaChart(options: ChartOptions(title: "Areas"), labels: [], series: []),
        FunnelChart(options: ChartOptions(title: "Funnel"), stages: []),
        WaterfallChart(options: ChartOptions(title: "Bridge"), startLabel: "S", start: 0, steps: [], endLabel: "E"),
        FanChart(options: ChartOptions(title: "Fan"), labels: [], points: []),
        ScatterChart(options: ChartOptions(title: "Scatter"), points: [], xTitle: "X", yTitle: "Y"),
        HeatMap(options: ChartOptions(title: "Heat"), rows: ["A"], columns: ["W1"], values: [[nil]]),
    ]

    @Test(arguments: 0..<emptyCharts.count)
    func emptyDataRendersTheEmptyStateMessage(index: Int) {
        // Given a chart without data
        let chart = Self.emptyCharts[index]

        // When it is rendered
        let svg = chart.svg()

        // Then it shows the empty-state message in a well-formed document and the table says so too
        #expect(svg.contains("No data for this period"))
        #expect(XMLCheck.parse(svg).error == nil)
        #expect(chart.tableHTML().contains("<caption>"))
    }

    @Test func leaderboardDescriptionNamesHighestAndLowest() {
        // Given the attainment leaderboard fixture
        // When summarised
        let summary = Fixtures.attainmentLeaderboard.summary()

        // Then the extremes are spelled out in words
        #expect(summary.hasPrefix("Highest: Alice Johnson 132%; lowest: Bob Li 41%."))
        let svg = Fixtures.attainmentLeaderboard.svg()
        #expect(svg.contains("<desc id=\"attainment-desc\">Highest: Alice Johnson 132%"))
    }

    @Test func barsCarryExactValueTooltipsClassesAndExplicitFills() {
        // Given a bar chart in dollars
        let chart = BarChart(title: "Won", categories: ["Alice"], values: [1_234_567], format: .currency(code: "USD"))

        // When rendered
        let svg = chart.svg()

        // Then the bar has a CSS class, an explicit fill and a tooltip with the exact amount
        #expect(svg.contains("class=\"cx-bar cx-series-0\""))
        #expect(svg.contains("fill=\"#0072B2\""))
        #expect(svg.contains("<title>Alice: $1,234,567</title>"))
    }

    @Test func longCategoryLabelsAreTruncatedWithFullTextInTooltip() {
        // Given a very long category name in a narrow band
        let long = "Globex Corporation International Holdings Strategic Accounts"
        let chart = BarChart(
            title: "Deals", categories: [long, "B", "C", "D", "E", "F", "G", "H"],
            values: Array(repeating: 1, count: 8))

        // When rendered
        let svg = chart.svg()

        // Then the visible label ends with an ellipsis and the full text is kept in a tooltip
        #expect(svg.contains("…</text>"))
        #expect(svg.contains("<title>\(long)</title>"))
    }

    @Test func negativeBarsGrowDownwardsFromZero() {
        // Given one positive and one negative value
        let chart = BarChart(title: "Net", categories: ["Up", "Down"], values: [100, -50])

        // When rendered
        let svg = chart.svg()

        // Then both bars exist, the axis shows a negative tick and the document parses
        #expect(svg.components(separatedBy: "class=\"cx-bar ").count == 3)
        #expect(svg.contains(">-50</text>"))
        #expect(XMLCheck.parse(svg).error == nil)
    }

    @Test func waterfallEndsAtStartPlusSteps() {
        // Given the pipeline bridge fixture
        let bridge = Fixtures.bridge

        // When the end total is computed and rendered
        // Then it is start plus all deltas, and decreases are labelled with a minus sign
        #expect(bridge.end == 4_100_000)
        #expect(bridge.svg().contains("<title>End: $4,100,000</title>"))
        #expect(bridge.svg().contains(">-$900K</text>"))
        #expect(bridge.summary().contains("Largest decrease: Won -$900K"))
    }

    @Test func waterfallHandlesRunningTotalsBelowZero() {
        // Given steps that push the running total negative
        let chart = WaterfallChart(
            options: ChartOptions(title: "Cash"), startLabel: "Open", start: 100,
            steps: [WaterfallStep(label: "Refunds", delta: -250), WaterfallStep(label: "Sales", delta: 80)],
            endLabel: "Close")

        // When rendered
        let svg = chart.svg()

        // Then the negative end is labelled and the output is well-formed
        #expect(chart.end == -70)
        #expect(svg.contains("<title>Close: -70</title>"))
        #expect(XMLCheck.parse(svg).error == nil)
    }

    @Test func funnelShowsStepConversionAndGuardsZeroStages() {
        // Given a funnel whose second stage is empty
        let funnel = FunnelChart(
            options: ChartOptions(title: "Funnel"),
            stages: [
                FunnelStage(name: "Leads", count: 100), FunnelStage(name: "SQL", count: 0),
                FunnelStage(name: "Won", count: 0),
            ])

        // When conversions are computed
        // Then the first step is 0% and the next is undefined rather than a division by zero
        #expect(funnel.conversion(into: 1) == 0)
        #expect(funnel.conversion(into: 2) == nil)
        #expect(funnel.svg().contains("↓ —"))
        #expect(Fixtures.funnel.svg().contains("↓ 40%"))
    }

    @Test func singleDataPointRendersForEveryCartesianChart() {
        // Given one-point inputs
        let charts: [any Chart] = [
            BarChart(title: "One bar", categories: ["Only"], values: [42]),
            LineChart(
                options: ChartOptions(title: "One point"), labels: ["Q1"],
                series: [LineSeries(name: "A", values: [7])]),
            AreaChart(
                options: ChartOptions(title: "One area"), labels: ["Q1"],
                series: [LineSeries(name: "A", values: [7])]),
            FanChart(
                options: ChartOptions(title: "One week"), labels: ["W1"],
                points: [FanPoint(p10: 1, p25: 2, p50: 3, p75: 4, p90: 5)]),
            ScatterChart(
                options: ChartOptions(title: "One dot"), points: [ScatterPoint(x: 3, y: 3, label: "A")],
                xTitle: "X", yTitle: "Y"),
            HeatMap(options: ChartOptions(title: "One cell"), rows: ["A"], columns: ["W1"], values: [[5]]),
            FunnelChart(options: ChartOptions(title: "One stage"), stages: [FunnelStage(name: "Leads", count: 9)]),
        ]

        // When rendered
        // Then each is a well-formed chart (not the empty state) without NaN
        for chart in charts {
            let svg = chart.svg()
            #expect(XMLCheck.parse(svg).error == nil, "\(chart.options.title)")
            #expect(!svg.contains("No data for this period"), "\(chart.options.title)")
            #expect(!svg.contains("NaN"), "\(chart.options.title)")
        }
    }

    @Test func nonFiniteInputsNeverProduceNaNCoordinates() {
        // Given NaN and infinite values everywhere
        let charts: [any Chart] = [
            BarChart(title: "Bad bars", categories: ["A", "B"], values: [.nan, .infinity]),
            LineChart(
                options: ChartOptions(title: "Bad line"), labels: ["A", "B"],
                series: [LineSeries(name: "A", values: [.nan, 1])]),
            WaterfallChart(
                options: ChartOptions(title: "Bad bridge"), startLabel: "S", start: .nan,
                steps: [WaterfallStep(label: "X", delta: .infinity), WaterfallStep(label: "Y", delta: 5)],
                endLabel: "E"),
            ScatterChart(
                options: ChartOptions(title: "Bad scatter"),
                points: [
                    ScatterPoint(x: .nan, y: 1, label: "A"),
                    ScatterPoint(x: 1, y: 2, label: "B"),
                ], xTitle: "X", yTitle: "Y",
                reference: .diagonal(slope: .nan, intercept: 0, label: "R")),
        ]

        // When rendered
        // Then no coordinate is NaN or infinite and the XML is valid
        for chart in charts {
            let svg = chart.svg()
            #expect(!svg.contains("NaN") && !svg.contains("\"inf"), "\(chart.options.title)")
            #expect(XMLCheck.parse(svg).error == nil, "\(chart.options.title)")
        }
    }

    @Test func fanChartDescribesFinalMedianRangeTargetAndActual() {
        // Given the forecast fixture
        // When summarised
        let summary = Fixtures.forecast.summary()

        // Then the final week's median and P10–P90 range, the target and the latest actual are named
        #expect(summary.hasPrefix("Median forecast for W13: $4.2M (P10"))
        #expect(summary.contains("Target: $4M."))
        #expect(summary.contains("Latest actual: $2.1M in W6."))
    }

    @Test func heatMapColourScaleRunsLightToDark() {
        // Given the ends of the scale
        // When colours are computed
        // Then the scale goes from near-white to dark blue and clamps out-of-range input
        #expect(HeatMap.color(at: 0) == "#F1F6FB")
        #expect(HeatMap.color(at: 1) == "#08306B")
        #expect(HeatMap.color(at: 7) == "#08306B")
        #expect(HeatMap.color(at: .nan) == "#F1F6FB")
    }

    @Test func chartOptionsSlugifyIds() {
        // Given titles with spaces and punctuation
        // When options are created without an explicit id
        // Then the id is a safe slug
        #expect(ChartOptions(title: "Win rate (Q3)").id == "cx-win-rate-q3")
        #expect(ChartOptions(title: "x", id: "9 lives").id == "cx-9-lives")
    }
}
