import Foundation

/// Rows of a grouping: which group each rep falls in (−1 = out of scope), and each group's key and label.
struct GroupAssignment {
    var repGroup: [Int32]
    var keys: [String]
    var labels: [String]
}

extension SalesMetricsCalculator {
    /// `true` for every rep (and the trailing "Unassigned" slot) the filter's rep scope, region and segment keep.
    ///
    /// Team subtree example: teams World ⊃ EMEA ⊃ EMEA Enterprise; `.teamSubtree(teamID: "emea")` keeps reps
    /// of EMEA and of EMEA Enterprise, not those of World or AMER.
    func repMask(_ filter: MetricsFilter) -> [Bool] {
        let count = repIDs.count
        var mask = [Bool](repeating: false, count: count)
        switch filter.reps {
        case .everyone:
            mask = [Bool](repeating: true, count: count)
            mask[count - 1] = hasUnassigned
        case .reps(let ids):
            for id in ids { if let r = repIndex[id] { mask[Int(r)] = true } }
        case .teamSubtree(let teamID):
            if let t = teamIndex[teamID] {
                let inTree = teamSubtree(root: Int(t))
                for r in 0..<(count - 1) where repTeam[r] >= 0 && inTree[Int(repTeam[r])] { mask[r] = true }
            }
        case .managerSubtree(let managerID):
            if let m = repIndex[managerID] {
                var managedTeams = [Bool](repeating: false, count: teamIDs.count)
                for t in 0..<teamIDs.count where teamManager[t] == m {
                    for (u, inside) in teamSubtree(root: t).enumerated() where inside { managedTeams[u] = true }
                }
                for r in 0..<(count - 1) {
                    if repTeam[r] >= 0 && managedTeams[Int(repTeam[r])] { mask[r] = true }
                    // Walk the management chain (bounded, so a cycle in bad data cannot hang).
                    var cursor = Int32(r)
                    var steps = 0
                    while cursor >= 0 && steps <= count {
                        if cursor == m {
                            mask[r] = true
                            break
                        }
                        cursor = repManager[Int(cursor)]
                        steps += 1
                    }
                }
            }
        }
        for r in 0..<count where mask[r] {
            if let region = filter.region, repRegion[r] != region { mask[r] = false }
            if let segment = filter.segment, repSegment[r] != segment { mask[r] = false }
        }
        return mask
    }

    /// Teams at or below `root` (bounded walk up each team's parent chain).
    func teamSubtree(root: Int) -> [Bool] {
        var inside = [Bool](repeating: false, count: teamIDs.count)
        for t in 0..<teamIDs.count {
            var cursor = Int32(t)
            var steps = 0
            while cursor >= 0 && steps <= teamIDs.count {
                if cursor == root {
                    inside[t] = true
                    break
                }
                cursor = teamParent[Int(cursor)]
                steps += 1
            }
        }
        return inside
    }

    /// Assigns reps in `mask` to the groups of `grouping` (not used for fiscal-period grouping, which splits
    /// the window instead). Groups are sorted by label, so output order is stable.
    func assignGroups(_ grouping: MetricsGrouping, mask: [Bool]) -> GroupAssignment {
        let count = repIDs.count
        var keyOfRep = [String?](repeating: nil, count: count)
        var labelOfKey: [String: String] = [:]
        for r in 0..<count where mask[r] {
            let pair: (String, String)
            switch grouping {
            case .none, .fiscalPeriod:
                pair = ("total", "Total")
            case _ where r == count - 1:
                pair = ("unassigned", "Unassigned")
            case .rep:
                pair = (repIDs[r], repNames[r])
            case .team:
                let t = Int(repTeam[r])
                pair = t >= 0 ? (teamIDs[t], teamNames[t]) : ("no_team", "No team")
            case .childTeams(let parentID):
                pair = childTeamKey(rep: r, parentID: parentID)
            case .region:
                pair = repRegion[r].map { ($0, $0) } ?? ("no_region", "No region")
            case .segment:
                pair = repSegment[r].map { ($0.rawValue, Self.segmentLabel($0)) } ?? ("no_segment", "No segment")
            }
            keyOfRep[r] = pair.0
            labelOfKey[pair.0] = pair.1
        }
        let keys = labelOfKey.keys.sorted { (labelOfKey[$0]!, $0) < (labelOfKey[$1]!, $1) }
        var position: [String: Int32] = [:]
        for (i, k) in keys.enumerated() { position[k] = Int32(i) }
        let repGroup = keyOfRep.map { k in k.flatMap { position[$0] } ?? -1 }
        return GroupAssignment(repGroup: repGroup, keys: keys, labels: keys.map { labelOfKey[$0]! })
    }

    /// The child team of `parentID` whose subtree holds the rep's team, or the parent itself for its direct
    /// reps, or "Outside <parent>" for reps elsewhere.
    private func childTeamKey(rep r: Int, parentID: String) -> (String, String) {
        guard let parent = teamIndex[parentID] else { return ("outside", "Outside team") }
        var cursor = repTeam[r]
        var previous: Int32 = -1
        var steps = 0
        while cursor >= 0 && steps <= teamIDs.count {
            if cursor == parent {
                let t = Int(previous >= 0 ? previous : parent)
                return (teamIDs[t], teamNames[t])
            }
            previous = cursor
            cursor = teamParent[Int(cursor)]
            steps += 1
        }
        return ("outside", "Outside \(teamNames[Int(parent)])")
    }

    /// "SMB", "Mid-market", "Enterprise".
    static func segmentLabel(_ segment: Segment) -> String {
        switch segment {
        case .smb: "SMB"
        case .midMarket: "Mid-market"
        case .enterprise: "Enterprise"
        }
    }

    /// Fiscal periods of `kind` overlapping `window`, in order.
    func periods(_ kind: FiscalPeriod.Kind, overlapping window: DateWindow) -> [FiscalPeriod] {
        guard window.start <= window.end else { return [] }
        var result: [FiscalPeriod] = []
        var date = window.start
        while date <= window.end {
            let p: FiscalPeriod =
                switch kind {
                case .month: calendar.month(containing: date)
                case .quarter: calendar.quarter(containing: date)
                case .year: calendar.year(calendar.fiscalYear(containing: date))
                }
            result.append(p)
            date = p.end.adding(days: 1)
        }
        return result
    }
}
