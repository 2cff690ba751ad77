import SQLKit

/// Migration 0002: users (bcrypt password hashes), API tokens (SHA-256 of the secret, scope, expiry,
/// revocation) and dashboard sessions (SHA-256 of the cookie secret, CSRF token, expiry).
/// **Never edit this file once shipped**: add a new migration instead.
struct M0002AccessControl: Migration {
    let id = "0002_access_control"

    static let statements = [
        """
        CREATE TABLE users (id TEXT PRIMARY KEY NOT NULL, email TEXT NOT NULL, role TEXT NOT NULL,
          rep_id TEXT REFERENCES reps (id) DEFERRABLE INITIALLY DEFERRED, password_hash TEXT NOT NULL,
          active BOOLEAN NOT NULL, created_at BIGINT NOT NULL)
        """,
        "CREATE UNIQUE INDEX uq_users_email ON users (email)",
        """
        CREATE TABLE api_tokens (id TEXT PRIMARY KEY NOT NULL, user_id TEXT NOT NULL REFERENCES users (id),
          name TEXT NOT NULL, scope TEXT NOT NULL, secret_hash TEXT NOT NULL, created_at BIGINT NOT NULL,
          expires_at BIGINT, revoked_at BIGINT)
        """,
        "CREATE UNIQUE INDEX uq_api_tokens_secret_hash ON api_tokens (secret_hash)",
        "CREATE INDEX ix_api_tokens_user_id ON api_tokens (user_id)",
        """
        CREATE TABLE login_sessions (secret_hash TEXT PRIMARY KEY NOT NULL, user_id TEXT NOT NULL REFERENCES users (id),
          csrf_token TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)
        """,
        "CREATE INDEX ix_login_sessions_expires_at ON login_sessions (expires_at)",
    ]

    func prepare(on db: any SQLDatabase) async throws {
        for statement in Self.statements { try await db.raw(SQLQueryString(statement)).run() }
    }
}
