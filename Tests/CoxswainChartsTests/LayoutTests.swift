import CoxswainCharts
import Testing

struct LayoutTests {
    @Test func densePointAxesSkipLabelsInsteadOfTruncatingThem() {
        // Given thirty weekly points with long-ish labels
        let chart = LineChart(
            options: ChartOptions(title: "Weekly calls"), labels: (1...30).map { "Week \($0)" },
            series: [LineSeries(name: "Calls", values: (1...30).map { Double($0) })])

        // When rendered
        let svg = chart.svg()

        // Then only some labels are drawn, none of them truncated
        let drawn = svg.components(separatedBy: "class=\"cx-category\"").count - 1
        #expect(drawn > 5 && drawn < 30)
        #expect(!svg.contains("…</text>"))
        #expect(svg.contains(">Week 1</text>"))
    }

    @Test func heatMapPrintsCellValuesOnlyWhenAllFit() {
        // Given a wide heat map whose money values cannot fit in narrow cells
        let columns = (1...26).map { "W\($0)" }
        let chart = HeatMap(
            options: ChartOptions(title: "Revenue by week"), rows: ["Alice"], columns: columns,
            values: [columns.indices.map { Double($0) * 1_000 }], format: .currency(code: "USD", style: .full))

        // When rendered
        let svg = chart.svg()

        // Then no cell prints its value (tooltips still carry it), not even the short ones
        #expect(!svg.contains("cx-cell-value"))
        #expect(svg.contains("<title>Alice · W2: $1,000</title>"))
    }

    @Test func longTitlesAreTruncatedWithTheFullTitleKept() {
        // Given a title far wider than the chart
        let title = String(repeating: "Pipeline coverage by segment ", count: 5)
        let chart = BarChart(title: title, categories: ["A"], values: [1])

        // When rendered
        let svg = chart.svg()

        // Then the visible title is shortened but the accessible title is complete
        #expect(svg.contains("<title id=\"\(chart.options.id)-title\">\(title)</title>"))
        #expect(svg.contains("…</text>"))
    }

    @Test func horizontalBarChartsGrowTallerForManyCategories() {
        // Given a leaderboard of forty reps
        let reps = (1...40).map { "Rep \($0)" }
        let chart = BarChart(
            title: "Attainment", categories: reps, values: reps.indices.map { Double($0) / 40 },
            orientation: .horizontal, format: .percent())

        // When rendered
        let svg = chart.svg()

        // Then the viewBox is taller than the default so every bar keeps a readable height
        #expect(!svg.contains("viewBox=\"0 0 640 360\""))
        #expect(svg.contains(">Rep 40</text>"))
    }

    @Test func manySeriesWrapTheLegendOntoSeveralRows() {
        // Given nine named series
        let legend = Legend(items: (1...9).map { LegendItem(label: "Territory number \($0)", color: Palette.color($0)) })

        // When laid out in 600 units
        // Then it needs more than one 20-unit row
        #expect(legend.height(width: 600) > 20)
        #expect(Legend(items: []).height(width: 600) == 0)
    }
}
