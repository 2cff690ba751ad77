import Foundation

/// A prospective buyer not yet qualified into a contact and opportunity.
public struct Lead: Hashable, Sendable, Entity {
    /// Lifecycle of a lead. CRM values such as Salesforce's "Open - Not Contacted" are mapped on import
    /// (see ``FieldParser/choiceSynonyms``).
    public enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        case new, working, nurturing, qualified, unqualified, converted
    }

    public var meta: RecordMeta
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var phone: String?
    public var company: String?
    public var title: String?
    public var website: String?
    public var industry: String?
    public var employees: Int?
    public var city: String?
    public var state: String?
    public var postcode: String?
    public var country: String?
    public var region: String?
    public var source: String?
    public var status: Status
    public var ownerID: String?
    public var convertedAt: Date?
    public var convertedAccountID: String?

    public init(
        meta: RecordMeta, firstName: String? = nil, lastName: String? = nil, email: String? = nil,
        phone: String? = nil, company: String? = nil, title: String? = nil, website: String? = nil,
        industry: String? = nil, employees: Int? = nil, city: String? = nil, state: String? = nil,
        postcode: String? = nil, country: String? = nil, region: String? = nil, source: String? = nil,
        status: Status = .new, ownerID: String? = nil, convertedAt: Date? = nil, convertedAccountID: String? = nil
    ) {
        self.meta = meta
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.company = company
        self.title = title
        self.website = website
        self.industry = industry
        self.employees = employees
        self.city = city
        self.state = state
        self.postcode = postcode
        self.country = country
        self.region = region
        self.source = source
        self.status = status
        self.ownerID = ownerID
        self.convertedAt = convertedAt
        self.convertedAccountID = convertedAccountID
    }

    public static let schema = EntitySchema(
        name: "lead", plural: "leads",
        fields: [
            FieldSpec("first_name", .text(maxLength: 80), aliases: ["First Name", "FirstName", "Given Name"], doc: "Given name."),
            FieldSpec("last_name", .text(maxLength: 80), aliases: ["Last Name", "LastName", "Surname"], doc: "Family name."),
            FieldSpec("email", .email, aliases: ["Email", "Email Address"], doc: "E-mail."),
            FieldSpec("phone", .phone, aliases: ["Phone", "Phone Number", "Mobile", "Mobile Phone", "Mobile Phone Number"], doc: "Phone."),
            FieldSpec(
                "company", .text(maxLength: 255), aliases: ["Company", "Company / Account", "Company Name", "Account Name"],
                doc: "Company name as given."),
            FieldSpec("title", .text(maxLength: 128), aliases: ["Title", "Job Title"], doc: "Job title."),
            FieldSpec("website", .url, aliases: ["Website", "Website URL", "Company Domain Name"], doc: "Company web site."),
            FieldSpec("industry", .text(maxLength: 120), aliases: ["Industry"], doc: "Industry."),
            FieldSpec(
                "employees", .integer(min: 0, max: 10_000_000), aliases: ["No. of Employees", "Number of Employees", "Employees"],
                doc: "Company head count."),
            FieldSpec("city", .text(maxLength: 120), aliases: ["City"], doc: "City."),
            FieldSpec("state", .text(maxLength: 120), aliases: ["State", "State/Province", "State/Region"], doc: "State or province."),
            FieldSpec("postcode", .text(maxLength: 20), aliases: ["Zip", "Zip/Postal Code", "Postal Code", "Postcode"], doc: "Postal code."),
            FieldSpec("country", .text(maxLength: 80), aliases: ["Country", "Country/Region"], doc: "Country."),
            FieldSpec("region", .text(maxLength: 80), aliases: ["Region", "Sales Region"], doc: "Sales region."),
            FieldSpec(
                "source", .text(maxLength: 80), aliases: ["Lead Source", "Original Source", "Source"], doc: "Lead source (web, event, partner…)."),
            FieldSpec(
                "status", .choice(Status.allCases.map(\.rawValue)), default: .text("new"), aliases: ["Lead Status", "Status"],
                doc: "Lifecycle status."),
            FieldSpec("owner_id", .reference("rep"), aliases: ["Lead Owner", "Owner", "Contact owner", "HubSpot Owner"], doc: "Owning rep."),
            FieldSpec("converted_at", .timestamp, aliases: ["Converted Date"], doc: "When the lead was converted."),
            FieldSpec(
                "converted_account_id", .reference("account"), aliases: ["Converted Account ID"], doc: "Account created or matched on conversion."),
        ],
        filterable: ["email", "company", "status", "owner_id", "source", "country", "region", "last_name"],
        rules: [
            { record, _, _ in
                if record["last_name"].isNull && record["email"].isNull {
                    return [FieldIssue(code: "required", field: "last_name", message: "a lead needs a last name or an e-mail address")]
                }
                return []
            }
        ])

    public init(record r: Record) {
        meta = RecordMeta(record: r)
        firstName = r.text("first_name")
        lastName = r.text("last_name")
        email = r.text("email")
        phone = r.text("phone")
        company = r.text("company")
        title = r.text("title")
        website = r.text("website")
        industry = r.text("industry")
        employees = r.int("employees").map(Int.init)
        city = r.text("city")
        state = r.text("state")
        postcode = r.text("postcode")
        country = r.text("country")
        region = r.text("region")
        source = r.text("source")
        status = Status(rawValue: r.text("status") ?? "") ?? .new
        ownerID = r.text("owner_id")
        convertedAt = r.timestamp("converted_at")
        convertedAccountID = r.text("converted_account_id")
    }

    public var record: Record {
        var r = meta.record(Self.schema)
        r["first_name"] = .init(firstName)
        r["last_name"] = .init(lastName)
        r["email"] = .init(email)
        r["phone"] = .init(phone)
        r["company"] = .init(company)
        r["title"] = .init(title)
        r["website"] = .init(website)
        r["industry"] = .init(industry)
        r["employees"] = .init(employees)
        r["city"] = .init(city)
        r["state"] = .init(state)
        r["postcode"] = .init(postcode)
        r["country"] = .init(country)
        r["region"] = .init(region)
        r["source"] = .init(source)
        r["status"] = .text(status.rawValue)
        r["owner_id"] = .init(ownerID)
        r["converted_at"] = .init(convertedAt)
        r["converted_account_id"] = .init(convertedAccountID)
        return r
    }
}
