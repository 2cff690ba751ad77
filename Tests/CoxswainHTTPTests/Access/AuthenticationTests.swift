import CoxswainDomain
import CoxswainHTTP
import CoxswainServices
import CoxswainTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Authentication, sessions and CSRF")
struct AuthenticationTests {
    @Test(arguments: TestBackend.available)
    func missingMalformedUnknownAndRevokedCredentialsAre401WithoutDetail(backend: TestBackend) async throws {
        try await withTestApp(backend) { client, services, _ in
            let f = try await AccessFixture.build(services)
            var bodies: Set<String> = []
            for headers: HTTPFields in [
                TestHeaders.anonymous, [.authorization: "Basic Zm9vOmJhcg=="], [.authorization: "Bearer"],
                [.authorization: "Bearer cox_not-a-real-token"], [.authorization: "Bearer \(String(repeating: "x", count: 5000))"],
            ] {
                let (status, body, h) = try await client.send(.get, "/api/v1/leads", headers: headers)
                #expect(status == .unauthorized)
                #expect(h[.contentType] == "application/problem+json")
                bodies.insert("\(body["code"]?.stringValue ?? "")|\(body["detail"]?.stringValue ?? "")")
            }
            #expect(bodies.count == 1, "every credential failure must look the same: \(bodies)")
            // Given a working token, when it is revoked, the very next request is refused.
            let rep = TestHeaders.bearer(f.tokens[.rep]!)
            #expect(try await client.send(.get, "/api/v1/me", headers: rep).0 == .ok)
            #expect(try await client.send(.delete, "/api/v1/tokens/\(f.tokenIDs[.rep]!)", headers: rep).0 == .noContent)
            #expect(try await client.send(.get, "/api/v1/me", headers: rep).0 == .unauthorized)
            // A deactivated user's tokens stop working too.
            let ops = TestHeaders.bearer(f.tokens[.ops]!)
            #expect(try await client.send(.patch, "/api/v1/users/\(f.userIDs[.ops]!)", json: #"{"active":false}"#).0 == .ok)
            #expect(try await client.send(.get, "/api/v1/me", headers: ops).0 == .unauthorized)
        }
    }

    @Test(arguments: TestBackend.available)
    func readScopedTokensCannotWriteAndTheSecretIsShownOnce(backend: TestBackend) async throws {
        try await withTestApp(backend) { client, services, _ in
            let f = try await AccessFixture.build(services)
            let manager = TestHeaders.bearer(f.tokens[.manager]!)
            let (created, token, _) = try await client.send(.post, "/api/v1/tokens", json: #"{"name":"bi","scope":"read"}"#, headers: manager)
            #expect(created == .created)
            let secret = try #require(token["secret"]?.stringValue)
            #expect(secret.hasPrefix("cox_") && secret.count >= 47)
            let read = TestHeaders.bearer(secret)
            #expect(try await client.send(.get, "/api/v1/leads", headers: read).0 == .ok)
            let (status, problem, _) = try await client.send(
                .post, "/api/v1/leads", json: #"{"last_name":"X","company":"Y"}"#, headers: read)
            #expect(status == .forbidden)
            #expect(problem["code"]?.stringValue == "insufficient_scope")
            let (_, list, _) = try await client.send(.get, "/api/v1/tokens", headers: manager)
            let text = list.serialized()
            #expect(!text.contains(secret) && !text.contains(AccessService.sha256(secret)))
        }
    }

    @Test(arguments: TestBackend.available)
    func writesRecordTheActingTokenAndOnlyAdminsAndOpsReadTheAudit(backend: TestBackend) async throws {
        try await withTestApp(backend) { client, services, _ in
            let f = try await AccessFixture.build(services)
            let rep = TestHeaders.bearer(f.tokens[.rep]!)
            let (status, lead, _) = try await client.send(.post, "/api/v1/leads", json: #"{"last_name":"Audited","company":"A"}"#, headers: rep)
            #expect(status == .created)
            #expect(lead["owner_id"]?.stringValue == f.reps[.own], "a rep's new lead defaults to them")
            let id = try #require(lead["id"]?.stringValue)
            #expect(try await client.send(.get, "/api/v1/audit?record_id=\(id)", headers: rep).0 == .forbidden)
            let (_, audit, _) = try await client.send(.get, "/api/v1/audit?record_id=\(id)&actor=token:\(f.tokenIDs[.rep]!)")
            #expect(audit["data"]?.arrayValue?.count == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func repsCannotReassignOrTouchRestrictedFieldsAndNeverSeeThem(backend: TestBackend) async throws {
        try await withTestApp(backend) { client, services, _ in
            let f = try await AccessFixture.build(services)
            let (s0, _, _) = try await client.send(
                .post, "/api/v1/custom-fields", json: #"{"entity":"lead","key":"margin_note","label":"Margin","type":"text","restricted":true}"#)
            #expect(s0 == .created)
            let lead = f.owned["lead"]![.own]!
            #expect(try await client.send(.patch, "/api/v1/leads/\(lead)", json: #"{"custom_fields":{"margin_note":"thin"}}"#).0 == .ok)
            let rep = TestHeaders.bearer(f.tokens[.rep]!)
            let (_, seen, _) = try await client.send(.get, "/api/v1/leads/\(lead)", headers: rep)
            #expect(seen["custom_fields"]?["margin_note"] == nil)
            let (_, listed, _) = try await client.send(.get, "/api/v1/leads?format=json", headers: rep)
            #expect(!listed.serialized().contains("thin"))
            let (s1, p1, _) = try await client.send(.patch, "/api/v1/leads/\(lead)", json: #"{"custom_fields":{"margin_note":"x"}}"#, headers: rep)
            #expect(s1 == .forbidden)
            #expect(p1["errors"]?.arrayValue?.first?["pointer"]?.stringValue == "/custom_fields/margin_note")
            let (s2, p2, _) = try await client.send(.patch, "/api/v1/leads/\(lead)", json: #"{"owner_id":"\#(f.reps[.teammate]!)"}"#, headers: rep)
            #expect(s2 == .forbidden)
            #expect(p2["code"]?.stringValue == "field_forbidden")
            // The manager may hand it to the teammate, but not outside the team.
            let manager = TestHeaders.bearer(f.tokens[.manager]!)
            #expect(
                try await client.send(.patch, "/api/v1/leads/\(lead)", json: #"{"owner_id":"\#(f.reps[.teammate]!)"}"#, headers: manager).0 == .ok)
            #expect(
                try await client.send(.patch, "/api/v1/leads/\(lead)", json: #"{"owner_id":"\#(f.reps[.other]!)"}"#, headers: manager).0 == .forbidden
            )
            let (_, after, _) = try await client.send(.get, "/api/v1/leads/\(lead)")
            #expect(after["custom_fields"]?["margin_note"]?.stringValue == "thin")
            #expect(after["owner_id"]?.stringValue == f.reps[.teammate])
        }
    }

    @Test(arguments: TestBackend.available)
    func signInSessionCookieCSRFAndSignOut(backend: TestBackend) async throws {
        try await withTestApp(backend) { client, services, _ in
            let f = try await AccessFixture.build(services)
            _ = f
            // The sign-in form sets a CSRF cookie that the post must echo.
            let (formStatus, formHeaders, csrf) = try await client.page(.get, "/login", headers: TestHeaders.anonymous)
            #expect(formStatus == .ok)
            #expect(formHeaders[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(formHeaders[.xContentTypeOptions] == "nosniff")
            let loginCookie = try #require(formHeaders.cookie(named: "coxswain_login_csrf"))
            let wrong = try await client.form(
                "/login", "email=manager%40users.test&password=password-manager&csrf_token=nope", cookie: "coxswain_login_csrf=\(loginCookie)")
            #expect(wrong.0 == .forbidden)
            let bad = try await client.form(
                "/login", "email=manager%40users.test&password=wrong-password&csrf_token=\(csrf)", cookie: "coxswain_login_csrf=\(loginCookie)")
            #expect(bad.0 == .unauthorized)
            let ok = try await client.form(
                "/login", "email=manager%40users.test&password=password-manager&csrf_token=\(csrf)&next=%2F",
                cookie: "coxswain_login_csrf=\(loginCookie)")
            #expect(ok.0 == .seeOther)
            let setCookie = ok.1[values: .setCookie].first { $0.hasPrefix("coxswain_session=") } ?? ""
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"))
            let session = try #require(ok.1.cookie(named: "coxswain_session"))
            let cookie = "coxswain_session=\(session)"
            // Signed in, the home page shows the sign-out form with the session's CSRF token.
            let (home, _, sessionCSRF) = try await client.page(.get, "/", headers: [.cookie: cookie])
            #expect(home == .ok)
            #expect(!sessionCSRF.isEmpty)
            // JSON writes with the cookie need the CSRF header.
            let body = #"{"last_name":"Via session","company":"S"}"#
            let (noToken, problem, _) = try await client.send(.post, "/api/v1/leads", json: body, headers: [.cookie: cookie])
            #expect(noToken == .forbidden)
            #expect(problem["code"]?.stringValue == "csrf_failed")
            let (withToken, _, _) = try await client.send(
                .post, "/api/v1/leads", json: body, headers: [.cookie: cookie, HTTPField.Name("X-CSRF-Token")!: sessionCSRF])
            #expect(withToken == .created)
            // Sign-out needs the token too, then the cookie stops working.
            #expect(try await client.form("/logout", "", cookie: cookie).0 == .forbidden)
            #expect(try await client.form("/logout", "csrf_token=\(sessionCSRF)", cookie: cookie).0 == .seeOther)
            let (after, afterHeaders, _) = try await client.page(.get, "/", headers: [.cookie: cookie])
            #expect(after == .seeOther)
            #expect(afterHeaders[.location]?.hasPrefix("/login") == true)
        }
    }

    @Test func repeatedFailedSignInsAreThrottledPerAccount() async throws {
        let config = HTTPConfiguration(loginAttemptsPerAccount: 3, loginAttemptsPerIP: 100)
        try await withTestApp(.sqlite, configuration: config) { client, services, _ in
            _ = try await AccessFixture.build(services)
            let (_, headers, csrf) = try await client.page(.get, "/login", headers: TestHeaders.anonymous)
            let cookie = "coxswain_login_csrf=\(headers.cookie(named: "coxswain_login_csrf") ?? "")"
            for _ in 0..<3 {
                #expect(
                    try await client.form("/login", "email=rep%40users.test&password=guess-guess&csrf_token=\(csrf)", cookie: cookie).0
                        == .unauthorized)
            }
            // Even the right password is refused while the account is locked out.
            let locked = try await client.form("/login", "email=rep%40users.test&password=password-rep&csrf_token=\(csrf)", cookie: cookie)
            #expect(locked.0 == .tooManyRequests)
            #expect(Int(locked.1[.retryAfter] ?? "") ?? 0 > 0)
            // Another account is not affected.
            #expect(try await client.form("/login", "email=ops%40users.test&password=password-ops&csrf_token=\(csrf)", cookie: cookie).0 == .seeOther)
        }
    }
}

extension TestClientProtocol {
    /// GETs an HTML page; returns status, headers and the first `csrf_token` value in the page.
    func page(_ method: HTTPRequest.Method, _ path: String, headers: HTTPFields) async throws -> (HTTPResponse.Status, HTTPFields, String) {
        try await execute(uri: path, method: method, headers: headers, body: nil) { response in
            let html = String(buffer: response.body)
            var token = ""
            if let r = html.range(of: #"name="csrf_token" value=""#) {
                token = String(html[r.upperBound...].prefix { $0 != "\"" })
            }
            return (response.status, response.headers, token)
        }
    }

    /// POSTs a URL-encoded form with a cookie.
    func form(_ path: String, _ body: String, cookie: String) async throws -> (HTTPResponse.Status, HTTPFields) {
        try await execute(
            uri: path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
            body: ByteBuffer(string: body)
        ) { ($0.status, $0.headers) }
    }
}

extension HTTPFields {
    /// The value a `Set-Cookie` header gives `name`.
    func cookie(named name: String) -> String? {
        for value in self[values: .setCookie] where value.hasPrefix(name + "=") {
            return String(value.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }
}
