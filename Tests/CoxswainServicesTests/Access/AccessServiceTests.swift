import CoxswainDomain
import CoxswainServices
import CoxswainTesting
import Foundation
import Testing

@Suite("Access service")
struct AccessServiceTests {
    @Test(arguments: TestBackend.available)
    func tokensExpireAndPasswordsAreHashed(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            // Given a clock that advances one second per reading
            let access = AccessService(store: store, environment: .fixed(), bcryptCost: 4)
            let user = try await access.createUser(email: "Fin@Example.test", role: .finance, rep: nil, password: "correct horse", by: .cli())
            #expect(user.email == "fin@example.test")
            #expect(user.passwordHash.hasPrefix("$2"), "stored as bcrypt")
            #expect(try await access.verifyLogin(email: "fin@example.test", password: "correct horse") != nil)
            #expect(try await access.verifyLogin(email: "fin@example.test", password: "wrong horse") == nil)
            // When a token expires 20 seconds from now
            let (_, secret) = try await access.createToken(
                userID: user.id, name: "t", scope: .read, expiresAt: Date(timeIntervalSince1970: 1_767_225_600 + 40), by: .cli())
            // Then it works at first and not after the clock passes the expiry
            #expect(try await access.principal(bearer: secret)?.role == .finance)
            var last: Principal? = Principal.cli()
            for _ in 0..<40 { last = try await access.principal(bearer: secret) }
            #expect(last == nil)
            // Short passwords and reps without a rep record are refused with the field named
            await #expect(throws: ValidationFailure.self) {
                try await access.createUser(email: "x@y.test", role: .admin, rep: nil, password: "short", by: .cli())
            }
            do {
                _ = try await access.createUser(email: "r@y.test", role: .rep, rep: nil, password: "long enough!", by: .cli())
                Issue.record("a rep without a rep record was accepted")
            } catch let failure as ValidationFailure {
                #expect(failure.issues.map(\.field) == ["rep_id"])
            }
            // Only admins manage users
            let financePrincipal = try #require(try await access.principal(actingAs: "fin@example.test"))
            await #expect(throws: AccessDenied.self) {
                try await access.createUser(email: "z@y.test", role: .admin, rep: nil, password: "long enough!", by: financePrincipal)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func sessionsExpireAndEndOnSignOut(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            // Given sessions that last 20 seconds on a clock that ticks a second per reading
            let access = AccessService(store: store, environment: .fixed(), bcryptCost: 4, sessionLifetime: 20)
            let user = try await access.createUser(email: "ops@t.test", role: .ops, rep: nil, password: "ops-password", by: .cli())
            let (secret, session) = try await access.startSession(for: user)
            #expect(session.csrfToken.count == 43)
            // Then the cookie works at first and stops once the lifetime has passed
            #expect(try await access.principal(session: secret)?.0.role == .ops)
            var last: (Principal, LoginSession)? = nil
            for _ in 0..<25 { last = try await access.principal(session: secret) }
            #expect(last == nil)
            // And signing out ends a live session at once
            let (second, _) = try await access.startSession(for: user)
            #expect(try await access.principal(session: second) != nil)
            try await access.endSession(secret: second)
            #expect(try await access.principal(session: second) == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func importAsARepRejectsRowsOwnedBySomeoneElseNamingLineAndField(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            // Given two reps and a user for the first
            let records = RecordService(store: store, environment: .fixed())
            let access = AccessService(store: store, environment: .fixed(), bcryptCost: 4)
            _ = try await records.create(
                Rep.schema,
                .object([("first_name", .string("Ana")), ("last_name", .string("A")), ("email", .string("ana@t.test")), ("role", .string("ae"))]),
                by: .cli())
            _ = try await records.create(
                Rep.schema,
                .object([("first_name", .string("Ben")), ("last_name", .string("B")), ("email", .string("ben@t.test")), ("role", .string("ae"))]),
                by: .cli())
            _ = try await access.createUser(email: "ana@t.test", role: .rep, rep: "ana@t.test", password: "ana-password", by: .cli())
            let ana = try await access.principal(actingAs: "ana@t.test")
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("access-import-\(UUID().uuidString).csv").path
            try "last_name,company,owner\nMine,Co,ana@t.test\nTheirs,Co,ben@t.test\n".write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            // When Ana imports a file with one row for Ben
            let report = try await ImportService(records: records).importCSV(Lead.schema, path: path, by: ana)
            // Then her row is written and Ben's is rejected on line 3, field owner_id
            #expect(report.inserted == 1)
            #expect(report.rejected.map(\.line) == [3])
            #expect(report.rejected.first?.issues.map(\.field) == ["owner_id"])
            // And finance may not import leads at all
            _ = try await access.createUser(email: "fin@t.test", role: .finance, rep: nil, password: "fin-password", by: .cli())
            let finance = try await access.principal(actingAs: "fin@t.test")
            await #expect(throws: AccessDenied.self) { try await ImportService(records: records).importCSV(Lead.schema, path: path, by: finance) }
        }
    }
}
