extension RoutingPolicy {
    /// Checks the policy against the lead schema, custom fields, reps and territory map; returns every finding.
    ///
    /// Errors (block saving): duplicate rule or pool ids; unknown fields (not a lead field nor
    /// `custom_fields.<key>` of an active definition); operators that do not fit the field (`range` on text);
    /// malformed regexes; empty `in` lists; unknown reps, pools or fallback rules; cyclic fallback chains; pools
    /// without members; weights ≤ 0; caps with `max` ≤ 0, for reps outside the pool, two caps for the same period and
    /// rep (overlapping), or a daily cap above the weekly cap for the same reps (contradictory); negative SLAs.
    /// Warnings: inactive reps in pools (they never receive) and rules after an unconditional rule (unreachable
    /// except as fallbacks).
    ///
    /// Example: a rule `{"id": "a", "fallback": "b"}` with `{"id": "b", "fallback": "a"}` gives
    /// `rules[1].fallback: fallback chain a → b → a is cyclic`.
    public func validate(reps: [Rep], context: RoutingContext = RoutingContext()) -> [RoutingDiagnostic] {
        var out: [RoutingDiagnostic] = []
        let fields = RoutingFieldKind.catalog(customFields: context.customFields)
        let repsByID = Dictionary(reps.map { ($0.meta.id, $0) }, uniquingKeysWith: { a, _ in a })
        var ruleIndex: [String: Int] = [:]
        for (i, rule) in rules.enumerated() {
            if rule.id.isEmpty {
                out.append(.init(code: "invalid_value", path: "rules[\(i)].id", rule: i, message: "must not be empty"))
            } else if let first = ruleIndex[rule.id] {
                out.append(.init(code: "duplicate_id", path: "rules[\(i)].id", rule: i, message: "'\(rule.id)' is already used by rules[\(first)]"))
            } else {
                ruleIndex[rule.id] = i
            }
        }
        var poolIndex: [String: Int] = [:]
        for (p, pool) in pools.enumerated() {
            if let first = poolIndex[pool.id] {
                out.append(.init(code: "duplicate_id", path: "pools[\(p)].id", message: "'\(pool.id)' is already used by pools[\(first)]"))
            } else {
                poolIndex[pool.id] = p
            }
            out += Self.validate(pool: pool, at: "pools[\(p)]", reps: repsByID)
        }
        var unconditional: Int?
        for (i, rule) in rules.enumerated() {
            let at = "rules[\(i)]"
            if let u = unconditional {
                out.append(
                    .init(
                        .warning, code: "unreachable_rule", path: at, rule: i,
                        message: "rules[\(u)] matches every lead, so this rule is only reached as a fallback"))
            }
            if let when = rule.when {
                Self.validate(when, at: "\(at).when", rule: i, fields: fields, into: &out)
            } else if unconditional == nil {
                unconditional = i
            }
            switch rule.assign {
            case .pool(let id) where poolIndex[id] == nil:
                out.append(.init(code: "unknown_pool", path: "\(at).assign.pool", rule: i, message: "no pool '\(id)' in the policy"))
            case .rep(let id) where repsByID[id] == nil:
                out.append(.init(code: "unknown_rep", path: "\(at).assign.rep", rule: i, message: "no rep '\(id)'"))
            case .territoryTeam(let field, _) where fields[field] == nil:
                out.append(
                    .init(code: "unknown_field", path: "\(at).assign.territory_team.field", rule: i, message: "'\(field)' is not a lead field"))
            default: break
            }
            if let minutes = rule.slaMinutes, minutes < 0 {
                out.append(.init(code: "invalid_value", path: "\(at).sla_minutes", rule: i, message: "must not be negative (got \(minutes))"))
            }
            if let fallback = rule.fallback {
                guard ruleIndex[fallback] != nil else {
                    out.append(.init(code: "unknown_rule", path: "\(at).fallback", rule: i, message: "no rule '\(fallback)'"))
                    continue
                }
                var chain = [rule.id]
                var next: String? = fallback
                while let id = next, let j = ruleIndex[id] {
                    chain.append(id)
                    if id == rule.id {
                        out.append(
                            .init(
                                code: "cyclic_fallback", path: "\(at).fallback", rule: i,
                                message: "fallback chain \(chain.joined(separator: " → ")) is cyclic"))
                        break
                    }
                    if chain.count > rules.count + 1 { break }  // a cycle not through this rule; reported at its own rules
                    next = rules[j].fallback
                }
            }
        }
        return out
    }

    static func validate(pool: RoutingPool, at: String, reps: [String: Rep]) -> [RoutingDiagnostic] {
        var out: [RoutingDiagnostic] = []
        if pool.members.isEmpty {
            out.append(.init(code: "empty_pool", path: "\(at).members", message: "pool '\(pool.id)' has no members"))
        }
        var seen: Set<String> = []
        for (m, member) in pool.members.enumerated() {
            if let rep = reps[member.rep] {
                if !rep.active {
                    out.append(
                        .init(
                            .warning, code: "inactive_rep", path: "\(at).members[\(m)].rep", message: "'\(member.rep)' is inactive and never receives"
                        ))
                }
            } else {
                out.append(.init(code: "unknown_rep", path: "\(at).members[\(m)].rep", message: "no rep '\(member.rep)'"))
            }
            if !seen.insert(member.rep).inserted {
                out.append(.init(code: "duplicate_id", path: "\(at).members[\(m)].rep", message: "'\(member.rep)' is listed twice"))
            }
            if !(member.weight > 0) || !member.weight.isFinite {
                out.append(
                    .init(code: "invalid_weight", path: "\(at).members[\(m)].weight", message: "must be greater than 0 (got \(member.weight))"))
            }
        }
        var capAt: [String: Int] = [:]
        for (c, cap) in pool.caps.enumerated() {
            let path = "\(at).caps[\(c)]"
            if cap.max <= 0 { out.append(.init(code: "invalid_cap", path: "\(path).max", message: "must be at least 1 (got \(cap.max))")) }
            if let rep = cap.rep, !pool.members.contains(where: { $0.rep == rep }) {
                out.append(.init(code: "unknown_rep", path: "\(path).rep", message: "'\(rep)' is not a member of pool '\(pool.id)'"))
            }
            let key = "\(cap.period.rawValue)/\(cap.rep ?? "*")"
            if let first = capAt[key] {
                out.append(
                    .init(
                        code: "overlapping_caps", path: path,
                        message: "caps[\(first)] already caps \(cap.rep.map { "'\($0)'" } ?? "every member") per \(cap.period.rawValue)"))
            } else {
                capAt[key] = c
            }
        }
        for (c, cap) in pool.caps.enumerated() where cap.period == .day {
            let weekly = pool.caps.firstIndex { $0.period == .week && ($0.rep == cap.rep || $0.rep == nil) && $0.max < cap.max }
            if let w = weekly {
                out.append(
                    .init(
                        code: "contradictory_caps", path: "\(at).caps[\(c)].max",
                        message: "daily cap \(cap.max) exceeds the weekly cap \(pool.caps[w].max) of caps[\(w)], so it can never apply"))
            }
        }
        return out
    }

    static func validate(
        _ condition: RoutingCondition, at: String, rule: Int, fields: [String: RoutingFieldKind], into out: inout [RoutingDiagnostic]
    ) {
        func field(_ name: String) -> RoutingFieldKind? {
            guard let kind = fields[name] else {
                out.append(.init(code: "unknown_field", path: "\(at).field", rule: rule, message: unknownFieldMessage(name)))
                return nil
            }
            return kind
        }
        switch condition {
        case .equals(let name, let value):
            if field(name) == .number, case .text(let s) = value, Double(s) == nil {
                out.append(.init(code: "type_mismatch", path: "\(at).equals", rule: rule, message: "'\(name)' is a number; '\(s)' is not"))
            }
        case .oneOf(let name, let values):
            let kind = field(name)
            if values.isEmpty { out.append(.init(code: "invalid_value", path: "\(at).in", rule: rule, message: "needs at least one value")) }
            for (k, v) in values.enumerated() {
                if kind == .number, case .text(let s) = v, Double(s) == nil {
                    out.append(.init(code: "type_mismatch", path: "\(at).in[\(k)]", rule: rule, message: "'\(name)' is a number; '\(s)' is not"))
                }
            }
        case .range(let name, let lo, let hi):
            if let kind = field(name), kind != .number {
                out.append(.init(code: "type_mismatch", path: "\(at).range", rule: rule, message: "'\(name)' is text; range needs a number field"))
            }
            if lo == nil && hi == nil {
                out.append(.init(code: "invalid_value", path: "\(at).range", rule: rule, message: "needs min, max or both"))
            }
            if let lo, let hi, lo > hi {
                out.append(.init(code: "invalid_value", path: "\(at).range.max", rule: rule, message: "must not be below min (\(lo))"))
            }
        case .regex(let name, let pattern):
            _ = field(name)
            do { _ = try RoutingRegex(pattern) } catch {
                out.append(.init(code: "invalid_regex", path: "\(at).regex", rule: rule, message: error.description))
            }
        case .exists(let name, _): _ = field(name)
        case .all(let items), .any(let items):
            let key = if case .all = condition { "all" } else { "any" }
            for (k, item) in items.enumerated() { validate(item, at: "\(at).\(key)[\(k)]", rule: rule, fields: fields, into: &out) }
        case .not(let inner): validate(inner, at: "\(at).not", rule: rule, fields: fields, into: &out)
        }
    }

    static func unknownFieldMessage(_ name: String) -> String {
        name.hasPrefix("custom_fields.")
            ? "no active custom field '\(name.dropFirst("custom_fields.".count))' on leads"
            : "'\(name)' is not a lead field (custom fields are written custom_fields.<key>)"
    }
}
