import CoxswainDomain
import CoxswainServices
import Foundation
import HTTPTypes
import Hummingbird

/// `/api/v1/analytics/…`: every dashboard metric as JSON, with the dashboard's filters as query parameters
/// (`period`, `from`, `to`, `team`, `manager`, `rep`, `region`, `segment`, `currency`). Bad filters are
/// `400 application/problem+json` with one `{pointer, code, message}` per bad parameter.
struct AnalyticsController: Sendable {
    let services: AppServices

    /// Routes and their OpenAPI summaries (the document is built from this list).
    static let routes: [(path: String, id: String, summary: String, extra: [String])] = [
        ("/api/v1/analytics/summary", "analyticsSummary", "Headline metrics for the filters, with the previous period and deltas", []),
        ("/api/v1/analytics/leaderboard", "analyticsLeaderboard", "Metrics per rep, team, region or segment (attainment leaderboard)", ["group"]),
        ("/api/v1/analytics/funnel", "analyticsFunnel", "Stage funnel and conversion of deals created in the window", []),
        ("/api/v1/analytics/trends", "analyticsTrends", "Metrics per fiscal quarter for the last N quarters (default 8)", ["quarters"]),
        ("/api/v1/analytics/ramp", "analyticsRamp", "Ramp attainment by tenure quarter of reps hired in the window", ["max_tenure_quarters"]),
        ("/api/v1/analytics/reps/:id", "analyticsRep", "One rep: this period vs the previous, and the 8-quarter trend", []),
        ("/api/v1/analytics/compare", "analyticsCompare", "Compare two cohorts of deals (date split or field value)", CohortInput.parameterNames),
    ]

    func register(on router: Router<AppRequestContext>, table: RouteTable) {
        table.on(router, .get, "/api/v1/analytics/summary") { request, context in
            let (scope, c) = try await run {
                try await services.analytics.summary(AnalyticsFilterInput(query: request.queryPairs), visibleOwnerIDs: context.analyticsVisibility)
            }
            return try encode(["filter": .init(scope), "comparison": .init(c)])
        }
        table.on(router, .get, "/api/v1/analytics/leaderboard") { request, context in
            let (scope, report) = try await run {
                let group = try AnalyticsGrouping.parse(request.queryPairs.first { $0.0 == "group" }?.1)
                return try await services.analytics.leaderboard(
                    AnalyticsFilterInput(query: request.queryPairs), groupBy: group, visibleOwnerIDs: context.analyticsVisibility)
            }
            return try encode(["filter": .init(scope), "report": .init(report)])
        }
        table.on(router, .get, "/api/v1/analytics/funnel") { request, context in
            let (scope, row) = try await run {
                try await services.analytics.funnel(AnalyticsFilterInput(query: request.queryPairs), visibleOwnerIDs: context.analyticsVisibility)
            }
            return try encode(["filter": .init(scope), "created_count": .init(row.pipelineCreatedCount), "funnel": .init(row.funnel)])
        }
        table.on(router, .get, "/api/v1/analytics/trends") { request, context in
            let (scope, report) = try await run {
                let quarters = try intParameter(request, "quarters", default: 8, range: 1...40)
                return try await services.analytics.trends(
                    AnalyticsFilterInput(query: request.queryPairs), quarters: quarters, visibleOwnerIDs: context.analyticsVisibility)
            }
            return try encode(["filter": .init(scope), "report": .init(report)])
        }
        table.on(router, .get, "/api/v1/analytics/ramp") { request, context in
            let (scope, rows) = try await run {
                let maxQuarters = try intParameter(request, "max_tenure_quarters", default: 4, range: 1...12)
                let scope = try await services.analytics.resolve(
                    AnalyticsFilterInput(query: request.queryPairs), visibleOwnerIDs: context.analyticsVisibility)
                return (scope, scope.calculator.rampAttainment(hiredIn: scope.filter.metrics, through: scope.today, maxTenureQuarters: maxQuarters))
            }
            return try encode(["filter": .init(scope), "ramp": .init(rows)])
        }
        table.on(router, .get, "/api/v1/analytics/reps/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            let r = try await run {
                try await services.analytics.rep(id, AnalyticsFilterInput(query: request.queryPairs), visibleOwnerIDs: context.analyticsVisibility)
            }
            return try encode([
                "filter": .init(r.scope), "rep": .init(["id": r.rep.meta.id, "name": r.rep.fullName, "team_id": r.rep.teamID ?? ""]),
                "comparison": .init(r.comparison), "trend": .init(r.trend),
            ])
        }
        table.on(router, .get, "/api/v1/analytics/compare") { request, context in
            let query = request.queryPairs
            let (scope, selection, comparison) = try await run {
                try await services.analytics.compare(
                    CohortInput(query: query), AnalyticsFilterInput(query: query), visibleOwnerIDs: context.analyticsVisibility)
            }
            return try encode([
                "filter": .init(scope), "cohort_a": .init(selection.nameA), "cohort_b": .init(selection.nameB), "comparison": .init(comparison),
            ])
        }
    }

    /// Maps filter problems to 400 problem+json.
    private func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let e as AnalyticsInputError {
            throw Problem(.badRequest, code: "invalid_filter", detail: e.description, issues: e.issues)
        }
    }

    private func intParameter(_ request: Request, _ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = request.queryPairs.first(where: { $0.0 == name })?.1, !text.isEmpty else { return value }
        guard let n = Int(text), range.contains(n) else {
            throw AnalyticsInputError(name, "'\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    private func encode(_ object: [String: AnyEncodable]) throws -> Response {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let data = try encoder.encode(object)
        return Reply.text(String(decoding: data, as: UTF8.self), contentType: "application/json; charset=utf-8")
    }
}

/// Type-erased `Encodable` for building response objects.
struct AnyEncodable: Encodable {
    private let encodeBody: (any Encoder) throws -> Void

    init(_ value: some Encodable) { encodeBody = value.encode(to:) }

    init(_ scope: AnalyticsScope) {
        let f = scope.filter
        self.init(
            FilterEcho(
                timeFrame: f.metrics.timeFrame.label, start: f.metrics.timeFrame.window.start, end: f.metrics.timeFrame.window.end,
                scope: f.scopeLabel, region: f.metrics.region, segment: f.metrics.segment?.rawValue, currency: f.metrics.currency?.code,
                asOf: scope.today, restricted: scope.snapshot.visibleOwnerIDs != nil))
    }

    func encode(to encoder: any Encoder) throws { try encodeBody(encoder) }
}

/// The resolved filter, echoed in every analytics response.
private struct FilterEcho: Encodable {
    var timeFrame: String
    var start: LocalDate
    var end: LocalDate
    var scope: String
    var region: String?
    var segment: String?
    var currency: String?
    var asOf: LocalDate
    /// True when the caller sees only some owners' records.
    var restricted: Bool
}
