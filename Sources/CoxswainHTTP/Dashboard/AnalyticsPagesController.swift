import CoxswainCharts
import CoxswainDomain
import CoxswainServices
import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import NIOCore

/// The team-analytics pages: Team, Reps (and one rep), Funnel, Trends and Compare. Every page reads its
/// filters from the URL, shows charts with a table alternative, and offers each table as CSV
/// (`?format=csv&table=<id>`). Bad filters give the page with a readable message (status 400), never a 500.
struct AnalyticsPagesController: Sendable {
    let services: AppServices
    let templates: MustacheLibrary

    func register(on router: Router<AppRequestContext>, table: RouteTable) {
        table.on(router, .get, "/team") { try await self.respond($0, $1, path: "/team", nav: "navTeam", build: self.teamPage) }
        table.on(router, .get, "/reps") { try await self.respond($0, $1, path: "/reps", nav: "navReps", build: self.repsPage) }
        table.on(router, .get, "/reps/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await self.respond(request, context, path: "/reps/\(Links.encode(id))", nav: "navReps") { scope, query in
                try self.repPage(id, scope, query)
            }
        }
        table.on(router, .get, "/funnel") { try await self.respond($0, $1, path: "/funnel", nav: "navFunnel", build: self.funnelPage) }
        table.on(router, .get, "/trends") { try await self.respond($0, $1, path: "/trends", nav: "navTrends", build: self.trendsPage) }
        table.on(router, .get, "/compare") { try await self.respond($0, $1, path: "/compare", nav: "navCompare", build: self.comparePage) }
    }

    /// Resolves the filters, builds the page, and answers HTML or one of its tables as CSV.
    func respond(
        _ request: Request, _ context: AppRequestContext, path: String, nav: String,
        build: (AnalyticsScope, [(String, String)]) throws -> PageModel
    ) async throws -> Response {
        let query = request.queryPairs
        let wantsCSV = query.contains { $0.0 == "format" && $0.1.lowercased() == "csv" }
        if let format = query.first(where: { $0.0 == "format" })?.1, !["csv", "html"].contains(format.lowercased()) {
            throw Problem(.badRequest, code: "invalid_query", detail: "format must be html or csv (got '\(format)')")
        }
        let analytics = services.analytics
        let snapshot = try await analytics.snapshot(visibleOwnerIDs: context.analyticsVisibility)
        let today = analytics.today(snapshot)
        var input = AnalyticsFilterInput(query: query)
        if path == "/compare" { input = analytics.withCompareDefaults(input, snapshot: snapshot) }
        var model: PageModel
        var status = HTTPResponse.Status.ok
        do {
            let scope = AnalyticsScope(snapshot: snapshot, filter: try input.resolve(in: snapshot, today: today), today: today)
            model = try build(scope, query)
            model.filters = FilterForm(action: path, input: input, snapshot: snapshot, today: today, hidden: model.keep).html()
            model.subtitle = model.subtitle ?? "\(scope.filter.scopeLabel) · \(scope.filter.metrics.timeFrame.label)"
        } catch let error as AnalyticsInputError {
            if wantsCSV { throw Problem(.badRequest, code: "invalid_filter", detail: error.description, issues: error.issues) }
            let name = String(nav.dropFirst(3))
            model = PageModel(title: name, heading: name)
            model.message = error.issues.map { "\($0.field): \($0.message)." }.joined(separator: " ")
            model.filters = FilterForm(action: path, input: AnalyticsFilterInput(), snapshot: snapshot, today: today).html()
            status = .badRequest
        }
        if wantsCSV {
            let name = query.first { $0.0 == "table" }?.1
            guard let table = model.tables.first(where: { $0.id == name }) ?? (name == nil && model.tables.count == 1 ? model.tables.first : nil)
            else {
                let ids = model.tables.map(\.id).joined(separator: ", ")
                throw Problem(
                    .badRequest, code: "invalid_query",
                    detail: "table must name one of this page's tables (\(ids.isEmpty ? "none" : ids)); got '\(name ?? "")'")
            }
            return Reply.csv(table.csv(), filename: "\(table.id).csv")
        }
        var object = model.object(csvBase: path, query: query)
        object["orgName"] = snapshot.settings.name
        object[nav] = true
        object["asOf"] = today.description
        object["quarter"] = snapshot.calendar.quarter(containing: today).label
        return try render("analytics", object, status: status)
    }

    func render(_ template: String, _ object: [String: Any], status: HTTPResponse.Status) throws -> Response {
        guard let html = templates.render(object, withTemplate: template) else { throw DashboardError("template \(template) is missing") }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("Content-Security-Policy")!] = "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// What an analytics page shows; turned into the `analytics` template's object.
struct PageModel {
    struct Tile {
        var label: String
        var key: String
        var value: String
        var note: String?
    }

    var title: String
    var heading: String
    var subtitle: String?
    var filters = ""
    var message: String?
    var empty: String?
    var tiles: [Tile] = []
    var charts: [any Chart] = []
    /// Raw HTML placed after the tiles (already escaped).
    var body = ""
    var tables: [DataTable] = []
    /// Section heading and intro per table id.
    var tableHeadings: [String: (String, String?)] = [:]
    /// Page parameters the filter form keeps (e.g. `group`).
    var keep: [(String, String)] = []

    init(title: String, heading: String) {
        self.title = title
        self.heading = heading
    }

    mutating func add(_ table: DataTable, heading: String, intro: String? = nil) {
        tables.append(table)
        tableHeadings[table.id] = (heading, intro)
    }

    func object(csvBase: String, query: [(String, String)]) -> [String: Any] {
        let kept = query.filter { $0.0 != "format" && $0.0 != "table" }
        var object: [String: Any] = [
            "title": title, "heading": heading, "filters": filters, "body": body, "hasTiles": !tiles.isEmpty,
            "tiles": tiles.map { t -> [String: Any] in
                var o: [String: Any] = ["label": t.label, "key": t.key, "value": t.value]
                if let note = t.note { o["note"] = note }
                return o
            },
            "hasCharts": !charts.isEmpty,
            "charts": charts.map { ["id": $0.options.id, "svg": $0.svg(), "table": $0.tableHTML()] },
            "sections": tables.map { t -> [String: Any] in
                var o: [String: Any] = [
                    "heading": tableHeadings[t.id]?.0 ?? t.caption, "html": t.html(),
                    "csv": Links.href(csvBase, kept + [("format", "csv"), ("table", t.id)]),
                ]
                if let intro = tableHeadings[t.id]?.1 { o["intro"] = intro }
                return o
            },
        ]
        if let subtitle { object["subtitle"] = subtitle }
        if let message { object["message"] = message }
        if let empty { object["empty"] = empty }
        return object
    }
}

extension AppRequestContext {
    /// The owners whose records this request may see in analytics: nil (everything) for admin and ops, the
    /// rep alone for reps, the team subtree for managers. Roles without analytics (finance) get 403.
    var analyticsVisibility: Set<String>? {
        get throws {
            try AccessRules.require(.analytics, principal)
            return principal.visibleRepIDs
        }
    }
}
