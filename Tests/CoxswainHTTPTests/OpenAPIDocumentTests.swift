import CoxswainDomain
import CoxswainHTTP
import CoxswainTesting
import Foundation
import Testing

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    @Test func everyRegisteredRouteIsDocumented() async throws {
        try await withTestApp(.sqlite) { client, _, table in
            let (status, doc, _) = try await client.send(.get, "/openapi.json")
            #expect(status == .ok)
            #expect(doc["openapi"]?.stringValue == "3.1.0")
            let paths = try #require(doc["paths"])
            #expect(table.entries.count > 60)
            for route in table.entries {
                let item = paths[route.openAPIPath]
                #expect(item != nil, "\(route.openAPIPath) is missing from /openapi.json")
                #expect(item?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(route.openAPIPath) is missing")
            }
        }
    }

    @Test func documentPassesTheOpenAPIValidator() async throws {
        let python = "/usr/bin/env"
        try await withTestApp(.sqlite) { client, _, _ in
            let (_, doc, _) = try await client.send(.get, "/openapi.json")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("coxswain-openapi-\(UUID().uuidString).json")
            try doc.serialized().write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = [
                "python3", "-c",
                "import sys, json\nfrom openapi_spec_validator import validate\nvalidate(json.load(open(sys.argv[1])))\nprint('valid')", file.path,
            ]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            process.waitUntilExit()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            if output.contains("No module named") {
                Issue.record("openapi-spec-validator is not installed (pip install openapi-spec-validator)")
                return
            }
            #expect(process.terminationStatus == 0, "validator said: \(output.suffix(2000))")
        }
    }
}

@Suite("Dashboard and health")
struct DashboardTests {
    @Test(arguments: TestBackend.available)
    func homeShowsTheDatabasesRealCounts(backend: TestBackend) async throws {
        try await withTestApp(backend) { client, _, _ in
            let ids = try await seed(client)
            for i in 0..<3 { _ = try await client.send(.post, "/api/v1/leads", json: #"{"last_name":"N\#(i)"}"#) }
            _ = try await client.send(
                .post, "/api/v1/opportunities",
                json: """
                    {"account_id":"\(ids.account)","owner_id":"\(ids.rep)","name":"Big","amount":250000,"stage":"Proposal","close_date":"2026-03-31"}
                    """)
            let (status, page, headers) = try await client.send(.get, "/")
            #expect(status == .ok)
            #expect(headers[.contentType]?.hasPrefix("text/html") == true)
            let html = page.stringValue ?? ""
            #expect(html.contains(#"data-count="leads">3<"#))
            #expect(html.contains(#"data-count="opportunities">1<"#))
            #expect(html.contains("<svg"))
            #expect(html.contains("$250K"))
            #expect(headers[.init("Content-Security-Policy")!]?.contains("frame-ancestors 'none'") == true)
        }
    }

    @Test func healthReportsTheDatabase() async throws {
        try await withTestApp(.sqlite) { client, _, _ in
            let (status, body, _) = try await client.send(.get, "/health")
            #expect(status == .ok)
            #expect(body["database"]?.stringValue == "sqlite")
        }
    }
}
