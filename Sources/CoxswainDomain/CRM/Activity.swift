import Foundation

/// A call, e-mail, meeting or task logged by a rep against a lead, contact, opportunity or account.
public struct Activity: Hashable, Sendable, Entity {
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable { case call, email, meeting, demo, task, note }

    public var meta: RecordMeta
    public var type: Kind
    public var subject: String?
    public var occurredAt: Date
    public var repID: String
    public var leadID: String?
    public var contactID: String?
    public var opportunityID: String?
    public var accountID: String?
    public var durationMinutes: Int?
    public var direction: String?

    public init(
        meta: RecordMeta, type: Kind, subject: String? = nil, occurredAt: Date, repID: String, leadID: String? = nil,
        contactID: String? = nil, opportunityID: String? = nil, accountID: String? = nil,
        durationMinutes: Int? = nil, direction: String? = nil
    ) {
        self.meta = meta
        self.type = type
        self.subject = subject
        self.occurredAt = occurredAt
        self.repID = repID
        self.leadID = leadID
        self.contactID = contactID
        self.opportunityID = opportunityID
        self.accountID = accountID
        self.durationMinutes = durationMinutes
        self.direction = direction
    }

    public static let schema = EntitySchema(
        name: "activity", plural: "activities",
        fields: [
            FieldSpec(
                "type", .choice(Kind.allCases.map(\.rawValue)), required: true, aliases: ["Type", "Activity Type", "Task Subtype"],
                doc: "Kind of activity."),
            FieldSpec("subject", .text(maxLength: 255), aliases: ["Subject"], doc: "Subject line."),
            FieldSpec("occurred_at", .timestamp, required: true, aliases: ["Date", "Activity Date", "Activity date"], doc: "When it happened."),
            FieldSpec(
                "rep_id", .reference("rep"), required: true, aliases: ["Assigned", "Owner", "Activity assigned to", "Rep"], doc: "Rep who did it."),
            FieldSpec("lead_id", .reference("lead"), aliases: ["Lead ID"], doc: "Related lead."),
            FieldSpec("contact_id", .reference("contact"), aliases: ["Contact ID", "Name"], doc: "Related contact."),
            FieldSpec("opportunity_id", .reference("opportunity"), aliases: ["Opportunity ID", "Opportunity"], doc: "Related opportunity."),
            FieldSpec("account_id", .reference("account"), aliases: ["Account ID", "Account"], doc: "Related account."),
            FieldSpec("duration_minutes", .integer(min: 0, max: 1440), aliases: ["Duration", "Call Duration"], doc: "Length in minutes."),
            FieldSpec("direction", .choice(["inbound", "outbound"]), aliases: ["Direction", "Call Type"], doc: "Inbound or outbound."),
        ],
        filterable: ["type", "rep_id", "lead_id", "contact_id", "opportunity_id", "account_id", "occurred_at"],
        rules: [
            { record, _, _ in
                let links = ["lead_id", "contact_id", "opportunity_id", "account_id"]
                if links.allSatisfy({ record[$0].isNull }) {
                    return [
                        FieldIssue(
                            code: "required", field: "opportunity_id", message: "an activity must relate to a lead, contact, opportunity or account")
                    ]
                }
                return []
            }
        ])

    public init(record r: Record) {
        meta = RecordMeta(record: r)
        type = Kind(rawValue: r.text("type") ?? "") ?? .task
        subject = r.text("subject")
        occurredAt = r.timestamp("occurred_at") ?? meta.createdAt
        repID = r.text("rep_id") ?? ""
        leadID = r.text("lead_id")
        contactID = r.text("contact_id")
        opportunityID = r.text("opportunity_id")
        accountID = r.text("account_id")
        durationMinutes = r.int("duration_minutes").map(Int.init)
        direction = r.text("direction")
    }

    public var record: Record {
        var r = meta.record(Self.schema)
        r["type"] = .text(type.rawValue)
        r["subject"] = .init(subject)
        r["occurred_at"] = .timestamp(occurredAt)
        r["rep_id"] = .text(repID)
        r["lead_id"] = .init(leadID)
        r["contact_id"] = .init(contactID)
        r["opportunity_id"] = .init(opportunityID)
        r["account_id"] = .init(accountID)
        r["duration_minutes"] = .init(durationMinutes)
        r["direction"] = .init(direction)
        return r
    }
}
