import Testing

@testable import CoxswainDomain

@Suite("CSV parser: errors and recovery")
struct CSVParserErrorTests {
    @Test func unterminatedQuotedFieldIsReportedAtEndOfInputWithItsStartLine() {
        // Given a quoted field opened on line 2, field 2, and never closed
        let results = CSVParser.parse("a,b\n1,\"never closed\nstill inside\n")
        // Then the error names line 2, column 2
        #expect(CSVTestSupport.errors(results) == [CSVError(.unterminatedQuotedField, line: 2, column: 2)])
        #expect(CSVTestSupport.rows(results) == [["a", "b"]])
    }

    @Test func strayQuoteInUnquotedFieldIsAnErrorAndParsingResumesOnTheNextRecord() {
        // Given a quote in the middle of an unquoted third field
        let results = CSVParser.parse("a,b,c\n1,2,ab\"c,4\n5,6,7\n")
        // Then that record is rejected naming line 2, column 3, and the following record is intact
        #expect(CSVTestSupport.errors(results) == [CSVError(.unexpectedQuote, line: 2, column: 3)])
        #expect(CSVTestSupport.rows(results) == [["a", "b", "c"], ["5", "6", "7"]])
    }

    @Test func characterAfterClosingQuoteIsAnError() {
        // Given `"ab"c` as the first field of line 1
        let results = CSVParser.parse("\"ab\"c,d\nok\n")
        // Then it is rejected and the next record still parses
        #expect(CSVTestSupport.errors(results) == [CSVError(.unexpectedCharacterAfterQuote, line: 1, column: 1)])
        #expect(CSVTestSupport.rows(results) == [["ok"]])
    }

    @Test func tenMegabyteFieldIsRejectedWithoutBufferingIt() {
        // Given a 10 MB unquoted field and a 10 MB quoted field, fed in 64 KiB chunks, between good records
        let huge = [UInt8](repeating: UInt8(ascii: "x"), count: 10_000_000)
        let bytes = Array("id,blob\n1,".utf8) + huge + Array("\n2,\"".utf8) + huge + Array("\"\n3,ok\n".utf8)
        // When parsing with the default 1 MiB limit
        let results = CSVTestSupport.parse(bytes, chunkSizes: [65_536])
        // Then both oversized fields give a clear error and parsing continues
        let limit = 1 << 20
        #expect(
            CSVTestSupport.errors(results) == [
                CSVError(.fieldTooLarge(limit: limit), line: 2, column: 2),
                CSVError(.fieldTooLarge(limit: limit), line: 3, column: 2),
            ])
        #expect(CSVTestSupport.rows(results) == [["id", "blob"], ["3", "ok"]])
    }

    @Test func fieldExactlyAtTheLimitIsAccepted() {
        // Given a limit of 4 bytes
        let options = CSVParserOptions(maxFieldBytes: 4)
        // When a field has exactly 4 bytes and another has 5 (after unescaping `""`)
        let results = CSVParser.parse("abcd,\"a\"\"cd\"\n\"ab\"\"\"\"e\"\n", options: options)
        // Then the first record is fine and the second is too large
        #expect(CSVTestSupport.rows(results) == [["abcd", "a\"cd"]])
        #expect(CSVTestSupport.errors(results) == [CSVError(.fieldTooLarge(limit: 4), line: 2, column: 1)])
    }

    @Test func invalidUTF8IsReportedWithLineAndColumn() {
        // Given a lone 0xFF byte in field 3 of line 2
        let bytes = Array("a,b,c\n1,2,x".utf8) + [0xFF] + Array("y\n3,4,5\n".utf8)
        // When parsing with validation on (the default)
        let results = CSVParser.parse(bytes)
        // Then the record is rejected naming line 2, column 3
        #expect(CSVTestSupport.errors(results) == [CSVError(.invalidUTF8, line: 2, column: 3)])
        #expect(CSVTestSupport.rows(results).count == 2)
    }

    @Test func characterSplitAcrossTwoFieldsIsInvalid() {
        // Given "é" (C3 A9) cut in two by a delimiter: each field alone is invalid UTF-8
        let bytes: [UInt8] = [0x61, 0xC3, 0x2C, 0xA9, 0x62, 0x0A]
        // Then the error points at the first broken field
        #expect(CSVTestSupport.errors(CSVParser.parse(bytes)) == [CSVError(.invalidUTF8, line: 1, column: 1)])
    }

    @Test(
        arguments: [
            [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80],
        ] as [[UInt8]])
    func malformedSequencesAreRejected(sequence: [UInt8]) {
        // Given an overlong, surrogate, out-of-range, truncated or stray continuation sequence
        let results = CSVParser.parse(Array("ok,".utf8) + sequence + [0x0A])
        // Then it is reported in column 2
        #expect(CSVTestSupport.errors(results) == [CSVError(.invalidUTF8, line: 1, column: 2)])
    }

    @Test func decodingOnDemandValidatesWhenParserValidationIsOff() throws {
        // Given a parser that does not validate, and a field with invalid UTF-8
        let options = CSVParserOptions(validatesUTF8: false)
        let record = try #require(CSVParser.parse([0x6F, 0x6B, 0x2C, 0xFF, 0x0A], options: options).first).get()
        // Then string(at:) throws naming the column, while the subscript repairs
        #expect(throws: CSVError(.invalidUTF8, line: 1, column: 2)) { try record.string(at: 1) }
        #expect(record[1] == "\u{FFFD}")
        #expect(try record.string(at: 0) == "ok")
    }

    @Test func recordWithTooManyFieldsIsRejected() {
        // Given a limit of 3 fields
        let options = CSVParserOptions(maxFieldCount: 3)
        // When a record has 5 fields (one quoted with a newline, so syntax must still be followed)
        let results = CSVParser.parse("a,b,c\n1,2,3,\"4\n\",5\nx,y,z\n", options: options)
        // Then it is rejected naming the first surplus column, and the next record (line 4) is intact
        #expect(CSVTestSupport.errors(results) == [CSVError(.tooManyFields(limit: 3), line: 2, column: 4)])
        #expect(CSVTestSupport.lines(results) == [1, 4])
    }

    @Test func everyBadRecordIsReportedInOnePass() {
        // Given a file with several independent problems
        let input = "h1,h2\nok,1\nbad\"quote,2\nok,3\n\"x\"y,4\nok,5\n"
        // When parsing
        let results = CSVParser.parse(input)
        // Then each bad record is reported once, in order, and all good records survive
        #expect(CSVTestSupport.errors(results).map(\.line) == [3, 5])
        #expect(CSVTestSupport.rows(results).map { $0[1] } == ["h2", "1", "3", "5"])
    }

    @Test func errorDescriptionNamesLineAndColumn() {
        // Given an error value
        let error = CSVError(.unterminatedQuotedField, line: 12, column: 3)
        // Then its description is user-presentable
        #expect(error.description == "line 12, column 3: unterminated quoted field")
    }
}

@Suite("CSV parser: record size limit")
struct CSVRecordLimitTests {
    @Test func recordLargerThanTheLimitIsRejectedEvenWhenEachFieldFits() {
        // Given fields of 4 bytes, a field limit of 4 and a record limit of 10
        let options = CSVParserOptions(maxFieldBytes: 4, maxRecordBytes: 10)
        // When a record holds three such fields (12 bytes)
        let results = CSVParser.parse("aaaa,bbbb\naaaa,bbbb,cccc\nok\n", options: options)
        // Then it is rejected at the field that crosses the limit, and parsing continues
        #expect(CSVTestSupport.errors(results) == [CSVError(.recordTooLarge(limit: 10), line: 2, column: 3)])
        #expect(CSVTestSupport.rows(results) == [["aaaa", "bbbb"], ["ok"]])
    }
}
