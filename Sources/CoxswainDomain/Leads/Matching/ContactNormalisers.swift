import Foundation

/// A normalised e-mail address.
public struct NormalisedEmail: Sendable, Hashable {
    /// Canonical local part (lower-case, plus-tag removed, dots removed for Gmail).
    public var local: String
    /// Canonical domain (lower-case, common typos fixed, `googlemail.com` → `gmail.com`).
    public var domain: String
    /// `true` for consumer mailboxes (gmail, yahoo, …) whose domain says nothing about the employer.
    public var isFreeMail: Bool
    /// `true` for shared role mailboxes (`info@`, `sales@`, `hello@` …) that do not identify one person.
    public var isRoleMailbox: Bool
    /// `local@domain`.
    public var address: String { local.isEmpty ? "" : "\(local)@\(domain)" }
}

/// E-mail normalisation.
///
/// Business rules:
/// * case is ignored and surrounding whitespace removed;
/// * a `+tag` suffix of the local part is removed for every provider (`ann+crm@x.com` → `ann@x.com`);
/// * Gmail ignores dots, so `J.Doe@GoogleMail.com` → `jdoe@gmail.com`;
/// * frequent domain typos are corrected: `gmial.com`, `gmai.com` → `gmail.com`; `hotmial.com` → `hotmail.com`;
///   `yaho.com` → `yahoo.com` …;
/// * free-mail domains are flagged so that they are never used as a company domain;
/// * role mailboxes (`info`, `sales`, `hello` …) are flagged: they are shared by colleagues and are not evidence
///   that two records are the same person.
public enum EmailNormaliser {
    static let typoFixes: [String: String] = [
        "gmial.com": "gmail.com", "gmai.com": "gmail.com", "gmal.com": "gmail.com", "gamil.com": "gmail.com",
        "gnail.com": "gmail.com", "gmail.co": "gmail.com", "gmail.con": "gmail.com", "gmaill.com": "gmail.com",
        "gmail.cm": "gmail.com", "gmsil.com": "gmail.com", "googlemail.com": "gmail.com", "gmail.om": "gmail.com",
        "hotmial.com": "hotmail.com", "hotmai.com": "hotmail.com", "hotmal.com": "hotmail.com",
        "hotmail.co": "hotmail.com", "hotmail.con": "hotmail.com", "hotamil.com": "hotmail.com",
        "yaho.com": "yahoo.com", "yahooo.com": "yahoo.com", "yhoo.com": "yahoo.com", "yahoo.co": "yahoo.com",
        "yahoo.con": "yahoo.com", "yaoo.com": "yahoo.com", "outlok.com": "outlook.com", "outloo.com": "outlook.com",
        "outlook.co": "outlook.com", "iclod.com": "icloud.com", "icloud.co": "icloud.com", "aol.co": "aol.com",
    ]
    static let freeProviders: Set<String> = [
        "gmail", "googlemail", "yahoo", "ymail", "rocketmail", "hotmail", "outlook", "live", "msn", "aol",
        "icloud", "me", "mac", "protonmail", "proton", "gmx", "yandex", "zoho", "mail", "fastmail", "tutanota",
        "hey", "qq", "163", "126", "naver", "rediffmail", "web", "t-online", "freenet", "orange", "wanadoo", "free",
        "laposte", "sfr", "virgilio", "libero", "tiscali", "alice", "btinternet", "sky", "virginmedia", "talktalk",
        "comcast", "verizon", "att", "sbcglobal", "bellsouth", "cox", "charter", "earthlink", "juno", "shaw",
        "rogers", "telus", "sympatico", "bigpond", "optusnet", "uol", "bol", "terra", "ig", "seznam", "wp", "o2",
        "interia", "onet", "mail.ru", "inbox", "rambler", "bluewin", "telenet", "skynet", "ziggo", "kpnmail",
        "xs4all", "telefonica", "movistar", "arcor",
    ]
    static let roleLocals: Set<String> = [
        "info", "hello", "sales", "contact", "admin", "office", "support", "team", "enquiries", "enquiry",
        "marketing", "hr", "jobs", "careers", "billing", "accounts", "help", "mail", "noreply", "no-reply",
        "webmaster", "reception", "service", "customerservice", "orders", "press", "media", "finance", "general",
        "hi", "inquiries", "inquiry", "team", "partners", "ops", "operations", "bookings", "accounting", "legal",
    ]
    static let keep = AsciiSet("@.+-_")
    static let typoFixBytes: [UInt64: [UInt8]] = Dictionary(
        uniqueKeysWithValues: typoFixes.map {
            (ByteHash.hash(Array($0.key.utf8)), Array($0.value.utf8))
        })
    static let freeProviderHashes: Set<UInt64> = Set(freeProviders.map { ByteHash.hash(Array($0.utf8)) })
    static let roleLocalHashes: Set<UInt64> = Set(roleLocals.map { ByteHash.hash(Array($0.utf8)) })
    static let gmail: [UInt8] = Array("gmail.com".utf8)

    /// Byte-level normal form used when building tables: full address, local part, company domain (empty for
    /// free mail) and flags (bit 0 free mail, bit 1 role mailbox). Same rules as ``normalise(_:)``.
    static func normaliseBytes(
        _ raw: String
    ) -> (
        address: [UInt8], local: [UInt8], companyDomain: [UInt8],
        flags: UInt8
    ) {
        var bytes = TextFolding.fold(raw, keep: keep, separator: 0)
        guard let at = bytes.lastIndex(of: 64), at > 0, at < bytes.count - 1 else { return ([], [], [], 0) }
        var end = bytes.count
        while end > at + 1 && bytes[end - 1] == 46 { end -= 1 }
        var domain = Array(bytes[(at + 1)..<end])
        if let fixed = typoFixBytes[ByteHash.hash(domain)] { domain = fixed }
        var localEnd = at
        if let plus = bytes[..<at].firstIndex(of: 43), plus > 0 { localEnd = plus }
        bytes.removeSubrange(localEnd...)
        if domain == gmail { bytes.removeAll { $0 == 46 } }
        let registrable = DomainNormaliser.registrableDomainBytes(ofHost: domain[...])
        let provider = registrable.prefix { $0 != 46 }
        let isFree =
            freeProviderHashes.contains(ByteHash.hash(provider))
            || freeProviderHashes.contains(ByteHash.hash(registrable))
        let isRole = roleLocalHashes.contains(ByteHash.hash(bytes))
        var address = bytes
        address.reserveCapacity(bytes.count + 1 + domain.count)
        address.append(64)
        address.append(contentsOf: domain)
        return (address, bytes, isFree ? [] : registrable, (isFree ? 1 : 0) | (isRole ? 2 : 0))
    }

    /// Normalises an address; returns an empty ``NormalisedEmail`` when `raw` has no usable `local@domain`.
    ///
    /// Example: `normalise(" Ann.Lee+News@GMIAL.com ")` → local `"annlee"`, domain `"gmail.com"`, free-mail.
    public static func normalise(_ raw: String) -> NormalisedEmail {
        let bytes = TextFolding.fold(raw, keep: keep, separator: 0)
        guard let at = bytes.lastIndex(of: 64), at > 0, at < bytes.count - 1 else {
            return NormalisedEmail(local: "", domain: "", isFreeMail: false, isRoleMailbox: false)
        }
        var local = Array(bytes[..<at])
        var domain = String(decoding: bytes[(at + 1)...], as: UTF8.self)
        while domain.hasSuffix(".") { domain.removeLast() }
        domain = typoFixes[domain] ?? domain
        if let plus = local.firstIndex(of: 43), plus > 0 { local = Array(local[..<plus]) }
        let registrableBytes = DomainNormaliser.registrableDomainBytes(ofHost: Array(domain.utf8)[...])
        let registrable = String(decoding: registrableBytes, as: UTF8.self)
        let provider = String(decoding: registrableBytes.prefix { $0 != 46 }, as: UTF8.self)
        let isFree = freeProviders.contains(provider) || freeProviders.contains(registrable)
        if domain == "gmail.com" { local.removeAll { $0 == 46 } }
        let localString = String(decoding: local, as: UTF8.self)
        let isRole = roleLocals.contains(localString)
        return NormalisedEmail(local: localString, domain: domain, isFreeMail: isFree, isRoleMailbox: isRole)
    }
}

/// Telephone normalisation to E.164-style digits.
///
/// Business rules:
/// * an extension (`x123`, `ext. 123`, `#123`, `;ext=123`) is removed;
/// * `+` or `00` starts an international number; otherwise the number is national in the record's country (or the
///   configured default) and a leading trunk `0` is replaced by that country's calling code;
/// * matching compares the last nine significant digits, which tolerates missing or wrong country codes and trunk
///   prefixes (`(0117) 152 0448` and `+44 117 152 0448` agree).
///
/// Example: `e164("(312) 493-2250 x12", defaultCallingCode: "1")` → `"+13124932250"`.
public enum PhoneNormaliser {
    static let callingCodes: [String: String] = [
        "US": "1", "CA": "1", "GB": "44", "DE": "49", "FR": "33", "ES": "34", "IT": "39", "NL": "31", "BE": "32",
        "BR": "55", "MX": "52", "AU": "61", "NZ": "64", "IE": "353", "IN": "91", "JP": "81", "CN": "86",
        "CH": "41", "AT": "43", "SE": "46", "NO": "47", "DK": "45", "FI": "358", "PT": "351", "PL": "48",
        "ZA": "27", "SG": "65", "AR": "54", "CO": "57", "CL": "56",
    ]

    /// Calling code (without `+`) for an ISO country code, `nil` if unknown.
    public static func callingCode(forCountry iso: String) -> String? { callingCodes[iso.uppercased()] }

    /// Digits of the number without extension, and whether it was written internationally.
    static func significantDigits(_ raw: String) -> (digits: [UInt8], international: Bool) {
        var digits: [UInt8] = []
        var international = false
        var seenDigit = false
        for byte in raw.utf8 {
            if byte >= 48 && byte <= 57 {
                digits.append(byte)
                seenDigit = true
            } else if byte == 43 && !seenDigit {
                international = true
            } else if seenDigit && (byte == 120 || byte == 88 || byte == 35 || byte == 59 || byte | 32 == 101) {
                break  // x, X, #, ;, e(xt) start an extension
            }
        }
        if !international && digits.count > 2 && digits[0] == 48 && digits[1] == 48 {
            international = true
            digits.removeFirst(2)
        }
        return (digits, international)
    }

    /// E.164 form (`+` and digits) or `""` when fewer than 6 digits are present.
    public static func e164(_ raw: String, defaultCallingCode: String = "1") -> String {
        let (digits, international) = significantDigits(raw)
        guard digits.count >= 6 else { return "" }
        var text = String(decoding: digits, as: UTF8.self)
        if !international {
            if defaultCallingCode == "1" {
                if text.count == 11 && text.hasPrefix("1") { return "+" + text }
                return "+1" + text
            }
            if text.hasPrefix("0") { text.removeFirst() }
            if text.hasPrefix(defaultCallingCode) && text.count > 10 { return "+" + text }
            return "+" + defaultCallingCode + text
        }
        return "+" + text
    }

    /// The matching key: the last nine significant digits (all digits if shorter, `""` below six).
    static func matchDigits(_ raw: String) -> [UInt8] {
        let digits = significantDigits(raw).digits
        guard digits.count >= 6 else { return [] }
        return Array(digits.suffix(9))
    }
}
