import ArgumentParser
import CoxswainDomain
import CoxswainServices
import CoxswainStorage
import Foundation
import Testing

@testable import coxswain

@Suite("users and tokens commands")
struct UsersCommandTests {
    @Test func bootstrapAnAdminThenCreateAndRevokeAToken() async throws {
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("cli-users-\(UUID().uuidString).sqlite").path
        // Given an admin bootstrapped from the command line (password generated and printed once)
        let create = try #require(
            try Coxswain.parseAsRoot(["users", "create", "--email", "Root@Acme.test", "--role", "admin", "--db", db]) as? UsersCommand.Create)
        try await create.run()
        // When a write token is created for them and then revoked
        let token = try #require(
            try Coxswain.parseAsRoot(["tokens", "create", "--user", "root@acme.test", "--scope", "write", "--expires-in-days", "30", "--db", db])
                as? TokensCommand.Create)
        try await token.run()
        let handle = try await SQLiteDatabaseHandle.open(path: db)
        let store = SQLRecordStore(handle: handle)
        let (users, tokens) = try await store.read { r in (try await r.users(), try await r.tokens(userID: nil)) }
        #expect(users.map(\.email) == ["root@acme.test"])
        #expect(users.first?.role == .admin)
        #expect(tokens.count == 1 && tokens.first?.scope == .write && tokens.first?.expiresAt != nil)
        try await handle.close()
        let revoke = try #require(try Coxswain.parseAsRoot(["tokens", "revoke", tokens[0].id, "--db", db]) as? TokensCommand.Revoke)
        try await revoke.run()
        let after = try await SQLiteDatabaseHandle.open(path: db)
        let revoked = try await SQLRecordStore(handle: after).read { try await $0.token(id: tokens[0].id) }
        try await after.close()
        #expect(revoked?.revokedAt != nil)
        // Bad roles, scopes and durations are usage errors
        #expect(throws: (any Error).self) { try Coxswain.parseAsRoot(["users", "create", "--email", "x@y.test", "--role", "boss"]) }
        #expect(throws: (any Error).self) { try Coxswain.parseAsRoot(["tokens", "create", "--user", "x@y.test", "--scope", "all"]) }
        #expect(throws: (any Error).self) { try Coxswain.parseAsRoot(["tokens", "create", "--user", "x@y.test", "--expires-in-days", "0"]) }
    }
}
