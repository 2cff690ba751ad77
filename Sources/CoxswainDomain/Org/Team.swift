import Foundation

/// A sales team. Teams form a hierarchy through `parentTeamID` (e.g. "EMEA Enterprise" under "EMEA"), and a
/// manager's scope is their team's whole subtree.
public struct Team: Hashable, Sendable, Entity {
    public var meta: RecordMeta
    public var name: String
    public var parentTeamID: String?
    public var managerID: String?
    public var region: String?
    public var segment: String?

    public init(
        meta: RecordMeta, name: String, parentTeamID: String? = nil, managerID: String? = nil,
        region: String? = nil, segment: String? = nil
    ) {
        self.meta = meta
        self.name = name
        self.parentTeamID = parentTeamID
        self.managerID = managerID
        self.region = region
        self.segment = segment
    }

    public static let schema = EntitySchema(
        name: "team", plural: "teams",
        fields: [
            FieldSpec("name", .text(maxLength: 120), required: true, aliases: ["Team", "Team Name"], doc: "Team name."),
            FieldSpec("parent_team_id", .reference("team"), aliases: ["Parent Team"], doc: "Team this team reports into."),
            FieldSpec("manager_id", .reference("rep"), aliases: ["Manager", "Team Manager"], doc: "Rep who manages the team."),
            FieldSpec("region", .text(maxLength: 80), aliases: ["Region"], doc: "Sales region, e.g. AMER, EMEA, APAC."),
            FieldSpec("segment", .choice(Segment.allCases.map(\.rawValue)), aliases: ["Segment"], doc: "Customer segment served."),
        ],
        uniqueFields: ["name"], filterable: ["name", "parent_team_id", "manager_id", "region", "segment"],
        rules: [
            { record, _, _ in
                if let parent = record.text("parent_team_id"), parent == record.id, !parent.isEmpty {
                    return [FieldIssue(code: "rule", field: "parent_team_id", message: "a team cannot be its own parent")]
                }
                return []
            }
        ])

    public init(record r: Record) {
        meta = RecordMeta(record: r)
        name = r.text("name") ?? ""
        parentTeamID = r.text("parent_team_id")
        managerID = r.text("manager_id")
        region = r.text("region")
        segment = r.text("segment")
    }

    public var record: Record {
        var r = meta.record(Self.schema)
        r["name"] = .text(name)
        r["parent_team_id"] = .init(parentTeamID)
        r["manager_id"] = .init(managerID)
        r["region"] = .init(region)
        r["segment"] = .init(segment)
        return r
    }
}

/// Customer segments by company size. ``Segment/forEmployees(_:)`` gives the default band:
/// under 200 employees SMB, 200–1,999 mid-market, 2,000 and above enterprise.
public enum Segment: String, CaseIterable, Hashable, Sendable, Codable {
    case smb, midMarket = "mid_market", enterprise

    /// Default segment for a company of `employees` people (see type docs for bands).
    public static func forEmployees(_ employees: Int64) -> Segment {
        employees < 200 ? .smb : employees < 2000 ? .midMarket : .enterprise
    }
}
