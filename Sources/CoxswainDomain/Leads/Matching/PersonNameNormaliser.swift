import Foundation

/// Normalised form of a person's name as used by matching.
public struct NormalisedPersonName: Sendable, Hashable {
    /// Folded given name(s) without separators (`"Mary-Ann"` → `"maryann"`); empty when unknown.
    public var given: String
    /// Folded surname without separators (`"O'Donnell"` → `"odonnell"`); empty when unknown.
    public var surname: String
}

/// Person-name normalisation.
///
/// Business rules:
/// * case and accents are ignored and punctuation/whitespace removed: `" José  "` → `"jose"`;
/// * honorifics (`Mr`, `Dr`, …) and generational suffixes (`Jr`, `III`, …) are dropped;
/// * `"Smith, Robert"` in a full-name column means surname first; otherwise the first token is the given name and
///   the last token the surname;
/// * nicknames resolve to formal names through ``NicknameTable`` only at comparison time — the stored given name
///   keeps what was typed so that `Bob` vs `Robert` is an *alias* agreement, weaker than an exact one.
public enum PersonNameNormaliser {
    static let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev"]
    static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"]
    static let keepNothing = AsciiSet("")

    static let droppedTokens: [[UInt8]] = (honorifics.union(suffixes)).map { Array($0.utf8) }

    /// Folds one name part (given name or surname): `"O'Brien "` → `"obrien"`.
    public static func part(_ raw: String) -> String {
        String(decoding: partBytes(raw), as: UTF8.self)
    }

    /// Byte version of ``part(_:)``; honorifics and suffixes are dropped unless they are the only token.
    static func partBytes(_ raw: String) -> [UInt8] {
        let folded = TextFolding.fold(raw)
        guard folded.contains(32) else {
            return folded
        }
        var out: [UInt8] = []
        out.reserveCapacity(folded.count)
        for token in folded.split(separator: 32) {
            if token.count <= 4 && droppedTokens.contains(where: { $0.elementsEqual(token) }) { continue }
            out.append(contentsOf: token)
        }
        return out.isEmpty ? folded.filter { $0 != 32 } : out
    }

    /// Splits a full name into given name and surname.
    ///
    /// Example: `split(fullName: "Dr. Robert J. Smith")` → given `"robert"`, surname `"smith"`;
    /// `split(fullName: "Smith, Bob")` → given `"bob"`, surname `"smith"`.
    public static func split(fullName raw: String) -> NormalisedPersonName {
        if let comma = raw.firstIndex(of: ",") {
            let surname = part(String(raw[..<comma]))
            let rest = tokens(String(raw[raw.index(after: comma)...]))
            return NormalisedPersonName(given: rest.first ?? "", surname: surname)
        }
        let parts = tokens(raw)
        switch parts.count {
        case 0: return NormalisedPersonName(given: "", surname: "")
        case 1: return NormalisedPersonName(given: "", surname: parts[0])
        default: return NormalisedPersonName(given: parts[0], surname: parts[parts.count - 1])
        }
    }

    static func tokens(_ raw: String) -> [String] {
        let all = TextFolding.tokens(TextFolding.fold(raw)).map { String(decoding: $0, as: UTF8.self) }
        return all.filter { !honorifics.contains($0) && !suffixes.contains($0) }
    }

    /// The formal name a given name abbreviates (`"Peggy"` → `"margaret"`), or the folded name itself.
    public static func formalGivenName(_ raw: String) -> String {
        let folded = part(raw)
        let code = NicknameTable.shared.formalCodes(for: folded).0
        for group in NicknameTable.source.split(separator: ";") {
            let formal = group.split(separator: ":")[0].trimmingCharacters(in: .whitespacesAndNewlines)
            if ByteHash.hash(Array(formal.utf8), seed: 77) == code { return formal }
        }
        return folded
    }
}
