import CoxswainDomain
import Foundation

/// What a signed-in person is allowed to do. Permissions per role live in ``AccessRules``.
///
/// - `admin`: everything, including users and tokens of others.
/// - `ops`: every sales record and configuration, the audit log; not user management.
/// - `manager`: their team subtree's pipeline (leads, contacts, opportunities, activities, quotas read-only).
/// - `rep`: their own leads, contacts, opportunities and activities; cannot change owners or quotas.
/// - `finance`: reads compensation inputs (reps, teams, quotas, products); no pipeline, no writes.
public enum UserRole: String, Sendable, Hashable, CaseIterable, Codable {
    case admin, ops, manager, rep, finance

    /// Admin and ops see restricted custom fields; other roles never receive them and cannot write them.
    public var seesRestrictedFields: Bool { self == .admin || self == .ops }
}

/// What an API token may do: `read` answers GET only; `write` also creates, changes and deletes (always
/// within the owning user's role).
public enum TokenScope: String, Sendable, Hashable, CaseIterable, Codable {
    case read, write
}

/// A person who can sign in. Passwords are stored only as bcrypt hashes.
public struct UserAccount: Sendable, Hashable {
    public var id: String
    /// Lower-cased e-mail; unique.
    public var email: String
    public var role: UserRole
    /// The rep record this user is (required for reps and managers).
    public var repID: String?
    public var passwordHash: String
    public var active: Bool
    public var createdAt: Date

    public init(
        id: String, email: String, role: UserRole, repID: String?, passwordHash: String, active: Bool = true,
        createdAt: Date
    ) {
        self.id = id
        self.email = email
        self.role = role
        self.repID = repID
        self.passwordHash = passwordHash
        self.active = active
        self.createdAt = createdAt
    }
}

/// An API token. Only the SHA-256 of the secret is stored; the secret is shown once, at creation.
public struct APIToken: Sendable, Hashable {
    public var id: String
    public var userID: String
    public var name: String
    public var scope: TokenScope
    /// Hex SHA-256 of the secret.
    public var secretHash: String
    public var createdAt: Date
    public var expiresAt: Date?
    public var revokedAt: Date?

    public init(
        id: String, userID: String, name: String, scope: TokenScope, secretHash: String, createdAt: Date,
        expiresAt: Date?, revokedAt: Date? = nil
    ) {
        self.id = id
        self.userID = userID
        self.name = name
        self.scope = scope
        self.secretHash = secretHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Usable at `now`: not revoked and not expired.
    public func isLive(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { now < $0 } ?? true)
    }
}

/// A dashboard sign-in. The cookie carries a random secret; the database keeps its SHA-256 and a CSRF token
/// that every form must echo.
public struct LoginSession: Sendable, Hashable {
    public var secretHash: String
    public var userID: String
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(secretHash: String, userID: String, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.secretHash = secretHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// Storage of users, tokens and sessions (implemented by CoxswainStorage in the same transactions as records).
public protocol AccessReading: Sendable {
    func user(id: String) async throws -> UserAccount?
    func user(email: String) async throws -> UserAccount?
    func users() async throws -> [UserAccount]
    func token(secretHash: String) async throws -> APIToken?
    func token(id: String) async throws -> APIToken?
    func tokens(userID: String?) async throws -> [APIToken]
    func session(secretHash: String) async throws -> LoginSession?
}

/// Writes of users, tokens and sessions.
public protocol AccessWriting: AccessReading {
    func insert(user: UserAccount) async throws
    func update(user: UserAccount) async throws
    func insert(token: APIToken) async throws
    func revokeToken(id: String, at: Date) async throws
    func insert(session: LoginSession) async throws
    func deleteSession(secretHash: String) async throws
    /// Removes sessions that expired before `now`; returns how many.
    func deleteSessions(expiredBefore now: Date) async throws -> Int
}
