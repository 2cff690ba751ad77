import Foundation

/// The routing engine: a ``RoutingPolicy`` compiled against the reps and the organisation's data, ready to route.
///
/// Compilation validates the policy (``RoutingPolicy/validate(reps:context:)``) and turns it into a compact form:
/// field names become slot indices, `in` lists become hash tables, regexes become DFAs, rep availability becomes
/// minute windows and precomputed time-zone offsets. ``route(_:state:)`` is then pure arithmetic over arrays.
///
/// Determinism: the decision depends only on the lead, the ``RoutingState`` passed in and the compiled inputs —
/// same state and same lead give the same owner and the same new state, on any machine.
///
/// ```swift
/// let router = try LeadRouter(policy: policy, reps: reps, context: RoutingContext(customFields: defs))
/// var state = router.makeState()
/// let decision = router.route(router.lead(lead), state: &state)
/// print(router.explain(decision).summary)   // "rule emea → pool emea: r2 chosen; r1 skipped (out of office)"
/// ```
public struct LeadRouter: Sendable {
    /// The policy this router was compiled from.
    public let policy: RoutingPolicy
    /// Lead fields read by conditions and territory actions, in slot order (``RoutingLead/values``).
    public let fields: [String]
    let fieldKinds: [RoutingFieldKind]
    /// Rep ids; decisions refer to reps by index into this array.
    public let repIDs: [String]
    let schedules: [RepSchedule]
    let zones: [ZoneOffsets]
    let rules: [CompiledRule]
    let nodes: [ConditionNode]
    let children: [Int32]
    let texts: [[UInt8]]
    let textSets: [[UInt64: Int32]]
    let numberSets: [[Double]]
    let regexes: [RoutingRegex]
    let pools: [CompiledPool]
    let territoryTables: [[UInt64: Int32]]
    let accountMatcher: AccountMatcher?
    let accountOwner: [Int32]
    let stickyByAddress: [UInt64: Int32]
    let stickyByDomain: [UInt64: Int32]
    /// Findings that did not block compilation (warnings).
    public let warnings: [RoutingDiagnostic]

    struct CompiledRule: Sendable {
        var condition: Int32
        var action: CompiledAction
        var fallback: Int32
        var slaMinutes: Int32
        var workingHoursOnly: Bool
    }

    enum CompiledAction: Sendable {
        case pool(Int32)
        case rep(Int32)
        case accountOwner
        case sticky(domainToo: Bool)
        case territory(slot: Int32, table: Int32, strategy: RoutingStrategy)
    }

    struct ConditionNode: Sendable {
        enum Op: UInt8, Sendable { case equalsText, equalsNumber, inText, inNumber, range, regex, exists, missing, all, any, not }
        var op: Op
        var slot: Int32
        var a: Int32
        var b: Int32
        var lo: Double
        var hi: Double
    }

    struct CompiledPool: Sendable {
        var id: String
        var strategy: RoutingStrategy
        var members: [Int32]
        var weights: [Int64]
        var dayCap: [Int32]
        var weekCap: [Int32]
    }

    /// Compiles `policy`. Throws ``RoutingPolicyError`` with every error when validation fails.
    public init(policy: RoutingPolicy, reps: [Rep], context: RoutingContext = RoutingContext()) throws(RoutingPolicyError) {
        let diagnostics = policy.validate(reps: reps, context: context)
        if diagnostics.contains(where: { $0.severity == .error }) { throw RoutingPolicyError(diagnostics) }
        var builder = RoutingCompiler(policy: policy, reps: reps, context: context)
        let rules = builder.compileRules()
        self.policy = policy
        fields = builder.slotNames
        fieldKinds = builder.slotKinds
        repIDs = reps.map(\.meta.id)
        schedules = builder.schedules
        zones = builder.zones
        self.rules = rules
        nodes = builder.nodes
        children = builder.children
        texts = builder.texts
        textSets = builder.textSets
        numberSets = builder.numberSets
        regexes = builder.regexes
        pools = builder.pools
        territoryTables = builder.territoryTables
        accountMatcher = context.accounts
        accountOwner = builder.accountOwner
        stickyByAddress = builder.stickyByAddress
        stickyByDomain = builder.stickyByDomain
        warnings = diagnostics
    }

    /// A fresh state: cursors at the start, no leads counted, `openLeads` (rep id → open lead count) for load
    /// balancing.
    public func makeState(openLeads: [String: Int] = [:]) -> RoutingState {
        let n = repIDs.count
        return RoutingState(
            repIDs: repIDs, day: Array(repeating: Int32.min, count: n), dayCount: Array(repeating: 0, count: n),
            week: Array(repeating: Int32.min, count: n), weekCount: Array(repeating: 0, count: n),
            openLeads: repIDs.map { Int32(openLeads[$0] ?? 0) }, poolIDs: pools.map(\.id),
            cursors: Array(repeating: 0, count: pools.count), weights: pools.map { Array(repeating: 0, count: $0.members.count) })
    }

    /// `state` (saved by an earlier router, possibly for another policy version or roster) re-keyed to this router's
    /// reps and pools: counters and cursors of reps and pools that still exist are kept, the rest start fresh.
    public func adopt(_ state: RoutingState) -> RoutingState {
        if state.repIDs == repIDs && state.poolIDs == pools.map(\.id) && state.weights.map(\.count) == pools.map(\.members.count) {
            return state
        }
        var out = makeState()
        out.held = state.held
        let oldRep = Dictionary(state.repIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, id) in repIDs.enumerated() {
            guard let j = oldRep[id] else { continue }
            out.day[i] = state.day[j]
            out.dayCount[i] = state.dayCount[j]
            out.week[i] = state.week[j]
            out.weekCount[i] = state.weekCount[j]
            out.openLeads[i] = state.openLeads[j]
        }
        let oldPool = Dictionary(state.poolIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for (p, pool) in pools.enumerated() {
            guard let j = oldPool[pool.id] else { continue }
            out.cursors[p] = pool.members.isEmpty ? 0 : state.cursors[j] % Int32(pool.members.count)
            if state.weights[j].count == pool.members.count { out.weights[p] = state.weights[j] }
        }
        return out
    }

    /// Prepares a ``Lead`` for routing (its `createdAt` is the arrival time).
    public func lead(_ lead: Lead) -> RoutingLead {
        let record = lead.record
        let custom = lead.meta.customFields
        let values = zip(fields, fieldKinds).map { name, kind -> RoutingValue in
            if name.hasPrefix("custom_fields.") { return custom[String(name.dropFirst(14))].map(kind.value) ?? .missing }
            return kind.value(record[name])
        }
        return RoutingLead(
            id: lead.meta.id, receivedAt: lead.meta.createdAt, values: values,
            account: LeadAccountFields(
                company: lead.company ?? "", email: lead.email ?? "", website: lead.website ?? "", phone: lead.phone ?? "",
                postcode: lead.postcode ?? "", country: lead.country ?? ""))
    }

    /// Prepares a lead from text values (a CSV row): `value(field)` returns the text of a field (`nil` or empty when
    /// absent). Number fields whose text is not a number are kept as text and never match `range`.
    public func lead(id: String, receivedAt: Date, account: LeadAccountFields, value: (String) -> String?) -> RoutingLead {
        let values = zip(fields, fieldKinds).map { name, kind in value(name).map { kind.value(text: $0) } ?? .missing }
        return RoutingLead(id: id, receivedAt: receivedAt, values: values, account: account)
    }

    /// Whether `field` is read as a number (`range` applies) rather than text.
    public func isNumberField(_ field: String) -> Bool {
        fields.firstIndex(of: field).map { fieldKinds[$0] == .number } ?? false
    }
}
