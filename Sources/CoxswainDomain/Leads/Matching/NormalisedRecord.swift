import Foundation

/// The normalised text columns stored per record. Several input roles feed one slot (e.g. `fullName` feeds
/// `given` and `surname`, `email` feeds `email`, `emailLocal` and `emailDomain`).
enum FieldSlot: Int, CaseIterable, Sendable {
    case given, surname, email, emailLocal, emailDomain, phone, company, jobTitle, streetNumber
    case address1, address2, address3, city, region, postcode, country, website, dob, nationalId, otherId
}

/// One record after normalisation, before it is packed into a ``MatchRecordTable``.
struct NormalisedRecord: Sendable {
    var text: [[UInt8]] = Array(repeating: [], count: FieldSlot.allCases.count)
    var givenFormal: (UInt64, UInt64) = (0, 0)
    var surnameFormal: UInt64 = 0
    var givenPhonetic: UInt64 = 0
    var surnamePhonetic: UInt64 = 0
    var companyTokens: [UInt64] = []
    var titleTokens: [UInt64] = []
    var addressTokens: [UInt64] = []
    /// Bit 0: free-mail address; bit 1: role mailbox.
    var emailFlags: UInt8 = 0

    subscript(slot: FieldSlot) -> [UInt8] {
        get { text[slot.rawValue] }
        set { text[slot.rawValue] = newValue }
    }
}

/// Turns raw column values into a ``NormalisedRecord``.
///
/// Values that repeat across records (company, job title, region, country, website) are
/// normalised once per normaliser and remembered, which makes table building several times cheaper on CRM data
/// where a few thousand companies and cities cover millions of leads.
struct RecordNormaliser: Sendable {
    /// Remembered normal forms per role, capped at `memoLimit` entries each.
    var memo: [[String: [UInt8]]] = Array(repeating: [:], count: MatchFieldRole.allCases.count)
    static let memoLimit = 100_000
    static let roleIndex: [MatchFieldRole: Int] = Dictionary(
        uniqueKeysWithValues: MatchFieldRole.allCases.enumerated().map { ($1, $0) })

    mutating func remembered(_ role: MatchFieldRole, _ raw: String, _ make: (String) -> [UInt8]) -> [UInt8] {
        let index = Self.roleIndex[role]!
        if let known = memo[index][raw] { return known }
        let value = make(raw)
        if memo[index].count >= Self.memoLimit { memo[index].removeAll(keepingCapacity: true) }
        memo[index][raw] = value
        return value
    }

    static func sortedTokenHashes(_ bytes: [UInt8]) -> [UInt64] {
        var hashes = TextFolding.tokens(bytes).map { ByteHash.hash($0, seed: 5) }
        hashes.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(hashes.count)
        for hash in hashes where unique.last != hash { unique.append(hash) }
        return unique
    }

    /// Normalises one record given `(role, value)` pairs in column order.
    mutating func normalise(_ values: [(MatchFieldRole, String)]) -> NormalisedRecord {
        normalise(count: values.count) { values[$0] }
    }

    /// Normalises one record whose `k`-th `(role, value)` pair is `value(k)`.
    mutating func normalise(count: Int, _ value: (Int) -> (MatchFieldRole, String)) -> NormalisedRecord {
        var record = NormalisedRecord()
        var addressIndex = 0
        var rawPhone = ""
        for k in 0..<count {
            let (role, raw) = value(k)
            switch role {
            case .givenName: record[.given] = PersonNameNormaliser.partBytes(raw)
            case .surname: record[.surname] = PersonNameNormaliser.partBytes(raw)
            case .fullName:
                let split = PersonNameNormaliser.split(fullName: raw)
                record[.given] = Array(split.given.utf8)
                record[.surname] = Array(split.surname.utf8)
            case .email:
                let email = EmailNormaliser.normalise(raw)
                guard !email.local.isEmpty else { break }
                record[.email] = Array(email.address.utf8)
                record[.emailLocal] = Array(email.local.utf8)
                if !email.isFreeMail {
                    let host = Array(email.domain.utf8)[...]
                    record[.emailDomain] = DomainNormaliser.registrableDomainBytes(ofHost: host)
                }
                record.emailFlags = (email.isFreeMail ? 1 : 0) | (email.isRoleMailbox ? 2 : 0)
            case .phone: rawPhone = raw
            case .company: record[.company] = remembered(role, raw, CompanyNormaliser.bytes)
            case .jobTitle: record[.jobTitle] = remembered(role, raw, JobTitleNormaliser.bytes)
            case .streetNumber: record[.streetNumber] = TextFolding.fold(raw, separator: 0)
            case .addressLine:
                let slots: [FieldSlot] = [.address1, .address2, .address3]
                if addressIndex < slots.count { record[slots[addressIndex]] = TextFolding.fold(raw) }
                addressIndex += 1
            case .city: record[.city] = TextFolding.fold(raw)
            case .region: record[.region] = remembered(role, raw) { Array(LocationNormaliser.region($0).utf8) }
            case .postcode: record[.postcode] = TextFolding.fold(raw, separator: 0)
            case .country:
                record[.country] = remembered(role, raw) { Array(LocationNormaliser.country($0).utf8) }
            case .website:
                record[.website] = remembered(role, raw) { raw in
                    let domain = DomainNormaliser.registrableDomainBytes(fromWebsite: raw)
                    let provider = String(decoding: domain.prefix { $0 != 46 }, as: UTF8.self)
                    return EmailNormaliser.freeProviders.contains(provider) ? [] : domain
                }
            case .dateOfBirth: record[.dob] = Array(LocationNormaliser.dateOfBirth(raw).utf8)
            case .nationalId: record[.nationalId] = TextFolding.fold(raw, separator: 0)
            case .otherExactId: record[.otherId] = TextFolding.fold(raw, separator: 0)
            }
        }
        if !rawPhone.isEmpty {
            record[.phone] = PhoneNormaliser.matchDigits(rawPhone)
        }
        let given = record[.given]
        if !given.isEmpty {
            record.givenFormal = NicknameTable.shared.formalCodes(bytes: given)
            record.givenPhonetic = Nysiis.packedCode(given)
        }
        record.surnamePhonetic = Nysiis.packedCode(record[.surname])
        if !record[.surname].isEmpty {
            record.surnameFormal = NicknameTable.shared.formalCodes(bytes: record[.surname]).0
        }
        record.companyTokens = Self.sortedTokenHashes(record[.company])
        record.titleTokens = Self.sortedTokenHashes(record[.jobTitle])
        record.addressTokens = Self.sortedTokenHashes(record[.address1] + [32] + record[.address2])
        return record
    }
}
