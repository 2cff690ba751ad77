import Testing

@testable import CoxswainDomain

@Suite("CSV writer and parser: round trip")
struct CSVRoundTripPropertyTests {
    /// Characters chosen to hit every special case: delimiters, quotes, line breaks, BOM, multi-byte text.
    static let alphabet: [String] = [
        "a", "b", "Z", "0", "9", " ", ",", ";", "\t", "|", "\"", "\"\"", "\r", "\n", "\r\n", "'", "=", "-", "+",
        "é", "ß", "山", "田", "😀", "👩‍💻", "\u{FEFF}", "\u{0}", "x\"y",
    ]

    static func randomTable(_ rng: inout CSVSplitMix64) -> [[String]] {
        let columns = Int.random(in: 1...6, using: &rng)
        let rows = Int.random(in: 0...12, using: &rng)
        return (0..<rows).map { _ in
            (0..<columns).map { _ in
                let length = Int.random(in: 0...3, using: &rng) == 0 ? 0 : Int.random(in: 1...8, using: &rng)
                return (0..<length).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            }
        }
    }

    @Test(arguments: [CSVDelimiter.comma, .semicolon, .tab, .pipe])
    func randomTablesRoundTripThroughWriterAndParserInRandomChunks(delimiter: CSVDelimiter) {
        var rng = CSVSplitMix64(seed: 0xC0C5_3A14 &+ UInt64(delimiter.byte))
        for iteration in 0..<300 {
            // Given a random table written with the writer
            let table = Self.randomTable(&rng)
            let lineEnding: CSVLineEnding = Bool.random(using: &rng) ? .crlf : .lf
            let writer = CSVWriter(options: CSVWriterOptions(delimiter: delimiter, lineEnding: lineEnding))
            var bytes: [UInt8] = []
            for row in table { writer.appendRow(row, to: &bytes) }
            // When it is parsed back in random chunk sizes
            let sizes = (0..<8).map { _ in Int.random(in: 1...40, using: &rng) }
            let options = CSVParserOptions(delimiter: delimiter)
            let results = CSVTestSupport.parse(bytes, chunkSizes: sizes, options: options)
            // Then the table comes back exactly, with no errors
            #expect(CSVTestSupport.errors(results).isEmpty, "iteration \(iteration)")
            #expect(CSVTestSupport.rows(results) == table, "iteration \(iteration), chunks \(sizes)")
        }
    }

    static func lineBreaks(in bytes: [UInt8]) -> Int {
        var count = 0
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x0D || (byte == 0x0A && previous != 0x0D) { count += 1 }
            previous = byte
        }
        return count
    }

    @Test func recordLinesMatchLineBreaksWrittenBeforeEachRow() {
        var rng = CSVSplitMix64(seed: 99)
        for _ in 0..<200 {
            // Given a random table written with LF endings
            let table = Self.randomTable(&rng)
            var bytes: [UInt8] = []
            var expectedLines: [Int] = []
            for row in table {
                // Every CR, LF or CRLF written so far starts a new physical line
                expectedLines.append(1 + Self.lineBreaks(in: bytes))
                CSVWriter(options: CSVWriterOptions(lineEnding: .lf)).appendRow(row, to: &bytes)
            }
            // When parsing in one chunk
            let lines = CSVTestSupport.lines(CSVParser.parse(bytes))
            // Then each record's line is one more than the number of line breaks before it
            #expect(lines == expectedLines)
        }
    }
}
