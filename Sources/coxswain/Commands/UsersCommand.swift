import ArgumentParser
import CoxswainDomain
import CoxswainServices
import CoxswainStorage
import Foundation

/// `coxswain users create|list|update`: bootstrap and manage who can sign in.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Create and manage users who sign in to the dashboard and API.",
        discussion: """
            Roles: admin (everything), ops (all sales data and configuration), manager (their team subtree), \
            rep (their own records), finance (reads reps, teams and quotas). Reps and managers are linked to a rep \
            record with --rep (id or e-mail). Passwords are stored as bcrypt hashes.
            """,
        subcommands: [Create.self, List.self, Update.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Create a user. The password is read from COXSWAIN_PASSWORD, or from standard input with --password-stdin, or generated and printed once."
        )
        @Option(help: "E-mail used to sign in.") var email: String
        @Option(help: "admin, ops, manager, rep or finance.") var role: String
        @Option(help: "Rep record (id or e-mail) this user is; required for rep and manager.") var rep: String?
        @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.") var passwordStdin = false
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard UserRole(rawValue: role) != nil else {
                throw ValidationError("--role must be one of \(UserRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            var generated = false
            let password: String
            if passwordStdin {
                password = readLine(strippingNewline: true) ?? ""
            } else if let env = ProcessInfo.processInfo.environment["COXSWAIN_PASSWORD"], !env.isEmpty {
                password = env
            } else {
                password = String(AccessService.randomSecret().prefix(20))
                generated = true
            }
            let user = try await withAccess(database) { access in
                try await access.createUser(email: email, role: UserRole(rawValue: role)!, rep: rep, password: password, by: .cli())
            }
            print("created \(user.role.rawValue) \(user.email) (id \(user.id))")
            if generated { print("password: \(password)   (shown once; change it with `coxswain users update --password-stdin`)") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let users = try await withAccess(database) { try await $0.users(by: .cli()) }
            print("id,email,role,rep_id,active")
            for u in users { print("\(u.id),\(u.email),\(u.role.rawValue),\(u.repID ?? ""),\(u.active)") }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a user's role, rep link, active flag or password.")
        @Option(help: "E-mail of the user to change.") var email: String
        @Option(help: "New role.") var role: String?
        @Option(help: "New rep link (id or e-mail).") var rep: String?
        @Flag(inversion: .prefixedEnableDisable, help: "Enable or disable sign-in (disabling also stops the user's tokens).") var active: Bool?
        @Flag(name: .customLong("password-stdin"), help: "Read a new password from standard input.") var passwordStdin = false
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if let role, UserRole(rawValue: role) == nil {
                throw ValidationError("--role must be one of \(UserRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            let password = passwordStdin ? readLine(strippingNewline: true) : nil
            let user = try await withAccess(database) { access in
                guard let existing = try await access.store.read({ try await $0.user(email: email.lowercased()) }) else {
                    throw CLIError("no user with e-mail \(email)")
                }
                return try await access.updateUser(
                    id: existing.id, role: role.flatMap(UserRole.init(rawValue:)), rep: rep.map { .some($0) }, active: active,
                    password: password, by: .cli())
            }
            print("updated \(user.email): role \(user.role.rawValue), active \(user.active)")
        }
    }
}

/// `coxswain tokens create|list|revoke`: API tokens for integrations.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "Create, list and revoke API tokens.",
        discussion: "Send a token as `Authorization: Bearer cox_…`. Only its hash is stored: copy it when it is printed.",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token for a user and print it once.")
        @Option(help: "E-mail of the user the token acts as.") var user: String
        @Option(help: "read (GET only) or write.") var scope: String = "read"
        @Option(help: "A name to recognise the token by.") var name: String = "cli"
        @Option(name: .customLong("expires-in-days"), help: "Days until the token expires (omit for no expiry).") var expiresInDays: Int?
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard TokenScope(rawValue: scope) != nil else { throw ValidationError("--scope must be read or write") }
            if let d = expiresInDays, !(1...3650).contains(d) { throw ValidationError("--expires-in-days must be 1–3650") }
        }

        func run() async throws {
            let secret = try await withAccess(database) { access in
                guard let u = try await access.store.read({ try await $0.user(email: user.lowercased()) }) else {
                    throw CLIError("no user with e-mail \(user)")
                }
                let expires = expiresInDays.map { Date().addingTimeInterval(Double($0) * 86_400) }
                return try await access.createToken(userID: u.id, name: name, scope: TokenScope(rawValue: scope)!, expiresAt: expires, by: .cli())
                    .secret
            }
            print(secret)
            note("token for \(user) (\(scope)); it cannot be shown again")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every token (never the secrets).")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let tokens = try await withAccess(database) { try await $0.tokens(by: .cli(), all: true) }
            print("id,user_id,name,scope,expires_at,revoked_at")
            for t in tokens {
                print(
                    "\(t.id),\(t.userID),\(t.name),\(t.scope.rawValue),\(t.expiresAt.map(Timestamp.iso8601) ?? ""),\(t.revokedAt.map(Timestamp.iso8601) ?? "")"
                )
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token; it stops working immediately.")
        @Argument(help: "Token id (from `tokens list`).") var id: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await withAccess(database) { try await $0.revokeToken(id: id, by: .cli()) }
            print("revoked \(id)")
        }
    }
}

/// Opens the database, runs `body` with an ``AccessService`` and closes it again.
func withAccess<T: Sendable>(_ database: DatabaseOptions, _ body: (AccessService) async throws -> T) async throws -> T {
    let handle = try await database.open(logger: makeLogger())
    let access = AccessService(store: SQLRecordStore(handle: handle))
    do {
        let result = try await body(access)
        try await handle.close()
        return result
    } catch {
        try? await handle.close()
        if error is CLIError { throw error }
        throw CLIError("\(error)")
    }
}
