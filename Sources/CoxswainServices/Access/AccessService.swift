import CoxswainDomain
import Crypto
import Foundation
import HummingbirdBcrypt

/// Users, API tokens and dashboard sessions, and the resolution of a credential into a ``Principal`` whose
/// ``Principal/visibleRepIDs`` every service then applies.
///
/// Example: `let (token, secret) = try await access.createToken(userID: rep.id, name: "laptop", scope: .read,
/// expiresAt: nil, by: .cli())` prints `cox_…` once; later `try await access.principal(bearer: secret)` returns a
/// read-only principal limited to that rep's records, or nil once the token is revoked or expired.
public struct AccessService: Sendable {
    public let store: any RecordStore
    public let environment: Environment
    /// bcrypt work factor (12 in production; tests use 4, the minimum).
    public let bcryptCost: UInt8
    /// How long a dashboard session lasts.
    public let sessionLifetime: TimeInterval

    public init(store: any RecordStore, environment: Environment = .live, bcryptCost: UInt8 = 12, sessionLifetime: TimeInterval = 8 * 3600) {
        self.store = store
        self.environment = environment
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
    }

    /// Passwords must be at least this long.
    public static let minimumPasswordLength = 10

    /// Creates a user. Reps and managers must be linked to an existing rep record (by id or e-mail).
    public func createUser(email: String, role: UserRole, rep: String?, password: String, by actor: Principal) async throws -> UserAccount {
        try AccessRules.require(.manageUsers, actor, writing: true)
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        var issues: [FieldIssue] = []
        if !Self.looksLikeEmail(email) {
            issues.append(FieldIssue(code: "invalid_format", field: "email", message: "'\(email)' is not an e-mail address"))
        }
        if password.count < Self.minimumPasswordLength {
            issues.append(FieldIssue(code: "out_of_range", field: "password", message: "must be at least \(Self.minimumPasswordLength) characters"))
        }
        if (role == .rep || role == .manager) && (rep ?? "").isEmpty {
            issues.append(.required("rep_id"))
        }
        if !issues.isEmpty { throw ValidationFailure(entity: "user", issues: issues) }
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        let env = environment
        return try await store.write { tx in
            if try await tx.user(email: email) != nil {
                throw StoreError.conflict(entity: "user", field: "email", message: "a user with e-mail \(email) already exists")
            }
            let repID = try await Self.resolveRep(rep, tx)
            let now = env.now()
            let user = UserAccount(id: env.newID(now), email: email, role: role, repID: repID, passwordHash: hash, createdAt: now)
            try await tx.insert(user: user)
            try await tx.append(audit: [
                AuditEntry(
                    at: now, actor: actor.id, action: "create", entity: "user", recordID: user.id, before: nil, after: Self.json(user).serialized())
            ])
            return user
        }
    }

    /// Changes a user's role, rep link, active flag or password (admin only); deactivating a user ends their
    /// sessions and tokens at once because every request re-checks `active`.
    public func updateUser(
        id: String, role: UserRole? = nil, rep: String?? = nil, active: Bool? = nil, password: String? = nil, by actor: Principal
    ) async throws -> UserAccount {
        try AccessRules.require(.manageUsers, actor, writing: true)
        if let password, password.count < Self.minimumPasswordLength {
            throw ValidationFailure(
                entity: "user",
                issues: [FieldIssue(code: "out_of_range", field: "password", message: "must be at least \(Self.minimumPasswordLength) characters")])
        }
        let hash = password.map { Bcrypt.hash($0, cost: bcryptCost) }
        let now = environment.now()
        return try await store.write { tx in
            guard let before = try await tx.user(id: id) else { throw RecordNotFound(entity: "user", id: id) }
            var user = before
            if let role { user.role = role }
            if let rep { user.repID = try await Self.resolveRep(rep, tx) }
            if let active { user.active = active }
            if let hash { user.passwordHash = hash }
            if (user.role == .rep || user.role == .manager) && user.repID == nil {
                throw ValidationFailure(entity: "user", issues: [.required("rep_id")])
            }
            try await tx.update(user: user)
            try await tx.append(audit: [
                AuditEntry(
                    at: now, actor: actor.id, action: "update", entity: "user", recordID: id,
                    before: Self.json(before).serialized(), after: Self.json(user).serialized())
            ])
            return user
        }
    }

    public func users(by actor: Principal) async throws -> [UserAccount] {
        try AccessRules.require(.manageUsers, actor)
        return try await store.read { try await $0.users() }
    }

    /// Checks an e-mail and password. Runs bcrypt even for unknown e-mails so timing does not reveal which
    /// accounts exist. Returns nil on any failure.
    public func verifyLogin(email: String, password: String) async throws -> UserAccount? {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let user = try await store.read { try await $0.user(email: email) }
        let ok = Bcrypt.verify(password, hash: user?.passwordHash ?? Self.dummyHash)
        guard ok, let user, user.active else { return nil }
        return user
    }

    /// Creates an API token for `userID` and returns it with its secret (`cox_` + 43 base64url characters =
    /// 256 random bits). Only the SHA-256 is stored, so the secret cannot be shown again.
    public func createToken(
        userID: String, name: String, scope: TokenScope, expiresAt: Date?, by actor: Principal
    ) async throws -> (APIToken, secret: String) {
        if actor.userID != userID { try AccessRules.require(.manageUsers, actor, writing: true) } else { try AccessRules.requireWriteScope(actor) }
        let now = environment.now()
        if let expiresAt, expiresAt <= now {
            throw ValidationFailure(
                entity: "token", issues: [FieldIssue(code: "out_of_range", field: "expires_at", message: "must be in the future")])
        }
        let secret = "cox_" + Self.randomSecret()
        let token = APIToken(
            id: environment.newID(now), userID: userID, name: String(name.prefix(120)), scope: scope,
            secretHash: Self.sha256(secret), createdAt: now, expiresAt: expiresAt)
        try await store.write { tx in
            guard try await tx.user(id: userID) != nil else { throw RecordNotFound(entity: "user", id: userID) }
            try await tx.insert(token: token)
            try await tx.append(audit: [
                AuditEntry(
                    at: now, actor: actor.id, action: "create", entity: "token", recordID: token.id, before: nil, after: Self.json(token).serialized()
                )
            ])
        }
        return (token, secret)
    }

    /// Revokes a token, effective for the very next request. Users revoke their own; admins anyone's.
    public func revokeToken(id: String, by actor: Principal) async throws {
        let now = environment.now()
        try await store.write { tx in
            guard let token = try await tx.token(id: id),
                token.userID == actor.userID || AccessRules.allows(actor.role, .manageUsers)
            else { throw RecordNotFound(entity: "token", id: id) }
            if actor.userID == token.userID {
                try AccessRules.requireWriteScope(actor)
            } else {
                try AccessRules.require(.manageUsers, actor, writing: true)
            }
            guard token.revokedAt == nil else { return }
            try await tx.revokeToken(id: id, at: now)
            var after = token
            after.revokedAt = now
            try await tx.append(audit: [
                AuditEntry(
                    at: now, actor: actor.id, action: "revoke", entity: "token", recordID: id,
                    before: Self.json(token).serialized(), after: Self.json(after).serialized())
            ])
        }
    }

    /// The caller's own tokens, or everyone's for admins with `all`.
    public func tokens(by actor: Principal, all: Bool = false) async throws -> [APIToken] {
        if all { try AccessRules.require(.manageUsers, actor) }
        let userID = all ? nil : actor.userID
        if !all && userID == nil { return [] }
        return try await store.read { try await $0.tokens(userID: userID) }
    }

    /// Resolves a bearer secret into a principal; nil when unknown, revoked, expired or the user is inactive.
    public func principal(bearer secret: String) async throws -> Principal? {
        guard secret.hasPrefix("cox_"), secret.utf8.count < 200 else { return nil }
        let hash = Self.sha256(secret)
        let now = environment.now()
        return try await store.read { r in
            guard let token = try await r.token(secretHash: hash), token.isLive(at: now),
                let user = try await r.user(id: token.userID), user.active
            else { return nil }
            return try await Self.principal(for: user, kind: .token, id: "token:\(token.id)", scope: token.scope, reader: r)
        }
    }

    /// Starts a dashboard session; returns the cookie secret and the stored session (with its CSRF token).
    public func startSession(for user: UserAccount) async throws -> (secret: String, session: LoginSession) {
        let now = environment.now()
        let secret = Self.randomSecret()
        let session = LoginSession(
            secretHash: Self.sha256(secret), userID: user.id, csrfToken: Self.randomSecret(), createdAt: now,
            expiresAt: now.addingTimeInterval(sessionLifetime))
        try await store.write { tx in
            _ = try await tx.deleteSessions(expiredBefore: now)
            try await tx.insert(session: session)
        }
        return (secret, session)
    }

    /// Resolves a session cookie; nil when unknown, expired or the user is inactive.
    public func principal(session secret: String) async throws -> (Principal, LoginSession)? {
        guard secret.utf8.count < 200 else { return nil }
        let hash = Self.sha256(secret)
        let now = environment.now()
        return try await store.read { r in
            guard let session = try await r.session(secretHash: hash), session.expiresAt > now,
                let user = try await r.user(id: session.userID), user.active
            else { return nil }
            let p = try await Self.principal(for: user, kind: .user, id: "user:\(user.id)", scope: .write, reader: r)
            return (p, session)
        }
    }

    /// Ends a session (logout).
    public func endSession(secret: String) async throws {
        let hash = Self.sha256(secret)
        try await store.write { try await $0.deleteSession(secretHash: hash) }
    }

    /// A principal acting as `email` from the command line (`--as`), with that user's role and scope.
    public func principal(actingAs email: String) async throws -> Principal {
        let email = email.lowercased()
        return try await store.read { r in
            guard let user = try await r.user(email: email), user.active else { throw RecordNotFound(entity: "user", id: email) }
            return try await Self.principal(for: user, kind: .cli, id: "user:\(user.id)", scope: .write, reader: r)
        }
    }

    static func principal(
        for user: UserAccount, kind: Principal.Kind, id: String, scope: TokenScope, reader: any RecordReading
    ) async throws -> Principal {
        let visible = try await visibleRepIDs(role: user.role, repID: user.repID, reader: reader)
        return Principal(kind: kind, id: id, role: user.role, userID: user.id, repID: user.repID, scope: scope, visibleRepIDs: visible)
    }
}
