import CoxswainCharts
import CoxswainDomain
import CoxswainServices
import Foundation

extension AnalyticsPagesController {
    /// Methodology and technology evaluation: two cohorts of deals from the URL (a date split or a field value),
    /// compared on win rate (two-proportion test with CI), cycle time and deal size (Mann–Whitney U and bootstrap
    /// CIs), with a plain-language verdict and small-sample warnings.
    func comparePage(_ scope: AnalyticsScope, _ query: [(String, String)]) throws -> PageModel {
        let cohorts = CohortInput(query: query)
        var page = PageModel(title: "Compare cohorts", heading: "Did it change conversion?")
        page.keep = cohorts.queryItems
        page.body = Self.cohortForm(cohorts, scope: scope)
        guard !cohorts.isEmpty else {
            let current = scope.snapshot.calendar.quarter(containing: scope.today)
            let example = scope.snapshot.calendar.quarter(current, offsetBy: -3).start
            let href = Links.href("/compare", scope.filter.input.queryItems + [("split", example.description)])
            page.body +=
                "<p class=\"notice empty\" data-empty=\"true\">Define two cohorts above: a date when a methodology or tool was introduced "
                + "(deals created before vs on or after it), or a field and value (e.g. lead_source = Webinar, rep.custom.uses_tool = true). "
                + "Example: <a href=\"\(xmlEscape(href))\">deals created before vs after \(example)</a>.</p>"
            return page
        }
        let selection = try cohorts.select(in: scope)
        let c = selection.comparison(timeZone: scope.snapshot.calendar.timeZone)
        var body = "<section class=\"notice verdict\" data-verdict=\"true\"><h2>Verdict</h2><p>\(xmlEscape(c.verdict))</p>"
        if !c.warnings.isEmpty {
            body += "<ul class=\"warnings\">" + c.warnings.map { "<li class=\"warning\">\(xmlEscape($0))</li>" }.joined() + "</ul>"
        }
        page.body += body + "</section>"
        let names = [c.cohortA.name, c.cohortB.name]
        page.charts = [
            BarChart(
                options: ChartOptions(title: "Win rate by cohort", id: "cohort-win-rate", height: 220), categories: names,
                series: [BarSeries(name: "Win rate", values: [c.winRate?.rateA ?? 0, c.winRate?.rateB ?? 0])], orientation: .horizontal,
                format: .percent()),
            BarChart(
                options: ChartOptions(title: "Median sales cycle by cohort (days)", id: "cohort-cycle", height: 220), categories: names,
                series: [BarSeries(name: "Median cycle", values: [c.cycleTime?.medianA ?? 0, c.cycleTime?.medianB ?? 0])], orientation: .horizontal),
        ]
        page.add(
            Self.compareTable(c), heading: "Measures", intro: "Differences are B − A with \(Int(c.options.confidence * 100))% confidence intervals.")
        return page
    }

    static func compareTable(_ c: CohortComparison) -> DataTable {
        func ci(_ lo: Double, _ hi: Double, _ f: (Double) -> String) -> DataTable.Cell {
            DataTable.Cell("\(f(lo)) to \(f(hi))", csv: "\(lo);\(hi)")
        }
        func p(_ v: Double) -> DataTable.Cell { DataTable.Cell(String(format: v < 0.001 ? "%.1e" : "%.3f", v), csv: "\(v)") }
        let pts: (Double) -> String = { String(format: "%+.1f pts", $0 * 100) }
        let days: (Double) -> String = { String(format: "%+.0f", $0) }
        let code = c.cohortB.currency?.code ?? ""
        let amount: (Double) -> String = { ValueFormat.currency(code: code.isEmpty ? "USD" : code).format($0) }
        var rows: [[DataTable.Cell]] = [
            [
                DataTable.Cell("Deals"), Cells.count(c.cohortA.deals), Cells.count(c.cohortB.deals), DataTable.Cell(""), DataTable.Cell(""),
                DataTable.Cell(""),
            ],
            [
                DataTable.Cell("Closed (won / lost)"), DataTable.Cell("\(c.cohortA.won) / \(c.cohortA.lost)"),
                DataTable.Cell("\(c.cohortB.won) / \(c.cohortB.lost)"), DataTable.Cell(""), DataTable.Cell(""), DataTable.Cell(""),
            ],
        ]
        if let r = c.winRate {
            rows.append([
                DataTable.Cell("Win rate"), Cells.percent(r.rateA), Cells.percent(r.rateB), DataTable.Cell(pts(r.difference), csv: "\(r.difference)"),
                ci(r.ciLower, r.ciUpper, pts), p(r.pValue),
            ])
        } else {
            rows.append([
                DataTable.Cell("Win rate"), DataTable.Cell("—"), DataTable.Cell("—"), DataTable.Cell("not comparable: a cohort has no closed deals"),
                DataTable.Cell(""), DataTable.Cell(""),
            ])
        }
        if let d = c.cycleTime {
            rows.append([
                DataTable.Cell("Median cycle (days)"), Cells.number(d.medianA), Cells.number(d.medianB),
                DataTable.Cell(days(d.medianDifference), csv: "\(d.medianDifference)"),
                ci(d.medianDifferenceCI.lowerBound, d.medianDifferenceCI.upperBound, days), p(d.pValue),
            ])
        }
        if let s = c.dealSize {
            rows.append([
                DataTable.Cell("Median won deal size \(code)"), DataTable.Cell(amount(s.medianA), csv: "\(s.medianA)"),
                DataTable.Cell(amount(s.medianB), csv: "\(s.medianB)"),
                DataTable.Cell(amount(s.medianDifference), csv: "\(s.medianDifference)"),
                ci(s.medianDifferenceCI.lowerBound, s.medianDifferenceCI.upperBound, amount), p(s.pValue),
            ])
        }
        return DataTable(
            id: "cohort-measures", caption: "\(c.cohortA.name) (A) vs \(c.cohortB.name) (B)",
            columns: [("Measure", false), ("A", true), ("B", true), ("Difference (B − A)", true), ("Confidence interval", true), ("p-value", true)],
            rows: rows)
    }

    /// The cohort definition form (GET; keeps the page's filters as hidden fields).
    static func cohortForm(_ cohorts: CohortInput, scope: AnalyticsScope) -> String {
        func field(_ name: String, _ label: String, _ value: String?, type: String = "text", placeholder: String = "") -> String {
            "<label>\(label) <input type=\"\(type)\" name=\"\(name)\" value=\"\(xmlEscape(value ?? ""))\" placeholder=\"\(xmlEscape(placeholder))\"></label>"
        }
        var out = "<form class=\"filters cohorts\" method=\"get\" action=\"/compare\" aria-label=\"Cohorts\">"
        out += field("split", "Split date", cohorts.split, type: "date")
        let on = cohorts.splitOn ?? "created"
        out += "<label>Split on <select name=\"split_on\">"
        for (v, t) in [("created", "Created date"), ("close", "Close date")] {
            out += "<option value=\"\(v)\"\(v == on ? " selected" : "")>\(t)</option>"
        }
        out += "</select></label><span class=\"or\">or</span>"
        out += field("field", "Field", cohorts.field, placeholder: "lead_source, rep.custom.uses_tool")
        out += field("value", "Value", cohorts.value, placeholder: "Webinar, true")
        for (name, value) in scope.filter.input.queryItems {
            out += "<input type=\"hidden\" name=\"\(xmlEscape(name))\" value=\"\(xmlEscape(value))\">"
        }
        return out + "<button type=\"submit\">Compare</button></form>"
    }
}
