import CoxswainDomain
import CoxswainServices
import Foundation
import HTTPTypes
import Hummingbird

/// `/api/v1/me`, users (admin) and API tokens (own; admin for everyone's). Token secrets appear once, in the
/// response that creates them.
struct AccessController: Sendable {
    let services: AppServices
    let maxBodyBytes: Int

    func register(on router: Router<AppRequestContext>, table: RouteTable) {
        table.on(router, .get, "/api/v1/me", me)
        table.on(router, .get, "/api/v1/users", listUsers)
        table.on(router, .post, "/api/v1/users", createUser)
        table.on(router, .patch, "/api/v1/users/:id", updateUser)
        table.on(router, .get, "/api/v1/tokens", listTokens)
        table.on(router, .post, "/api/v1/tokens", createToken)
        table.on(router, .delete, "/api/v1/tokens/:id", revokeToken)
    }

    @Sendable func me(_ request: Request, context: AppRequestContext) async throws -> Response {
        let p = context.principal
        return Reply.json(
            .object([
                ("actor", .string(p.id)), ("user_id", p.userID.map(JSONValue.string) ?? .null), ("role", .string(p.role.rawValue)),
                ("rep_id", p.repID.map(JSONValue.string) ?? .null), ("scope", .string(p.scope.rawValue)),
                ("visible_rep_ids", p.visibleRepIDs.map { .array($0.sorted().map(JSONValue.string)) } ?? .null),
            ]))
    }

    @Sendable func listUsers(_ request: Request, context: AppRequestContext) async throws -> Response {
        let users = try await services.access.users(by: context.principal)
        return Reply.json(.object([("data", .array(users.map(AccessService.json)))]))
    }

    @Sendable func createUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let body = try Fields(try await request.jsonObject(limit: maxBodyBytes), entity: "user", allowed: ["email", "role", "rep_id", "password"])
        let email = try body.string("email", required: true) ?? ""
        let role = try body.role()
        let password = try body.string("password", required: true) ?? ""
        let rep = try body.string("rep_id")
        try body.finish()
        let user = try await services.access.createUser(email: email, role: role ?? .rep, rep: rep, password: password, by: context.principal)
        var headers = HTTPFields()
        headers[.location] = "/api/v1/users/\(user.id)"
        return Reply.json(AccessService.json(user), status: .created, headers: headers)
    }

    @Sendable func updateUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        var request = request
        let body = try Fields(try await request.jsonObject(limit: maxBodyBytes), entity: "user", allowed: ["role", "rep_id", "active", "password"])
        let role = try body.role(required: false)
        let rep: String?? = body.has("rep_id") ? .some(try body.string("rep_id")) : .none
        let active = try body.bool("active")
        let password = try body.string("password")
        try body.finish()
        let user = try await services.access.updateUser(id: id, role: role, rep: rep, active: active, password: password, by: context.principal)
        return Reply.json(AccessService.json(user))
    }

    @Sendable func listTokens(_ request: Request, context: AppRequestContext) async throws -> Response {
        let all = request.uri.queryParameters["all"] == "true"
        let tokens = try await services.access.tokens(by: context.principal, all: all)
        return Reply.json(.object([("data", .array(tokens.map(AccessService.json)))]))
    }

    @Sendable func createToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let body = try Fields(
            try await request.jsonObject(limit: maxBodyBytes), entity: "token", allowed: ["name", "scope", "expires_at", "user_id"])
        let name = try body.string("name") ?? "API token"
        let scope = try body.string("scope").map { raw -> TokenScope in
            guard let s = TokenScope(rawValue: raw) else { throw body.invalid("scope", "must be read or write") }
            return s
        }
        let expires = try body.string("expires_at").map { raw -> Date in
            guard let d = Timestamp.parse(raw) else { throw body.invalid("expires_at", "'\(raw)' is not an ISO 8601 timestamp") }
            return d
        }
        let userID = try body.string("user_id") ?? context.principal.userID
        try body.finish()
        guard let userID else { throw ValidationFailure(entity: "token", issues: [.required("user_id")]) }
        let (token, secret) = try await services.access.createToken(
            userID: userID, name: name, scope: scope ?? .read, expiresAt: expires, by: context.principal)
        guard case .object(var pairs) = AccessService.json(token) else { return Reply.json(.null) }
        pairs.append(("secret", .string(secret)))
        return Reply.json(.object(pairs), status: .created)
    }

    @Sendable func revokeToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await services.access.revokeToken(id: try context.parameters.require("id"), by: context.principal)
        return Response(status: .noContent)
    }
}

/// A small typed reader over a JSON object body that collects every problem and rejects unknown keys.
private final class Fields {
    let pairs: [(String, JSONValue)]
    let entity: String
    var issues: [FieldIssue] = []

    init(_ pairs: [(String, JSONValue)], entity: String, allowed: Set<String>) throws {
        self.pairs = pairs
        self.entity = entity
        for (key, _) in pairs where !allowed.contains(key) {
            issues.append(FieldIssue(code: "unknown_field", field: key, message: "is not a field of \(entity)"))
        }
    }

    func has(_ key: String) -> Bool { pairs.contains { $0.0 == key } }
    func value(_ key: String) -> JSONValue? { pairs.first { $0.0 == key }?.1 }

    func string(_ key: String, required: Bool = false) throws -> String? {
        switch value(key) {
        case .string(let s): return s
        case .null, nil:
            if required { issues.append(.required(key)) }
            return nil
        default:
            issues.append(FieldIssue(code: "invalid_type", field: key, message: "must be a string"))
            return nil
        }
    }

    func bool(_ key: String) throws -> Bool? {
        switch value(key) {
        case .bool(let b): return b
        case nil: return nil
        default:
            issues.append(FieldIssue(code: "invalid_type", field: key, message: "must be true or false"))
            return nil
        }
    }

    func role(required: Bool = true) throws -> UserRole? {
        guard let raw = try string("role", required: required) else { return nil }
        guard let role = UserRole(rawValue: raw) else {
            issues.append(
                FieldIssue(
                    code: "unknown_value", field: "role", message: "must be one of \(UserRole.allCases.map(\.rawValue).joined(separator: ", "))"))
            return nil
        }
        return role
    }

    func invalid(_ field: String, _ message: String) -> ValidationFailure {
        ValidationFailure(entity: entity, issues: issues + [FieldIssue(code: "invalid_format", field: field, message: message)])
    }

    func finish() throws {
        if !issues.isEmpty { throw ValidationFailure(entity: entity, issues: issues) }
    }
}
