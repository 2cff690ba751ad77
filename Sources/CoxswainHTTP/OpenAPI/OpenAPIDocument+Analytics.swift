import CoxswainDomain
import CoxswainServices
import Foundation

extension OpenAPIDocument {
    /// The analytics API and the analytics dashboard pages.
    static func analyticsOperations() -> [(String, String, JSONValue)] {
        let free: JSONValue = .object([("type", .string("object"))])
        let filters = AnalyticsFilterInput.parameterNames.map { name -> JSONValue in
            let doc: String =
                switch name {
                case "period": "Fiscal period label: FY2027, FY2027-Q3 or FY2027-M05 (default: the current quarter)"
                case "from", "to": "Inclusive date YYYY-MM-DD (instead of period; to defaults to today)"
                case "team": "Team id: that team and every team below it"
                case "manager": "Rep id: the manager and everyone reporting to them"
                case "rep": "Rep id"
                case "region": "Region of the rep (else of their team)"
                case "segment": "smb, mid_market or enterprise"
                default: "ISO currency code: only deals and quotas in this currency"
                }
            return param(name, doc)
        }
        var out: [(String, String, JSONValue)] = []
        for route in AnalyticsController.routes {
            var parameters = filters + route.extra.map { param($0, extraDoc($0)) }
            if route.path.contains(":id") {
                parameters.insert(
                    .object([
                        ("name", .string("id")), ("in", .string("path")), ("required", .bool(true)),
                        ("schema", .object([("type", .string("string"))])),
                    ]), at: 0)
            }
            let path = route.path.replacingOccurrences(of: ":id", with: "{id}")
            out.append(
                (
                    path, "get",
                    operation(
                        route.id, route.summary, tag: "analytics", parameters: parameters,
                        responses: [("200", response("Metrics (amounts per currency, never summed across currencies)", free))]
                            + problems(["400"]))
                ))
        }
        let html: JSONValue = .object([
            ("description", .string("HTML page")),
            ("content", .object([("text/html", .object([("schema", .object([("type", .string("string"))]))]))])),
        ])
        let pages: [(String, String, String)] = [
            ("/team", "dashboardTeam", "Team performance overview (HTML; ?format=csv&table=… exports a table)"),
            ("/reps", "dashboardReps", "Rep attainment leaderboard (HTML)"),
            ("/reps/{id}", "dashboardRep", "One rep's performance (HTML)"),
            ("/funnel", "dashboardFunnel", "Stage funnel and conversion (HTML)"),
            ("/trends", "dashboardTrends", "Eight-quarter trends (HTML)"),
            ("/compare", "dashboardCompare", "Methodology / tool cohort comparison (HTML)"),
        ]
        for (path, id, summary) in pages {
            var parameters = filters + [param("format", "html (default) or csv"), param("table", "Which table to export with format=csv")]
            if path == "/team" { parameters.append(param("group", extraDoc("group"))) }
            if path == "/compare" { parameters += CohortInput.parameterNames.map { param($0, extraDoc($0)) } }
            if path.contains("{id}") {
                parameters.insert(
                    .object([
                        ("name", .string("id")), ("in", .string("path")), ("required", .bool(true)),
                        ("schema", .object([("type", .string("string"))])),
                    ]), at: 0)
            }
            out.append(
                (
                    path, "get",
                    operation(
                        id, summary, tag: "dashboard", parameters: parameters,
                        responses: [("200", html), ("400", .object([("description", .string("The page with a message naming the bad filter"))]))])
                ))
        }
        return out
    }

    private static func param(_ name: String, _ description: String) -> JSONValue {
        .object([
            ("name", .string(name)), ("in", .string("query")), ("required", .bool(false)), ("description", .string(description)),
            ("schema", .object([("type", .string("string"))])),
        ])
    }

    private static func extraDoc(_ name: String) -> String {
        switch name {
        case "group": "rep (default in the API), team, region or segment"
        case "quarters": "Number of fiscal quarters, 1–40 (default 8)"
        case "max_tenure_quarters": "Tenure quarters to report, 1–12 (default 4)"
        case "split": "Date YYYY-MM-DD: cohort A before it, cohort B on or after it"
        case "split_on": "created (default) or close: which date the split looks at"
        case "field": "Opportunity field (lead_source, type, segment, stage, custom.<key>) or rep field (rep.region, rep.custom.<key>)"
        case "value": "Cohort B = deals whose field equals this value (case-insensitive)"
        default: name
        }
    }
}
