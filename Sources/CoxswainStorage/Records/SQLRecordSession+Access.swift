import CoxswainDomain
import CoxswainServices
import Foundation
import SQLKit

extension SQLRecordSession {
    func user(id: String) async throws -> UserAccount? {
        try await db.select().column("*").from("users").where("id", .equal, SQLBind(id)).first().map(Self.user(_:))
    }

    func user(email: String) async throws -> UserAccount? {
        try await db.select().column("*").from("users").where("email", .equal, SQLBind(email)).first().map(Self.user(_:))
    }

    func users() async throws -> [UserAccount] {
        try await db.select().column("*").from("users").orderBy("email").all().map(Self.user(_:))
    }

    func token(secretHash: String) async throws -> APIToken? {
        try await db.select().column("*").from("api_tokens").where("secret_hash", .equal, SQLBind(secretHash)).first().map(Self.token(_:))
    }

    func token(id: String) async throws -> APIToken? {
        try await db.select().column("*").from("api_tokens").where("id", .equal, SQLBind(id)).first().map(Self.token(_:))
    }

    func tokens(userID: String?) async throws -> [APIToken] {
        var select = db.select().column("*").from("api_tokens")
        if let userID { select = select.where("user_id", .equal, SQLBind(userID)) }
        return try await select.orderBy("id").all().map(Self.token(_:))
    }

    func session(secretHash: String) async throws -> LoginSession? {
        guard let row = try await db.select().column("*").from("login_sessions").where("secret_hash", .equal, SQLBind(secretHash)).first()
        else { return nil }
        return LoginSession(
            secretHash: try row.decode(column: "secret_hash", as: String.self), userID: try row.decode(column: "user_id", as: String.self),
            csrfToken: try row.decode(column: "csrf_token", as: String.self),
            createdAt: Self.date(try row.decode(column: "created_at", as: Int64.self)),
            expiresAt: Self.date(try row.decode(column: "expires_at", as: Int64.self)))
    }

    func insert(user u: UserAccount) async throws {
        try await db.insert(into: "users")
            .columns("id", "email", "role", "rep_id", "password_hash", "active", "created_at")
            .values(
                SQLBind(u.id), SQLBind(u.email), SQLBind(u.role.rawValue), u.repID.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null,
                SQLBind(u.passwordHash), SQLBind(u.active), SQLBind(Self.millis(u.createdAt))
            ).run()
    }

    func update(user u: UserAccount) async throws {
        try await db.update("users")
            .set("email", to: SQLBind(u.email)).set("role", to: SQLBind(u.role.rawValue))
            .set("rep_id", to: u.repID.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
            .set("password_hash", to: SQLBind(u.passwordHash)).set("active", to: SQLBind(u.active))
            .where("id", .equal, SQLBind(u.id)).run()
    }

    func insert(token t: APIToken) async throws {
        try await db.insert(into: "api_tokens")
            .columns("id", "user_id", "name", "scope", "secret_hash", "created_at", "expires_at", "revoked_at")
            .values(
                SQLBind(t.id), SQLBind(t.userID), SQLBind(t.name), SQLBind(t.scope.rawValue), SQLBind(t.secretHash),
                SQLBind(Self.millis(t.createdAt)), Self.optionalMillis(t.expiresAt), Self.optionalMillis(t.revokedAt)
            ).run()
    }

    func revokeToken(id: String, at: Date) async throws {
        try await db.update("api_tokens").set("revoked_at", to: SQLBind(Self.millis(at))).where("id", .equal, SQLBind(id)).run()
    }

    func insert(session s: LoginSession) async throws {
        try await db.insert(into: "login_sessions")
            .columns("secret_hash", "user_id", "csrf_token", "created_at", "expires_at")
            .values(
                SQLBind(s.secretHash), SQLBind(s.userID), SQLBind(s.csrfToken), SQLBind(Self.millis(s.createdAt)),
                SQLBind(Self.millis(s.expiresAt))
            ).run()
    }

    func deleteSession(secretHash: String) async throws {
        try await db.delete(from: "login_sessions").where("secret_hash", .equal, SQLBind(secretHash)).run()
    }

    func deleteSessions(expiredBefore now: Date) async throws -> Int {
        let count =
            try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("login_sessions")
            .where("expires_at", .lessThan, SQLBind(Self.millis(now))).first()?.decode(column: "n", as: Int.self) ?? 0
        if count > 0 { try await db.delete(from: "login_sessions").where("expires_at", .lessThan, SQLBind(Self.millis(now))).run() }
        return count
    }

    private static func optionalMillis(_ d: Date?) -> any SQLExpression {
        d.map { SQLBind(millis($0)) as any SQLExpression } ?? SQLLiteral.null
    }

    private static func user(_ row: any SQLRow) throws -> UserAccount {
        UserAccount(
            id: try row.decode(column: "id", as: String.self), email: try row.decode(column: "email", as: String.self),
            role: UserRole(rawValue: try row.decode(column: "role", as: String.self)) ?? .rep,
            repID: try row.decode(column: "rep_id", as: String?.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self), active: try row.decode(column: "active", as: Bool.self),
            createdAt: date(try row.decode(column: "created_at", as: Int64.self)))
    }

    private static func token(_ row: any SQLRow) throws -> APIToken {
        APIToken(
            id: try row.decode(column: "id", as: String.self), userID: try row.decode(column: "user_id", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            scope: TokenScope(rawValue: try row.decode(column: "scope", as: String.self)) ?? .read,
            secretHash: try row.decode(column: "secret_hash", as: String.self),
            createdAt: date(try row.decode(column: "created_at", as: Int64.self)),
            expiresAt: try row.decode(column: "expires_at", as: Int64?.self).map(date(_:)),
            revokedAt: try row.decode(column: "revoked_at", as: Int64?.self).map(date(_:)))
    }
}
