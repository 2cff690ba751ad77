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
    /// Remembered token hashes of normalised company names and job titles.
    var tokenMemo: [[UInt8]: [UInt64]] = [:]
    static let memoLimit = 100_000
    static let roleIndex: [MatchFieldRole: Int] = Dictionary(
        uniqueKeysWithValues: MatchFieldRole.allCases.enumerated().map { ($1, $0) })

    mutating func rememberedTokens(_ bytes: [UInt8]) -> [UInt64] {
        if bytes.isEmpty { return [] }
        if let known = tokenMemo[bytes] { return known }
        let tokens = Self.sortedTokenHashes(bytes)
        if tokenMemo.count >= Self.memoLimit { tokenMemo.removeAll(keepingCapacity: true) }
        tokenMemo[bytes] = tokens
        return tokens
    }

    static let addressSlots: [FieldSlot] = [.address1, .address2, .address3]

    mutating func remembered(_ role: MatchFieldRole, _ raw: String, _ make: (String) -> [UInt8]) -> [UInt8] {
        let index = Self.roleIndex[role]!
        if let known = memo[index][raw] { return known }
        let value = make(raw)
        if memo[index].count >= Self.memoLimit { memo[index].removeAll(keepingCapacity: true) }
        memo[index][raw] = value
        return value
    }

    /// Sorted, de-duplicated hashes of the space-separated tokens of `bytes` (one allocation).
    static func sortedTokenHashes(_ bytes: [UInt8]) -> [UInt64] {
        if bytes.isEmpty { return [] }
        var hashes: [UInt64] = []
        hashes.reserveCapacity(bytes.count / 4 + 1)
        var start = 0
        let count = bytes.count
        while start < count {
            while start < count && bytes[start] == 32 { start += 1 }
            var end = start
            while end < count && bytes[end] != 32 { end += 1 }
            if end > start { hashes.append(ByteHash.hash(bytes[start..<end], seed: 5)) }
            start = end
        }
        hashes.sort()
        var write = 0
        for read in hashes.indices where write == 0 || hashes[read] != hashes[write - 1] {
            hashes[write] = hashes[read]
            write += 1
        }
        hashes.removeLast(hashes.count - write)
        return hashes
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
                let email = EmailNormaliser.normaliseBytes(raw)
                guard !email.local.isEmpty else { break }
                record[.email] = email.address
                record[.emailLocal] = email.local
                record[.emailDomain] = email.companyDomain
                record.emailFlags = email.flags
            case .phone: rawPhone = raw
            case .company: record[.company] = remembered(role, raw, CompanyNormaliser.bytes)
            case .jobTitle: record[.jobTitle] = remembered(role, raw, JobTitleNormaliser.bytes)
            case .streetNumber: record[.streetNumber] = TextFolding.fold(raw, separator: 0)
            case .addressLine:
                if addressIndex < Self.addressSlots.count {
                    record[Self.addressSlots[addressIndex]] = TextFolding.fold(raw)
                }
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
        record.companyTokens = rememberedTokens(record[.company])
        record.titleTokens = rememberedTokens(record[.jobTitle])
        if !record[.address1].isEmpty || !record[.address2].isEmpty {
            record.addressTokens = Self.sortedTokenHashes(record[.address1] + [32] + record[.address2])
        }
        return record
    }
}
