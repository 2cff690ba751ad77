import Foundation

extension LeadRouter {
    /// Routes one lead and advances `state`.
    ///
    /// Business rules, in order:
    /// 1. The first rule (in policy order) whose condition matches decides; no match → hold queue.
    /// 2. Its action proposes candidates; a candidate is skipped when inactive, out of office on the lead's arrival day
    ///    (in the rep's time zone), outside working hours if the rule says `working_hours_only`, or at a pool's daily
    ///    or weekly cap. Inactive reps never receive, whatever the rule.
    /// 3. Nobody eligible → the rule's `fallback` rule's action is tried, and so on; the end of the chain → hold queue.
    /// 4. The chosen rep's day/week counters and open-lead count grow by one; the pool cursor moves past them.
    /// 5. The SLA deadline is the assigning rule's `sla_minutes` (or the matched rule's) of the owner's working time.
    ///
    /// Example: pool [ann, bob, cy] round-robin, ann out of office: leads go bob, cy, bob, cy …, and each decision's
    /// trace records "ann skipped (out of office)" when ann's turn came.
    public func route(_ lead: RoutingLead, state: inout RoutingState) -> RoutingDecision {
        var trace: [RoutingStep] = []
        trace.reserveCapacity(4)
        let t = Int64(lead.receivedAt.timeIntervalSince1970.rounded(.down))
        var matched = -1
        lead.values.withUnsafeBufferPointer { values in
            for r in rules.indices {
                let c = rules[r].condition
                if c < 0 || evaluate(Int(c), values) {
                    matched = r
                    break
                }
            }
        }
        guard matched >= 0 else {
            state.held += 1
            trace.append(RoutingStep(rule: -1, rep: -1, event: .noRuleMatched))
            return RoutingDecision(owner: -1, matchedRule: -1, assigningRule: -1, deadline: nil, trace: trace)
        }
        var r = matched
        for hop in 0...rules.count {
            trace.append(RoutingStep(rule: Int16(r), rep: -1, event: hop == 0 ? .matched : .fallback))
            if let rep = act(r, lead, t, &state, &trace) {
                commit(Int(rep), t, &state)
                let sla = rules[r].slaMinutes >= 0 ? rules[r].slaMinutes : rules[matched].slaMinutes
                let deadline = sla >= 0 ? schedules[Int(rep)].deadline(from: t, minutes: Int(sla), zones: zones) : nil
                return RoutingDecision(owner: rep, matchedRule: Int16(matched), assigningRule: Int16(r), deadline: deadline, trace: trace)
            }
            let next = rules[r].fallback
            if next < 0 { break }
            r = Int(next)
        }
        state.held += 1
        return RoutingDecision(owner: -1, matchedRule: Int16(matched), assigningRule: -1, deadline: nil, trace: trace)
    }

    /// Routes `lead` without touching the caller's state: returns the decision and the new state.
    public func routing(_ lead: RoutingLead, state: RoutingState) -> (RoutingDecision, RoutingState) {
        var next = state
        let decision = route(lead, state: &next)
        return (decision, next)
    }

    func evaluate(_ n: Int, _ values: UnsafeBufferPointer<RoutingValue>) -> Bool {
        let node = nodes[n]
        switch node.op {
        case .all:
            for k in Int(node.a)..<Int(node.a + node.b) where !evaluate(Int(children[k]), values) { return false }
            return true
        case .any:
            for k in Int(node.a)..<Int(node.a + node.b) where evaluate(Int(children[k]), values) { return true }
            return false
        case .not: return !evaluate(Int(node.a), values)
        case .exists:
            if case .missing = values[Int(node.slot)] { return false }
            return true
        case .missing:
            if case .missing = values[Int(node.slot)] { return true }
            return false
        default: break
        }
        switch values[Int(node.slot)] {
        case .missing: return false
        case .number(let x):
            switch node.op {
            case .equalsNumber: return x == node.lo
            case .inNumber: return numberSets[Int(node.a)].contains(x)
            case .range: return x >= node.lo && x <= node.hi
            default: return evaluateText(node, RoutingLiteral.number(x).description)
            }
        case .text(let s): return evaluateText(node, s)
        }
    }

    @inline(__always)
    func evaluateText(_ node: ConditionNode, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            switch node.op {
            case .equalsText: return RoutingText.equals(bytes, texts[Int(node.a)])
            case .inText:
                guard let k = textSets[Int(node.a)][RoutingText.hash(bytes)] else { return false }
                return RoutingText.equals(bytes, texts[Int(k)])
            case .regex: return regexes[Int(node.a)].matches(bytes: bytes)
            default: return false
            }
        }
    }

    /// Runs rule `r`'s action; the chosen rep or nil, with skipped candidates appended to `trace`.
    func act(_ r: Int, _ lead: RoutingLead, _ t: Int64, _ state: inout RoutingState, _ trace: inout [RoutingStep]) -> Int32? {
        let rule = rules[r]
        let tag = Int16(r)
        switch rule.action {
        case .pool(let p): return choose(Int(p), pools[Int(p)].strategy, r, t, &state, &trace)
        case .rep(let rep): return single(rep, r, t, state, &trace)
        case .accountOwner:
            guard let matcher = accountMatcher, let match = matcher.match(lead.account) else {
                trace.append(RoutingStep(rule: tag, rep: -1, event: .noAccount))
                return nil
            }
            let owner = accountOwner[match.account]
            guard owner >= 0 else {
                trace.append(RoutingStep(rule: tag, rep: -1, event: .accountWithoutOwner))
                return nil
            }
            return single(owner, r, t, state, &trace)
        case .sticky(let domainToo):
            guard let owner = stickyOwner(lead.account.email, domainToo: domainToo) else {
                trace.append(RoutingStep(rule: tag, rep: -1, event: .noStickyOwner))
                return nil
            }
            return single(owner, r, t, state, &trace)
        case .territory(let slot, let table, let strategy):
            var pool: Int32?
            if case .text(var value) = lead.values[Int(slot)] {
                pool = value.withUTF8 { territoryTables[Int(table)][RoutingText.hash($0)] }
            }
            guard let p = pool, !pools[Int(p)].members.isEmpty else {
                trace.append(RoutingStep(rule: tag, rep: -1, event: .noTeam))
                return nil
            }
            return choose(Int(p), strategy, r, t, &state, &trace)
        }
    }

    func stickyOwner(_ email: String, domainToo: Bool) -> Int32? {
        guard !email.isEmpty, !stickyByAddress.isEmpty || !stickyByDomain.isEmpty else { return nil }
        let normal = EmailNormaliser.normaliseBytes(email)
        guard !normal.address.isEmpty else { return nil }
        if let owner = stickyByAddress[ByteHash.hash(normal.address)] { return owner }
        if domainToo, !normal.companyDomain.isEmpty { return stickyByDomain[ByteHash.hash(normal.companyDomain)] }
        return nil
    }

    func single(_ rep: Int32, _ r: Int, _ t: Int64, _ state: RoutingState, _ trace: inout [RoutingStep]) -> Int32? {
        if let why = ineligible(Int(rep), t, workingHoursOnly: rules[r].workingHoursOnly, dayCap: .max, weekCap: .max, state) {
            trace.append(RoutingStep(rule: Int16(r), rep: rep, event: why))
            return nil
        }
        trace.append(RoutingStep(rule: Int16(r), rep: rep, event: .chosen))
        return rep
    }

    /// Picks a member of pool `p` by `strategy` (see ``RoutingStrategy``).
    func choose(
        _ p: Int, _ strategy: RoutingStrategy, _ r: Int, _ t: Int64, _ state: inout RoutingState, _ trace: inout [RoutingStep]
    ) -> Int32? {
        let pool = pools[p]
        let n = pool.members.count
        guard n > 0 else { return nil }
        let hours = rules[r].workingHoursOnly
        let tag = Int16(r)
        let start = Int(state.cursors[p]) % n
        switch strategy {
        case .roundRobin:
            for k in 0..<n {
                let m = (start + k) % n
                let rep = pool.members[m]
                if let why = ineligible(Int(rep), t, workingHoursOnly: hours, dayCap: pool.dayCap[m], weekCap: pool.weekCap[m], state) {
                    trace.append(RoutingStep(rule: tag, rep: rep, event: why))
                    continue
                }
                state.cursors[p] = Int32((m + 1) % n)
                trace.append(RoutingStep(rule: tag, rep: rep, event: .chosen))
                return rep
            }
            return nil
        case .loadBalanced:
            var best = -1
            var bestLoad = Int32.max
            for k in 0..<n {
                let m = (start + k) % n
                let rep = pool.members[m]
                if let why = ineligible(Int(rep), t, workingHoursOnly: hours, dayCap: pool.dayCap[m], weekCap: pool.weekCap[m], state) {
                    trace.append(RoutingStep(rule: tag, rep: rep, event: why))
                } else if state.openLeads[Int(rep)] < bestLoad {
                    best = m
                    bestLoad = state.openLeads[Int(rep)]
                }
            }
            guard best >= 0 else { return nil }
            state.cursors[p] = Int32((best + 1) % n)
            trace.append(RoutingStep(rule: tag, rep: pool.members[best], event: .chosen))
            return pool.members[best]
        case .weightedRoundRobin:
            var best = -1
            var total: Int64 = 0
            for m in 0..<n {
                let rep = pool.members[m]
                if let why = ineligible(Int(rep), t, workingHoursOnly: hours, dayCap: pool.dayCap[m], weekCap: pool.weekCap[m], state) {
                    trace.append(RoutingStep(rule: tag, rep: rep, event: why))
                    continue
                }
                state.weights[p][m] += pool.weights[m]
                total += pool.weights[m]
                if best < 0 || state.weights[p][m] > state.weights[p][best] { best = m }
            }
            guard best >= 0 else { return nil }
            state.weights[p][best] -= total
            trace.append(RoutingStep(rule: tag, rep: pool.members[best], event: .chosen))
            return pool.members[best]
        }
    }

    /// Why `rep` cannot take a lead arriving at `t`, or nil when eligible.
    @inline(__always)
    func ineligible(
        _ rep: Int, _ t: Int64, workingHoursOnly: Bool, dayCap: Int32, weekCap: Int32, _ state: RoutingState
    ) -> RoutingStep.Event? {
        let schedule = schedules[rep]
        guard schedule.active else { return .skippedInactive }
        let local = t + zones[Int(schedule.zone)].offset(at: t)
        let day = RepSchedule.floorDiv(local, 86_400)
        if schedule.isOutOfOffice(day: day) { return .skippedOutOfOffice }
        if workingHoursOnly {
            let minute = Int32((local - day * 86_400) / 60)
            if schedule.workDays & (1 << UInt8(RepSchedule.weekday(day))) == 0 || minute < schedule.workStart || minute >= schedule.workEnd {
                return .skippedOutsideHours
            }
        }
        if dayCap != .max, state.day[rep] == Int32(truncatingIfNeeded: day), state.dayCount[rep] >= dayCap { return .skippedDailyCap }
        if weekCap != .max {
            let monday = Int32(truncatingIfNeeded: day - Int64(RepSchedule.weekday(day) - 1))
            if state.week[rep] == monday, state.weekCount[rep] >= weekCap { return .skippedWeeklyCap }
        }
        return nil
    }

    /// Counts the lead against `rep`'s day, week and open leads.
    func commit(_ rep: Int, _ t: Int64, _ state: inout RoutingState) {
        let local = t + zones[Int(schedules[rep].zone)].offset(at: t)
        let day = RepSchedule.floorDiv(local, 86_400)
        let d = Int32(truncatingIfNeeded: day)
        let monday = Int32(truncatingIfNeeded: day - Int64(RepSchedule.weekday(day) - 1))
        if state.day[rep] != d {
            state.day[rep] = d
            state.dayCount[rep] = 0
        }
        state.dayCount[rep] += 1
        if state.week[rep] != monday {
            state.week[rep] = monday
            state.weekCount[rep] = 0
        }
        state.weekCount[rep] += 1
        state.openLeads[rep] += 1
    }
}
