import Foundation

/// `coxswain bench route`: a generated 20-rule policy over generated leads, timed on one core.
///
/// The policy mixes every condition kind (equals, in, range, regex, exists, all/any/not, a custom field) and every
/// action (sticky by e-mail, account owner, territory team, pools with round-robin, weighted and load-balanced
/// strategies and caps), with 60 reps in four time zones, some inactive or out of office.
public enum RoutingBenchmark {
    /// Figures of one run.
    public struct Result: Sendable {
        /// Decisions made.
        public var decisions: Int
        /// Routing time in seconds (leads prepared beforehand).
        public var seconds: Double
        /// Leads held.
        public var held: Int
        /// Rules in the policy.
        public var rules: Int
        /// Leads per matched rule id.
        public var byRule: [(String, Int)]
        /// Decisions per second.
        public var decisionsPerSecond: Double { Double(decisions) / max(seconds, 1e-9) }
    }

    static let countries = ["US", "CA", "GB", "DE", "FR", "NL", "ES", "IT", "JP", "AU", "BR", "IN", "SG", "SE", "CH"]
    static let regions = ["AMER", "EMEA", "APAC", "LATAM"]
    static let sources = ["web", "event", "partner", "referral", "ads", "webinar", "content"]
    static let titles = ["VP Sales", "Chief Revenue Officer", "Head of Ops", "Sales Manager", "Engineer", "Analyst", "Director of IT", "CTO"]
    static let industries = ["Software", "Finance", "Healthcare", "Retail", "Manufacturing", "Education"]
    static let zones = ["America/New_York", "Europe/London", "Europe/Berlin", "Asia/Singapore"]

    /// 60 reps in teams t0…t5 across four zones; every 15th inactive, every 11th out of office on the bench week.
    public static func reps() -> [Rep] {
        (0..<60).map { i in
            Rep(
                meta: RecordMeta(id: "rep\(i)", createdAt: Date(timeIntervalSince1970: 0)), firstName: "Rep", lastName: "\(i)",
                email: "rep\(i)@corp.test", role: .ae, teamID: "t\(i % 6)", active: i % 15 != 7, timeZone: zones[i % 4],
                outOfOffice: i % 11 == 3 ? [LocalDate(2026, 3, 3)...LocalDate(2026, 3, 4)] : [])
        }
    }

    /// The generated 20-rule policy.
    public static func policy() -> RoutingPolicy {
        func pool(_ id: String, _ range: Range<Int>, _ strategy: RoutingStrategy, caps: [RoutingCap] = []) -> RoutingPool {
            RoutingPool(
                id: id, strategy: strategy, members: range.map { .init(rep: "rep\($0)", weight: Double(1 + $0 % 3)) }, caps: caps)
        }
        let pools = [
            pool("enterprise", 0..<10, .weightedRoundRobin, caps: [RoutingCap(period: .day, max: 400)]),
            pool("mid", 10..<25, .roundRobin, caps: [RoutingCap(period: .day, max: 600), RoutingCap(period: .week, max: 2500)]),
            pool("smb", 25..<45, .loadBalanced),
            pool("partners", 45..<50, .roundRobin),
            pool("apac", 50..<55, .roundRobin),
            pool("overflow", 55..<60, .roundRobin),
        ]
        let text = { (s: String) in RoutingLiteral.text(s) }
        let rules: [RoutingRule] = [
            .init(
                id: "existing-owner", when: .oneOf(field: "source", values: [text("partner"), text("referral")]), assign: .sticky(.email),
                fallback: "partner-deals"),
            .init(
                id: "strategic-accounts",
                when: .all([.range(field: "employees", min: 5000, max: nil), .equals(field: "source", value: text("event"))]),
                assign: .accountOwner, fallback: "enterprise"),
            .init(id: "execs", when: .regex(field: "title", pattern: "(?i)^(vp|chief|head) "), assign: .pool("enterprise"), slaMinutes: 30),
            .init(
                id: "enterprise",
                when: .all([.range(field: "employees", min: 2000, max: nil), .oneOf(field: "country", values: ["US", "CA", "GB", "DE"].map(text))]),
                assign: .pool("enterprise"), fallback: "catch-all", slaMinutes: 60),
            .init(
                id: "apac-enterprise", when: .all([.equals(field: "region", value: text("APAC")), .range(field: "employees", min: 1000, max: nil)]),
                assign: .pool("apac"), fallback: "catch-all", slaMinutes: 60),
            .init(
                id: "finance-mid",
                when: .all([.equals(field: "industry", value: text("Finance")), .range(field: "employees", min: 200, max: 1999)]),
                assign: .pool("mid"), slaMinutes: 120),
            .init(id: "healthcare", when: .equals(field: "industry", value: text("Healthcare")), assign: .pool("mid"), slaMinutes: 120),
            .init(id: "partner-deals", when: .equals(field: "source", value: text("partner")), assign: .pool("partners")),
            .init(id: "tier-gold", when: .equals(field: "custom_fields.tier", value: text("gold")), assign: .pool("enterprise"), fallback: "mid-any"),
            .init(
                id: "webinar-smb", when: .all([.equals(field: "source", value: text("webinar")), .range(field: "employees", min: nil, max: 199)]),
                assign: .pool("smb"), fallback: "smb-any", workingHoursOnly: true),
            .init(id: "no-country", when: .exists(field: "country", false), assign: .pool("overflow")),
            .init(id: "gmail", when: .regex(field: "email", pattern: "@(gmail|yahoo|hotmail)\\."), assign: .pool("smb")),
            .init(id: "apac", when: .equals(field: "region", value: text("APAC")), assign: .pool("apac"), slaMinutes: 240),
            .init(
                id: "emea-mid",
                when: .all([.equals(field: "region", value: text("EMEA")), .not(.range(field: "employees", min: nil, max: 199))]),
                assign: .territoryTeam(field: "country", strategy: .roundRobin), fallback: "mid-any"),
            .init(
                id: "latam", when: .any([.equals(field: "region", value: text("LATAM")), .equals(field: "country", value: text("BR"))]),
                assign: .pool("overflow")),
            .init(id: "retail", when: .equals(field: "industry", value: text("Retail")), assign: .pool("smb")),
            .init(id: "education", when: .equals(field: "industry", value: text("Education")), assign: .pool("smb")),
            .init(id: "mid-any", when: .range(field: "employees", min: 200, max: nil), assign: .pool("mid"), slaMinutes: 240),
            .init(id: "smb-any", when: .range(field: "employees", min: nil, max: 199), assign: .pool("smb"), fallback: "catch-all"),
            .init(id: "catch-all", assign: .pool("overflow")),
        ]
        return RoutingPolicy(id: "bench", version: 1, name: "Generated 20-rule policy", rules: rules, pools: pools)
    }

    /// Context: 2,000 accounts owned by enterprise reps, 5,000 owned contacts, countries mapped to teams.
    public static func context() -> RoutingContext {
        let accounts = (0..<2000).map { MatchAccount(id: "a\($0)", name: "Company \($0)", website: "company\($0).com") }
        return RoutingContext(
            accounts: AccountMatcher(accounts: accounts),
            accountOwners: Dictionary(uniqueKeysWithValues: accounts.enumerated().map { ($1.id, "rep\($0 % 10)") }),
            ownedRecords: (0..<5000).map { RoutingOwnedRecord(email: "buyer\($0)@company\($0 % 3000).com", ownerID: "rep\(45 + $0 % 5)") },
            territoryTeams: Dictionary(uniqueKeysWithValues: countries.enumerated().map { ($1, "t\($0 % 6)") }),
            customFields: [CustomFieldDefinition(entity: "lead", key: "tier", label: "Tier", type: .picklist, allowedValues: ["gold", "silver"])])
    }

    /// `count` leads arriving over the week of Monday 2026-03-02 (UTC), prepared for `router`.
    public static func leads(_ count: Int, for router: LeadRouter, seed: UInt64) -> [RoutingLead] {
        var rng = SeededGenerator(seed: seed)
        let start = Double(LocalDate(2026, 3, 2).dayNumber) * 86_400
        return (0..<count).map { i in
            func pick(_ items: [String]) -> String { items[Int(rng.next() % UInt64(items.count))] }
            let country = rng.next() % 20 == 0 ? "" : pick(countries)
            let company = rng.next() % 4
            let domain = company == 0 ? "gmail.com" : "company\(rng.next() % 3000).com"
            let fields: [String: String] = [
                "country": country, "region": pick(regions), "source": pick(sources), "title": pick(titles), "industry": pick(industries),
                "employees": String(1 + rng.next() % 8000), "email": "buyer\(rng.next() % 6000)@\(domain)",
                "custom_fields.tier": rng.next() % 10 == 0 ? "gold" : "silver",
            ]
            let account = LeadAccountFields(
                company: "Company \(rng.next() % 3000)", email: fields["email"]!, website: company == 0 ? "" : domain, country: country)
            return router.lead(
                id: "L\(i)", receivedAt: Date(timeIntervalSince1970: start + Double(rng.next() % (7 * 86_400))), account: account,
                value: { fields[$0] })
        }
    }

    /// Routes `leads` leads (best of `repetitions` timed passes, each from a fresh state) on the calling thread.
    public static func run(leads count: Int = 1_000_000, seed: UInt64 = 42, repetitions: Int = 3) throws -> Result {
        let router = try LeadRouter(policy: policy(), reps: reps(), context: context())
        let leads = leads(count, for: router, seed: seed)
        var best = Double.infinity
        var held = 0
        var byRule = [Int](repeating: 0, count: router.policy.rules.count)
        for _ in 0..<max(1, repetitions) {
            var state = router.makeState()
            var counts = [Int](repeating: 0, count: router.policy.rules.count)
            let started = DispatchTime.now().uptimeNanoseconds
            for lead in leads {
                let decision = router.route(lead, state: &state)
                if decision.matchedRule >= 0 { counts[Int(decision.matchedRule)] += 1 }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            if seconds < best {
                best = seconds
                held = state.held
                byRule = counts
            }
        }
        return Result(
            decisions: count, seconds: best, held: held, rules: router.policy.rules.count,
            byRule: zip(router.policy.rules.map(\.id), byRule).map { ($0, $1) })
    }
}
