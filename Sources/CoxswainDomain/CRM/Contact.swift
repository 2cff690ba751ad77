import Foundation

/// A person at an account.
public struct Contact: Hashable, Sendable, Entity {
    public var meta: RecordMeta
    public var firstName: String?
    public var lastName: String
    public var email: String?
    public var phone: String?
    public var title: String?
    public var accountID: String?
    public var ownerID: String?
    public var leadSource: String?

    public init(
        meta: RecordMeta, firstName: String?, lastName: String, email: String? = nil, phone: String? = nil,
        title: String? = nil, accountID: String? = nil, ownerID: String? = nil, leadSource: String? = nil
    ) {
        self.meta = meta
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.title = title
        self.accountID = accountID
        self.ownerID = ownerID
        self.leadSource = leadSource
    }

    public static let schema = EntitySchema(
        name: "contact", plural: "contacts",
        fields: [
            FieldSpec("first_name", .text(maxLength: 80), aliases: ["First Name", "FirstName"], doc: "Given name."),
            FieldSpec("last_name", .text(maxLength: 80), required: true, aliases: ["Last Name", "LastName"], doc: "Family name."),
            FieldSpec("email", .email, aliases: ["Email", "Email Address"], doc: "E-mail."),
            FieldSpec("phone", .phone, aliases: ["Phone", "Phone Number", "Mobile", "Mobile Phone"], doc: "Phone."),
            FieldSpec("title", .text(maxLength: 128), aliases: ["Title", "Job Title"], doc: "Job title."),
            FieldSpec(
                "account_id", .reference("account"), aliases: ["Account ID", "Account Name", "Account", "Associated Company", "Company name"],
                doc: "Account the contact works at."),
            FieldSpec("owner_id", .reference("rep"), aliases: ["Contact Owner", "Owner", "Contact owner"], doc: "Owning rep."),
            FieldSpec("lead_source", .text(maxLength: 80), aliases: ["Lead Source", "Original Source"], doc: "Where the contact came from."),
        ],
        filterable: ["email", "account_id", "owner_id", "last_name", "lead_source"])

    public init(record r: Record) {
        meta = RecordMeta(record: r)
        firstName = r.text("first_name")
        lastName = r.text("last_name") ?? ""
        email = r.text("email")
        phone = r.text("phone")
        title = r.text("title")
        accountID = r.text("account_id")
        ownerID = r.text("owner_id")
        leadSource = r.text("lead_source")
    }

    public var record: Record {
        var r = meta.record(Self.schema)
        r["first_name"] = .init(firstName)
        r["last_name"] = .text(lastName)
        r["email"] = .init(email)
        r["phone"] = .init(phone)
        r["title"] = .init(title)
        r["account_id"] = .init(accountID)
        r["owner_id"] = .init(ownerID)
        r["lead_source"] = .init(leadSource)
        return r
    }
}
