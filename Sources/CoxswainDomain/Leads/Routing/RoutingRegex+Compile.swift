/// Recursive-descent parser for the ``RoutingRegex`` dialect.
struct RegexParser {
    let bytes: [UInt8]
    var i = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func fail(_ message: String, at offset: Int? = nil) -> RoutingRegexError {
        RoutingRegexError(offset: offset ?? i, message: message)
    }

    mutating func parseAll() throws(RoutingRegexError) -> (RegexNode, Bool) {
        var caseInsensitive = false
        if bytes.starts(with: Array("(?i)".utf8)) {
            caseInsensitive = true
            i = 4
        }
        let node = try parseAlternation()
        if i < bytes.count { throw fail("unbalanced ')'") }
        return (node, caseInsensitive)
    }

    mutating func parseAlternation() throws(RoutingRegexError) -> RegexNode {
        var branches = [try parseSequence()]
        while i < bytes.count, bytes[i] == UInt8(ascii: "|") {
            i += 1
            branches.append(try parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func parseSequence() throws(RoutingRegexError) -> RegexNode {
        var items: [RegexNode] = []
        while i < bytes.count, bytes[i] != UInt8(ascii: "|"), bytes[i] != UInt8(ascii: ")") {
            let atomStart = i
            var atom = try parseAtom()
            if i < bytes.count, let (min, max) = try parseQuantifier() {
                if case .lineStart = atom { throw fail("nothing to repeat", at: atomStart) }
                if case .lineEnd = atom { throw fail("nothing to repeat", at: atomStart) }
                atom = .repeated(atom, min: min, max: max)
                if i < bytes.count, bytes[i] == UInt8(ascii: "?") { i += 1 }  // lazy: same yes/no answer
                if i < bytes.count, "*+?{".utf8.contains(bytes[i]) { throw fail("nested quantifier") }
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    mutating func parseQuantifier() throws(RoutingRegexError) -> (Int, Int?)? {
        switch bytes[i] {
        case UInt8(ascii: "*"):
            i += 1
            return (0, nil)
        case UInt8(ascii: "+"):
            i += 1
            return (1, nil)
        case UInt8(ascii: "?"):
            i += 1
            return (0, 1)
        case UInt8(ascii: "{"):
            let open = i
            i += 1
            guard let lo = number() else { throw fail("expected a number after '{'", at: open) }
            var hi: Int? = lo
            if i < bytes.count, bytes[i] == UInt8(ascii: ",") {
                i += 1
                hi = number()
            }
            guard i < bytes.count, bytes[i] == UInt8(ascii: "}") else { throw fail("unterminated '{'", at: open) }
            i += 1
            if let hi, hi < lo { throw fail("{\(lo),\(hi)}: maximum below minimum", at: open) }
            if lo > 100 || (hi ?? 0) > 100 { throw fail("repetition counts above 100 are not supported", at: open) }
            return (lo, hi)
        default: return nil
        }
    }

    mutating func number() -> Int? {
        var v = 0
        var digits = 0
        while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57, digits < 6 {
            v = v * 10 + Int(bytes[i] - 48)
            digits += 1
            i += 1
        }
        return digits == 0 ? nil : v
    }

    mutating func parseAtom() throws(RoutingRegexError) -> RegexNode {
        let b = bytes[i]
        let at = i
        i += 1
        switch b {
        case UInt8(ascii: "("):
            if i < bytes.count, bytes[i] == UInt8(ascii: "?") {
                guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ":") else {
                    throw fail("only (?: … ) groups and a leading (?i) are supported", at: at)
                }
                i += 2
            }
            let inner = try parseAlternation()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ")") else { throw fail("unterminated group", at: at) }
            i += 1
            return inner
        case UInt8(ascii: "["): return .set(try parseClass(open: at))
        case UInt8(ascii: "."): return .set(.dot)
        case UInt8(ascii: "^"): return .lineStart
        case UInt8(ascii: "$"): return .lineEnd
        case UInt8(ascii: "\\"): return .set(try parseEscape())
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"):
            throw fail("nothing to repeat", at: at)
        default:
            var s = ByteSet()
            s.insert(b)
            return .set(s)
        }
    }

    mutating func parseEscape() throws(RoutingRegexError) -> ByteSet {
        guard i < bytes.count else { throw fail("pattern ends with '\\'") }
        let e = bytes[i]
        i += 1
        switch e {
        case UInt8(ascii: "d"): return .digit
        case UInt8(ascii: "D"): return ByteSet.digit.inverted()
        case UInt8(ascii: "w"): return .word
        case UInt8(ascii: "W"): return ByteSet.word.inverted()
        case UInt8(ascii: "s"): return .space
        case UInt8(ascii: "S"): return ByteSet.space.inverted()
        case UInt8(ascii: "t"): return .of([9...9])
        case UInt8(ascii: "n"): return .of([10...10])
        default:
            let isAlnum = (e >= 48 && e <= 57) || (e >= 65 && e <= 90) || (e >= 97 && e <= 122)
            if isAlnum || e >= 128 { throw fail("unsupported escape '\\\(Character(Unicode.Scalar(e)))'", at: i - 2) }
            return .of([e...e])
        }
    }

    mutating func parseClass(open: Int) throws(RoutingRegexError) -> ByteSet {
        var set = ByteSet()
        var negate = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "^") {
            negate = true
            i += 1
        }
        var first = true
        while i < bytes.count, bytes[i] != UInt8(ascii: "]") || first {
            first = false
            var lo = bytes[i]
            i += 1
            if lo >= 128 { throw fail("non-ASCII characters are not supported in classes", at: i - 1) }
            if lo == UInt8(ascii: "\\") {
                let escaped = try parseEscape()
                let single = bytes[i - 1]
                if "dDwWsS".utf8.contains(single) {
                    for b in 0...255 where escaped.contains(UInt8(b)) { set.insert(UInt8(b)) }
                    continue
                }
                lo = single == UInt8(ascii: "t") ? 9 : single == UInt8(ascii: "n") ? 10 : single
            }
            if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] != UInt8(ascii: "]") {
                let hi = bytes[i + 1]
                if hi >= 128 || hi == UInt8(ascii: "\\") { throw fail("unsupported class range end", at: i + 1) }
                if hi < lo { throw fail("class range out of order", at: i - 1) }
                set.insert(lo...hi)
                i += 2
            } else {
                set.insert(lo)
            }
        }
        guard i < bytes.count else { throw fail("unterminated '['", at: open) }
        i += 1
        return negate ? set.inverted() : set
    }
}

/// Thompson NFA built backwards from the continuation.
struct RegexNFA {
    enum Node {
        case set(ByteSet, next: Int)
        case split(Int, Int)
        case lineStart(next: Int)
        case lineEnd(next: Int)
        case match
    }

    var nodes: [Node] = []
    static let limit = 4096

    mutating func add(_ node: Node) -> Int {
        nodes.append(node)
        return nodes.count - 1
    }

    mutating func compile(_ ast: RegexNode, next: Int) throws(RoutingRegexError) -> Int {
        if nodes.count > Self.limit { throw RoutingRegexError(offset: 0, message: "pattern too large (over \(Self.limit) states)") }
        switch ast {
        case .set(let s): return add(.set(s, next: next))
        case .lineStart: return add(.lineStart(next: next))
        case .lineEnd: return add(.lineEnd(next: next))
        case .sequence(let items):
            var entry = next
            for item in items.reversed() { entry = try compile(item, next: entry) }
            return entry
        case .alternation(let branches):
            var entry = try compile(branches[branches.count - 1], next: next)
            for branch in branches.dropLast().reversed() { entry = add(.split(try compile(branch, next: next), entry)) }
            return entry
        case .repeated(let inner, let min, let max):
            var entry = next
            if let max {
                for _ in 0..<(max - min) { entry = add(.split(try compile(inner, next: entry), next)) }
            } else {
                let loop = add(.split(0, next))
                nodes[loop] = .split(try compile(inner, next: loop), next)
                entry = loop
            }
            for _ in 0..<min { entry = try compile(inner, next: entry) }
            return entry
        }
    }
}

/// Subset construction from ``RegexNFA`` to a byte-indexed transition table.
enum RegexDFA {
    static let stateLimit = 2048

    struct Result {
        var table: [Int32]
        var acceptNow: [Bool]
        var acceptAtEnd: [Bool]
        var start: Int32
    }

    /// Follows ε-edges from `roots`; `^` passes only at the start of the text, `$` nodes are kept in the set.
    static func closure(_ nfa: RegexNFA, _ roots: [Int], atStart: Bool, into set: inout Set<Int>) {
        var stack = roots
        while let n = stack.popLast() {
            guard set.insert(n).inserted else { continue }
            switch nfa.nodes[n] {
            case .split(let a, let b): stack.append(contentsOf: [a, b])
            case .lineStart(let next): if atStart { stack.append(next) }
            default: break
            }
        }
    }

    static func build(nfa: RegexNFA, entry: Int, caseInsensitive: Bool) throws(RoutingRegexError) -> Result {
        var entrySet = Set<Int>()
        closure(nfa, [entry], atStart: false, into: &entrySet)
        var first = Set<Int>()
        closure(nfa, [entry], atStart: true, into: &first)
        var ids: [[Int]: Int32] = [:]
        var states: [[Int]] = []
        var result = Result(table: [], acceptNow: [], acceptAtEnd: [], start: 0)
        func intern(_ set: Set<Int>) throws(RoutingRegexError) -> Int32 {
            // Only consuming, `$` and match nodes decide behaviour; ε-nodes would only split equal states.
            let key = set.filter {
                switch nfa.nodes[$0] {
                case .set, .lineEnd, .match: true
                default: false
                }
            }.sorted()
            if let id = ids[key] { return id }
            if states.count >= stateLimit {
                throw RoutingRegexError(offset: 0, message: "pattern too complex (over \(stateLimit) automaton states)")
            }
            let id = Int32(states.count)
            ids[key] = id
            states.append(key)
            result.acceptNow.append(key.contains { if case .match = nfa.nodes[$0] { true } else { false } })
            var atEnd = Set<Int>()
            closure(nfa, key.compactMap { if case .lineEnd(let next) = nfa.nodes[$0] { next } else { nil } }, atStart: false, into: &atEnd)
            result.acceptAtEnd.append(atEnd.contains { if case .match = nfa.nodes[$0] { true } else { false } })
            return id
        }
        result.start = try intern(first)
        var done = 0
        while done < states.count {
            let current = states[done]
            done += 1
            var row = [Int32](repeating: -1, count: 256)
            for byte in 0..<256 {
                let b = UInt8(byte)
                var other = b
                if caseInsensitive, b >= 65, b <= 90 { other = b + 32 } else if caseInsensitive, b >= 97, b <= 122 { other = b - 32 }
                var nextSet = Set<Int>()
                var roots: [Int] = []
                for n in current {
                    if case .set(let s, let next) = nfa.nodes[n], s.contains(b) || s.contains(other) { roots.append(next) }
                }
                closure(nfa, roots, atStart: false, into: &nextSet)
                nextSet.formUnion(entrySet)
                let live = nextSet.contains {
                    switch nfa.nodes[$0] {
                    case .set, .lineEnd, .match: true
                    default: false
                    }
                }
                row[byte] = live ? try intern(nextSet) : -1
            }
            result.table.append(contentsOf: row)
        }
        return result
    }
}
