import CoxswainDomain
import CoxswainHTTP
import CoxswainServices
import CoxswainTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Every registered route × every role × own / teammate / other-team record: allowed requests succeed,
/// forbidden ones answer 403 or 404 and change nothing, and lists never contain another scope's records.
/// A route without an expectation here fails the test, so new routes must declare who may use them.
@Suite("Access matrix")
struct AccessMatrixTests {
    @Test(arguments: TestBackend.available)
    func everyRouteHoldsForEveryRoleAndRecord(backend: TestBackend) async throws {
        try await withTestApp(backend, maxBodyBytes: 64 * 1024) { client, services, table in
            let f = try await AccessFixture.build(services)
            let admin = HTTPFields()
            var n = 0
            var covered: Set<String> = []
            func check(
                _ allowed: Bool, _ status: HTTPResponse.Status, _ what: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
            ) {
                if allowed {
                    #expect((200..<400).contains(status.code), "\(what()) should be allowed, got \(status.code)", sourceLocation: sourceLocation)
                } else {
                    #expect([403, 404].contains(status.code), "\(what()) should be refused, got \(status.code)", sourceLocation: sourceLocation)
                }
            }
            for route in table.entries {
                let key = "\(route.method.rawValue) \(route.path)"
                let parts = route.path.split(separator: "/").map(String.init)
                // Entity CRUD routes.
                if parts.count >= 3, parts[0] == "api", parts[1] == "v1", let schema = EntityCatalog.schema(named: parts[2]),
                    parts.count == 3 || (parts.count == 4 && parts[3] == ":id")
                {
                    covered.insert(key)
                    let entity = schema.name
                    let ownedEntity = AccessFixture.ownedEntities.contains(entity)
                    let targets: [Target?] = ownedEntity ? Target.allCases : [nil]
                    for role in UserRole.allCases {
                        let auth = TestHeaders.bearer(f.tokens[role]!)
                        let label = "\(role.rawValue) \(key)"
                        switch (route.method, parts.count) {
                        case (.get, 3):
                            let (status, body, _) = try await client.send(.get, "/api/v1/\(schema.plural)?limit=1000", headers: auth)
                            check(AccessOracle.canList(role, entity), status, label)
                            guard status == .ok,
                                let ownerField = ownedEntity ? (entity == "activity" || entity == "quota" ? "rep_id" : "owner_id") : nil
                            else { continue }
                            let owners = Set((body["data"]?.arrayValue ?? []).compactMap { $0[ownerField]?.stringValue })
                            for target in Target.allCases {
                                let fixtureOwner = f.reps[target]!
                                let visible = AccessOracle.canRead(role, entity, target)
                                if !visible { #expect(!owners.contains(fixtureOwner), "\(label) leaked \(target) records") }
                                let ids = Set((body["data"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue })
                                if visible { #expect(ids.contains(f.owned[entity]![target]!), "\(label) is missing the \(target) record") }
                            }
                        case (.post, 3):
                            for target in targets {
                                n += 1
                                let owner = f.reps[target ?? .own]!
                                let (status, problem, _) = try await client.send(
                                    .post, "/api/v1/\(schema.plural)", json: f.createBody(entity, owner: owner, n: n), headers: auth)
                                check(AccessOracle.canWrite(role, entity, target), status, "\(label) for \(target?.rawValue ?? "-"): \(problem)")
                            }
                        case (.get, 4):
                            for target in targets {
                                let id = target.map { f.owned[entity]![$0]! } ?? f.shared[entity]!
                                let (status, _, _) = try await client.send(.get, "/api/v1/\(schema.plural)/\(id)", headers: auth)
                                check(AccessOracle.canRead(role, entity, target), status, "\(label) for \(target?.rawValue ?? "-")")
                            }
                        case (.patch, 4):
                            for target in targets {
                                n += 1
                                let id = target.map { f.owned[entity]![$0]! } ?? f.shared[entity]!
                                let marker = "ext-\(n)"
                                let (status, problem, _) = try await client.send(
                                    .patch, "/api/v1/\(schema.plural)/\(id)", json: #"{"external_id":"\#(marker)"}"#, headers: auth)
                                let allowed = AccessOracle.canWrite(role, entity, target)
                                check(allowed, status, "\(label) for \(target?.rawValue ?? "-"): \(problem)")
                                let (_, after, _) = try await client.send(.get, "/api/v1/\(schema.plural)/\(id)", headers: admin)
                                #expect((after["external_id"]?.stringValue == marker) == allowed, "\(label) wrote despite refusal")
                            }
                        case (.delete, 4):
                            for target in targets {
                                let allowed = AccessOracle.canWrite(role, entity, target)
                                n += 1
                                // Allowed deletes remove a disposable record; refused ones aim at the fixture and must leave it.
                                var id = target.map { f.owned[entity]![$0]! } ?? f.shared[entity]!
                                if allowed {
                                    let (s, created, _) = try await client.send(
                                        .post, "/api/v1/\(schema.plural)", json: f.createBody(entity, owner: f.reps[target ?? .own]!, n: n),
                                        headers: admin)
                                    #expect(s == .created, "disposable \(entity): \(created)")
                                    id = created["id"]?.stringValue ?? ""
                                }
                                let (status, _, _) = try await client.send(.delete, "/api/v1/\(schema.plural)/\(id)", headers: auth)
                                check(allowed, status, "\(label) for \(target?.rawValue ?? "-")")
                                let (still, _, _) = try await client.send(.get, "/api/v1/\(schema.plural)/\(id)", headers: admin)
                                #expect((still == .notFound) == allowed, "\(label): record presence after delete is wrong")
                            }
                        default:
                            Issue.record("unexpected entity route \(key)")
                        }
                    }
                    continue
                }
                guard let expectation = OtherRoutes.expectations[key] else {
                    Issue.record("route \(key) has no access expectation in the matrix")
                    continue
                }
                covered.insert(key)
                for role in UserRole.allCases {
                    try await expectation(client, f, role, TestHeaders.bearer(f.tokens[role]!))
                }
            }
            #expect(covered.count == table.entries.count)
        }
    }
}

/// Expectations for routes that are not plain entity CRUD.
enum OtherRoutes {
    typealias Check = @Sendable (any TestClientProtocol, AccessFixture, UserRole, HTTPFields) async throws -> Void

    static func expect(_ method: HTTPRequest.Method, _ path: String, body: String? = nil, allowed: @escaping @Sendable (UserRole) -> Bool) -> Check {
        { client, _, role, auth in
            let (status, _, _) = try await client.send(method, path, json: body, headers: auth)
            let ok = allowed(role)
            #expect(ok ? (200..<400).contains(status.code) : [403, 404].contains(status.code), "\(role.rawValue) \(method) \(path): \(status.code)")
        }
    }

    static let adminOrOps: @Sendable (UserRole) -> Bool = { $0 == .admin || $0 == .ops }

    /// For capability routes exercised with ids that do not exist: roles without the capability get 403
    /// before any lookup; roles with it get past authorisation (any answer but 401/403/5xx).
    static func capability(
        _ method: HTTPRequest.Method, _ path: String, body: String? = nil, allowed: @escaping @Sendable (UserRole) -> Bool
    ) -> Check {
        { client, _, role, auth in
            var headers = auth
            if body != nil && path.hasPrefix("/review") { headers[.contentType] = "application/x-www-form-urlencoded" }
            let (status, _, _) = try await client.send(method, path, json: path.hasPrefix("/review") ? nil : body, headers: headers)
            if allowed(role) {
                #expect(![401, 403].contains(status.code) && status.code < 500, "\(role.rawValue) \(method) \(path): \(status.code)")
            } else {
                #expect(status == .forbidden, "\(role.rawValue) \(method) \(path): \(status.code)")
            }
        }
    }

    /// Analytics: every role but finance, scoped — the response never mentions a rep outside the caller's reach.
    static func analytics(_ path: String) -> Check {
        { client, f, role, auth in
            let (status, body, _) = try await client.send(.get, path, headers: auth)
            if role == .finance {
                #expect(status == .forbidden, "finance GET \(path): \(status.code)")
                return
            }
            #expect(status == .ok, "\(role.rawValue) GET \(path): \(status.code)")
            let text = body.serialized()
            for target in Target.allCases where !AccessOracle.inScope(role, target) {
                #expect(!text.contains(f.reps[target]!), "\(role.rawValue) GET \(path) mentions the \(target) rep")
            }
        }
    }

    static func analyticsRep(_ prefix: String) -> Check {
        { client, f, role, auth in
            for target in Target.allCases {
                let (status, _, _) = try await client.send(.get, prefix + f.reps[target]!, headers: auth)
                let ok = role != .finance && AccessOracle.inScope(role, target)
                #expect(ok ? status == .ok : [400, 403, 404].contains(status.code), "\(role.rawValue) GET \(prefix)\(target): \(status.code)")
            }
        }
    }

    static let expectations: [String: Check] = [
        "GET /team": analytics("/team"),
        "GET /reps": analytics("/reps"),
        "GET /reps/:id": analyticsRep("/reps/"),
        "GET /funnel": analytics("/funnel"),
        "GET /trends": analytics("/trends"),
        "GET /compare": analytics("/compare?split=2026-01-01"),
        "GET /api/v1/analytics/summary": analytics("/api/v1/analytics/summary"),
        "GET /api/v1/analytics/leaderboard": analytics("/api/v1/analytics/leaderboard"),
        "GET /api/v1/analytics/funnel": analytics("/api/v1/analytics/funnel"),
        "GET /api/v1/analytics/trends": analytics("/api/v1/analytics/trends"),
        "GET /api/v1/analytics/ramp": analytics("/api/v1/analytics/ramp"),
        "GET /api/v1/analytics/reps/:id": analyticsRep("/api/v1/analytics/reps/"),
        "GET /api/v1/analytics/compare": analytics("/api/v1/analytics/compare?split=2026-01-01"),
        // De-duplication and merges: admin and ops only (merge events hold every merged record's data).
        "POST /api/v1/dedup-jobs": capability(.post, "/api/v1/dedup-jobs", body: #"{"entity":"widgets"}"#, allowed: adminOrOps),
        "GET /api/v1/dedup-jobs/:id": capability(.get, "/api/v1/dedup-jobs/no-such-job", allowed: adminOrOps),
        "GET /api/v1/dedup-candidates": capability(.get, "/api/v1/dedup-candidates", allowed: adminOrOps),
        "GET /api/v1/dedup-candidates/:id": capability(.get, "/api/v1/dedup-candidates/none", allowed: adminOrOps),
        "POST /api/v1/dedup-candidates/:id/merge": capability(.post, "/api/v1/dedup-candidates/none/merge", body: "{}", allowed: adminOrOps),
        "POST /api/v1/dedup-candidates/:id/dismiss": capability(.post, "/api/v1/dedup-candidates/none/dismiss", allowed: adminOrOps),
        "GET /api/v1/lead-merges": capability(.get, "/api/v1/lead-merges", allowed: adminOrOps),
        "POST /api/v1/lead-merges": capability(
            .post, "/api/v1/lead-merges", body: #"{"survivor_id":"none","duplicate_ids":["none-2"]}"#, allowed: adminOrOps),
        "GET /api/v1/lead-merges/:id": capability(.get, "/api/v1/lead-merges/none", allowed: adminOrOps),
        "POST /api/v1/lead-merges/:id/undo": capability(.post, "/api/v1/lead-merges/none/undo", allowed: adminOrOps),
        "GET /api/v1/settings/lead-matching": capability(.get, "/api/v1/settings/lead-matching", allowed: adminOrOps),
        "PATCH /api/v1/settings/lead-matching": capability(.patch, "/api/v1/settings/lead-matching", body: #"{"mode":"warn"}"#, allowed: adminOrOps),
        "GET /review": capability(.get, "/review", allowed: adminOrOps),
        "POST /review/jobs": capability(.post, "/review/jobs", body: "entity=leads", allowed: adminOrOps),
        "POST /review/candidates/:id/merge": capability(.post, "/review/candidates/none/merge", body: "", allowed: adminOrOps),
        "POST /review/candidates/:id/dismiss": capability(.post, "/review/candidates/none/dismiss", body: "", allowed: adminOrOps),
        "POST /review/merges/:id/undo": capability(.post, "/review/merges/none/undo", body: "", allowed: adminOrOps),
        "GET /health": expect(.get, "/health") { _ in true },
        "GET /openapi.json": expect(.get, "/openapi.json") { _ in true },
        "GET /": expect(.get, "/") { _ in true },
        "GET /login": expect(.get, "/login") { _ in true },
        "GET /api/v1/settings": expect(.get, "/api/v1/settings") { _ in true },
        "PATCH /api/v1/settings": expect(.patch, "/api/v1/settings", body: #"{"name":"Acme"}"#, allowed: adminOrOps),
        "GET /api/v1/audit": expect(.get, "/api/v1/audit", allowed: adminOrOps),
        "GET /api/v1/me": expect(.get, "/api/v1/me") { _ in true },
        "GET /api/v1/users": expect(.get, "/api/v1/users") { $0 == .admin },
        "POST /api/v1/users": { client, _, role, auth in
            let body = #"{"email":"made-by-\#(role.rawValue)@users.test","role":"rep","rep_id":"ana@t.test","password":"long-enough-pw"}"#
            let (status, _, _) = try await client.send(.post, "/api/v1/users", json: body, headers: auth)
            #expect(role == .admin ? status == .created : status == .forbidden, "\(role.rawValue) POST /api/v1/users: \(status.code)")
        },
        "PATCH /api/v1/users/:id": { client, f, role, auth in
            let (status, _, _) = try await client.send(.patch, "/api/v1/users/\(f.userIDs[.finance]!)", json: #"{"active":true}"#, headers: auth)
            #expect(role == .admin ? status == .ok : status == .forbidden, "\(role.rawValue) PATCH user: \(status.code)")
        },
        "GET /api/v1/tokens": expect(.get, "/api/v1/tokens") { _ in true },
        "POST /api/v1/tokens": { client, f, role, auth in
            // Anyone may create a token for themselves; only admins for someone else.
            let (own, _, _) = try await client.send(.post, "/api/v1/tokens", json: #"{"name":"mine","scope":"read"}"#, headers: auth)
            #expect(own == .created, "\(role.rawValue) own token: \(own.code)")
            let other = f.userIDs[role == .rep ? .manager : .rep]!
            let (status, _, _) = try await client.send(.post, "/api/v1/tokens", json: #"{"user_id":"\#(other)"}"#, headers: auth)
            #expect(role == .admin ? status == .created : status == .forbidden, "\(role.rawValue) token for another user: \(status.code)")
        },
        "DELETE /api/v1/tokens/:id": { client, f, role, auth in
            // Someone else's token is invisible (404) unless admin; the test never revokes the tokens it uses.
            let victim = role == .finance ? UserRole.ops : .finance
            if role == .admin { return }
            let (status, _, _) = try await client.send(.delete, "/api/v1/tokens/\(f.tokenIDs[victim]!)", headers: auth)
            #expect(status == .notFound, "\(role.rawValue) revoking another user's token: \(status.code)")
        },
        "GET /api/v1/opportunities/:id/history": { client, f, role, auth in
            for target in Target.allCases {
                let (status, _, _) = try await client.send(.get, "/api/v1/opportunities/\(f.owned["opportunity"]![target]!)/history", headers: auth)
                let ok = AccessOracle.canRead(role, "opportunity", target)
                #expect(ok ? status == .ok : [403, 404].contains(status.code), "\(role.rawValue) history \(target): \(status.code)")
            }
        },
        "POST /login": { client, _, _, _ in
            // Without the sign-in form's CSRF cookie the post is refused.
            let (status, _, _) = try await client.send(.post, "/login", headers: TestHeaders.anonymous)
            #expect(status == .forbidden)
        },
        "POST /logout": { client, _, _, auth in
            let (status, _, _) = try await client.send(.post, "/logout", headers: auth)
            #expect(status == .seeOther)
        },
    ]
}
