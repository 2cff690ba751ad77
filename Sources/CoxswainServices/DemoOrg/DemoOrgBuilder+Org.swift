import CoxswainDomain
import Foundation

/// Teams and reps: a worldwide team under the VP, one team per region under its director, and segment and
/// sales-development teams below each region.
extension DemoOrgBuilder {
    static let orgDomain = "coxswain-demo.com"
    static let segmentTeamNames: [Segment: String] = [.smb: "SMB", .midMarket: "Mid-Market", .enterprise: "Enterprise"]
    static let workingHours = [
        ("08:00", "17:00"), ("08:30", "17:30"), ("09:00", "17:30"), ("09:00", "18:00"),
        ("07:30", "16:30"), ("09:30", "18:00"),
    ]

    mutating func buildOrg() {
        let orgCreated = Int64(windowStartDay - 2_000) * DemoTime.dayMs + 9 * 3_600_000
        func team(_ name: String, parent: Int?, region: String?, segment: Segment?) -> Int {
            let id = rng.uuid(at: orgCreated + Int64(teams.count) * 60_000)
            let meta = RecordMeta(id: id, createdAt: DemoTime.date(orgCreated + Int64(teams.count) * 60_000))
            teams.append(
                Team(
                    meta: meta, name: name, parentTeamID: parent.map { teams[$0].meta.id }, region: region,
                    segment: segment?.rawValue))
            return teams.count - 1
        }
        var managerOfTeam: [Int: Int] = [:]
        let root = team("Worldwide Sales", parent: nil, region: nil, segment: nil)
        let vp = addRep(.vp, region: 0, segment: nil, team: root, tenured: true)
        managerOfTeam[root] = vp
        let opsTeam = team("Sales Operations", parent: root, region: nil, segment: nil)
        managerOfTeam[opsTeam] = vp
        for i in 0..<plan.ops {
            let r = addRep(.ops, region: 0, segment: nil, team: opsTeam, tenured: true)
            reps[r].managerID = reps[vp].meta.id
            if i == 0 { systemActor = reps[r].meta.id }
        }
        for (r, region) in DemoGeography.regions.enumerated() {
            let regionTeam = team("\(region) Sales", parent: root, region: region, segment: nil)
            let director = addRep(.director, region: r, segment: nil, team: regionTeam, tenured: true)
            reps[director].managerID = reps[vp].meta.id
            managerOfTeam[regionTeam] = director
            for (s, segment) in Segment.allCases.enumerated() {
                let amHere = (0..<plan.ams[r]).contains { amSegment($0) == segment }
                let seHere = (0..<plan.ses[r]).contains { amSegment($0) == segment }
                guard plan.aes[r][s] > 0 || amHere || seHere else { continue }
                let name = "\(region) \(Self.segmentTeamNames[segment] ?? segment.rawValue)"
                let segTeam = team(name, parent: regionTeam, region: region, segment: segment)
                var manager = director
                if plan.segmentManagers {
                    manager = addRep(.manager, region: r, segment: segment, team: segTeam, tenured: true)
                    reps[manager].managerID = reps[director].meta.id
                }
                managerOfTeam[segTeam] = manager
                for _ in 0..<plan.aes[r][s] {
                    let ae = addRep(.ae, region: r, segment: segment, team: segTeam, tenured: true)
                    reps[ae].managerID = reps[manager].meta.id
                }
                for i in 0..<plan.ams[r] where amSegment(i) == segment {
                    let am = addRep(.am, region: r, segment: segment, team: segTeam, tenured: true)
                    reps[am].managerID = reps[manager].meta.id
                }
                for i in 0..<plan.ses[r] where amSegment(i) == segment {
                    let se = addRep(.se, region: r, segment: segment, team: segTeam, tenured: true)
                    reps[se].managerID = reps[manager].meta.id
                }
            }
            let sdrTeam = team("\(region) Sales Development", parent: regionTeam, region: region, segment: nil)
            var sdrManager = director
            if plan.sdrManagers {
                sdrManager = addRep(.manager, region: r, segment: nil, team: sdrTeam, tenured: true)
                reps[sdrManager].managerID = reps[director].meta.id
            }
            managerOfTeam[sdrTeam] = sdrManager
            for _ in 0..<plan.sdrs[r] {
                let sdr = addRep(.sdr, region: r, segment: nil, team: sdrTeam, tenured: rng.chance(0.8))
                reps[sdr].managerID = reps[sdrManager].meta.id
            }
        }
        for (t, manager) in managerOfTeam.sorted(by: { $0.key < $1.key }) { teams[t].managerID = reps[manager].meta.id }
        assignNewHiresAndLeavers()
        assignOutOfOffice()
        books = Array(repeating: [], count: reps.count)
    }

    /// AMs and SEs cover enterprise first, then mid-market, alternating.
    func amSegment(_ i: Int) -> Segment { i % 2 == 0 ? .enterprise : .midMarket }

    /// Adds a rep with a random name, e-mail, time zone, working hours, latent skill and hire date.
    mutating func addRep(_ role: Rep.Role, region: Int, segment: Segment?, team: Int, tenured: Bool) -> Int {
        let hireDay = tenured ? windowStartDay - rng.int(30...1_500) : windowStartDay - rng.int(0...200)
        let zones = DemoGeography.repZones[DemoGeography.regions[region]] ?? []
        let zoneName = zones[rng.weighted(zones.map(\.1))].0
        let hours = rng.pick(Self.workingHours)
        let f = rng.int(0..<DemoNames.first.count)
        let l = rng.int(0..<DemoNames.last.count)
        var email = "\(DemoNames.firstSlugs[f]).\(DemoNames.lastSlugs[l])@\(Self.orgDomain)"
        var n = 2
        while reps.contains(where: { $0.email == email }) {
            email = "\(DemoNames.firstSlugs[f]).\(DemoNames.lastSlugs[l])\(n)@\(Self.orgDomain)"
            n += 1
        }
        let skill = max(-2.2, min(2.2, rng.nextGaussian()))
        let info = DemoRepInfo(
            region: region, segment: segment, role: role, zone: DemoTime.zoneIndex(zoneName),
            workStart: DemoTime.minutes(hours.0), workEnd: DemoTime.minutes(hours.1), skill: skill,
            winRate: max(0.15, min(0.45, 0.30 + 0.09 * skill)), sizeFactor: exp(0.15 * skill), hireDay: hireDay)
        let created = time.instant(day: hireDay, minuteOfDay: 8 * 60, zone: info.zone)
        let rep = Rep(
            meta: RecordMeta(id: rng.uuid(at: created), createdAt: DemoTime.date(created)),
            firstName: DemoNames.first[f], lastName: DemoNames.last[l], email: email, role: role,
            teamID: teams[team].meta.id, region: DemoGeography.regions[region], segment: segment?.rawValue,
            hireDate: LocalDate(dayNumber: hireDay), timeZone: zoneName, workStart: hours.0, workEnd: hours.1,
            workDays: rng.chance(0.05) ? ["mon", "tue", "wed", "thu"] : Rep.weekdays)
        reps.append(rep)
        repInfo.append(info)
        return reps.count - 1
    }

    /// ~15% of AEs become recent hires (hired in the last two quarters); `plan.leavers` AEs in cells with a
    /// colleague leave mid-window, and that colleague becomes their successor.
    mutating func assignNewHiresAndLeavers() {
        let aes = reps.indices.filter { repInfo[$0].role == .ae }
        var cells: [String: [Int]] = [:]
        for a in aes { cells["\(repInfo[a].region)-\(repInfo[a].segment?.rawValue ?? "")", default: []].append(a) }
        let shared = cells.keys.sorted().compactMap { key -> [Int]? in
            let members = cells[key] ?? []
            return members.count >= 2 ? members : nil
        }
        var leavers: Set<Int> = []
        var candidates = shared
        for _ in 0..<plan.leavers where !candidates.isEmpty {
            let c = rng.int(0..<candidates.count)
            let cell = candidates.remove(at: c)
            let leaver = rng.pick(cell)
            let successor = cell.first { $0 != leaver } ?? leaver
            leavers.insert(leaver)
            let leftDay = rng.int((windowStartDay + 120)...(asOfDay - 60))
            repInfo[leaver].leftDay = leftDay
            repInfo[leaver].successor = successor
            reps[leaver].active = false
            let leftMs = time.instant(day: leftDay, minuteOfDay: 17 * 60, zone: repInfo[leaver].zone)
            reps[leaver].meta.updatedAt = DemoTime.date(leftMs)
        }
        let hireCount = Int((Double(aes.count) * 0.15).rounded())
        var pool = aes.filter { !leavers.contains($0) }
        let recentStart = quarters[6].start.dayNumber
        for _ in 0..<hireCount where !pool.isEmpty {
            let r = pool.remove(at: rng.int(0..<pool.count))
            let hireDay = rng.int(recentStart...(asOfDay - 14))
            repInfo[r].hireDay = hireDay
            reps[r].hireDate = LocalDate(dayNumber: hireDay)
            let created = time.instant(day: hireDay, minuteOfDay: 8 * 60, zone: repInfo[r].zone)
            reps[r].meta = RecordMeta(id: rng.uuid(at: created), createdAt: DemoTime.date(created))
        }
    }

    /// About 15% of reps took a week or two off in the last year; two are out today; a few have leave booked.
    mutating func assignOutOfOffice() {
        for r in reps.indices where reps[r].active {
            var ranges: [ClosedRange<LocalDate>] = []
            let earliest = max(repInfo[r].hireDay + 30, asOfDay - 365)
            if rng.chance(0.15), earliest <= asOfDay - 20 {
                let start = rng.int(earliest...(asOfDay - 20))
                ranges.append(LocalDate(dayNumber: start)...LocalDate(dayNumber: start + rng.int(4...11)))
            }
            if rng.chance(0.08) {
                let start = asOfDay + rng.int(5...60)
                ranges.append(LocalDate(dayNumber: start)...LocalDate(dayNumber: start + rng.int(2...9)))
            }
            reps[r].outOfOffice = ranges
        }
        let sellers = reps.indices.filter { reps[$0].active && [.ae, .sdr].contains(repInfo[$0].role) }
        for _ in 0..<2 where !sellers.isEmpty {
            let r = rng.pick(sellers)
            let start = asOfDay - rng.int(0...3)
            reps[r].outOfOffice = [LocalDate(dayNumber: start)...LocalDate(dayNumber: start + rng.int(4...9))]
        }
    }

    /// Active reps of `role` in `region` (and `segment` when given), as indices.
    func repsWith(_ role: Rep.Role, region: Int, segment: Segment? = nil) -> [Int] {
        reps.indices.filter {
            repInfo[$0].role == role && repInfo[$0].region == region
                && (segment == nil || repInfo[$0].segment == segment)
        }
    }
}
