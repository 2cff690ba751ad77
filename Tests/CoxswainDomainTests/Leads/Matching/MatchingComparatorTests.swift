import Testing

@testable import CoxswainDomain

@Suite("Lead matching comparators")
struct MatchingComparatorTests {
    @Test func jaroWinklerMatchesPublishedValues() {
        // Given the textbook examples
        // Then Jaro–Winkler reproduces them
        #expect(abs(StringComparators.jaroWinkler("MARTHA", "MARHTA") - 0.961) < 0.001)
        #expect(abs(StringComparators.jaroWinkler("DWAYNE", "DUANE") - 0.84) < 0.001)
        #expect(abs(StringComparators.jaroWinkler("DIXON", "DICKSONX") - 0.813) < 0.001)
        #expect(StringComparators.jaroWinkler("same", "same") == 1)
        #expect(StringComparators.jaroWinkler("abc", "xyz") == 0)
    }

    @Test func damerauLevenshteinCountsTranspositionsAsOneEdit() {
        // Given transposed, substituted and inserted characters
        // Then distances are as expected
        #expect(StringComparators.damerauLevenshtein("CA", "AC") == 1)
        #expect(StringComparators.damerauLevenshtein("kitten", "sitting") == 3)
        #expect(StringComparators.damerauLevenshtein("", "abc") == 3)
    }

    @Test func withinOneEditAgreesWithTheFullDistance() {
        // Given pairs at distance 0, 1 and 2
        let pairs = [
            ("smith", "smith"), ("smith", "smtih"), ("smith", "smyth"), ("smith", "smiths"),
            ("smith", "mith"), ("smith", "smoth1"), ("ab", "ba"), ("abcd", "badc"),
        ]
        // Then the O(n) check agrees with Damerau–Levenshtein ≤ 1
        for (a, b) in pairs {
            var x = a, y = b
            let fast = x.withUTF8 { pa in y.withUTF8 { pb in StringComparators.withinOneEdit(pa, pb) } }
            #expect(fast == (StringComparators.damerauLevenshtein(a, b) <= 1), "\(a) \(b)")
        }
    }

    @Test func nysiisGivesSoundAlikeNamesOneCode() {
        // Given surnames that sound alike
        // Then they share a code
        #expect(Nysiis.code("Knight") == Nysiis.code("Night"))
        #expect(Nysiis.code("Phillips") == Nysiis.code("Philips"))
        #expect(Nysiis.code("Knight") == "NAGT")
        #expect(Nysiis.code("Smith") != Nysiis.code("Jones"))
    }

    @Test func tokenSetIgnoresOrderAndExtraWords() {
        // Given token hashes of "acme analytics" and "analytics acme group"
        let a = RecordNormaliser.sortedTokenHashes(Array("acme analytics".utf8))
        let b = RecordNormaliser.sortedTokenHashes(Array("analytics acme group".utf8))
        // When compared
        let score = a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in StringComparators.tokenSet(pa, pb) }
        }
        // Then all of the shorter set is found
        #expect(abs(score - (1.0 + 2.0 / 3.0) / 2) < 1e-9)
    }

    @Test func datesToleratesDayMonthTransposition() {
        // Given a date and its day/month transposition
        let table = MatchRecordTable(
            ids: ["a", "b", "c"],
            columns: [
                (.dateOfBirth, ["1975-08-03", "1975-03-08", "1961-01-01"])
            ])
        // When compared
        let levels = PairComparator.with(table, table, active: PairComparator.activeMask(for: table.roles)) { c in
            (c.pattern(0, 1).level(.dateOfBirth), c.pattern(0, 2).level(.dateOfBirth))
        }
        // Then the transposition is the "typo" level and the other date differs
        #expect(levels.0 == 2)
        #expect(levels.1 == 4)
    }
}
