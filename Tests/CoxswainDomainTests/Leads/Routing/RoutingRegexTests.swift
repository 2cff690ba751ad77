import Testing

@testable import CoxswainDomain

@Suite("Routing regex")
struct RoutingRegexTests {
    @Test func matchesLikeAConventionalEngineOnTypicalRoutingPatterns() throws {
        let cases: [(String, String, Bool)] = [
            ("(?i)^(vp|chief|head) ", "VP Sales", true),
            ("(?i)^(vp|chief|head) ", "Sales VP", false),
            ("director", "Sales Director", false),
            ("(?i)director", "Sales Director", true),
            ("^[A-Z]{2}$", "DE", true),
            ("^[A-Z]{2}$", "DEU", false),
            ("^[A-Z]{2}$", "de", false),
            ("\\d{3,}", "ab12cd", false),
            ("\\d{3,}", "ab123", true),
            ("@(acme|globex)\\.com$", "ann@globex.com", true),
            ("@(acme|globex)\\.com$", "ann@globex.com.au", false),
            ("a.c", "abc", true),
            ("colou?r", "color", true),
            ("x*", "", true),
            ("^$", "", true),
            ("^$", "a", false),
            ("[^0-9]+", "123", false),
            ("(?:ab)+c", "xxababc", true),
            ("gr[ae]y|blue", "a blue car", true),
        ]
        for (pattern, text, expected) in cases {
            #expect(try RoutingRegex(pattern).matches(text) == expected, "\(pattern) on \(text)")
        }
    }

    @Test func rejectsUnsupportedOrMalformedPatternsWithTheOffset() {
        let cases: [(String, String)] = [
            ("(a", "unterminated group at offset 0"),
            ("a)", "unbalanced ')' at offset 1"),
            ("[a-", "unterminated '[' at offset 0"),
            ("*a", "nothing to repeat at offset 0"),
            ("(?=a)", "only (?: … ) groups"),
            ("\\1", "unsupported escape"),
            ("a{3,1}", "maximum below minimum"),
        ]
        for (pattern, message) in cases {
            #expect(throws: RoutingRegexError.self) { try RoutingRegex(pattern) }
            do {
                _ = try RoutingRegex(pattern)
            } catch {
                #expect(error.description.contains(message), "\(pattern): \(error.description)")
            }
        }
    }
}
