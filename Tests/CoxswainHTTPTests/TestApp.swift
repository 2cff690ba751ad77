import CoxswainDomain
import CoxswainHTTP
import CoxswainServices
import CoxswainStorage
import CoxswainTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

/// Runs `body` against the real router over a fresh database of `backend`.
func withTestApp(
    _ backend: TestBackend, maxBodyBytes: Int = 64 * 1024,
    _ body: @escaping @Sendable (any TestClientProtocol, AppServices, RouteTable) async throws -> Void
) async throws {
    try await withTestStore(backend) { store in
        let services = AppServices(records: RecordService(store: store, environment: .fixed()), engine: backend.rawValue)
        let (router, table) = try await buildRouter(services: services, configuration: HTTPConfiguration(maxBodyBytes: maxBodyBytes))
        var logger = Logger(label: "test")
        logger.logLevel = ProcessInfo.processInfo.environment["TEST_LOG"] != nil ? .debug : .critical
        let app = Application(router: router, logger: logger)
        try await app.test(.router) { client in try await body(client, services, table) }
    }
}

extension TestClientProtocol {
    /// Sends JSON and returns status and parsed JSON body.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ path: String, json: String? = nil, headers: HTTPFields = [:]
    ) async throws -> (HTTPResponse.Status, JSONValue, HTTPFields) {
        var h = headers
        if json != nil { h[.contentType] = "application/json" }
        return try await execute(uri: path, method: method, headers: h, body: json.map { ByteBuffer(string: $0) }) { response in
            let text = String(buffer: response.body)
            let value = text.isEmpty ? JSONValue.null : (try? JSONValue.parse(Data(text.utf8))) ?? .string(text)
            return (response.status, value, response.headers)
        }
    }
}

/// A rep, a team-less account and an opportunity, created through the API.
struct SeedIDs: Sendable {
    var rep: String
    var account: String
}

func seed(_ client: any TestClientProtocol) async throws -> SeedIDs {
    let (_, rep, _) = try await client.send(
        .post, "/api/v1/reps", json: #"{"first_name":"Dana","last_name":"Reyes","email":"dana@northwind.test","role":"ae"}"#)
    let (_, acc, _) = try await client.send(
        .post, "/api/v1/accounts", json: #"{"name":"Acme Corp","website":"acme.com","employees":1200,"owner_id":"dana@northwind.test"}"#)
    return SeedIDs(rep: rep["id"]?.stringValue ?? "", account: acc["id"]?.stringValue ?? "")
}

extension JSONValue {
    var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    var numberValue: Decimal? { if case .number(let n) = self { n } else { nil } }
    var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
}
