/// A small regular-expression engine for routing conditions, compiled once to a DFA so that matching costs one
/// table lookup per byte (Foundation's `NSRegularExpression` and Swift `Regex` cost microseconds per call, which
/// would dominate a routing decision).
///
/// Supported: literals, `.`, classes `[a-z0-9_]` and `[^…]`, escapes `\d \w \s \D \W \S` and escaped
/// punctuation, groups `( … )` and `(?: … )`, alternation `|`, quantifiers `* + ? {n} {n,} {n,m}` (a lazy `?` suffix
/// is accepted and means the same for a yes/no match), anchors `^ $`, and a leading `(?i)` for ASCII
/// case-insensitive matching. Backreferences and lookaround are rejected. The search is unanchored (a match
/// anywhere counts) unless `^`/`$` say otherwise. Matching works on UTF-8 bytes: `.` matches one byte and classes
/// hold ASCII only.
///
/// Example: `try RoutingRegex("(?i)^(vp|chief|head) ").matches("VP Sales")` → true.
public struct RoutingRegex: Hashable, Sendable {
    /// The source pattern.
    public let pattern: String
    let table: [Int32]
    let acceptNow: [Bool]
    let acceptAtEnd: [Bool]
    let start: Int32

    /// Compiles `pattern`. Throws ``RoutingRegexError`` naming the byte offset of an unsupported or malformed part.
    public init(_ pattern: String) throws(RoutingRegexError) {
        self.pattern = pattern
        var parser = RegexParser(bytes: Array(pattern.utf8))
        let (ast, caseInsensitive) = try parser.parseAll()
        var nfa = RegexNFA()
        let entry = try nfa.compile(ast, next: nfa.add(.match))
        let dfa = try RegexDFA.build(nfa: nfa, entry: entry, caseInsensitive: caseInsensitive)
        table = dfa.table
        acceptNow = dfa.acceptNow
        acceptAtEnd = dfa.acceptAtEnd
        start = dfa.start
    }

    /// Whether `text` contains a match.
    @inlinable
    public func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { matches(bytes: $0) }
    }

    /// Whether the UTF-8 `bytes` contain a match.
    @usableFromInline
    func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        table.withUnsafeBufferPointer { table in
            var state = Int(start)
            if acceptNow[state] { return true }
            for byte in bytes {
                let next = table[state &<< 8 | Int(byte)]
                if next < 0 { return false }
                state = Int(next)
                if acceptNow[state] { return true }
            }
            return acceptAtEnd[state]
        }
    }

    public static func == (lhs: RoutingRegex, rhs: RoutingRegex) -> Bool { lhs.pattern == rhs.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
}

/// A pattern the routing regex engine cannot use, with the byte offset of the problem.
public struct RoutingRegexError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Byte offset in the pattern.
    public var offset: Int
    /// What is wrong.
    public var message: String

    public var description: String { "\(message) at offset \(offset)" }
}

/// 256-bit byte set.
struct ByteSet: Hashable {
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    static func == (a: ByteSet, b: ByteSet) -> Bool { a.words == b.words }
    func hash(into h: inout Hasher) {
        h.combine(words.0)
        h.combine(words.1)
        h.combine(words.2)
        h.combine(words.3)
    }

    func contains(_ b: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    mutating func insert(_ b: UInt8) {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    mutating func insert(_ range: ClosedRange<UInt8>) { for b in range { insert(b) } }

    func inverted() -> ByteSet { ByteSet(words: (~words.0, ~words.1, ~words.2, ~words.3)) }

    static func of(_ ranges: [ClosedRange<UInt8>]) -> ByteSet {
        var s = ByteSet()
        for r in ranges { s.insert(r) }
        return s
    }

    static let digit = ByteSet.of([48...57])
    static let word = ByteSet.of([48...57, 65...90, 97...122, 95...95])
    static let space = ByteSet.of([32...32, 9...13])
    static let dot = ByteSet.of([10...10]).inverted()
}

/// Parsed pattern.
indirect enum RegexNode {
    case set(ByteSet)
    case sequence([RegexNode])
    case alternation([RegexNode])
    case repeated(RegexNode, min: Int, max: Int?)
    case lineStart
    case lineEnd
}
