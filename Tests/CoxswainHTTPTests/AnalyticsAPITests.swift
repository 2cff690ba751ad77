import CoxswainDomain
import CoxswainHTTP
import CoxswainTesting
import Foundation
import HTTPTypes
import Testing

@Suite("Analytics API and pages")
struct AnalyticsAPITests {
    @Test func everyAnalyticsEndpointAnswersJSONWithTheResolvedFilter() async throws {
        try await withDemoApp { client, _ in
            // Given the small demo org, when each endpoint is asked about the last complete quarter
            for path in [
                "summary", "leaderboard?group=team", "leaderboard?group=region", "funnel", "trends?quarters=4", "ramp",
                "compare?split=2025-06-01",
            ] {
                let sep = path.contains("?") ? "&" : "?"
                let (status, body, headers) = try await client.send(.get, "/api/v1/analytics/\(path)\(sep)period=FY2026-Q3")
                // Then it answers 200 JSON echoing the filter
                #expect(status == .ok, "\(path): \(body)")
                #expect(headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(body["filter"]?["time_frame"]?.stringValue == "FY2026-Q3", "\(path)")
            }
            let (_, summary, _) = try await client.send(.get, "/api/v1/analytics/summary?period=FY2026-Q3")
            #expect((summary["comparison"]?["current"]?["total"]?["won_count"]?.numberValue ?? 0) > 0)
            let (_, trends, _) = try await client.send(.get, "/api/v1/analytics/trends?period=FY2026-Q3")
            #expect(trends["report"]?["rows"]?.arrayValue?.count == 8)
        }
    }

    @Test func badFiltersAreProblemDocumentsNamingTheParameter() async throws {
        try await withDemoApp { client, _ in
            let cases: [(String, String)] = [
                ("/api/v1/analytics/summary?period=FY26", "/period"), ("/api/v1/analytics/summary?from=2026-03-01&to=2026-01-01", "/to"),
                ("/api/v1/analytics/leaderboard?team=no-such-team", "/team"), ("/api/v1/analytics/leaderboard?group=planet", "/group"),
                ("/api/v1/analytics/trends?quarters=0", "/quarters"), ("/api/v1/analytics/funnel?segment=galactic", "/segment"),
                ("/api/v1/analytics/reps/no-such-rep", "/rep"), ("/api/v1/analytics/compare", "/split"),
                ("/api/v1/analytics/compare?split=yesterday", "/split"), ("/api/v1/analytics/compare?field=planet&value=x", "/field"),
            ]
            for (path, pointer) in cases {
                let (status, body, headers) = try await client.send(.get, path)
                #expect(status == .badRequest, "\(path)")
                #expect(headers[.contentType] == "application/problem+json", "\(path)")
                #expect(body["errors"]?.arrayValue?.first?["pointer"]?.stringValue == pointer, "\(path): \(body)")
            }
        }
    }

    @Test func everyPageRendersChartsNavigationAndExportLinks() async throws {
        try await withDemoApp { client, services in
            let rep = try #require(SmallDemo.org.reps.first { $0.role == .ae })
            for path in ["/team", "/team?group=region", "/reps", "/reps/\(rep.meta.id)", "/funnel", "/trends", "/compare?split=2025-06-01"] {
                let (status, html, headers) = try await client.text(path + (path.contains("?") ? "&" : "?") + "period=FY2026-Q3")
                #expect(status == .ok, "\(path): \(html.prefix(300))")
                #expect(headers[.contentType] == "text/html; charset=utf-8")
                #expect(headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'self'") == true)
                #expect(html.contains("<svg"), "\(path)")
                #expect(html.contains("href=\"/compare\""), "\(path)")
                #expect(html.contains("format=csv&amp;table="), "\(path)")
                #expect(!html.contains("<script"), "\(path)")
            }
            _ = services
        }
    }

    @Test func tablesExportAsCSVMatchingThePage() async throws {
        try await withDemoApp { client, _ in
            let (status, csv, headers) = try await client.text("/team?period=FY2026-Q3&format=csv&table=team-leaderboard")
            #expect(status == .ok)
            #expect(headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.split(whereSeparator: \.isNewline)
            #expect(lines.first?.hasPrefix("Name,Reps,Bookings,Quota,Attainment") == true)
            #expect(lines.last?.hasPrefix("Total,") == true)
            let (badStatus, _, badHeaders) = try await client.text("/team?format=csv&table=nope")
            #expect(badStatus == .badRequest && badHeaders[.contentType] == "application/problem+json")
            let (filterStatus, _, _) = try await client.text("/team?format=csv&table=team-leaderboard&period=bad")
            #expect(filterStatus == .badRequest)
        }
    }

    @Test func pagesExplainBadFiltersAndEmptyPeriodsInsteadOfFailing() async throws {
        try await withDemoApp { client, _ in
            // Given bad filter values, then the page is a readable 400 with the filter form to fix them
            for (query, text) in [
                ("period=FY26", "period: &#39;FY26&#39; is not a fiscal period"), ("from=2026-03-01&to=2026-01-01", "the range is inverted"),
                ("team=ghost", "no team with id"), ("group=planet", "is not a grouping"),
            ] {
                let (status, html, _) = try await client.text("/team?\(query)")
                #expect(status == .badRequest, "\(query)")
                #expect(html.contains("role=\"alert\""), "\(query)")
                #expect(
                    html.contains(text) || html.contains(text.replacingOccurrences(of: "&#39;", with: "&apos;"))
                        || html.contains(text.replacingOccurrences(of: "&#39;", with: "'")), "\(query): \(html.prefix(2000))")
                #expect(html.contains("<form class=\"filters\""))
            }
            // And an empty period gives an empty state, not an error
            for path in ["/team", "/funnel", "/trends", "/reps"] {
                let (status, html, _) = try await client.text("\(path)?period=FY2015-Q1")
                #expect(status == .ok, "\(path)")
                #expect(html.contains("data-empty=\"true\""), "\(path)")
            }
            // And a cohort with zero deals gives the verdict with a warning
            let (status, html, _) = try await client.text("/compare?split=2035-01-01")
            #expect(status == .ok)
            #expect(html.contains("has no deals"))
            // And an unknown rep page is a 400 page, not a 500
            let (repStatus, _, _) = try await client.text("/reps/ghost")
            #expect(repStatus == .badRequest)
        }
    }
}
