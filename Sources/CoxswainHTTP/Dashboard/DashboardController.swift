import CoxswainCharts
import CoxswainDomain
import CoxswainServices
import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import NIOCore

/// Server-rendered dashboard pages (Mustache templates + SVG charts drawn in Swift; no JavaScript, no CDN).
struct DashboardController: Sendable {
    let services: AppServices
    let templates: MustacheLibrary
    let stylesheet: String

    func register(on router: Router<AppRequestContext>, table: RouteTable) {
        table.on(router, .get, "/", home)
        router.get("/static/app.css") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/css; charset=utf-8"
            headers[.cacheControl] = "public, max-age=300"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: stylesheet)))
        }
    }

    /// Loads templates and the stylesheet from the module's resources.
    static func load(services: AppServices) async throws -> DashboardController {
        // Foundation may report the bundle root or its Resources folder as `resourceURL`; accept either.
        let roots = [
            Bundle.module.resourceURL?.appendingPathComponent("Resources"), Bundle.module.resourceURL,
            Bundle.module.bundleURL.appendingPathComponent("Resources"),
        ].compactMap { $0 }
        guard let base = roots.first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("Templates/home.mustache").path) })
        else {
            throw DashboardError("dashboard templates are missing from the bundle (looked in \(roots.map(\.path)))")
        }
        let library = try await MustacheLibrary(directory: base.appendingPathComponent("Templates").path + "/")
        let css = (try? String(contentsOf: base.appendingPathComponent("Public/app.css"), encoding: .utf8)) ?? ""
        return DashboardController(services: services, templates: library, stylesheet: css)
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        let now = services.records.environment.now()
        let calendar = try await services.store.read { try await OrgSettings.load(from: $0) }.fiscalCalendar
        let today = LocalDate(now, in: calendar.timeZone)
        let o = try await OrgOverview.load(from: services.store, today: today, as: context.principal)
        let code = o.settings.defaultCurrency.code
        let compact = ValueFormat.currency(code: code)
        func moneyList(_ list: [Money]) -> String {
            list.isEmpty
                ? compact.format(0) : list.map { ValueFormat.currency(code: $0.currency.code).format($0.doubleValue) }.joined(separator: " · ")
        }
        let count: (String) -> Int = { name in o.counts.first { $0.0 == name }?.1 ?? 0 }
        let tiles: [[String: Any]] = [
            [
                "label": "Open pipeline", "key": "open_pipeline", "value": moneyList(o.openPipeline),
                "note": "\(Self.grouped(o.openOpportunities)) open opportunities",
            ],
            [
                "label": "Won \(o.quarter.label)", "key": "won_quarter", "value": moneyList(o.wonThisQuarter),
                "note": "\(Self.grouped(o.wonCountThisQuarter)) deals",
            ],
            ["label": "Leads", "key": "leads", "value": Self.grouped(count("leads"))],
            ["label": "Accounts", "key": "accounts", "value": Self.grouped(count("accounts"))],
            ["label": "Reps", "key": "reps", "value": Self.grouped(count("reps")), "note": "\(Self.grouped(count("teams"))) teams"],
        ]
        let pipeline = BarChart(
            options: ChartOptions(title: "Open pipeline by stage (\(code))", id: "pipeline-by-stage"),
            categories: o.pipelineByStage.map(\.stage), series: [BarSeries(name: "Open amount", values: o.pipelineByStage.map(\.amount.doubleValue))],
            orientation: .horizontal, format: compact)
        let bookings = BarChart(
            options: ChartOptions(title: "Closed-won bookings by fiscal quarter (\(code))", id: "bookings-by-quarter"),
            categories: o.bookingsByQuarter.map { Self.shortLabel($0.0) },
            series: [BarSeries(name: "Bookings", values: o.bookingsByQuarter.map(\.1.doubleValue))],
            format: compact)
        let page: [String: Any] = [
            "title": "Home", "orgName": o.settings.name, "navHome": true, "asOf": today.description, "quarter": o.quarter.label,
            "tiles": tiles,
            "counts": o.counts.map { ["name": $0.0, "value": Self.grouped($0.1)] },
            "empty": o.counts.allSatisfy { $0.1 == 0 },
            "pipelineChart": pipeline.svg(), "pipelineTable": pipeline.tableHTML(),
            "bookingsChart": bookings.svg(), "bookingsTable": bookings.tableHTML(),
        ]
        return try render("home", page, context: context)
    }

    /// Renders a page with the signed-in user's label and the session's CSRF token (for the sign-out form and
    /// every other form) added to `object`.
    func render(_ template: String, _ object: [String: Any], context: AppRequestContext) throws -> Response {
        var object = object
        object["csrfToken"] = context.csrfToken ?? ""
        object["userLabel"] = "\(context.principal.role.rawValue)"
        return try render(template, object)
    }

    func render(_ template: String, _ object: [String: Any]) throws -> Response {
        guard let html = templates.render(object, withTemplate: template) else { throw DashboardError("template \(template) is missing") }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "private, no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// `FY2027-Q3` → `FY27 Q3`, short enough for an axis label.
    static func shortLabel(_ p: FiscalPeriod) -> String { "FY\(p.fiscalYear % 100 < 10 ? "0" : "")\(p.fiscalYear % 100) Q\(p.number)" }

    /// `1234567` → `1,234,567`.
    static func grouped(_ n: Int) -> String { NumberText.grouped(n) }
}

struct DashboardError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
