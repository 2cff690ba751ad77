import Foundation

/// A company the organisation sells to.
public struct Account: Hashable, Sendable, Entity {
    public var meta: RecordMeta
    public var name: String
    public var website: String?
    public var industry: String?
    public var employees: Int?
    public var annualRevenue: Money?
    public var phone: String?
    public var city: String?
    public var state: String?
    public var postcode: String?
    public var country: String?
    public var region: String?
    public var segment: Segment?
    public var ownerID: String?
    public var parentAccountID: String?
    public var territory: String?

    public init(
        meta: RecordMeta, name: String, website: String? = nil, industry: String? = nil, employees: Int? = nil,
        annualRevenue: Money? = nil, phone: String? = nil, city: String? = nil, state: String? = nil,
        postcode: String? = nil, country: String? = nil, region: String? = nil, segment: Segment? = nil,
        ownerID: String? = nil, parentAccountID: String? = nil, territory: String? = nil
    ) {
        self.meta = meta
        self.name = name
        self.website = website
        self.industry = industry
        self.employees = employees
        self.annualRevenue = annualRevenue
        self.phone = phone
        self.city = city
        self.state = state
        self.postcode = postcode
        self.country = country
        self.region = region
        self.segment = segment
        self.ownerID = ownerID
        self.parentAccountID = parentAccountID
        self.territory = territory
    }

    public static let schema = EntitySchema(
        name: "account", plural: "accounts",
        fields: [
            FieldSpec(
                "name", .text(maxLength: 255), required: true, aliases: ["Account Name", "Company name", "Company", "Name"], doc: "Company name."),
            FieldSpec("website", .url, aliases: ["Website", "Website URL", "Company Domain Name", "Domain"], doc: "Web site."),
            FieldSpec("industry", .text(maxLength: 120), aliases: ["Industry"], doc: "Industry."),
            FieldSpec(
                "employees", .integer(min: 0, max: 10_000_000), aliases: ["Employees", "Number of Employees", "No. of Employees"], doc: "Head count."),
            FieldSpec("annual_revenue", .money(currencyField: "currency"), aliases: ["Annual Revenue"], doc: "Annual revenue."),
            FieldSpec("currency", .currency, aliases: ["Currency", "Account Currency"], doc: "Currency of money fields."),
            FieldSpec("phone", .phone, aliases: ["Phone", "Phone Number", "Account Phone"], doc: "Main phone."),
            FieldSpec("city", .text(maxLength: 120), aliases: ["City", "Billing City"], doc: "City."),
            FieldSpec(
                "state", .text(maxLength: 120), aliases: ["State", "State/Province", "Billing State/Province", "State/Region"],
                doc: "State or province."),
            FieldSpec(
                "postcode", .text(maxLength: 20), aliases: ["Postal Code", "Zip", "Zip/Postal Code", "Billing Zip/Postal Code", "Postcode"],
                doc: "Postal code."),
            FieldSpec("country", .text(maxLength: 80), aliases: ["Country", "Country/Region", "Billing Country"], doc: "Country."),
            FieldSpec("region", .text(maxLength: 80), aliases: ["Region", "Sales Region"], doc: "Sales region (AMER, EMEA, APAC…)."),
            FieldSpec("segment", .choice(Segment.allCases.map(\.rawValue)), aliases: ["Segment"], doc: "Segment; defaults from employees."),
            FieldSpec("owner_id", .reference("rep"), aliases: ["Account Owner", "Owner", "Company owner", "Owner ID"], doc: "Owning rep."),
            FieldSpec("parent_account_id", .reference("account"), aliases: ["Parent Account", "Parent Account ID"], doc: "Parent company."),
            FieldSpec("territory", .text(maxLength: 120), aliases: ["Territory"], doc: "Territory name or id."),
        ],
        filterable: ["name", "industry", "country", "region", "segment", "owner_id", "territory", "employees"],
        rules: [
            { record, _, _ in
                if record["segment"].isNull, let e = record.int("employees") { record["segment"] = .text(Segment.forEmployees(e).rawValue) }
                return []
            }
        ])

    public init(record r: Record) {
        meta = RecordMeta(record: r)
        name = r.text("name") ?? ""
        website = r.text("website")
        industry = r.text("industry")
        employees = r.int("employees").map(Int.init)
        annualRevenue = r.money("annual_revenue")
        phone = r.text("phone")
        city = r.text("city")
        state = r.text("state")
        postcode = r.text("postcode")
        country = r.text("country")
        region = r.text("region")
        segment = r.text("segment").flatMap(Segment.init(rawValue:))
        ownerID = r.text("owner_id")
        parentAccountID = r.text("parent_account_id")
        territory = r.text("territory")
    }

    public var record: Record {
        var r = meta.record(Self.schema)
        r["name"] = .text(name)
        r["website"] = .init(website)
        r["industry"] = .init(industry)
        r["employees"] = .init(employees)
        r["annual_revenue"] = .init(annualRevenue?.amount)
        r["currency"] = .text(annualRevenue?.currency.code ?? Currency.usd.code)
        r["phone"] = .init(phone)
        r["city"] = .init(city)
        r["state"] = .init(state)
        r["postcode"] = .init(postcode)
        r["country"] = .init(country)
        r["region"] = .init(region)
        r["segment"] = .init(segment?.rawValue)
        r["owner_id"] = .init(ownerID)
        r["parent_account_id"] = .init(parentAccountID)
        r["territory"] = .init(territory)
        return r
    }
}
