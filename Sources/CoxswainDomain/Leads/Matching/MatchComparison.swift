/// The field comparisons of the Fellegi–Sunter model. Each compares one aspect of two records and returns an
/// agreement *level*: 0 means "missing on either side" (contributes weight 0), 1 is the strongest agreement and
/// the last level is disagreement.
///
/// Business rule: correlated company evidence (company name, website, company e-mail domain) is one comparison,
/// `organisation`, so that colleagues are not counted as agreeing three times.
public enum MatchComparison: Int, Sendable, CaseIterable, Hashable, Codable {
    /// Given name: exact / Jaro–Winkler ≥ 0.92 / nickname or initial alias / JW ≥ 0.80 / different.
    case givenName
    /// Surname: exact / JW ≥ 0.92 or one edit / same NYSIIS code or JW ≥ 0.85 / JW ≥ 0.75 / different.
    case surname
    /// E-mail (role mailboxes count as missing): exact / one edit / same local part elsewhere / different.
    case email
    /// Phone (last nine digits): exact / one edit or transposition / different.
    case phone
    /// Company name or domain: same domain or same normalised name / similar name / different.
    case organisation
    /// Job title: exact / token-set ≥ 0.6 or one edit / different.
    case jobTitle
    /// Street number: exact / one edit / different.
    case streetNumber
    /// First address line: exact / JW ≥ 0.9 / JW ≥ 0.75 / different.
    case address1
    /// Second address line: exact / JW ≥ 0.9 / JW ≥ 0.75 / different.
    case address2
    /// City or suburb: exact / JW ≥ 0.9 / different.
    case city
    /// Region or state: exact / different.
    case region
    /// Postcode: exact or ZIP+4 prefix / one edit / different.
    case postcode
    /// Country: exact / different.
    case country
    /// Date of birth: exact / one edit or day–month transposition / two edits / different.
    case dateOfBirth
    /// National id: exact / one edit / two edits / different.
    case nationalId
    /// Other exact id: exact / different.
    case otherId

    /// Names of levels 1…n (level 0 is "missing").
    public var levelNames: [String] {
        switch self {
        case .givenName: return ["exact", "fuzzy", "alias", "weak", "different"]
        case .surname: return ["exact", "fuzzy", "phonetic", "weak", "different"]
        case .email: return ["exact", "typo", "same local part", "different"]
        case .phone: return ["exact", "typo", "different"]
        case .organisation: return ["same", "similar", "different"]
        case .jobTitle: return ["exact", "similar", "different"]
        case .streetNumber, .postcode: return ["exact", "typo", "different"]
        case .address1, .address2: return ["exact", "fuzzy", "weak", "different"]
        case .city: return ["exact", "fuzzy", "different"]
        case .region, .country, .otherId: return ["exact", "different"]
        case .dateOfBirth, .nationalId: return ["exact", "typo", "two edits", "different"]
        }
    }

    /// Number of non-missing levels.
    public var levelCount: Int { levelNames.count }

    /// Name of `level` (0 = "missing").
    public func levelName(_ level: Int) -> String { level == 0 ? "missing" : levelNames[level - 1] }

    /// Input roles that activate this comparison.
    var roles: Set<MatchFieldRole> {
        switch self {
        case .givenName: return [.givenName, .fullName]
        case .surname: return [.surname, .fullName]
        case .email: return [.email]
        case .phone: return [.phone]
        case .organisation: return [.company, .website, .email]
        case .jobTitle: return [.jobTitle]
        case .streetNumber: return [.streetNumber]
        case .address1, .address2: return [.addressLine]
        case .city: return [.city]
        case .region: return [.region]
        case .postcode: return [.postcode]
        case .country: return [.country]
        case .dateOfBirth: return [.dateOfBirth]
        case .nationalId: return [.nationalId]
        case .otherId: return [.otherExactId]
        }
    }

    /// `true` for comparisons that identify one person (used by the identity guard).
    var isPersonalIdentifier: Bool { self == .email || self == .nationalId || self == .otherId }
}

/// Agreement levels of all comparisons for one pair, packed 4 bits per comparison.
///
/// Example: a pair agreeing exactly on given name (level 1) and surname (level 1) with different phones (level 3)
/// is `0x3011` (`phone` is comparison 3, so its level sits in bits 12–15).
public struct ComparisonPattern: Sendable, Hashable {
    /// Packed levels.
    public var bits: UInt64

    /// A pattern with every level 0.
    public init(bits: UInt64 = 0) { self.bits = bits }

    /// Level of `comparison`.
    @inline(__always) public func level(_ comparison: MatchComparison) -> Int {
        Int((bits >> UInt64(comparison.rawValue * 4)) & 0xF)
    }

    @inline(__always) mutating func set(_ comparison: MatchComparison, _ level: Int) {
        bits |= UInt64(level) << UInt64(comparison.rawValue * 4)
    }
}
