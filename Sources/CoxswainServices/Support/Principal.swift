import CoxswainDomain
import Foundation

/// Who is acting: a user, an API token, the CLI or a background job. Every write records it in the audit log.
public struct Principal: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable { case user, token, cli, system }
    public var kind: Kind
    /// Stable id written to the audit log, e.g. `user:0190…`, `token:0190…`, `cli:root`, `system:demo`.
    public var id: String

    public init(kind: Kind, id: String) {
        self.kind = kind
        self.id = id
    }

    /// The command-line tool run by the local OS user.
    public static func cli(_ user: String = ProcessInfo.processInfo.environment["USER"] ?? "local") -> Principal {
        Principal(kind: .cli, id: "cli:\(user)")
    }

    /// A background process (`system:demo`, `system:sla`).
    public static func system(_ name: String) -> Principal { Principal(kind: .system, id: "system:\(name)") }

    public var description: String { id }
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
