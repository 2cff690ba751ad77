import CoxswainCharts
import CoxswainDomain
import CoxswainServices
import Foundation

/// The filter bar every analytics page carries: a plain GET form (no JavaScript) whose fields are the URL
/// parameters of ``AnalyticsFilterInput``, so every filtered view is a link that can be shared or bookmarked.
struct FilterForm {
    var action: String
    var input: AnalyticsFilterInput
    var snapshot: AnalyticsSnapshot
    var today: LocalDate
    /// Page-specific parameters kept across submissions (e.g. `group`, the compare cohorts).
    var hidden: [(String, String)] = []

    func html() -> String {
        let calendar = snapshot.calendar
        let current = calendar.quarter(containing: today)
        var periods: [FiscalPeriod] = (-7...1).map { calendar.quarter(current, offsetBy: $0) }.reversed()
        let fy = calendar.fiscalYear(containing: today)
        periods += [calendar.year(fy + 1), calendar.year(fy), calendar.year(fy - 1)]
        let usesDates = input.from != nil || input.to != nil
        let selectedPeriod = input.period?.uppercased() ?? (usesDates ? "" : current.label)
        var periodOptions = [("", "Dates below")] + periods.map { ($0.label, $0.label) }
        if !selectedPeriod.isEmpty && !periodOptions.contains(where: { $0.0 == selectedPeriod }) {
            periodOptions.append((selectedPeriod, selectedPeriod))
        }
        let teams = [("", "All teams")] + teamOptions()
        let regions = [("", "All regions")] + Set(snapshot.reps.compactMap(\.region) + snapshot.teams.compactMap(\.region)).sorted().map { ($0, $0) }
        let segments = [("", "All segments"), ("smb", "SMB"), ("mid_market", "Mid-market"), ("enterprise", "Enterprise")]
        let currencies = [("", "All currencies")] + snapshot.calculator.currenciesInUse.map(\.code).sorted().map { ($0, $0) }
        var out = "<form class=\"filters\" method=\"get\" action=\"\(xmlEscape(action))\" aria-label=\"Filters\">"
        out += select("period", "Period", periodOptions, selectedPeriod)
        out += "<label>From <input type=\"date\" name=\"from\" value=\"\(xmlEscape(input.from ?? ""))\"></label>"
        out += "<label>To <input type=\"date\" name=\"to\" value=\"\(xmlEscape(input.to ?? ""))\"></label>"
        out += select("team", "Team", teams, input.team ?? "")
        out += select("region", "Region", regions, input.region ?? "")
        out += select("segment", "Segment", segments, input.segment ?? "")
        out += select("currency", "Currency", currencies, input.currency?.uppercased() ?? "")
        if let manager = input.manager { out += hiddenField("manager", manager) }
        for (name, value) in hidden { out += hiddenField(name, value) }
        out += "<button type=\"submit\">Apply</button> <a class=\"reset\" href=\"\(xmlEscape(action))\">Reset</a></form>"
        return out
    }

    /// Teams indented by depth, parents before children.
    private func teamOptions() -> [(String, String)] {
        let children = Dictionary(grouping: snapshot.teams, by: { $0.parentTeamID ?? "" })
        let ids = Set(snapshot.teams.map(\.meta.id))
        var out: [(String, String)] = []
        func walk(_ parent: String, depth: Int) {
            for t in (children[parent] ?? []).sorted(by: { $0.name < $1.name }) where depth < 12 {
                out.append((t.meta.id, String(repeating: "· ", count: depth) + t.name))
                walk(t.meta.id, depth: depth + 1)
            }
        }
        walk("", depth: 0)
        // Teams whose parent is unknown still appear.
        for t in snapshot.teams where t.parentTeamID.map({ !ids.contains($0) }) ?? false { out.append((t.meta.id, t.name)) }
        return out
    }

    private func select(_ name: String, _ label: String, _ options: [(String, String)], _ selected: String) -> String {
        var out = "<label>\(label) <select name=\"\(name)\">"
        for (value, text) in options {
            out += "<option value=\"\(xmlEscape(value))\"\(value == selected ? " selected" : "")>\(xmlEscape(text))</option>"
        }
        return out + "</select></label>"
    }

    private func hiddenField(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(xmlEscape(name))\" value=\"\(xmlEscape(value))\">"
    }
}

/// Builds links that keep the current filters.
enum Links {
    static func href(_ path: String, _ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return path }
        return path + "?" + items.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
