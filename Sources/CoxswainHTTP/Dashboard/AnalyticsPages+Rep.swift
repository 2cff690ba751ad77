import CoxswainCharts
import CoxswainDomain
import CoxswainServices
import Foundation

extension AnalyticsPagesController {
    /// One rep: headline tiles vs the previous period, eight-quarter trend, funnel and activity mix.
    /// The rep filter comes from the path; team, region and segment filters do not apply here.
    func repPage(_ repID: String, _ scope: AnalyticsScope, _ query: [(String, String)]) throws -> PageModel {
        guard let rep = scope.snapshot.reps.first(where: { $0.meta.id == repID }) else {
            throw AnalyticsInputError("rep", "no rep with id '\(repID)'", code: "unknown_value")
        }
        var input = scope.filter.input
        (input.team, input.manager, input.region, input.segment, input.rep) = (nil, nil, nil, nil, repID)
        let own = AnalyticsScope(snapshot: scope.snapshot, filter: try input.resolve(in: scope.snapshot, today: scope.today), today: scope.today)
        let currency = own.filter.displayCurrency
        var page = PageModel(title: rep.fullName, heading: rep.fullName)
        let team = scope.snapshot.teams.first { $0.meta.id == rep.teamID }
        page.subtitle = [
            rep.role.rawValue.uppercased(), team?.name, rep.region, rep.hireDate.map { "hired \($0)" }, own.filter.metrics.timeFrame.label,
        ]
        .compactMap { $0 }.joined(separator: " · ")
        let comparison = own.calculator.compareWithPrevious(own.filter.metrics)
        page.tiles = Self.headlineTiles(comparison, currency: currency)
        let trend = own.trends(quarters: 8)
        page.charts = Array(Self.trendCharts(trend, currency: currency, prefix: "rep-trend").prefix(2))
        let total = comparison.current.total
        page.add(Self.trendTable(trend, id: "rep-trends", currency: currency), heading: "Last 8 quarters")
        page.add(
            DataTable(
                id: "rep-funnel", caption: "Funnel of deals created in \(own.filter.metrics.timeFrame.label)",
                columns: [("Stage", false), ("Reached", true), ("Conversion to next", true), ("Win rate from stage", true)],
                rows: total.pipelineCreatedCount == 0
                    ? []
                    : total.funnel.map {
                        [DataTable.Cell($0.stage), Cells.count($0.reached), Cells.percent($0.conversionToNext), Cells.percent($0.winRateFromStage)]
                    },
                emptyMessage: "No deals created in this period."),
            heading: "Funnel")
        page.add(
            DataTable(
                id: "rep-activities", caption: "Activities in \(own.filter.metrics.timeFrame.label)", columns: [("Kind", false), ("Count", true)],
                rows: total.activities.total == 0
                    ? [] : Activity.Kind.allCases.map { [DataTable.Cell($0.rawValue), Cells.count(total.activities[$0])] },
                emptyMessage: "No activities logged in this period."),
            heading: "Activities")
        if total.wonCount + total.lostCount + total.openPipelineCount + total.pipelineCreatedCount == 0 {
            page.empty = "\(rep.fullName) has no deals closing or created in \(own.filter.metrics.timeFrame.label)."
        }
        return page
    }
}
