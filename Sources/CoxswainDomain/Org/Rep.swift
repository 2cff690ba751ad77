import Foundation

/// A person on the sales team (rep, manager, ops), with what routing and capacity planning need to know:
/// role, manager, team, hire date, working hours in their own time zone and out-of-office periods.
public struct Rep: Hashable, Sendable, Entity {
    /// Sales roles. Managers, directors and VPs have a team scope; ops sees everything.
    public enum Role: String, CaseIterable, Hashable, Sendable, Codable {
        case sdr, ae, am, se, csm, manager, director, vp, ops
    }

    public var meta: RecordMeta
    public var firstName: String
    public var lastName: String
    public var email: String
    public var role: Role
    public var managerID: String?
    public var teamID: String?
    public var region: String?
    public var segment: String?
    public var hireDate: LocalDate?
    public var active: Bool
    public var timeZone: String
    /// Start and end of the working day, `HH:MM`, in ``timeZone``.
    public var workStart: String
    public var workEnd: String
    /// ISO weekday names the rep works, e.g. `["mon", "tue", "wed", "thu", "fri"]`.
    public var workDays: [String]
    public var outOfOffice: [ClosedRange<LocalDate>]

    public init(
        meta: RecordMeta, firstName: String, lastName: String, email: String, role: Role,
        managerID: String? = nil, teamID: String? = nil, region: String? = nil, segment: String? = nil,
        hireDate: LocalDate? = nil, active: Bool = true, timeZone: String = "UTC", workStart: String = "09:00",
        workEnd: String = "17:00", workDays: [String] = Rep.weekdays, outOfOffice: [ClosedRange<LocalDate>] = []
    ) {
        self.meta = meta
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.role = role
        self.managerID = managerID
        self.teamID = teamID
        self.region = region
        self.segment = segment
        self.hireDate = hireDate
        self.active = active
        self.timeZone = timeZone
        self.workStart = workStart
        self.workEnd = workEnd
        self.workDays = workDays
        self.outOfOffice = outOfOffice
    }

    /// Monday to Friday.
    public static let weekdays = ["mon", "tue", "wed", "thu", "fri"]
    static let allDays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    public var fullName: String { "\(firstName) \(lastName)" }

    /// Whether the rep is out of office on `date`.
    public func isOutOfOffice(on date: LocalDate) -> Bool { outOfOffice.contains { $0.contains(date) } }

    public static let schema = EntitySchema(
        name: "rep", plural: "reps",
        fields: [
            FieldSpec("first_name", .text(maxLength: 80), required: true, aliases: ["First Name", "FirstName"], doc: "Given name."),
            FieldSpec("last_name", .text(maxLength: 80), required: true, aliases: ["Last Name", "LastName"], doc: "Family name."),
            FieldSpec("email", .email, required: true, aliases: ["Email", "Email Address", "User Email"], doc: "Work e-mail; unique."),
            FieldSpec("role", .choice(Role.allCases.map(\.rawValue)), required: true, aliases: ["Role", "Title"], doc: "Sales role."),
            FieldSpec("manager_id", .reference("rep"), aliases: ["Manager", "Manager ID"], doc: "The rep's manager."),
            FieldSpec("team_id", .reference("team"), aliases: ["Team", "Team ID"], doc: "The rep's team."),
            FieldSpec("region", .text(maxLength: 80), aliases: ["Region"], doc: "Sales region."),
            FieldSpec("segment", .choice(Segment.allCases.map(\.rawValue)), aliases: ["Segment"], doc: "Segment the rep sells to."),
            FieldSpec("hire_date", .date, aliases: ["Hire Date", "Start Date"], doc: "First day; drives ramp."),
            FieldSpec("active", .bool, default: .bool(true), aliases: ["Active", "Is Active"], doc: "Inactive reps never receive work."),
            FieldSpec("time_zone", .timeZone, default: .text("UTC"), aliases: ["Time Zone", "TimeZone"], doc: "IANA time zone."),
            FieldSpec("work_start", .timeOfDay, default: .text("09:00"), doc: "Start of working day (local)."),
            FieldSpec("work_end", .timeOfDay, default: .text("17:00"), doc: "End of working day (local)."),
            FieldSpec("work_days", .list(allowed: allDays), default: .list(weekdays), doc: "Working weekdays."),
            FieldSpec("out_of_office", .dateRanges, default: .dateRanges([]), doc: "Out-of-office date ranges (inclusive)."),
        ],
        uniqueFields: ["email"], filterable: ["email", "role", "manager_id", "team_id", "region", "segment", "active"],
        rules: [
            { record, _, _ in
                var issues: [FieldIssue] = []
                if let m = record.text("manager_id"), !record.id.isEmpty, m == record.id {
                    issues.append(FieldIssue(code: "rule", field: "manager_id", message: "a rep cannot be their own manager"))
                }
                if let s = record.text("work_start"), let e = record.text("work_end"), s >= e {
                    issues.append(FieldIssue(code: "rule", field: "work_end", message: "must be after work_start (\(s))"))
                }
                return issues
            }
        ])

    public init(record r: Record) {
        meta = RecordMeta(record: r)
        firstName = r.text("first_name") ?? ""
        lastName = r.text("last_name") ?? ""
        email = r.text("email") ?? ""
        role = Role(rawValue: r.text("role") ?? "") ?? .ae
        managerID = r.text("manager_id")
        teamID = r.text("team_id")
        region = r.text("region")
        segment = r.text("segment")
        hireDate = r.date("hire_date")
        active = r.bool("active") ?? true
        timeZone = r.text("time_zone") ?? "UTC"
        workStart = r.text("work_start") ?? "09:00"
        workEnd = r.text("work_end") ?? "17:00"
        workDays = r["work_days"].list ?? Rep.weekdays
        if case .dateRanges(let ranges) = r["out_of_office"] { outOfOffice = ranges } else { outOfOffice = [] }
    }

    public var record: Record {
        var r = meta.record(Self.schema)
        r["first_name"] = .text(firstName)
        r["last_name"] = .text(lastName)
        r["email"] = .text(email)
        r["role"] = .text(role.rawValue)
        r["manager_id"] = .init(managerID)
        r["team_id"] = .init(teamID)
        r["region"] = .init(region)
        r["segment"] = .init(segment)
        r["hire_date"] = .init(hireDate)
        r["active"] = .bool(active)
        r["time_zone"] = .text(timeZone)
        r["work_start"] = .text(workStart)
        r["work_end"] = .text(workEnd)
        r["work_days"] = .list(workDays)
        r["out_of_office"] = .dateRanges(outOfOffice)
        return r
    }
}
