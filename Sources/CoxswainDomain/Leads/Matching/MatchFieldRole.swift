import Foundation

/// The meaning of one input column for the de-duplication engine.
///
/// Roles decide how a column is normalised, which comparator scores it and which blocking keys it feeds.
/// A column whose header cannot be recognised gets no role and is ignored by matching.
public enum MatchFieldRole: String, Sendable, CaseIterable, Hashable, Codable {
    /// A person's first / given name ("Robert", "Bob").
    case givenName
    /// A person's family name.
    case surname
    /// A whole person name in one column ("Robert Smith" or "Smith, Robert"); split into given name and surname.
    case fullName
    /// An e-mail address.
    case email
    /// A telephone number in any format.
    case phone
    /// The company / account name.
    case company
    /// The job title.
    case jobTitle
    /// The house / street number.
    case streetNumber
    /// A street address line (several columns may carry this role; each is compared on its own).
    case addressLine
    /// City, town or suburb.
    case city
    /// Region, state or province.
    case region
    /// Postal / ZIP code.
    case postcode
    /// Country name or code.
    case country
    /// A website or domain.
    case website
    /// Date of birth.
    case dateOfBirth
    /// A national identifier such as a social-security number.
    case nationalId
    /// Any other identifier that must match exactly (customer number, CRM external id …).
    case otherExactId
}

/// Maps header names to ``MatchFieldRole``s.
///
/// Business rule: headers are compared after lower-casing and removing everything but letters and digits, so
/// `"First Name"`, `"first_name"` and `"FIRSTNAME"` are the same header. Explicit overrides (`field=column`)
/// always win over detection.
///
/// Example: `["id", "First Name", "Email Address", "Zip"]` detects
/// `[1: .givenName, 2: .email, 3: .postcode]`; the `id` column gets no role.
public enum MatchRoleDetector {
    static let synonyms: [String: MatchFieldRole] = {
        var table: [String: MatchFieldRole] = [:]
        func add(_ role: MatchFieldRole, _ names: [String]) {
            for name in names { table[name] = role }
        }
        add(.givenName, ["givenname", "firstname", "first", "forename", "fname", "given", "christianname"])
        add(.surname, ["surname", "lastname", "last", "familyname", "lname", "family"])
        add(.fullName, ["name", "fullname", "contactname", "personname", "leadname", "contact"])
        add(.email, ["email", "emailaddress", "mail", "e mail", "emailid", "workemail", "businessemail"])
        add(
            .phone,
            [
                "phone", "mobile", "telephone", "tel", "phonenumber", "mobilephone", "cell", "cellphone",
                "workphone", "businessphone", "mobilenumber", "telephonenumber",
            ])
        add(
            .company,
            [
                "company", "companyaccount", "account", "accountname", "organisation", "organization",
                "companyname", "employer", "org", "business",
            ])
        add(.jobTitle, ["jobtitle", "title", "position", "role", "job"])
        add(.streetNumber, ["streetnumber", "housenumber", "streetno", "houseno", "number"])
        add(
            .addressLine,
            [
                "address", "address1", "address2", "addressline1", "addressline2", "street",
                "streetaddress", "addressline",
            ])
        add(.city, ["city", "suburb", "town", "locality", "municipality"])
        add(.region, ["state", "region", "province", "county", "stateprovince", "territory"])
        add(.postcode, ["postcode", "zip", "zipcode", "postalcode", "postal", "pincode"])
        add(.country, ["country", "countrycode", "nation"])
        add(.website, ["website", "web", "url", "domain", "homepage", "site", "companywebsite", "websiteurl"])
        add(.dateOfBirth, ["dateofbirth", "dob", "birthdate", "birthday", "dateborn"])
        add(
            .nationalId,
            [
                "socsecid", "ssn", "socialsecuritynumber", "nationalid", "nino", "taxid",
                "nationalinsurancenumber", "socialsecurity",
            ])
        add(.otherExactId, ["externalid", "customerid", "crmid", "accountnumber", "customernumber"])
        return table
    }()

    /// Reduces a header to lower-case letters and digits (`"Company / Account"` → `"companyaccount"`).
    public static func canonicalHeader(_ header: String) -> String {
        String(
            String.UnicodeScalarView(
                header.lowercased().unicodeScalars.filter {
                    ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9")
                }))
    }

    /// The role a single header name implies, or `nil`.
    ///
    /// Example: `role(forHeader: "Postal Code")` is `.postcode`; `role(forHeader: "id")` is `nil`.
    public static func role(forHeader header: String) -> MatchFieldRole? {
        synonyms[canonicalHeader(header)]
    }

    /// Detects roles for every header, then applies overrides of the form `"field=column"` (for example
    /// `"company=Organisation Name"` or `"givenName=FN"`). Field names accept role raw values and header
    /// synonyms. Returns column index → role.
    ///
    /// Business rule: `fullName` is only kept when no given-name/surname pair was found, because split
    /// columns are more precise than a combined one.
    public static func detect(headers: [String], overrides: [String] = []) -> [Int: MatchFieldRole] {
        var result: [Int: MatchFieldRole] = [:]
        for (index, header) in headers.enumerated() {
            if let role = role(forHeader: header) { result[index] = role }
        }
        let roles = Set(result.values)
        if roles.contains(.givenName) || roles.contains(.surname) {
            for (index, role) in result where role == .fullName { result[index] = nil }
        }
        for override in overrides {
            let parts = override.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let field = parts[0].trimmingCharacters(in: .whitespaces)
            let column = canonicalHeader(parts[1])
            let role =
                MatchFieldRole(rawValue: field) ?? synonyms[canonicalHeader(field)]
                ?? MatchFieldRole.allCases.first { canonicalHeader($0.rawValue) == canonicalHeader(field) }
            guard let role, let index = headers.firstIndex(where: { canonicalHeader($0) == column }) else { continue }
            if role != .addressLine {
                for (other, existing) in result where existing == role && other != index { result[other] = nil }
            }
            result[index] = role
        }
        return result
    }
}
