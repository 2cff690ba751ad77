import CoxswainDomain
import Foundation

/// Thrown when the principal may not perform an action. Maps to 403 (`code` is stable, e.g. `forbidden`,
/// `insufficient_scope`, `field_forbidden`).
public struct AccessDenied: Error, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String
    /// The field that may not be written, for field-level denials.
    public var field: String?

    public init(code: String = "forbidden", _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String { field.map { "\($0): \(message)" } ?? message }
}

/// Capabilities that are not CRUD on one entity.
public enum Capability: String, Sendable, CaseIterable {
    /// Change organisation settings, stages and custom field definitions.
    case configure
    /// Query the audit log.
    case readAudit
    /// Create, change and deactivate users; see and revoke anyone's tokens.
    case manageUsers
    /// Team analytics and dashboards (always scoped to the principal's visible owners).
    case analytics
    /// Run de-duplication jobs, merge and unmerge.
    case dedupe
    /// Edit routing policies and run simulations.
    case routing
}

/// The one table of who may do what. Pure and exhaustive so a test can enumerate it.
///
/// Example: `AccessRules.access(.rep, .write, Lead.schema)` is `.owned` — a rep may create and edit leads whose
/// `owner_id` is themselves; `AccessRules.access(.rep, .write, Quota.schema)` is `.none`.
public enum AccessRules {
    public enum Action: String, Sendable, CaseIterable { case read, write }

    /// How far an action reaches for a role on an entity.
    public enum Reach: String, Sendable {
        /// Not at all (403).
        case none
        /// Only records whose owner field is in the principal's visible reps (others are 404: existence is private).
        case owned
        /// Every record.
        case all
    }

    /// The field that says who owns a record of `schema` (nil for org-wide entities such as reps or products).
    public static func ownerField(_ schema: EntitySchema) -> String? {
        switch schema.name {
        case "lead", "contact", "opportunity", "account": "owner_id"
        case "activity", "quota": "rep_id"
        default: nil
        }
    }

    /// Pipeline entities reps and managers work on.
    static let pipeline: Set<String> = ["lead", "contact", "opportunity", "activity", "account"]
    /// Org-wide reference data every sales role may read.
    static let directory: Set<String> = ["rep", "team", "product", "price_book_entry", "stage", "custom_field"]

    /// The reach of `action` on `schema` for `role`.
    public static func access(_ role: UserRole, _ action: Action, _ schema: EntitySchema) -> Reach {
        let entity = schema.name
        switch (role, action) {
        case (.admin, _), (.ops, _): return .all
        case (.manager, .read), (.rep, .read):
            if directory.contains(entity) || entity == "account" { return .all }
            return pipeline.contains(entity) || entity == "quota" ? .owned : .none
        case (.manager, .write), (.rep, .write):
            return pipeline.contains(entity) ? .owned : .none
        case (.finance, .read):
            return directory.contains(entity) || entity == "quota" ? .all : .none
        case (.finance, .write): return .none
        }
    }

    /// Whether `role` has `capability`.
    public static func allows(_ role: UserRole, _ capability: Capability) -> Bool {
        switch capability {
        case .configure, .readAudit, .dedupe, .routing: role == .admin || role == .ops
        case .manageUsers: role == .admin
        case .analytics: role != .finance
        }
    }

    /// Throws ``AccessDenied`` unless `principal` has `capability` (and, for writes, a write-scoped token).
    public static func require(_ capability: Capability, _ principal: Principal, writing: Bool = false) throws {
        guard allows(principal.role, capability) else {
            throw AccessDenied("the \(principal.role.rawValue) role may not \(capability.rawValue)")
        }
        if writing { try requireWriteScope(principal) }
    }

    /// Throws when a read-only token attempts a write.
    public static func requireWriteScope(_ principal: Principal) throws {
        guard principal.scope == .write else {
            throw AccessDenied(code: "insufficient_scope", "this token is read-only")
        }
    }

    /// The entity-level check; returns the reach so callers can scope by owner.
    @discardableResult
    public static func require(_ action: Action, _ schema: EntitySchema, _ principal: Principal) throws -> Reach {
        let reach = access(principal.role, action, schema)
        guard reach != .none else {
            throw AccessDenied("the \(principal.role.rawValue) role may not \(action.rawValue) \(schema.plural)")
        }
        if action == .write { try requireWriteScope(principal) }
        return reach
    }

    /// Whether a record owned by `owner` is visible to `principal` under `reach`.
    public static func canSee(owner: String?, reach: Reach, _ principal: Principal) -> Bool {
        switch reach {
        case .none: return false
        case .all: return true
        case .owned:
            guard let visible = principal.visibleRepIDs else { return true }
            return owner.map(visible.contains) ?? false
        }
    }
}
