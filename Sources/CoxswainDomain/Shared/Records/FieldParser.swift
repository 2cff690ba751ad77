import Foundation

/// Turns one raw input value into a ``FieldValue`` of a field's kind, or a precise ``FieldIssue``.
///
/// Text input (CSV cells) is trimmed; an empty cell is null. JSON input must have the right JSON type
/// (a number for integers and amounts, a string for text) — `"amount": "12"` is accepted as a string
/// holding a number, but `"amount": true` is `invalid_type`.
public enum FieldParser {
    /// Where a raw value came from.
    public enum Source: Sendable {
        case json(JSONValue)
        case text(String)
    }

    public static func parse(_ source: Source, spec: FieldSpec) -> Result<FieldValue, FieldIssue> {
        let field = spec.name
        func bad(_ code: String, _ message: String) -> Result<FieldValue, FieldIssue> {
            .failure(FieldIssue(code: code, field: field, message: message))
        }
        // Normalise to either null, a JSON non-string, or a trimmed string.
        var text: String?
        switch source {
        case .text(let t):
            let trimmed = FastText.trimmed(t)
            if trimmed.isEmpty { return .success(.null) }
            text = trimmed
        case .json(let j):
            switch j {
            case .null: return .success(.null)
            case .string(let s):
                let trimmed = FastText.trimmed(s)
                if trimmed.isEmpty { return .success(.null) }
                text = trimmed
            default: text = nil
            }
        }
        let json: JSONValue? = if case .json(let j) = source { j } else { nil }

        switch spec.kind {
        case .id, .reference:
            guard let t = text else { return bad("invalid_type", "must be a string id, got \(json?.kindName ?? "?")") }
            guard t.utf8.count <= 255 else { return bad("invalid_format", "is longer than 255 characters") }
            return .success(.text(t))
        case .text(let maxLength):
            guard let t = text else { return bad("invalid_type", "must be a string, got \(json?.kindName ?? "?")") }
            let length = t.unicodeScalars.count
            guard length <= maxLength else { return bad("out_of_range", "is \(length) characters long; the limit is \(maxLength)") }
            return .success(.text(t))
        case .email:
            guard let t = text else { return bad("invalid_type", "must be a string, got \(json?.kindName ?? "?")") }
            guard isEmail(t) else { return bad("invalid_format", "'\(clip(t))' is not an e-mail address") }
            return .success(.text(t))
        case .phone:
            guard let t = text else { return bad("invalid_type", "must be a string, got \(json?.kindName ?? "?")") }
            // One pass over the bytes; every allowed byte is ASCII, so the byte count is the character count.
            var digits = 0
            var allowed = true
            for b in t.utf8 {
                if b >= 48 && b <= 57 { digits += 1 }
                if !Self.phoneBytes[Int(b)] { allowed = false }
            }
            guard digits >= 5, digits <= 20, allowed, t.utf8.count <= 40 else {
                return bad("invalid_format", "'\(clip(t))' is not a phone number")
            }
            return .success(.text(t))
        case .url:
            guard let t = text else { return bad("invalid_type", "must be a string, got \(json?.kindName ?? "?")") }
            guard t.contains("."), !t.contains(" "), t.utf8.count <= 2048 else { return bad("invalid_format", "'\(clip(t))' is not a web address") }
            return .success(.text(t))
        case .integer(let lo, let hi):
            let value: Int64?
            if case .number(let d)? = json {
                var copy = d
                var whole = Decimal()
                NSDecimalRound(&whole, &copy, 0, .plain)
                value = whole == d && abs(d) < Decimal(Int64.max) ? NSDecimalNumber(decimal: d).int64Value : nil
            } else if let t = text {
                value = Int64(t.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: ""))
            } else {
                return bad("invalid_type", "must be an integer, got \(json?.kindName ?? "?")")
            }
            guard let v = value else { return bad("invalid_format", "'\(clip(text ?? "\(json!)"))' is not a whole number") }
            if let lo, v < lo { return bad("out_of_range", "must be at least \(lo) (got \(v))") }
            if let hi, v > hi { return bad("out_of_range", "must be at most \(hi) (got \(v))") }
            return .success(.integer(v))
        case .decimal(let lo, let hi):
            let value: Decimal?
            if case .number(let d)? = json {
                value = d
            } else if let t = text {
                value = parseDecimal(t)
            } else {
                return bad("invalid_type", "must be a number, got \(json?.kindName ?? "?")")
            }
            guard let v = value else { return bad("invalid_format", "'\(clip(text ?? ""))' is not a number") }
            if let lo, v < lo { return bad("out_of_range", "must be at least \(lo) (got \(v))") }
            if let hi, v > hi { return bad("out_of_range", "must be at most \(hi) (got \(v))") }
            return .success(.decimal(v))
        case .money:
            preconditionFailure("money fields are parsed with parseMoney")
        case .currency:
            guard let t = text else { return bad("invalid_type", "must be a currency code string") }
            guard let c = Currency(code: t) else { return bad("unknown_value", "'\(clip(t))' is not a known ISO 4217 currency") }
            return .success(.text(c.code))
        case .date:
            guard let t = text else { return bad("invalid_type", "must be a date string YYYY-MM-DD") }
            guard let d = LocalDate(parsing: t) else { return bad("invalid_format", "'\(clip(t))' is not a valid date (YYYY-MM-DD)") }
            return .success(.date(d))
        case .timestamp:
            guard let t = text else { return bad("invalid_type", "must be an ISO 8601 timestamp string") }
            guard let d = Timestamp.parse(t) else { return bad("invalid_format", "'\(clip(t))' is not an ISO 8601 timestamp") }
            return .success(.timestamp(d))
        case .bool:
            if case .bool(let b)? = json { return .success(.bool(b)) }
            guard let t = text else { return bad("invalid_type", "must be true or false") }
            switch t.lowercased() {
            case "true", "yes", "y", "1", "t": return .success(.bool(true))
            case "false", "no", "n", "0", "f": return .success(.bool(false))
            default: return bad("invalid_format", "'\(clip(t))' is not true/false")
            }
        case .choice(let values):
            guard let t = text else { return bad("invalid_type", "must be a string") }
            guard let match = choiceMatch(t, values) else {
                return bad("unknown_value", "'\(clip(t))' is not one of: \(values.joined(separator: ", "))")
            }
            return .success(.text(match))
        case .list(let allowed):
            var items: [String] = []
            if case .array(let arr)? = json {
                for item in arr {
                    guard case .string(let s) = item else { return bad("invalid_type", "must be an array of strings") }
                    items.append(FastText.trimmed(s))
                }
            } else if let t = text {
                items = t.split(separator: ";").map { FastText.trimmed(String($0)) }
            } else {
                return bad("invalid_type", "must be an array of strings")
            }
            items = items.filter { !$0.isEmpty }
            if let allowed {
                var canonical: [String] = []
                for item in items {
                    guard let m = choiceMatch(item, allowed) else {
                        return bad("unknown_value", "'\(clip(item))' is not one of: \(allowed.joined(separator: ", "))")
                    }
                    canonical.append(m)
                }
                items = canonical
            }
            return .success(.list(items))
        case .dateRanges:
            return parseDateRanges(json: json, text: text, field: field)
        case .timeOfDay:
            guard let t = text else { return bad("invalid_type", "must be a time string HH:MM") }
            let parts = t.split(separator: ":")
            guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0...59).contains(m),
                h < 24 || m == 0, parts[1].count == 2
            else { return bad("invalid_format", "'\(clip(t))' is not a time of day HH:MM") }
            return .success(.text(String(format: "%02d:%02d", h, m)))
        case .timeZone:
            guard let t = text else { return bad("invalid_type", "must be a time zone name") }
            guard TimeZone(identifier: t) != nil else { return bad("unknown_value", "'\(clip(t))' is not an IANA time zone such as Europe/London") }
            return .success(.text(t))
        case .customFields:
            preconditionFailure("custom fields are validated by CustomFieldValidator")
        }
    }

    /// Parses an amount in `currency`; amounts are never negative and never silently rounded.
    public static func parseMoney(_ source: Source, spec: FieldSpec, currency: Currency) -> Result<FieldValue, FieldIssue> {
        let field = spec.name
        let text: String
        switch source {
        case .json(.null): return .success(.null)
        case .json(.number(let d)): text = d.description
        case .json(.string(let s)): text = s
        case .json(let other):
            return .failure(FieldIssue(code: "invalid_type", field: field, message: "must be a number, got \(other.kindName)"))
        case .text(let t): text = t
        }
        let trimmed = FastText.trimmed(text)
        if trimmed.isEmpty { return .success(.null) }
        switch Money.parse(trimmed, currency: currency) {
        case .success(let money):
            guard money.amount >= 0 else {
                return .failure(FieldIssue(code: "out_of_range", field: field, message: "must not be negative (got \(trimmed))"))
            }
            guard money.amount < Decimal(90_000_000_000_000) else {
                return .failure(FieldIssue(code: "out_of_range", field: field, message: "is too large (got \(trimmed))"))
            }
            return .success(.decimal(money.amount))
        case .failure(let e):
            return .failure(FieldIssue(code: "invalid_format", field: field, message: e.description))
        }
    }

    static func parseDecimal(_ t: String) -> Decimal? {
        let cleaned = t.replacingOccurrences(of: ",", with: "")
        guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }) else { return nil }
        return Decimal(string: cleaned, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// `local@domain.tld`: one `@`, a non-empty local part, a domain with a dot not at either end, no spaces or
    /// commas, at most 254 bytes.
    static func isEmail(_ t: String) -> Bool {
        var at = -1
        var count = 0
        var lastDot = -1
        for (i, b) in t.utf8.enumerated() {
            count += 1
            if b == UInt8(ascii: "@") {
                if at >= 0 { return false }
                at = i
            } else if b == 32 || b == UInt8(ascii: ",") || b < 32 {
                return false
            } else if b == UInt8(ascii: "."), at >= 0 {
                if i == at + 1 { return false }
                lastDot = i
            }
        }
        return at > 0 && lastDot > at + 1 && lastDot < count - 1 && count <= 254
    }

    /// Bytes allowed in a phone number: digits, space, `+ - ( ) . , / #` and the letters of "ext"/"x"/"e"/"t".
    static let phoneBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for b in "0123456789 +-().,/#xXeExtT".utf8 { table[Int(b)] = true }
        return table
    }()

    /// Matches a choice ignoring case, spaces, `_` and `-`: "Closed Won" matches `closed_won`.
    /// CRM export values ("Open - Not Contacted") are also recognised through ``choiceSynonyms``.
    public static func choiceMatch(_ input: String, _ values: [String]) -> String? {
        let key = FastText.looseKey
        let k = key(input)
        if let v = values.first(where: { key($0) == k }) { return v }
        if let canonical = choiceSynonyms[k], values.contains(canonical) { return canonical }
        return nil
    }

    /// Values that Salesforce and HubSpot exports use for Coxswain's choices (keys normalised to
    /// lower-case letters and digits): Salesforce lead statuses, HubSpot lifecycle/lead statuses, deal types.
    public static let choiceSynonyms: [String: String] = [
        "opennotcontacted": "new", "open": "new", "workingcontacted": "working", "inprogress": "working",
        "attemptedtocontact": "working", "connected": "working", "closedconverted": "converted",
        "closednotconverted": "unqualified", "badtiming": "nurturing", "nurture": "nurturing",
        "salesqualifiedlead": "qualified", "sql": "qualified", "marketingqualifiedlead": "new", "mql": "new",
        "newcustomer": "new_business", "newbusiness": "new_business", "existingbusiness": "expansion",
        "existingcustomerupgrade": "expansion", "upsell": "expansion", "existingcustomerreplacement": "renewal",
        "inbound": "inbound", "outbound": "outbound", "logacall": "call", "phonecall": "call",
    ]

    /// Shortens long values quoted in error messages to 60 characters.
    public static func clip(_ s: String) -> String { s.count > 60 ? String(s.prefix(57)) + "..." : s }

    private static func parseDateRanges(json: JSONValue?, text: String?, field: String) -> Result<FieldValue, FieldIssue> {
        func bad(_ m: String) -> Result<FieldValue, FieldIssue> { .failure(FieldIssue(code: "invalid_format", field: field, message: m)) }
        var pairs: [(String, String)] = []
        if case .array(let arr)? = json {
            for item in arr {
                guard case .string(let s)? = item["start"], case .string(let e)? = item["end"] else {
                    return bad("must be a list of {\"start\": date, \"end\": date}")
                }
                pairs.append((s, e))
            }
        } else if let t = text {
            for part in t.split(separator: ";") {
                let ends = part.components(separatedBy: "..")
                guard ends.count == 2 else { return bad("'\(clip(String(part)))' is not a range START..END") }
                pairs.append((FastText.trimmed(ends[0]), FastText.trimmed(ends[1])))
            }
        } else {
            return bad("must be a list of date ranges")
        }
        var ranges: [ClosedRange<LocalDate>] = []
        for (s, e) in pairs {
            guard let a = LocalDate(parsing: s), let b = LocalDate(parsing: e) else { return bad("'\(s)..\(e)' has an invalid date") }
            guard a <= b else { return bad("range \(s)..\(e) ends before it starts") }
            ranges.append(a...b)
        }
        return .success(.dateRanges(ranges.sorted { $0.lowerBound < $1.lowerBound }))
    }
}
