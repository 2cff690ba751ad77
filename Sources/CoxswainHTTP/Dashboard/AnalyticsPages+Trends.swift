import CoxswainCharts
import CoxswainDomain
import CoxswainServices
import Foundation

extension AnalyticsPagesController {
    /// Stage funnel of the deals created in the window: how many reached each stage, converted onwards, and won.
    func funnelPage(_ scope: AnalyticsScope, _ query: [(String, String)]) throws -> PageModel {
        var page = PageModel(title: "Funnel", heading: "Funnel and conversion")
        let total = scope.calculator.report(scope.filter.metrics).total
        if total.pipelineCreatedCount == 0 { page.empty = "No opportunities were created in this period for these filters." }
        page.charts = [
            FunnelChart(
                options: ChartOptions(
                    title: "Deals created in \(scope.filter.metrics.timeFrame.label), by furthest stage reached", id: "stage-funnel"),
                stages: total.funnel.map { FunnelStage(name: $0.stage, count: Double($0.reached)) }),
            BarChart(
                options: ChartOptions(title: "Win rate from each stage", id: "win-rate-from-stage"),
                categories: total.funnel.map(\.stage),
                series: [BarSeries(name: "Win rate from stage", values: total.funnel.map { $0.winRateFromStage ?? 0 })],
                format: .percent()),
        ]
        page.add(
            DataTable(
                id: "funnel", caption: "Stage funnel",
                columns: [
                    ("Stage", false), ("Entered", true), ("Reached", true), ("Advanced", true), ("Conversion to next", true),
                    ("Win rate from stage", true),
                ],
                rows: total.pipelineCreatedCount == 0
                    ? []
                    : total.funnel.map {
                        [
                            DataTable.Cell($0.stage), Cells.count($0.entered), Cells.count($0.reached), Cells.count($0.advanced),
                            Cells.percent($0.conversionToNext), Cells.percent($0.winRateFromStage),
                        ]
                    }),
            heading: "Conversion by stage",
            intro: "Reached counts a deal at every stage up to the furthest it got (skipped stages included); advanced = reached a later stage.")
        return page
    }

    /// Eight fiscal quarters ending with the filter's period: bookings vs quota, win rate, cycle, pipeline created.
    func trendsPage(_ scope: AnalyticsScope, _ query: [(String, String)]) throws -> PageModel {
        var page = PageModel(title: "Trends", heading: "Trends over 8 quarters")
        let report = scope.trends(quarters: 8)
        page.subtitle = "\(scope.filter.scopeLabel) · \(report.rows.first?.label ?? "")–\(report.rows.last?.label ?? "")"
        page.charts = Self.trendCharts(report, currency: scope.filter.displayCurrency, prefix: "trend")
        if report.total.wonCount + report.total.lostCount + report.total.pipelineCreatedCount == 0 {
            page.empty = "No deals closed or were created in these eight quarters for these filters."
        }
        page.add(Self.trendTable(report, id: "trends", currency: scope.filter.displayCurrency), heading: "By quarter")
        return page
    }

    static func trendCharts(_ report: MetricsReport, currency: Currency, prefix: String) -> [any Chart] {
        let labels = report.rows.map { Self.shortQuarter($0.label) }
        let money = ValueFormat.currency(code: currency.code)
        return [
            BarChart(
                options: ChartOptions(title: "Bookings and quota by quarter (\(currency.code))", id: "\(prefix)-bookings"),
                categories: labels,
                series: [
                    BarSeries(name: "Bookings", values: report.rows.map { $0.money(in: currency)?.bookings.doubleValue ?? 0 }),
                    BarSeries(name: "Quota", values: report.rows.map { $0.money(in: currency)?.quota?.doubleValue ?? 0 }),
                ], format: money),
            LineChart(
                options: ChartOptions(title: "Win rate and attainment by quarter", id: "\(prefix)-rates"), labels: labels,
                series: [
                    LineSeries(name: "Win rate", values: report.rows.map(\.winRate)),
                    LineSeries(name: "Attainment", values: report.rows.map { $0.money(in: currency)?.attainment }),
                ], format: .percent()),
            LineChart(
                options: ChartOptions(title: "Median sales cycle (days)", id: "\(prefix)-cycle"), labels: labels,
                series: [LineSeries(name: "Median cycle", values: report.rows.map(\.cycleDaysMedian))]),
            BarChart(
                options: ChartOptions(title: "Pipeline created by quarter (\(currency.code))", id: "\(prefix)-created"), categories: labels,
                series: [BarSeries(name: "Pipeline created", values: report.rows.map { $0.money(in: currency)?.pipelineCreated.doubleValue ?? 0 })],
                format: money),
        ]
    }

    static func trendTable(_ report: MetricsReport, id: String, currency: Currency) -> DataTable {
        DataTable(
            id: id, caption: "Metrics by fiscal quarter (\(currency.code))",
            columns: [
                ("Quarter", false), ("Bookings", true), ("Quota", true), ("Attainment", true), ("Won", true), ("Lost", true), ("Win rate", true),
                ("Median cycle (days)", true), ("Pipeline created", true), ("Activities", true),
            ],
            rows: report.rows.map { r in
                let m = r.money(in: currency)
                return [
                    DataTable.Cell(r.label), Cells.money(m?.bookings ?? Money(minorUnits: 0, currency: currency)), Cells.money(m?.quota),
                    Cells.percent(m?.attainment), Cells.count(r.wonCount), Cells.count(r.lostCount), Cells.percent(r.winRate),
                    Cells.number(r.cycleDaysMedian), Cells.money(m?.pipelineCreated ?? Money(minorUnits: 0, currency: currency)),
                    Cells.count(r.activities.total),
                ]
            })
    }

    /// `FY2027-Q3` → `FY27 Q3`.
    static func shortQuarter(_ label: String) -> String {
        guard label.count == 9, label.hasPrefix("FY") else { return label }
        return "FY" + label.dropFirst(4).prefix(2) + " " + label.suffix(2)
    }
}
