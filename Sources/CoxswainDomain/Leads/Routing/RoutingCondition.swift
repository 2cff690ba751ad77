import Foundation

/// A condition over a lead's fields, standard (`country`, `employees`) or custom (`custom_fields.use_case`).
///
/// Text comparisons ignore ASCII case and surrounding spaces. A missing value matches only `exists: false`
/// (and `not` of anything else).
///
/// JSON forms:
/// * `{"field": "country", "equals": "DE"}` · `{"field": "employees", "equals": 50}`
/// * `{"field": "country", "in": ["DE", "AT", "CH"]}`
/// * `{"field": "employees", "range": {"min": 200, "max": 1999}}` (inclusive; either bound may be omitted)
/// * `{"field": "title", "regex": "(?i)^(vp|chief|head)"}` (searches anywhere unless anchored; see ``RoutingRegex``)
/// * `{"field": "phone", "exists": true}`
/// * `{"all": [...]}`, `{"any": [...]}`, `{"not": {...}}`
public indirect enum RoutingCondition: Hashable, Sendable {
    /// The field equals a value (text or number).
    case equals(field: String, value: RoutingLiteral)
    /// The field equals one of the values.
    case oneOf(field: String, values: [RoutingLiteral])
    /// The numeric field lies within inclusive bounds.
    case range(field: String, min: Double?, max: Double?)
    /// The text field contains a match of the pattern.
    case regex(field: String, pattern: String)
    /// The field has a (non-empty) value, or has none when `false`.
    case exists(field: String, Bool)
    /// Every condition holds (true when empty).
    case all([RoutingCondition])
    /// At least one condition holds (false when empty).
    case any([RoutingCondition])
    /// The condition does not hold.
    case not(RoutingCondition)
}

/// A constant in a condition: text or a number.
public enum RoutingLiteral: Hashable, Sendable, Codable, CustomStringConvertible {
    case text(String)
    case number(Double)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let b = try? c.decode(Bool.self) {
            self = .text(b ? "true" : "false")
        } else {
            self = .text(try c.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s): try c.encode(s)
        case .number(let n): try c.encode(n)
        }
    }

    public var description: String {
        switch self {
        case .text(let s): s
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        }
    }
}

extension RoutingCondition: Codable {
    private static let keys = ["field", "equals", "in", "range", "regex", "exists", "all", "any", "not"]

    public init(from decoder: any Decoder) throws {
        try RoutingCoding.rejectUnknownKeys(decoder, allowed: Self.keys)
        let c = try decoder.container(keyedBy: RoutingCoding.Key.self)
        let present = Self.keys.dropFirst().filter { c.contains(RoutingCoding.Key($0)) }
        guard present.count == 1, let op = present.first else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: present.isEmpty
                        ? "a condition needs one of equals, in, range, regex, exists, all, any, not"
                        : "a condition has exactly one operator, got \(present.joined(separator: " and "))"))
        }
        let key = RoutingCoding.Key(op)
        func field() throws -> String {
            guard c.contains(RoutingCoding.Key("field")) else {
                throw DecodingError.keyNotFound(
                    RoutingCoding.Key("field"), .init(codingPath: decoder.codingPath, debugDescription: "'\(op)' needs a field"))
            }
            return try c.decode(String.self, forKey: RoutingCoding.Key("field"))
        }
        switch op {
        case "equals": self = .equals(field: try field(), value: try c.decode(RoutingLiteral.self, forKey: key))
        case "in": self = .oneOf(field: try field(), values: try c.decode([RoutingLiteral].self, forKey: key))
        case "range":
            let bounds = try c.decode(RangeBounds.self, forKey: key)
            self = .range(field: try field(), min: bounds.min, max: bounds.max)
        case "regex": self = .regex(field: try field(), pattern: try c.decode(String.self, forKey: key))
        case "exists": self = .exists(field: try field(), try c.decode(Bool.self, forKey: key))
        case "all": self = .all(try c.decode([RoutingCondition].self, forKey: key))
        case "any": self = .any(try c.decode([RoutingCondition].self, forKey: key))
        default: self = .not(try c.decode(RoutingCondition.self, forKey: key))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: RoutingCoding.Key.self)
        let f = RoutingCoding.Key("field")
        switch self {
        case .equals(let field, let value):
            try c.encode(field, forKey: f)
            try c.encode(value, forKey: .init("equals"))
        case .oneOf(let field, let values):
            try c.encode(field, forKey: f)
            try c.encode(values, forKey: .init("in"))
        case .range(let field, let min, let max):
            try c.encode(field, forKey: f)
            try c.encode(RangeBounds(min: min, max: max), forKey: .init("range"))
        case .regex(let field, let pattern):
            try c.encode(field, forKey: f)
            try c.encode(pattern, forKey: .init("regex"))
        case .exists(let field, let flag):
            try c.encode(field, forKey: f)
            try c.encode(flag, forKey: .init("exists"))
        case .all(let items): try c.encode(items, forKey: .init("all"))
        case .any(let items): try c.encode(items, forKey: .init("any"))
        case .not(let inner): try c.encode(inner, forKey: .init("not"))
        }
    }

    private struct RangeBounds: Codable {
        var min: Double?
        var max: Double?

        init(min: Double?, max: Double?) {
            self.min = min
            self.max = max
        }

        init(from decoder: any Decoder) throws {
            try RoutingCoding.rejectUnknownKeys(decoder, allowed: ["min", "max"])
            let c = try decoder.container(keyedBy: RoutingCoding.Key.self)
            min = try c.decodeIfPresent(Double.self, forKey: .init("min"))
            max = try c.decodeIfPresent(Double.self, forKey: .init("max"))
        }
    }
}
