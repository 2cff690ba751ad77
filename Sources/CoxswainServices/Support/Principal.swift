import CoxswainDomain
import Foundation

/// Who is acting: a user (dashboard session), an API token, the CLI or a background job. Every write records
/// ``id`` in the audit log, and every read and write is checked against ``role`` and ``visibleRepIDs`` by the
/// service layer (``AccessRules``), so the API, CSV import, the CLI and background jobs obey the same rules.
///
/// Example: a rep's token resolves to `Principal(kind: .token, id: "token:0190…", role: .rep, userID: "0190…",
/// repID: "rep-7", scope: .read, visibleRepIDs: ["rep-7"])` — it can list only rep-7's leads and cannot write.
public struct Principal: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable { case user, token, cli, system }
    public var kind: Kind
    /// Stable id written to the audit log, e.g. `user:0190…`, `token:0190…`, `cli:root`, `system:demo`.
    public var id: String
    /// The role whose permissions apply. The CLI and background jobs act as ``UserRole/admin``.
    public var role: UserRole
    /// The signed-in user (nil for the CLI and system jobs).
    public var userID: String?
    /// The rep record this user is (reps and managers), which anchors "own" and "my team".
    public var repID: String?
    /// What a token may do; sessions, the CLI and jobs have ``TokenScope/write``.
    public var scope: TokenScope
    /// Owners whose records this principal may see: nil means every owner (admin, ops, finance); a rep sees
    /// `[repID]`, a manager their whole team subtree (see ``AccessService/visibleRepIDs(role:repID:reader:)``).
    public var visibleRepIDs: Set<String>?

    public init(
        kind: Kind, id: String, role: UserRole = .admin, userID: String? = nil, repID: String? = nil,
        scope: TokenScope = .write, visibleRepIDs: Set<String>? = nil
    ) {
        self.kind = kind
        self.id = id
        self.role = role
        self.userID = userID
        self.repID = repID
        self.scope = scope
        self.visibleRepIDs = visibleRepIDs
    }

    /// The command-line tool run by the local OS user: it has the database file, so it acts as admin unless
    /// a command is run `--as` a user.
    public static func cli(_ user: String = ProcessInfo.processInfo.environment["USER"] ?? "local") -> Principal {
        Principal(kind: .cli, id: "cli:\(user)")
    }

    /// A background process (`system:demo`, `system:sla`), acting with admin rights.
    public static func system(_ name: String) -> Principal { Principal(kind: .system, id: "system:\(name)") }

    public var description: String { id }

    /// True when this principal may see every owner's records.
    public var seesEveryOwner: Bool { visibleRepIDs == nil }
}

/// Seams for time and identifiers so services are deterministic under test.
public struct Environment: Sendable {
    public var now: @Sendable () -> Date
    public var newID: @Sendable (Date) -> String

    public init(now: @escaping @Sendable () -> Date, newID: @escaping @Sendable (Date) -> String) {
        self.now = now
        self.newID = newID
    }

    /// Wall clock and random UUIDv7 ids.
    public static let live = Environment(
        now: { Date() },
        newID: { date in
            var rng = SystemRandomNumberGenerator()
            return UUIDv7.string(
                milliseconds: UInt64(max(0, date.timeIntervalSince1970 * 1000)),
                random: (UInt16.random(in: 0...UInt16.max, using: &rng), rng.next()))
        })
}
