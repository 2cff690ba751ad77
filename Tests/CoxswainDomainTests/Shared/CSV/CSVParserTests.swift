import Testing

@testable import CoxswainDomain

@Suite("CSV parser: RFC 4180 records")
struct CSVParserTests {
    @Test func plainRecordsAreSplitOnDelimitersAndLineBreaks() {
        // Given two CRLF-terminated records
        let input = "id,name,city\r\n1,Ada,London\r\n"
        // When parsing
        let results = CSVParser.parse(input)
        // Then each record has its fields in order
        #expect(CSVTestSupport.rows(results) == [["id", "name", "city"], ["1", "Ada", "London"]])
    }

    @Test func quotedFieldKeepsDelimitersDoubledQuotesAndNewlines() {
        // Given quoted fields holding a comma, a doubled quote and a CRLF
        let input = "\"Acme, Inc.\",\"The \"\"Closer\"\"\",\"line1\r\nline2\"\n"
        // When parsing
        let rows = CSVTestSupport.rows(CSVParser.parse(input))
        // Then the quotes are removed and the content is kept byte for byte
        #expect(rows == [["Acme, Inc.", "The \"Closer\"", "line1\r\nline2"]])
    }

    @Test func crlfLfAndLoneCrLineEndingsMayBeMixed() {
        // Given records ended by CRLF, LF and a lone CR
        let input = "a,1\r\nb,2\nc,3\rd,4"
        // When parsing
        let results = CSVParser.parse(input)
        // Then four records come out, on lines 1 to 4
        #expect(CSVTestSupport.rows(results) == [["a", "1"], ["b", "2"], ["c", "3"], ["d", "4"]])
        #expect(CSVTestSupport.lines(results) == [1, 2, 3, 4])
    }

    @Test func recordLineIsThePhysicalLineWhereTheRecordStarts() {
        // Given a record whose second field spans three lines, followed by another record
        let input = "id,notes\n1,\"first\nsecond\r\nthird\"\n2,short\n"
        // When parsing
        let results = CSVParser.parse(input)
        // Then the third record starts on line 5, not line 3
        #expect(CSVTestSupport.lines(results) == [1, 2, 5])
    }

    @Test func blankLinesAreSkippedButCountedAsLines() {
        // Given blank lines before, between and after records, in all line-ending styles
        let input = "\r\n\na,b\n\n\r\r\nc,d\n\n"
        // When parsing
        let results = CSVParser.parse(input)
        // Then only the two records are delivered, with their true line numbers
        #expect(CSVTestSupport.rows(results) == [["a", "b"], ["c", "d"]])
        #expect(CSVTestSupport.lines(results) == [3, 7])
    }

    @Test func lineWithOnlyAnEmptyQuotedFieldIsARecord() {
        // Given a line holding only `""`
        let results = CSVParser.parse("\"\"\nx\n")
        // Then it is a record with one empty field
        #expect(CSVTestSupport.rows(results) == [[""], ["x"]])
    }

    @Test func lastRecordWithoutLineBreakIsDelivered() {
        // Given input ending without a line break, with a trailing empty field
        let results = CSVParser.parse("a,b\nc,")
        // Then the last record is delivered by finish, including its empty field
        #expect(CSVTestSupport.rows(results) == [["a", "b"], ["c", ""]])
    }

    @Test func utf8ByteOrderMarkIsStripped() {
        // Given input starting with a UTF-8 BOM
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Id,Name\n1,Zoë\n".utf8)
        // When parsing
        let rows = CSVTestSupport.rows(CSVParser.parse(bytes))
        // Then the first header is "Id", not "\u{FEFF}Id"
        #expect(rows == [["Id", "Name"], ["1", "Zoë"]])
    }

    @Test(arguments: [CSVDelimiter.semicolon, .tab, .pipe])
    func configuredDelimiterSeparatesFields(delimiter: CSVDelimiter) {
        // Given a row separated by the configured delimiter, with a comma inside a field
        let separator = String(UnicodeScalar(delimiter.byte))
        let input = ["a,1", "\"b\(separator)2\"", "c"].joined(separator: separator) + "\n"
        // When parsing with that delimiter
        let results = CSVParser.parse(input, options: CSVParserOptions(delimiter: delimiter))
        // Then commas are ordinary characters and the quoted delimiter is content
        #expect(CSVTestSupport.rows(results) == [["a,1", "b\(separator)2", "c"]])
    }

    @Test func recordAccessorsExposeFieldsWithoutDecoding() throws {
        // Given a parsed record with an empty field
        let record = try #require(CSVParser.parse("7,,\"x\"\"y\"\n").first).get()
        // Then count, bytes, emptiness and strings agree
        #expect(record.count == 3)
        #expect(record.isEmpty(at: 1))
        #expect(!record.isEmpty(at: 2))
        #expect(Array(record.bytes(at: 2)) == Array("x\"y".utf8))
        #expect(record.byteCount(at: 0) == 1)
        #expect(try record.string(at: 2) == "x\"y")
        #expect(record.withUnsafeBytes(at: 0) { $0.first } == UInt8(ascii: "7"))
        #expect(Array(record) == ["7", "", "x\"y"])
    }

    @Test func keptRecordIsNotOverwrittenByLaterRecords() {
        // Given records kept beyond the parse callback
        var parser = CSVParser()
        var kept: [CSVRecord] = []
        parser.parse(Array("first,1\nsecond,2\n".utf8)) { result in
            if case .success(let record) = result { kept.append(record) }
        }
        // Then each keeps its own content (copy-on-write)
        #expect(kept.map(\.strings) == [["first", "1"], ["second", "2"]])
    }

    @Test func parserCanBeReusedAfterFinish() {
        // Given a parser that finished one input
        var parser = CSVParser()
        parser.parse(Array("a\n\"open".utf8)) { _ in }
        _ = parser.finish()
        // When parsing a second input
        var lines: [Int] = []
        parser.parse(Array("b\nc\n".utf8)) { lines.append((try? $0.get().line) ?? -1) }
        // Then it starts again at line 1 with a clean state
        #expect(lines == [1, 2])
    }

    @Test func sniffingPicksTheMostFrequentDelimiterOutsideQuotes() {
        // Given header lines in several dialects
        // Then the delimiter is guessed from the first line only, ignoring quoted text
        #expect(CSVDelimiter.sniff(headerLine: "Id;Name;\"a,b,c,d\"\n1,2,3,4,5") == .semicolon)
        #expect(CSVDelimiter.sniff(headerLine: "Id\tName\tCity") == .tab)
        #expect(CSVDelimiter.sniff(headerLine: "Id|Name") == .pipe)
        #expect(CSVDelimiter.sniff(headerLine: "Id,Name") == .comma)
        #expect(CSVDelimiter.sniff(headerLine: "Id") == .comma)
        #expect(CSVDelimiter.sniff(headerLine: [0xEF, 0xBB, 0xBF] + Array("a;b".utf8)) == .semicolon)
    }

    @Test func leadFixtureParsesIntoTwelveColumnsWithoutErrors() {
        // Given generated lead-like data
        var bytes: [UInt8] = []
        CSVLeadFixture.appendHeader(to: &bytes)
        CSVLeadFixture.appendRows(0..<500, seed: 7, to: &bytes)
        // When parsing it
        let results = CSVParser.parse(bytes)
        // Then every row has the twelve columns and nothing is rejected
        #expect(CSVTestSupport.errors(results).isEmpty)
        #expect(results.count == 501)
        #expect(CSVTestSupport.rows(results).allSatisfy { $0.count == 12 })
    }
}

@Suite("CSV record storage")
struct CSVRecordStorageTests {
    @Test func compactedRecordKeepsOnlyItsOwnBytes() throws {
        // Given a record parsed after a much larger one
        let big = String(repeating: "x", count: 100_000)
        let results = CSVParser.parse("\(big)\nsmall,row\n")
        let record = try #require(results.last).get()
        // When compacting it
        let compact = record.compacted()
        // Then it is equal to the original and holds just its field bytes
        #expect(compact == record)
        #expect(compact.storage.count == "smallrow".utf8.count)
        #expect(compact.strings == ["small", "row"])
    }

    @Test func recordsBuiltFromStringsEqualParsedRecords() throws {
        // Given the same fields parsed and constructed
        let parsed = try #require(CSVParser.parse("a,\"b,c\"\n").first).get()
        // Then they compare and hash equal
        #expect(parsed == CSVRecord(["a", "b,c"]))
        #expect(Set([parsed, CSVRecord(["a", "b,c"])]).count == 1)
    }
}
