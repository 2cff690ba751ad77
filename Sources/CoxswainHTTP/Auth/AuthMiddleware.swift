import CoxswainServices
import Foundation
import HTTPTypes
import Hummingbird

/// Missing, malformed, expired or revoked credentials: 401 with no detail about which.
struct Unauthenticated: Error {}

/// Authenticates every request: `Authorization: Bearer cox_…` API tokens, or the dashboard session cookie.
/// Session-authenticated unsafe requests must carry the session's CSRF token (form field `csrf_token` or
/// header `X-CSRF-Token`). Unauthenticated API calls get 401; unauthenticated page views are redirected to
/// `/login`. Only `/health`, `/openapi.json`, `/login` and the stylesheet are public.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let access: AccessService
    let maxBodyBytes: Int

    static let sessionCookie = "coxswain_session"
    static let publicPaths: Set<String> = ["/health", "/openapi.json", "/login", "/static/app.css"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        let path = request.uri.path
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer",
                let principal = try await access.principal(bearer: String(parts[1]).trimmingCharacters(in: .whitespaces))
            else { throw Unauthenticated() }
            context.principal = principal
            return try await next(request, context)
        }
        if let secret = request.cookies[Self.sessionCookie]?.value, let (principal, session) = try await access.principal(session: secret) {
            context.principal = principal
            context.csrfToken = session.csrfToken
            if !Self.isSafe(request.method) && path != "/login" {
                try await Self.verifyCSRF(&request, expected: session.csrfToken, limit: maxBodyBytes)
            }
            return try await next(request, context)
        }
        if Self.publicPaths.contains(path) { return try await next(request, context) }
        if path.hasPrefix("/api/") || !Self.isSafe(request.method) { throw Unauthenticated() }
        var headers = HTTPFields()
        headers[.location] = "/login?next=" + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")
        return Response(status: .seeOther, headers: headers)
    }

    static func isSafe(_ method: HTTPRequest.Method) -> Bool { method == .get || method == .head || method == .options }

    /// Checks the CSRF token of a session-authenticated write; the body stays readable for the handler.
    static func verifyCSRF(_ request: inout Request, expected: String, limit: Int) async throws {
        if let header = request.headers[HTTPField.Name("X-CSRF-Token")!] {
            guard constantTimeEqual(header, expected) else { throw csrfFailure }
            return
        }
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else { throw csrfFailure }
        let body = try await request.collectBody(upTo: limit)
        let form = FormBody(String(buffer: body))
        guard let token = form["csrf_token"], constantTimeEqual(token, expected) else { throw csrfFailure }
    }

    static let csrfFailure = Problem(
        .forbidden, code: "csrf_failed", detail: "the form's CSRF token is missing or wrong; reload the page and try again")

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}

/// A decoded `application/x-www-form-urlencoded` body.
struct FormBody: Sendable {
    var pairs: [(String, String)]

    init(_ text: String) {
        pairs = text.split(separator: "&").map { part in
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String { String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s) }
            return (decode(kv[0]), kv.count > 1 ? decode(kv[1]) : "")
        }
    }

    subscript(_ key: String) -> String? { pairs.first { $0.0 == key }?.1 }
}
