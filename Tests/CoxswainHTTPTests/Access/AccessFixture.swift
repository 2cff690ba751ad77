import CoxswainDomain
import CoxswainHTTP
import CoxswainServices
import Foundation

/// Whose record a request targets, seen from the rep user (r1) and the manager user (mA, who manages r1 and r2).
enum Target: String, CaseIterable, Sendable {
    /// Owned by r1: the rep user's own record, inside the manager's team.
    case own
    /// Owned by r2: the rep user's teammate, inside the manager's team.
    case teammate
    /// Owned by r3 in another team under another manager.
    case other
}

/// A small org with two teams and one user per role, built through the services as the system principal.
struct AccessFixture: Sendable {
    var tokens: [UserRole: String] = [:]
    var userIDs: [UserRole: String] = [:]
    var tokenIDs: [UserRole: String] = [:]
    var reps: [Target: String] = [:]
    /// Owner-scoped fixture records: entity name → target → id.
    var owned: [String: [Target: String]] = [:]
    /// One record of each org-wide entity: entity name → id.
    var shared: [String: String] = [:]
    /// Products without a price-book entry, one per price-book entry the matrix creates.
    var spareProducts: [String] = []
    let priceBookCreates = Counter()

    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int {
            lock.withLock {
                defer { value += 1 }; return value
            }
        }
    }

    static let ownedEntities = ["account", "contact", "lead", "opportunity", "activity", "quota"]

    static func build(_ services: AppServices) async throws -> AccessFixture {
        var f = AccessFixture()
        let system = Principal.system("fixture")
        let records = services.records
        func create(_ schema: EntitySchema, _ json: String) async throws -> String {
            guard case .object(let pairs) = try JSONValue.parse(Data(json.utf8)) else { fatalError("fixture JSON") }
            return try await records.create(schema, .object(pairs), by: system).id
        }
        // The default stages, stored, so stages created by the matrix add to them instead of replacing them.
        for stage in StageDefinition.defaults {
            _ = try await create(
                StageDefinition.schema,
                #"{"name":"\#(stage.name)","sort_order":\#(stage.sortOrder),"probability":\#(stage.probability),"forecast_category":"\#(stage.forecastCategory.rawValue)","is_closed":\#(stage.isClosed),"is_won":\#(stage.isWon)}"#
            )
        }
        let teamA = try await create(Team.schema, #"{"name":"Team A"}"#)
        let teamB = try await create(Team.schema, #"{"name":"Team B"}"#)
        let mA = try await create(Rep.schema, #"{"first_name":"Mia","last_name":"A","email":"mia@t.test","role":"manager","team_id":"\#(teamA)"}"#)
        let mB = try await create(Rep.schema, #"{"first_name":"Max","last_name":"B","email":"max@t.test","role":"manager","team_id":"\#(teamB)"}"#)
        _ = try await records.update(Team.schema, id: teamA, .object([("manager_id", .string(mA))]), by: system)
        _ = try await records.update(Team.schema, id: teamB, .object([("manager_id", .string(mB))]), by: system)
        for (target, name, team, manager) in [(Target.own, "ana", teamA, mA), (.teammate, "ben", teamA, mA), (.other, "cy", teamB, mB)] {
            f.reps[target] = try await create(
                Rep.schema,
                #"{"first_name":"\#(name)","last_name":"R","email":"\#(name)@t.test","role":"ae","team_id":"\#(team)","manager_id":"\#(manager)"}"#)
        }
        for target in Target.allCases {
            let rep = f.reps[target]!
            let account = try await create(Account.schema, #"{"name":"Account \#(target)","owner_id":"\#(rep)"}"#)
            let lead = try await create(Lead.schema, #"{"last_name":"Lead \#(target)","company":"Co \#(target)","owner_id":"\#(rep)"}"#)
            f.owned["account", default: [:]][target] = account
            f.owned["lead", default: [:]][target] = lead
            f.owned["contact", default: [:]][target] = try await create(
                Contact.schema, #"{"last_name":"Contact \#(target)","account_id":"\#(account)","owner_id":"\#(rep)"}"#)
            f.owned["opportunity", default: [:]][target] = try await create(
                Opportunity.schema,
                #"{"account_id":"\#(account)","owner_id":"\#(rep)","name":"Deal \#(target)","amount":"1000","stage":"Discovery","close_date":"2026-06-30"}"#
            )
            f.owned["activity", default: [:]][target] = try await create(
                Activity.schema, #"{"type":"call","occurred_at":"2026-01-01T10:00:00Z","rep_id":"\#(rep)","lead_id":"\#(lead)"}"#)
            f.owned["quota", default: [:]][target] = try await create(
                Quota.schema, #"{"rep_id":"\#(rep)","period_start":"2026-02-01","period_end":"2026-04-30","amount":"50000"}"#)
        }
        f.shared["rep"] = f.reps[.teammate]
        f.shared["team"] = teamA
        let product = try await create(Product.schema, #"{"name":"Widget"}"#)
        f.shared["product"] = product
        f.shared["price_book_entry"] = try await create(PriceBookEntry.schema, #"{"product_id":"\#(product)","unit_price":"10"}"#)
        for i in 0..<12 { f.spareProducts.append(try await create(Product.schema, #"{"name":"Spare \#(i)"}"#)) }
        f.shared["stage"] = try await create(
            StageDefinition.schema, #"{"name":"Triage","sort_order":900,"probability":5,"forecast_category":"pipeline"}"#)
        f.shared["custom_field"] = try await create(
            CustomFieldDefinition.schema, #"{"entity":"lead","key":"wave","label":"Wave","type":"text"}"#)
        let repLinks: [UserRole: String?] = [.admin: nil, .ops: nil, .manager: mA, .rep: f.reps[.own], .finance: nil]
        for role in UserRole.allCases {
            let user = try await services.access.createUser(
                email: "\(role.rawValue)@users.test", role: role, rep: repLinks[role] ?? nil, password: "password-\(role.rawValue)", by: system)
            let (token, secret) = try await services.access.createToken(
                userID: user.id, name: role.rawValue, scope: .write, expiresAt: nil, by: system)
            f.userIDs[role] = user.id
            f.tokenIDs[role] = token.id
            f.tokens[role] = secret
        }
        return f
    }

    /// A valid create body for `entity`, owned by `owner` where the entity has an owner; `n` keeps names unique.
    func createBody(_ entity: String, owner: String, n: Int) -> String {
        let account = owned["account"]?.first { _ in true }?.value ?? ""
        switch entity {
        case "account": return #"{"name":"New account \#(n)","owner_id":"\#(owner)"}"#
        case "contact": return #"{"last_name":"New \#(n)","owner_id":"\#(owner)"}"#
        case "lead": return #"{"last_name":"New \#(n)","company":"New Co \#(n)","owner_id":"\#(owner)"}"#
        case "opportunity":
            return
                #"{"account_id":"\#(account)","owner_id":"\#(owner)","name":"New \#(n)","amount":"10","stage":"Discovery","close_date":"2026-06-30"}"#
        case "activity": return #"{"type":"email","occurred_at":"2026-01-02T10:00:00Z","rep_id":"\#(owner)","account_id":"\#(account)"}"#
        case "quota": return #"{"rep_id":"\#(owner)","period_start":"\#(2030 + n)-05-01","period_end":"\#(2030 + n)-07-31","amount":"1000"}"#
        case "rep": return #"{"first_name":"New","last_name":"Rep \#(n)","email":"new\#(n)@t.test","role":"ae"}"#
        case "team": return #"{"name":"New team \#(n)"}"#
        case "product": return #"{"name":"New product \#(n)"}"#
        case "price_book_entry":
            return #"{"product_id":"\#(spareProducts[priceBookCreates.next() % spareProducts.count])","unit_price":"\#(n)"}"#
        case "stage": return #"{"name":"Stage \#(n)","sort_order":\#(100 + n),"probability":10,"forecast_category":"pipeline"}"#
        case "custom_field": return #"{"entity":"lead","key":"key_\#(n)","label":"Key \#(n)","type":"text"}"#
        default: return "{}"
        }
    }
}

/// The expected outcome, written from the access rules of issue 4 independently of the implementation:
/// admin and ops do everything; managers read and write their team's pipeline; reps their own; everyone in
/// sales reads the directory (reps, teams, products, price book, stages, custom fields) and accounts; finance
/// reads reps, teams, quotas, products, price book, stages and custom fields and writes nothing.
enum AccessOracle {
    static let directory: Set<String> = ["rep", "team", "product", "price_book_entry", "stage", "custom_field"]
    static let pipeline: Set<String> = ["account", "contact", "lead", "opportunity", "activity"]

    static func inScope(_ role: UserRole, _ target: Target?) -> Bool {
        switch role {
        case .admin, .ops, .finance: true
        case .manager: target != .other
        case .rep: target == nil || target == .own
        }
    }

    static func canRead(_ role: UserRole, _ entity: String, _ target: Target?) -> Bool {
        switch role {
        case .admin, .ops: return true
        case .finance: return directory.contains(entity) || entity == "quota"
        case .manager, .rep:
            if directory.contains(entity) || entity == "account" { return true }
            return (pipeline.contains(entity) || entity == "quota") && inScope(role, target)
        }
    }

    /// Whether the role may read the entity at all (a list answers 200 rather than 403).
    static func canList(_ role: UserRole, _ entity: String) -> Bool {
        canRead(role, entity, .own)
    }

    static func canWrite(_ role: UserRole, _ entity: String, _ target: Target?) -> Bool {
        switch role {
        case .admin, .ops: return true
        case .finance: return false
        case .manager, .rep: return pipeline.contains(entity) && inScope(role, target)
        }
    }
}
