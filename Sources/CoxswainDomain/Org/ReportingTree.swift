/// Who reports into whom: the reps a manager is responsible for.
///
/// A manager's subtree is themselves, every rep whose `manager_id` chain leads to them, and every rep in a team
/// they manage or in any team below such a team (through `parent_team_id`), plus — transitively — the
/// reports of those reps. Example: Maria manages team "EMEA", which contains team "EMEA Enterprise" with reps
/// Ana and Ben; Ben manages Carl directly (no team). `subtree(of: maria)` is {Maria, Ana, Ben, Carl}.
/// Cycles in bad data never loop: each rep and team is visited once.
public struct ReportingTree: Sendable {
    public struct RepLink: Sendable {
        public var id: String
        public var managerID: String?
        public var teamID: String?
        public init(id: String, managerID: String?, teamID: String?) {
            self.id = id
            self.managerID = managerID
            self.teamID = teamID
        }
    }

    public struct TeamLink: Sendable {
        public var id: String
        public var parentTeamID: String?
        public var managerID: String?
        public init(id: String, parentTeamID: String?, managerID: String?) {
            self.id = id
            self.parentTeamID = parentTeamID
            self.managerID = managerID
        }
    }

    private var directReports: [String: [String]] = [:]
    private var teamMembers: [String: [String]] = [:]
    private var childTeams: [String: [String]] = [:]
    private var managedTeams: [String: [String]] = [:]

    public init(reps: [RepLink], teams: [TeamLink]) {
        for r in reps {
            if let m = r.managerID { directReports[m, default: []].append(r.id) }
            if let t = r.teamID { teamMembers[t, default: []].append(r.id) }
        }
        for t in teams {
            if let p = t.parentTeamID { childTeams[p, default: []].append(t.id) }
            if let m = t.managerID { managedTeams[m, default: []].append(t.id) }
        }
    }

    /// Every rep in `managerID`'s subtree, including the manager.
    public func subtree(of managerID: String) -> Set<String> {
        var reps: Set<String> = [managerID]
        var visitedTeams: Set<String> = []
        var queue = [managerID]
        while let rep = queue.popLast() {
            var teams = managedTeams[rep] ?? []
            while let team = teams.popLast() {
                guard visitedTeams.insert(team).inserted else { continue }
                teams.append(contentsOf: childTeams[team] ?? [])
                for member in teamMembers[team] ?? [] where reps.insert(member).inserted { queue.append(member) }
            }
            for report in directReports[rep] ?? [] where reps.insert(report).inserted { queue.append(report) }
        }
        return reps
    }
}
