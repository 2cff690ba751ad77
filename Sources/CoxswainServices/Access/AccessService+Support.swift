import CoxswainDomain
import Crypto
import Foundation

extension AccessService {
    /// The owners a role may see: nil (everyone) for admin, ops and finance; the rep alone for reps; the
    /// ``ReportingTree`` subtree for managers. A rep or manager without a rep link sees nothing.
    public static func visibleRepIDs(role: UserRole, repID: String?, reader: any RecordReading) async throws -> Set<String>? {
        switch role {
        case .admin, .ops, .finance: return nil
        case .rep: return repID.map { [$0] } ?? []
        case .manager:
            guard let repID else { return [] }
            let reps = try await reader.list(Rep.schema, ListQuery(limit: 1000)).records
            let teams = try await reader.list(Team.schema, ListQuery(limit: 1000)).records
            let tree = ReportingTree(
                reps: reps.map { .init(id: $0.id, managerID: $0.text("manager_id"), teamID: $0.text("team_id")) },
                teams: teams.map { .init(id: $0.id, parentTeamID: $0.text("parent_team_id"), managerID: $0.text("manager_id")) })
            return tree.subtree(of: repID)
        }
    }

    /// Finds a rep by id or e-mail; throws a validation failure naming `rep_id` when there is none.
    static func resolveRep(_ reference: String?, _ reader: any RecordReading) async throws -> String? {
        guard let reference, !reference.isEmpty else { return nil }
        if try await reader.get(Rep.schema, id: reference) != nil { return reference }
        if let id = try await reader.lookup(Rep.schema, field: "email", values: [reference.lowercased()])[reference.lowercased()] {
            return id
        }
        throw ValidationFailure(entity: "user", issues: [FieldIssue(code: "unknown_reference", field: "rep_id", message: "no rep '\(reference)'")])
    }

    /// The audit/API form of a user: never the password hash.
    public static func json(_ u: UserAccount) -> JSONValue {
        .object([
            ("id", .string(u.id)), ("email", .string(u.email)), ("role", .string(u.role.rawValue)),
            ("rep_id", u.repID.map(JSONValue.string) ?? .null), ("active", .bool(u.active)),
            ("created_at", .string(Timestamp.iso8601(u.createdAt))),
        ])
    }

    /// The audit/API form of a token: never the secret or its hash.
    public static func json(_ t: APIToken) -> JSONValue {
        .object([
            ("id", .string(t.id)), ("user_id", .string(t.userID)), ("name", .string(t.name)), ("scope", .string(t.scope.rawValue)),
            ("created_at", .string(Timestamp.iso8601(t.createdAt))),
            ("expires_at", t.expiresAt.map { .string(Timestamp.iso8601($0)) } ?? .null),
            ("revoked_at", t.revokedAt.map { .string(Timestamp.iso8601($0)) } ?? .null),
        ])
    }

    /// Hex SHA-256 of a secret (tokens and session cookies carry 256 random bits, so a fast hash is enough).
    public static func sha256(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// 32 random bytes from the system CSPRNG, base64url without padding (43 characters).
    public static func randomSecret() -> String {
        var rng = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: 32)
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &rng) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func looksLikeEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !s.contains(" ") && s.count <= 254
    }

    /// A valid bcrypt hash of a random string, verified against when the e-mail is unknown.
    static let dummyHash = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5ugjG9xUu6.wGzi7cPy8V.1uFNmD3Ha"
}
