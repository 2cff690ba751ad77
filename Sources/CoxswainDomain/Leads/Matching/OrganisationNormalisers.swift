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

    static let suffixHashes: Set<UInt64> = Set(legalSuffixes.map { ByteHash.hash(Array($0.utf8)) })
    static let keepAmpersand = AsciiSet("&")
    static let andBytes: [UInt8] = Array("and".utf8)

    static func bytes(_ raw: String) -> [UInt8] {
        let folded = TextFolding.fold(raw, keep: keepAmpersand)
        // Tokens as ranges; "&" is its own token meaning "and"; runs of single letters are re-joined.
        var tokens: [[UInt8]] = []
        var run: [UInt8] = []
        var start = 0
        let count = folded.count
        while start < count {
            if folded[start] == 32 { start += 1; continue }
            var end = start
            while end < count && folded[end] != 32 && folded[end] != 38 { end += 1 }
            if end == start {  // '&'
                if !run.isEmpty { tokens.append(run); run = [] }
                tokens.append(andBytes)
                start += 1
                continue
            }
            let token = folded[start..<end]
            if token.count == 1 && token.first! >= 97 && token.first! <= 122 {
                run.append(token.first!)
            } else {
                if !run.isEmpty { tokens.append(run); run = [] }
                tokens.append(Array(token))
            }
            start = end
        }
        if !run.isEmpty { tokens.append(run) }
        if tokens.count > 1 && tokens[0] == [116, 104, 101] { tokens.removeFirst() }  // "the"
        while tokens.count > 1 {
            let last = tokens[tokens.count - 1]
            let isDe = last == [100, 101] && tokens.count > 2  // "de" of "sa de cv"
            if suffixHashes.contains(ByteHash.hash(last)) || last == andBytes || isDe {
                tokens.removeLast()
            } else {
                break
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(folded.count)
        for (index, token) in tokens.enumerated() {
            if index > 0 { out.append(32) }
            out.append(contentsOf: token)
        }
        return out
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
    static let secondLevels: Set<String> = [
        "co", "com", "net", "org", "gov", "ac", "edu", "ltd", "plc", "ne", "or",
        "gob", "gouv", "nic", "mil", "sch", "nhs", "police", "asn", "id", "go",
    ]
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
        "pm": "project manager", "qa": "quality assurance", "tech": "technical",
        "sw": "software", "biz": "business", "bd": "business development", "gm": "general manager",
    ]

    /// Normalised job title.
    public static func normalise(_ raw: String) -> String {
        String(decoding: bytes(raw), as: UTF8.self)
    }

    static let expansionTable: [UInt64: [UInt8]] = Dictionary(
        uniqueKeysWithValues: expansions.map { (ByteHash.hash(Array($0.key.utf8)), Array($0.value.utf8)) })

    static func bytes(_ raw: String) -> [UInt8] {
        let folded = TextFolding.fold(raw)
        var out: [UInt8] = []
        out.reserveCapacity(folded.count + 16)
        for token in folded.split(separator: 32) {
            if !out.isEmpty { out.append(32) }
            if token.count <= 4, let expansion = expansionTable[ByteHash.hash(token)] {
                out.append(contentsOf: expansion)
            } else {
                out.append(contentsOf: token)
            }
        }
        return out
    }
}
