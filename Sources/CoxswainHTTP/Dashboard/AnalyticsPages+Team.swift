import CoxswainCharts
import CoxswainDomain
import CoxswainServices
import Foundation

extension AnalyticsPagesController {
    /// Team performance overview: headline tiles with change vs the previous period, attainment and win-rate
    /// leaderboards by team (or region / segment / rep with `group=`), and the full table.
    func teamPage(_ scope: AnalyticsScope, _ query: [(String, String)]) throws -> PageModel {
        let groupText = query.first { $0.0 == "group" }?.1
        let grouping = try AnalyticsGrouping.parse(groupText?.isEmpty == false ? groupText : "team")
        var page = PageModel(title: "Team performance", heading: "Team performance")
        page.keep = [("group", grouping.rawValue)]
        let comparison = scope.calculator.compareWithPrevious(scope.filter.metrics, options: MetricsOptions(includeFunnel: false))
        page.tiles = Self.headlineTiles(comparison, currency: scope.filter.displayCurrency)
        var engineGrouping: MetricsGrouping = grouping == .team ? .team : grouping == .region ? .region : grouping == .segment ? .segment : .rep
        if grouping == .team, case .teamSubtree(let id) = scope.filter.metrics.reps { engineGrouping = .childTeams(of: id) }
        let report = scope.calculator.report(scope.filter.metrics, groupBy: engineGrouping, options: MetricsOptions(includeFunnel: false))
        if Self.hasNoDeals(report.total) {
            page.empty =
                "No deals closed, are closing or were created in \(scope.filter.metrics.timeFrame.label) for these filters. Try another period, team or region."
        }
        let currency = scope.filter.displayCurrency
        let rows = report.rows
        let label = grouping == .rep ? "rep" : grouping.rawValue
        page.charts = [
            BarChart(
                options: ChartOptions(
                    title: "Quota attainment by \(label) (\(currency.code))", id: "attainment-by-group", height: Self.barHeight(rows.count)),
                categories: rows.map(\.label), series: [BarSeries(name: "Attainment", values: rows.map { $0.money(in: currency)?.attainment ?? 0 })],
                orientation: .horizontal, format: .percent(), marker: ValueMarker(value: 1, label: "Quota")),
            BarChart(
                options: ChartOptions(title: "Win rate by \(label)", id: "win-rate-by-group", height: Self.barHeight(rows.count)),
                categories: rows.map(\.label), series: [BarSeries(name: "Win rate", values: rows.map { $0.winRate ?? 0 })],
                orientation: .horizontal, format: .percent()),
        ]
        page.add(
            Self.leaderboardTable(
                report, id: "team-leaderboard", caption: "Performance by \(label)", currency: currency, repLinks: grouping == .rep ? scope : nil),
            heading: "Leaderboard",
            intro: "Attainment = bookings ÷ quota (team rows: Σ bookings ÷ Σ quota). Coverage = open pipeline closing in the period ÷ quota.")
        return page
    }

    /// Every rep in scope ranked by attainment, each linking to the rep's page.
    func repsPage(_ scope: AnalyticsScope, _ query: [(String, String)]) throws -> PageModel {
        var page = PageModel(title: "Reps", heading: "Reps")
        let currency = scope.filter.displayCurrency
        let report = scope.calculator.report(scope.filter.metrics, groupBy: .rep, options: MetricsOptions(includeFunnel: false))
        var rows = report.rows.filter { $0.key != "unassigned" }
        rows.sort { ($0.money(in: currency)?.attainment ?? -1, $1.label) > ($1.money(in: currency)?.attainment ?? -1, $0.label) }
        if rows.isEmpty {
            page.empty = "No reps match these filters."
        } else if Self.hasNoDeals(report.total) {
            page.empty = "No deals closed, are closing or were created in \(scope.filter.metrics.timeFrame.label) for these reps."
        }
        let top = Array(rows.prefix(20))
        page.charts = [
            BarChart(
                options: ChartOptions(
                    title: "Attainment leaderboard, top \(top.count) (\(currency.code))", id: "rep-attainment", height: Self.barHeight(top.count)),
                categories: top.map(\.label), series: [BarSeries(name: "Attainment", values: top.map { $0.money(in: currency)?.attainment ?? 0 })],
                orientation: .horizontal, format: .percent(), marker: ValueMarker(value: 1, label: "Quota"))
        ]
        var sorted = report
        sorted.rows = rows
        page.add(
            Self.leaderboardTable(sorted, id: "rep-leaderboard", caption: "Reps by attainment", currency: currency, repLinks: scope),
            heading: "All reps")
        return page
    }

    /// True when nothing closed, is open with a close date in the window, or was created in it.
    static func hasNoDeals(_ total: MetricsRow) -> Bool {
        total.wonCount + total.lostCount + total.openPipelineCount + total.pipelineCreatedCount == 0
    }

    static func barHeight(_ rows: Int) -> Double { Double(max(160, min(900, 60 + rows * 26))) }

    /// The leaderboard table (one row per group plus the total).
    static func leaderboardTable(
        _ report: MetricsReport, id: String, caption: String, currency: Currency, repLinks: AnalyticsScope?
    ) -> DataTable {
        let columns: [(String, Bool)] = [
            ("Name", false), ("Reps", true), ("Bookings", true), ("Quota", true), ("Attainment", true), ("Won", true), ("Lost", true),
            ("Win rate", true), ("Median cycle (days)", true), ("Open pipeline", true), ("Coverage", true), ("Velocity / day", true),
        ]
        let keep = repLinks.map { s in s.filter.input.queryItems.filter { !["rep", "team", "manager"].contains($0.0) } } ?? []
        func row(_ r: MetricsRow, link: Bool) -> [DataTable.Cell] {
            let m = r.money(in: currency)
            let name = DataTable.Cell(r.label, href: link ? Links.href("/reps/\(Links.encode(r.key))", keep) : nil)
            return [
                name, Cells.count(r.repCount), Cells.money(m?.bookings ?? Money(minorUnits: 0, currency: currency)), Cells.money(m?.quota),
                Cells.percent(m?.attainment), Cells.count(r.wonCount), Cells.count(r.lostCount), Cells.percent(r.winRate),
                Cells.number(r.cycleDaysMedian), Cells.money(m?.openPipeline ?? Money(minorUnits: 0, currency: currency)), Cells.ratio(m?.coverage),
                Cells.money(m?.velocityPerDay),
            ]
        }
        let body = report.rows.map { row($0, link: repLinks != nil && $0.key != "unassigned") }
        return DataTable(
            id: id, caption: caption, columns: columns, rows: report.rows.isEmpty ? [] : body + [row(report.total, link: false)],
            emptyMessage: "No rows for these filters.")
    }

    /// Bookings, attainment, win rate, cycle, coverage, velocity and pipeline created, each with its change.
    static func headlineTiles(_ c: MetricsComparison, currency: Currency) -> [PageModel.Tile] {
        let now = c.current.total
        let before = c.previous.total
        let m = now.money(in: currency)
        let p = before.money(in: currency)
        let money = ValueFormat.currency(code: currency.code)
        let previousLabel = c.previous.timeFrameLabel
        func pct(_ v: Double?) -> String { v.map { ValueFormat.percent().format($0) } ?? "—" }
        func points(_ a: Double?, _ b: Double?) -> String? {
            guard let a, let b else { return nil }
            let d = (a - b) * 100
            return "\(d >= 0 ? "+" : "")\(String(format: "%.0f", d)) pts vs \(previousLabel)"
        }
        func relative(_ a: Double?, _ b: Double?) -> String? {
            guard let a, let b, b != 0 else { return nil }
            let d = (a - b) / abs(b) * 100
            return "\(d >= 0 ? "+" : "")\(String(format: "%.0f", d))% vs \(previousLabel)"
        }
        return [
            .init(
                label: "Bookings", key: "bookings", value: money.format(m?.bookings.doubleValue ?? 0),
                note: relative(m?.bookings.doubleValue, p?.bookings.doubleValue)),
            .init(label: "Quota attainment", key: "attainment", value: pct(m?.attainment), note: points(m?.attainment, p?.attainment)),
            .init(label: "Win rate", key: "win_rate", value: pct(now.winRate), note: points(now.winRate, before.winRate)),
            .init(
                label: "Median sales cycle", key: "cycle", value: now.cycleDaysMedian.map { "\(Int($0.rounded())) days" } ?? "—",
                note: relative(now.cycleDaysMedian, before.cycleDaysMedian)),
            .init(
                label: "Pipeline coverage", key: "coverage", value: m?.coverage.map { String(format: "%.1f×", $0) } ?? "—",
                note: "open pipeline ÷ quota"),
            .init(
                label: "Sales velocity", key: "velocity", value: m?.velocityPerDay.map { money.format($0.doubleValue) + "/day" } ?? "—",
                note: relative(m?.velocityPerDay?.doubleValue, p?.velocityPerDay?.doubleValue)),
            .init(
                label: "Pipeline created", key: "pipeline_created", value: money.format(m?.pipelineCreated.doubleValue ?? 0),
                note: "\(NumberText.grouped(now.pipelineCreatedCount)) deals"),
        ]
    }
}
