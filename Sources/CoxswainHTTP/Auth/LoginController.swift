import CoxswainServices
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Mustache
import NIOCore

/// Dashboard sign-in and sign-out. The sign-in form is protected by a double-submit CSRF cookie; failed
/// attempts are throttled per account and per IP (429 with `Retry-After`) and logged without secrets.
struct LoginController: Sendable {
    let services: AppServices
    let templates: MustacheLibrary
    let configuration: HTTPConfiguration
    let throttle: LoginThrottle

    static let loginCSRFCookie = "coxswain_login_csrf"

    func register(on router: Router<AppRequestContext>, table: RouteTable) {
        table.on(router, .get, "/login", form)
        table.on(router, .post, "/login", login)
        table.on(router, .post, "/logout", logout)
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.csrfToken != nil { return Self.redirect(to: "/") }
        return try page(next: Self.safeNext(request.uri.queryParameters["next"].map(String.init)), email: "", error: nil, status: .ok)
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let form = FormBody(String(buffer: try await request.collectBody(upTo: 16 * 1024)))
        let next = Self.safeNext(form["next"])
        guard let cookie = request.cookies[Self.loginCSRFCookie]?.value, let sent = form["csrf_token"],
            AuthMiddleware.constantTimeEqual(cookie, sent)
        else { throw AuthMiddleware.csrfFailure }
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form["password"] ?? ""
        if let wait = await throttle.retryAfter(account: email, ip: context.remoteIP) {
            context.logger.warning("sign-in throttled", metadata: ["email": "\(email)", "ip": "\(context.remoteIP)"])
            var response = try page(
                next: next, email: email, error: "Too many failed attempts. Try again in \(wait) seconds.", status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        guard let user = try await services.access.verifyLogin(email: email, password: password) else {
            await throttle.recordFailure(account: email, ip: context.remoteIP)
            context.logger.notice("sign-in failed", metadata: ["email": "\(email)", "ip": "\(context.remoteIP)"])
            return try page(next: next, email: email, error: "E-mail or password is wrong.", status: .unauthorized)
        }
        await throttle.recordSuccess(account: email)
        let (secret, session) = try await services.access.startSession(for: user)
        var response = Self.redirect(to: next)
        response.setCookie(
            Cookie(
                name: AuthMiddleware.sessionCookie, value: secret, expires: session.expiresAt, path: "/",
                secure: configuration.secureCookies, httpOnly: true, sameSite: .lax))
        response.setCookie(Cookie(name: Self.loginCSRFCookie, value: "", maxAge: 0, path: "/login", httpOnly: true, sameSite: .lax))
        return response
    }

    /// Ends the session (the CSRF check already ran in ``AuthMiddleware``).
    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let secret = request.cookies[AuthMiddleware.sessionCookie]?.value { try await services.access.endSession(secret: secret) }
        var response = Self.redirect(to: "/login")
        response.setCookie(
            Cookie(
                name: AuthMiddleware.sessionCookie, value: "", maxAge: 0, path: "/", secure: configuration.secureCookies, httpOnly: true,
                sameSite: .lax))
        return response
    }

    func page(next: String, email: String, error: String?, status: HTTPResponse.Status) throws -> Response {
        let token = AccessService.randomSecret()
        var object: [String: Any] = ["csrfToken": token, "next": next, "email": email]
        if let error { object["error"] = error }
        guard let html = templates.render(object, withTemplate: "login") else { throw DashboardError("template login is missing") }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        var response = Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
        response.setCookie(
            Cookie(name: Self.loginCSRFCookie, value: token, path: "/login", secure: configuration.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    /// Only same-site relative paths are followed after sign-in (no open redirects).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }

    static func redirect(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
