import CoxswainCharts

/// Fixed chart inputs shared by the golden-file and well-formedness tests.
enum Fixtures {
    static let quarters = ["Q1 24", "Q2 24", "Q3 24", "Q4 24", "Q1 25", "Q2 25", "Q3 25", "Q4 25"]

    static let attainmentLeaderboard = BarChart(
        options: ChartOptions(title: "Quota attainment, Q3 2025", id: "attainment"),
        categories: ["Alice Johnson", "Bob Li", "Chen Wei", "Dana O'Neil & Partners Enterprise Accounts", "Eve"],
        series: [BarSeries(name: "Attainment", values: [1.32, 0.41, 0.87, 1.05, 0.66])],
        orientation: .horizontal, format: .percent(), marker: ValueMarker(value: 1, label: "Quota"))

    static let stackedBookings = BarChart(
        options: ChartOptions(title: "Bookings by segment", id: "bookings-stacked"),
        categories: ["Q1", "Q2", "Q3", "Q4"],
        series: [
            BarSeries(name: "SMB", values: [250_000, 310_000, 280_000, 400_000]),
            BarSeries(name: "Mid-market", values: [400_000, 380_000, 520_000, 610_000]),
            BarSeries(name: "Enterprise", values: [600_000, 900_000, 750_000, 1_200_000]),
        ],
        layout: .stacked, format: .currency(code: "USD"))

    static let groupedNetChange = BarChart(
        options: ChartOptions(title: "Net pipeline change by region", id: "net-change"),
        categories: ["EMEA", "NA", "APAC", "LATAM"],
        series: [
            BarSeries(name: "Q2", values: [120_000, -80_000, 45_000, -20_000]),
            BarSeries(name: "Q3", values: [-60_000, 150_000, 30_000, 10_000]),
        ],
        format: .currency(code: "EUR"))

    static let bookingsTrend = LineChart(
        options: ChartOptions(title: "Bookings vs plan, last 8 quarters", id: "bookings-trend"),
        labels: quarters,
        series: [
            LineSeries(name: "Bookings", values: [1.1e6, 1.25e6, 1.18e6, 1.6e6, 1.4e6, nil, 1.9e6, 2.3e6]),
            LineSeries(name: "Plan", values: [1.2e6, 1.3e6, 1.4e6, 1.5e6, 1.6e6, 1.7e6, 1.8e6, 1.9e6]),
        ],
        format: .currency(code: "GBP"))

    static let pipelineMix = AreaChart(
        options: ChartOptions(title: "Open pipeline by stage", id: "pipeline-mix"),
        labels: quarters,
        series: [
            LineSeries(name: "Discovery", values: [2e6, 2.2e6, 2.1e6, 2.6e6, 2.4e6, 2.8e6, 3e6, 3.1e6]),
            LineSeries(name: "Proposal", values: [1e6, 1.1e6, 1.3e6, 1.2e6, 1.5e6, 1.6e6, 1.4e6, 1.8e6]),
            LineSeries(name: "Negotiation", values: [4e5, 5e5, 6e5, 5.5e5, 7e5, 6.5e5, 8e5, 9e5]),
        ],
        format: .currency(code: "USD"))

    static let funnel = FunnelChart(
        options: ChartOptions(title: "Q3 funnel", id: "funnel"),
        stages: [
            FunnelStage(name: "Leads", count: 1_200), FunnelStage(name: "Qualified", count: 480),
            FunnelStage(name: "Proposal", count: 150), FunnelStage(name: "Negotiation", count: 90),
            FunnelStage(name: "Won", count: 48),
        ])

    static let bridge = WaterfallChart(
        options: ChartOptions(title: "Pipeline bridge, Q3", id: "bridge"),
        startLabel: "Start", start: 4_000_000,
        steps: [
            WaterfallStep(label: "New", delta: 1_500_000), WaterfallStep(label: "Pulled in", delta: 300_000),
            WaterfallStep(label: "Won", delta: -900_000), WaterfallStep(label: "Lost", delta: -600_000),
            WaterfallStep(label: "Pushed", delta: -200_000),
        ],
        endLabel: "End", format: .currency(code: "USD"))

    static let forecast = FanChart(
        options: ChartOptions(title: "Q3 bookings forecast", id: "forecast"),
        labels: (1...13).map { "W\($0)" },
        points: (1...13).map(fanPoint),
        actual: [300_000, 650_000, 1_010_000, 1_250_000, 1_700_000, 2_050_000],
        target: ValueMarker(value: 4_000_000, label: "Target"),
        format: .currency(code: "USD"), includeZero: true)

    static func fanPoint(week: Int) -> FanPoint {
        let weeks = Double(week)
        let median: Double = 320_000 * weeks
        let spread: Double = 40_000 * weeks.squareRoot() * weeks / 3
        return FanPoint(
            p10: median - 2 * spread, p25: median - spread, p50: median, p75: median + spread, p90: median + 2 * spread)
    }

    static let accuracy = ScatterChart(
        options: ChartOptions(title: "Forecast vs actual by rep", id: "accuracy"),
        points: [
            ScatterPoint(x: 1_100_000, y: 950_000, label: "Alice", series: "EMEA"),
            ScatterPoint(x: 800_000, y: 870_000, label: "Bob", series: "EMEA"),
            ScatterPoint(x: 1_500_000, y: 1_620_000, label: "Chen", series: "APAC"),
            ScatterPoint(x: 600_000, y: 420_000, label: "Dana", series: "NA"),
            ScatterPoint(x: 1_250_000, y: 1_300_000, label: "Eve", series: "NA"),
            ScatterPoint(x: 400_000, y: 510_000, label: "Farid", series: "APAC"),
        ],
        xTitle: "Forecast", yTitle: "Actual", xFormat: .currency(code: "SEK"), yFormat: .currency(code: "SEK"),
        reference: .diagonal(slope: 1, intercept: 0, label: "Perfect forecast"), includeZero: true)

    static let activity = HeatMap(
        options: ChartOptions(title: "Calls per rep per week", id: "activity"),
        rows: ["Alice", "Bob", "Chen", "Dana", "Eve"],
        columns: (1...10).map { "W\($0)" },
        values: (0..<5).map(activityRow))

    static func activityRow(_ row: Int) -> [Double?] {
        var values: [Double?] = []
        for column in 0..<10 {
            let calls: Int = (row * 37 + column * 11) % 50
            values.append(row == 1 && column == 4 ? nil : Double(calls))
        }
        return values
    }

    /// Every golden fixture by file name.
    static let all: [(name: String, chart: any Chart)] = [
        ("bar-horizontal-attainment", attainmentLeaderboard),
        ("bar-stacked-bookings", stackedBookings),
        ("bar-grouped-negative", groupedNetChange),
        ("line-bookings-trend", bookingsTrend),
        ("area-pipeline-mix", pipelineMix),
        ("funnel-stages", funnel),
        ("waterfall-pipeline-bridge", bridge),
        ("fan-forecast", forecast),
        ("scatter-accuracy", accuracy),
        ("heatmap-activity", activity),
        ("empty-state", BarChart(title: "Bookings", categories: [], values: [])),
    ]

    static var names: [String] { all.map(\.name) }

    static func chart(named name: String) -> any Chart {
        all.first { $0.name == name }!.chart
    }
}
