import CoxswainDomain
import Testing

@Suite("Reporting tree")
struct ReportingTreeTests {
    @Test func managerSubtreeFollowsTeamsChildTeamsAndDirectReports() {
        // Given Maria managing EMEA, which contains EMEA Enterprise (Ana, Ben); Ben manages Carl directly;
        // Zoe is in APAC under someone else.
        let tree = ReportingTree(
            reps: [
                .init(id: "maria", managerID: nil, teamID: "emea"), .init(id: "ana", managerID: nil, teamID: "emea-ent"),
                .init(id: "ben", managerID: nil, teamID: "emea-ent"), .init(id: "carl", managerID: "ben", teamID: nil),
                .init(id: "zoe", managerID: "yan", teamID: "apac"), .init(id: "yan", managerID: nil, teamID: "apac"),
            ],
            teams: [
                .init(id: "emea", parentTeamID: nil, managerID: "maria"), .init(id: "emea-ent", parentTeamID: "emea", managerID: nil),
                .init(id: "apac", parentTeamID: nil, managerID: "yan"),
            ])
        // When / Then
        #expect(tree.subtree(of: "maria") == ["maria", "ana", "ben", "carl"])
        #expect(tree.subtree(of: "ben") == ["ben", "carl"])
        #expect(tree.subtree(of: "zoe") == ["zoe"])
    }

    @Test func cyclesInBadDataTerminate() {
        // Given two reps managing each other and a team that is its own grandparent
        let tree = ReportingTree(
            reps: [.init(id: "a", managerID: "b", teamID: "t1"), .init(id: "b", managerID: "a", teamID: "t2")],
            teams: [.init(id: "t1", parentTeamID: "t2", managerID: "a"), .init(id: "t2", parentTeamID: "t1", managerID: nil)])
        // Then each is visited once
        #expect(tree.subtree(of: "a") == ["a", "b"])
    }
}
