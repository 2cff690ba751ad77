import Foundation

/// Text helpers for routing comparisons: ASCII case and surrounding spaces are ignored.
enum RoutingText {
    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }

    /// Trimmed bounds of `bytes`.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lo = 0
        var hi = bytes.count
        while lo < hi, bytes[lo] == 32 || bytes[lo] == 9 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 32 || bytes[hi - 1] == 9 { hi -= 1 }
        return lo..<hi
    }

    /// FNV-1a of the folded, trimmed bytes (never 0).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in trimmed(bytes) {
            h ^= UInt64(fold(bytes[i]))
            h = h &* 0x0000_0100_0000_01B3
        }
        return h | 1
    }

    static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { hash($0) }
    }

    /// Folded, trimmed bytes of `text`.
    static func key(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { b in trimmed(b).map { fold(b[$0]) } }
    }

    /// Whether `bytes` equal the folded `key` ignoring case and surrounding spaces.
    @inline(__always)
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ key: [UInt8]) -> Bool {
        let range = trimmed(bytes)
        guard range.count == key.count else { return false }
        var k = 0
        for i in range {
            if fold(bytes[i]) != key[k] { return false }
            k += 1
        }
        return true
    }
}

/// Builds the compact form of a policy for ``LeadRouter``.
struct RoutingCompiler {
    let policy: RoutingPolicy
    let reps: [Rep]
    let context: RoutingContext
    let catalog: [String: RoutingFieldKind]
    var slotNames: [String] = []
    var slotKinds: [RoutingFieldKind] = []
    var nodes: [LeadRouter.ConditionNode] = []
    var children: [Int32] = []
    var texts: [[UInt8]] = []
    var textSets: [[UInt64: Int32]] = []
    var numberSets: [[Double]] = []
    var regexes: [RoutingRegex] = []
    var pools: [LeadRouter.CompiledPool] = []
    var territoryTables: [[UInt64: Int32]] = []
    var schedules: [RepSchedule] = []
    var zones: [ZoneOffsets] = []
    var accountOwner: [Int32] = []
    var stickyByAddress: [UInt64: Int32] = [:]
    var stickyByDomain: [UInt64: Int32] = [:]
    let repIndex: [String: Int32]

    init(policy: RoutingPolicy, reps: [Rep], context: RoutingContext) {
        self.policy = policy
        self.reps = reps
        self.context = context
        catalog = RoutingFieldKind.catalog(customFields: context.customFields)
        repIndex = Dictionary(reps.enumerated().map { ($1.meta.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        var zoneIndex: [String: Int32] = [:]
        for rep in reps {
            let name = rep.timeZone
            if zoneIndex[name] == nil {
                zoneIndex[name] = Int32(zones.count)
                zones.append(ZoneOffsets(TimeZone(identifier: name) ?? TimeZone(identifier: "UTC")!))
            }
            schedules.append(RepSchedule(rep: rep, zone: zoneIndex[name]!))
        }
        for pool in policy.pools { pools.append(compile(pool)) }
        if let matcher = context.accounts {
            accountOwner = matcher.accounts.map { account in context.accountOwners[account.id].flatMap { repIndex[$0] } ?? -1 }
        }
        buildStickyIndex()
    }

    mutating func compileRules() -> [LeadRouter.CompiledRule] {
        let ruleIndex = Dictionary(policy.rules.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        return policy.rules.map { rule in
            let condition = rule.when.map { compile($0) } ?? -1
            let action: LeadRouter.CompiledAction
            switch rule.assign {
            case .pool(let id): action = .pool(Int32(policy.pools.firstIndex { $0.id == id }!))
            case .rep(let id): action = .rep(repIndex[id]!)
            case .accountOwner: action = .accountOwner
            case .sticky(let key): action = .sticky(domainToo: key == .emailOrDomain)
            case .territoryTeam(let field, let strategy):
                action = .territory(slot: slot(field), table: territoryTable(), strategy: strategy)
            }
            return LeadRouter.CompiledRule(
                condition: condition, action: action, fallback: rule.fallback.flatMap { ruleIndex[$0] } ?? -1,
                slaMinutes: rule.slaMinutes.map { Int32(clamping: $0) } ?? -1, workingHoursOnly: rule.workingHoursOnly)
        }
    }

    mutating func slot(_ field: String) -> Int32 {
        if let i = slotNames.firstIndex(of: field) { return Int32(i) }
        slotNames.append(field)
        slotKinds.append(catalog[field] ?? .text)
        return Int32(slotNames.count - 1)
    }

    mutating func compile(_ condition: RoutingCondition) -> Int32 {
        typealias Node = LeadRouter.ConditionNode
        func node(_ op: Node.Op, _ slot: Int32, a: Int32 = 0, b: Int32 = 0, lo: Double = 0, hi: Double = 0) -> Int32 {
            nodes.append(Node(op: op, slot: slot, a: a, b: b, lo: lo, hi: hi))
            return Int32(nodes.count - 1)
        }
        switch condition {
        case .equals(let field, let value):
            let s = slot(field)
            if slotKinds[Int(s)] == .number, let n = Self.number(value) { return node(.equalsNumber, s, lo: n) }
            texts.append(RoutingText.key(value.description))
            return node(.equalsText, s, a: Int32(texts.count - 1))
        case .oneOf(let field, let values):
            let s = slot(field)
            if slotKinds[Int(s)] == .number {
                numberSets.append(values.compactMap(Self.number))
                return node(.inNumber, s, a: Int32(numberSets.count - 1))
            }
            var table: [UInt64: Int32] = [:]
            for value in values {
                texts.append(RoutingText.key(value.description))
                table[RoutingText.hash(value.description)] = Int32(texts.count - 1)
            }
            textSets.append(table)
            return node(.inText, s, a: Int32(textSets.count - 1))
        case .range(let field, let lo, let hi):
            return node(.range, slot(field), lo: lo ?? -.infinity, hi: hi ?? .infinity)
        case .regex(let field, let pattern):
            // Validated before compilation.
            regexes.append(try! RoutingRegex(pattern))
            return node(.regex, slot(field), a: Int32(regexes.count - 1))
        case .exists(let field, let flag): return node(flag ? .exists : .missing, slot(field))
        case .all(let items), .any(let items):
            let compiled = items.map { compile($0) }
            let start = Int32(children.count)
            children.append(contentsOf: compiled)
            let op: Node.Op = if case .all = condition { .all } else { .any }
            return node(op, -1, a: start, b: Int32(compiled.count))
        case .not(let inner):
            let child = compile(inner)
            return node(.not, -1, a: child)
        }
    }

    static func number(_ literal: RoutingLiteral) -> Double? {
        switch literal {
        case .number(let n): n
        case .text(let s): Double(s)
        }
    }

    func compile(_ pool: RoutingPool) -> LeadRouter.CompiledPool {
        let members = pool.members.map { repIndex[$0.rep]! }
        func cap(_ period: RoutingCap.Period, _ rep: String) -> Int32 {
            let specific = pool.caps.first { $0.period == period && $0.rep == rep }
            let general = pool.caps.first { $0.period == period && $0.rep == nil }
            return (specific ?? general).map { Int32(clamping: $0.max) } ?? .max
        }
        return LeadRouter.CompiledPool(
            id: pool.id, strategy: pool.strategy, members: members,
            weights: pool.members.map { Swift.max(1, Int64(($0.weight * 1000).rounded())) },
            dayCap: pool.members.map { cap(.day, $0.rep) }, weekCap: pool.members.map { cap(.week, $0.rep) })
    }

    /// One table per territory action: territory value → pool of the mapped team's reps (`team:<id>`, reps in id order).
    mutating func territoryTable() -> Int32 {
        var table: [UInt64: Int32] = [:]
        for (territory, team) in context.territoryTeams.sorted(by: { $0.key < $1.key }) {
            let poolID = "team:\(team)"
            var index = pools.firstIndex { $0.id == poolID }
            if index == nil {
                let members = reps.enumerated().filter { $0.element.teamID == team }.sorted { $0.element.meta.id < $1.element.meta.id }.map {
                    Int32($0.offset)
                }
                pools.append(
                    LeadRouter.CompiledPool(
                        id: poolID, strategy: .roundRobin, members: members, weights: members.map { _ in 1000 },
                        dayCap: members.map { _ in .max }, weekCap: members.map { _ in .max }))
                index = pools.count - 1
            }
            table[RoutingText.hash(territory)] = Int32(index!)
        }
        territoryTables.append(table)
        return Int32(territoryTables.count - 1)
    }

    /// E-mail address → owner, and company domain → the owner of most records on it (ties: lowest rep index).
    mutating func buildStickyIndex() {
        var domainCounts: [UInt64: [Int32: Int]] = [:]
        for record in context.ownedRecords {
            guard let owner = repIndex[record.ownerID] else { continue }
            let email = EmailNormaliser.normaliseBytes(record.email)
            guard !email.address.isEmpty else { continue }
            let address = ByteHash.hash(email.address)
            if stickyByAddress[address] == nil { stickyByAddress[address] = owner }
            if !email.companyDomain.isEmpty { domainCounts[ByteHash.hash(email.companyDomain), default: [:]][owner, default: 0] += 1 }
        }
        for (domain, counts) in domainCounts {
            stickyByDomain[domain] = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
        }
    }
}
