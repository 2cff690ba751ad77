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

/// Runs `body` against the real router over a fresh database of `backend`. The client sends an admin's
/// write token on every request unless the request carries its own `Authorization` or `Cookie` header, or
/// ``TestHeaders/anonymous``.
func withTestApp(
    _ backend: TestBackend, maxBodyBytes: Int = 64 * 1024, configuration: HTTPConfiguration? = nil,
    _ body: @escaping @Sendable (any TestClientProtocol, AppServices, RouteTable) async throws -> Void
) async throws {
    try await withTestStore(backend) { store in
        let records = RecordService(store: store, environment: .fixed())
        let access = AccessService(store: store, environment: .fixed(), bcryptCost: 4)
        let services = AppServices(records: records, access: access, engine: backend.rawValue)
        let admin = try await access.createUser(
            email: "admin@test.coxswain", role: .admin, rep: nil, password: "admin-password", by: .system("test"))
        let (_, secret) = try await access.createToken(userID: admin.id, name: "tests", scope: .write, expiresAt: nil, by: .system("test"))
        var config = configuration ?? HTTPConfiguration()
        config.maxBodyBytes = maxBodyBytes
        let (router, table) = try await buildRouter(services: services, configuration: config)
        var logger = Logger(label: "test")
        logger.logLevel = ProcessInfo.processInfo.environment["TEST_LOG"] != nil ? .debug : .critical
        let app = Application(router: router, logger: logger)
        try await app.test(.router) { client in
            try await body(AuthorizedClient(inner: client, authorization: "Bearer \(secret)"), services, table)
        }
    }
}

enum TestHeaders {
    /// Send the request without any credentials.
    static var anonymous: HTTPFields { [HTTPField.Name("X-Test-Anonymous")!: "1"] }
    static func bearer(_ secret: String) -> HTTPFields { [.authorization: "Bearer \(secret)"] }
}

/// Adds a default `Authorization` header to requests that carry no credentials of their own.
struct AuthorizedClient: TestClientProtocol {
    let inner: any TestClientProtocol
    let authorization: String

    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var h = headers
        let anonymous = HTTPField.Name("X-Test-Anonymous")!
        if h[anonymous] != nil {
            h[anonymous] = nil
        } else if h[.authorization] == nil && h[.cookie] == nil {
            h[.authorization] = authorization
        }
        return try await inner.executeRequest(uri: uri, method: method, headers: h, body: body)
    }

    var port: Int? { inner.port }
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
