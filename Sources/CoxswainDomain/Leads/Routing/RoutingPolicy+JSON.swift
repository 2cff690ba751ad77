import Foundation

/// One finding about a routing policy, naming where it is: `path` is the JSON location such as
/// `rules[3].when.all[1].field`, `rule` the rule's index when the finding belongs to a rule.
public struct RoutingDiagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Errors block saving; warnings are shown.
    public enum Severity: String, Hashable, Sendable, Codable { case error, warning }

    /// Error or warning.
    public var severity: Severity
    /// Stable reason: `invalid_json`, `unknown_field`, `unknown_rep`, `unknown_pool`, `unknown_rule`,
    /// `cyclic_fallback`, `empty_pool`, `invalid_weight`, `invalid_cap`, `overlapping_caps`, `contradictory_caps`,
    /// `invalid_regex`, `type_mismatch`, `duplicate_id`, `invalid_value`, `unreachable_rule`, `inactive_rep`.
    public var code: String
    /// JSON path of the offending value.
    public var path: String
    /// Index of the rule concerned, if any.
    public var rule: Int?
    /// A sentence a user can act on.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity = .error, code: String, path: String, rule: Int? = nil, message: String) {
        self.severity = severity
        self.code = code
        self.path = path
        self.rule = rule
        self.message = message
    }

    public var description: String { "\(path): \(message)" + (severity == .warning ? " (warning)" : "") }
}

/// A policy could not be read or failed validation; carries every error found.
public struct RoutingPolicyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The findings (errors, possibly with warnings).
    public var diagnostics: [RoutingDiagnostic]

    /// Creates the error.
    public init(_ diagnostics: [RoutingDiagnostic]) { self.diagnostics = diagnostics }

    public var description: String {
        "invalid routing policy: " + diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "; ")
    }
}

extension RoutingPolicy {
    /// Reads a policy from JSON. Errors name the JSON path, e.g.
    /// `rules[2].assign: an action has exactly one of pool, rep, account_owner, sticky, territory_team`.
    public static func decode(_ data: Data) throws(RoutingPolicyError) -> RoutingPolicy {
        do {
            return try JSONDecoder().decode(RoutingPolicy.self, from: data)
        } catch let error as DecodingError {
            throw RoutingPolicyError([RoutingCoding.diagnostic(error)])
        } catch {
            throw RoutingPolicyError([RoutingDiagnostic(code: "invalid_json", path: "", message: "\(error)")])
        }
    }

    /// The policy as pretty-printed JSON with sorted keys (stable for diffs and storage).
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types to JSON cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }
}

/// Coding helpers shared by the policy types.
enum RoutingCoding {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(_ s: String) { stringValue = s }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) {
            stringValue = "\(intValue)"
            self.intValue = intValue
        }
    }

    /// Throws when the object at `decoder` has a key outside `allowed` (a typo such as `"fallbak"` must not be
    /// ignored silently).
    static func rejectUnknownKeys(_ decoder: any Decoder, allowed: [String]) throws {
        guard let c = try? decoder.container(keyedBy: Key.self) else { return }
        for key in c.allKeys where !allowed.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath + [key],
                    debugDescription: "unknown key '\(key.stringValue)' (expected one of \(allowed.joined(separator: ", ")))"))
        }
    }

    /// `rules[3].when.all[1]` for a coding path.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var out = ""
        for key in codingPath {
            if let i = key.intValue {
                out += "[\(i)]"
            } else {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return out
    }

    static func diagnostic(_ error: DecodingError) -> RoutingDiagnostic {
        let (path, message): ([any CodingKey], String)
        switch error {
        case .keyNotFound(let key, let context): (path, message) = (context.codingPath + [key], "is required")
        case .typeMismatch(let type, let context):
            (path, message) = (context.codingPath, "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            (path, message) = (context.codingPath, "expected \(typeName(type)), got null")
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            (path, message) = (context.codingPath, underlying.map { "not valid JSON: \($0)" } ?? context.debugDescription)
        @unknown default: (path, message) = ([], "\(error)")
        }
        let rule = path.count >= 2 && path[0].stringValue == "rules" ? path[1].intValue : nil
        return RoutingDiagnostic(code: "invalid_json", path: Self.path(path), rule: rule, message: message)
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
