import CoxswainDomain
import Foundation

/// The sign-ins `coxswain demo` creates — only in demo mode, with documented passwords, so every role can be
/// tried: an admin, an ops analyst, a manager (the first manager with a team), a rep on that team, and finance.
public enum DemoUsers {
    public struct Login: Sendable {
        public var email: String
        public var password: String
        public var role: UserRole
    }

    /// Creates the demo users for `org` and returns their logins (passwords are `demo-<role>-pass`).
    public static func create(for org: DemoOrg, access: AccessService) async throws -> [Login] {
        let leads = org.reps.filter { r in r.active && org.reps.contains(where: { $0.managerID == r.meta.id && $0.active && $0.role == .ae }) }
        let manager = leads.first(where: { $0.role == .manager }) ?? leads.first
        let rep =
            manager.flatMap { m in org.reps.first(where: { $0.managerID == m.meta.id && $0.active && $0.role == .ae }) }
            ?? org.reps.first(where: { $0.active && $0.role == .ae })
        var logins: [Login] = []
        for (role, repRecord) in [(UserRole.admin, nil), (.ops, nil), (.manager, manager), (.rep, rep), (.finance, nil)] as [(UserRole, Rep?)] {
            if (role == .manager || role == .rep) && repRecord == nil { continue }
            let email = repRecord?.email ?? "\(role.rawValue)@demo.coxswain.test"
            let password = "demo-\(role.rawValue)-pass"
            _ = try await access.createUser(email: email, role: role, rep: repRecord?.meta.id, password: password, by: .system("demo"))
            logins.append(Login(email: email.lowercased(), password: password, role: role))
        }
        return logins
    }
}
