import Foundation

/// Company-name normalisation.
///
/// Business rules: case, accents and punctuation are ignored; `&` means `and`; a leading `The` is dropped; legal
/// form suffixes are removed from the end, repeatedly (`Inc`, `Inc.`, `Incorporated`, `LLC`, `Ltd`, `Limited`,
/// `GmbH`, `AG`, `SA`, `S.A. de C.V.`, `PLC`, `Corp`, `Corporation`, `Co`, `BV`, `NV`, `Pty`, `LLP`, `S.p.A.` …);
/// single letters written with dots are re-joined first (`S.p.A.` → `spa`).
///
/// Example: `normalise("The Gibbs, Parkinson & Lewis Co. Ltd.")` → `"gibbs parkinson and lewis"`.
public enum CompanyNormaliser {
    static let legalSuffixes: Set<String> = [
        "inc", "incorporated", "llc", "ltd", "limited", "gmbh", "ag", "sa", "plc", "corp", "corporation", "co",
        "company", "bv", "nv", "pty", "llp", "lp", "srl", "sarl", "spa", "sl", "ltda", "sas", "kg", "oy", "ab",
        "se", "pte", "pvt", "cv", "sac", "sau", "kk", "bhd", "sdn", "eirl", "ohg", "ug", "as", "asa", "aps",
        "sro", "zoo", "kft", "oyj", "cia", "lda", "sc", "scs", "sca", "ltee", "ulc", "pc", "pllc", "mbh",
    ]

    /// Normalised company name as a string.
    public static func normalise(_ raw: String) -> String {
        String(decoding: bytes(raw), as: UTF8.self)
    }

    static func bytes(_ raw: String) -> [UInt8] {
        let ampersandFree = raw.contains("&") ? raw.replacingOccurrences(of: "&", with: " and ") : raw
        var tokens = TextFolding.tokens(TextFolding.fold(ampersandFree)).map { String(decoding: $0, as: UTF8.self) }
        // Re-join runs of single letters: "s a de c v" -> "sa de cv", "s p a" -> "spa".
        var joined: [String] = []
        var run = ""
        for token in tokens {
            if token.count == 1 && token.first!.isLetter {
                run += token
            } else {
                if !run.isEmpty { joined.append(run); run = "" }
                joined.append(token)
            }
        }
        if !run.isEmpty { joined.append(run) }
        tokens = joined
        if tokens.count > 1 && tokens[0] == "the" { tokens.removeFirst() }
        while tokens.count > 1 {
            let last = tokens[tokens.count - 1]
            if legalSuffixes.contains(last) || last == "and" {
                tokens.removeLast()
            } else if last == "cv" || (last == "de" && tokens.count > 2) {
                tokens.removeLast()
            } else {
                break
            }
        }
        if tokens.count > 1 && tokens[tokens.count - 1] == "de" { tokens.removeLast() }
        return Array(tokens.joined(separator: " ").utf8)
    }
}

/// Website / host → registrable domain.
///
/// Business rules: scheme, `www.`, port, path, query and fragment are removed; the registrable domain is the
/// last two labels, or three when the last two form a two-level public suffix (`co.uk`, `com.au`, `com.br`,
/// `co.nz`, `co.jp` …).
///
/// Example: `registrableDomain(fromWebsite: "https://WWW.shop.Acme.co.uk/about?x=1")` → `"acme.co.uk"`.
public enum DomainNormaliser {
    static let secondLevels: Set<String> = ["co", "com", "net", "org", "gov", "ac", "edu", "ltd", "plc", "ne", "or",
                                            "gob", "gouv", "nic", "mil", "sch", "nhs", "police", "asn", "id", "go"]
    static let keep = AsciiSet(".-")

    static let secondLevelBytes: [[UInt8]] = secondLevels.map { Array($0.utf8) }
    static let urlKeep = AsciiSet(".-:/?#@")

    /// The registrable domain of a website URL or bare host; `""` if there is none.
    public static func registrableDomain(fromWebsite raw: String) -> String {
        String(decoding: registrableDomainBytes(fromWebsite: raw), as: UTF8.self)
    }

    /// Byte version of ``registrableDomain(fromWebsite:)``.
    static func registrableDomainBytes(fromWebsite raw: String) -> [UInt8] {
        var bytes = TextFolding.fold(raw, keep: urlKeep, separator: 0)[...]
        if let scheme = findScheme(bytes) { bytes = bytes[scheme...] }
        if let at = bytes.lastIndex(of: 64) { bytes = bytes[(at + 1)...] }
        if let cut = bytes.firstIndex(where: { $0 == 47 || $0 == 63 || $0 == 35 || $0 == 58 }) {
            bytes = bytes[..<cut]
        }
        return registrableDomainBytes(ofHost: bytes)
    }

    private static func findScheme(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index + 2 < bytes.endIndex {
            if bytes[index] == 58 && bytes[index + 1] == 47 && bytes[index + 2] == 47 { return index + 3 }
            index += 1
        }
        return nil
    }

    /// The registrable domain of an already lower-cased host name.
    static func registrableDomain(ofHost host: String) -> String {
        String(decoding: registrableDomainBytes(ofHost: Array(host.utf8)[...]), as: UTF8.self)
    }

    /// Registrable domain of a lower-case host given as bytes.
    static func registrableDomainBytes(ofHost host: ArraySlice<UInt8>) -> [UInt8] {
        var labels = host.split(separator: 46, omittingEmptySubsequences: true)
        while labels.count > 2, let first = labels.first, first.starts(with: [119, 119, 119]), first.count <= 4 {
            labels.removeFirst()
        }
        guard labels.count >= 2 else { return [] }
        let tld = labels[labels.count - 1]
        let second = labels[labels.count - 2]
        let twoLevel = tld.count == 2 && secondLevelBytes.contains { $0.elementsEqual(second) }
        if twoLevel && labels.count == 2 { return [] }
        let take = twoLevel ? 3 : 2
        var out: [UInt8] = []
        for (offset, label) in labels.suffix(take).enumerated() {
            if offset > 0 { out.append(46) }
            out.append(contentsOf: label)
        }
        return out
    }
}

/// Job-title normalisation: folded, common abbreviations expanded (`Sr.` → `senior`, `VP` → `vice president`,
/// `Dir.` → `director`, `Eng.` → `engineer`, `Mgr` → `manager`, `CEO` → `chief executive officer` …).
///
/// Example: `normalise("Sr. VP, Sales Ops")` → `"senior vice president sales operations"`.
public enum JobTitleNormaliser {
    static let expansions: [String: String] = [
        "sr": "senior", "snr": "senior", "jr": "junior", "vp": "vice president", "svp": "senior vice president",
        "evp": "executive vice president", "avp": "assistant vice president", "dir": "director", "mgr": "manager",
        "mngr": "manager", "eng": "engineer", "engr": "engineer", "exec": "executive", "asst": "assistant",
        "assoc": "associate", "ceo": "chief executive officer", "cfo": "chief financial officer",
        "cto": "chief technology officer", "coo": "chief operating officer", "cmo": "chief marketing officer",
        "cro": "chief revenue officer", "cio": "chief information officer", "hr": "human resources",
        "it": "information technology", "pres": "president", "admin": "administrator", "ops": "operations",
        "dev": "developer", "mktg": "marketing", "acct": "account", "spec": "specialist", "coord": "coordinator",
        "rep": "representative", "mgmt": "management", "intl": "international", "natl": "national",
        "pm": "project manager", "qa": "quality assurance", "r&d": "research and development", "tech": "technical",
        "sw": "software", "biz": "business", "bd": "business development", "gm": "general manager",
    ]

    /// Normalised job title.
    public static func normalise(_ raw: String) -> String {
        String(decoding: bytes(raw), as: UTF8.self)
    }

    static func bytes(_ raw: String) -> [UInt8] {
        let tokens = TextFolding.tokens(TextFolding.fold(raw)).map { String(decoding: $0, as: UTF8.self) }
        return Array(tokens.map { expansions[$0] ?? $0 }.joined(separator: " ").utf8)
    }
}
