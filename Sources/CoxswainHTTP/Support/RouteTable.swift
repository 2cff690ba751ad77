import HTTPTypes
import Hummingbird

/// Every route the application registers, recorded at registration time so the OpenAPI test can prove the
/// document covers them all.
public final class RouteTable: @unchecked Sendable {
    public struct Entry: Hashable, Sendable {
        public var method: HTTPRequest.Method
        /// Hummingbird syntax, e.g. `/api/v1/leads/:id`.
        public var path: String
        /// OpenAPI syntax, e.g. `/api/v1/leads/{id}`.
        public var openAPIPath: String {
            "/" + path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
        }
    }

    public private(set) var entries: [Entry] = []

    /// Registers `handler` on `router` and records the route.
    func on(
        _ router: Router<AppRequestContext>, _ method: HTTPRequest.Method, _ path: String,
        _ handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) {
        router.on(RouterPath(path), method: method, use: handler)
        entries.append(Entry(method: method, path: path))
    }
}
