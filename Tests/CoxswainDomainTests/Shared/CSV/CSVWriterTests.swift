import Testing

@testable import CoxswainDomain

@Suite("CSV writer")
struct CSVWriterTests {
    private func written(_ rows: [[String]], options: CSVWriterOptions = CSVWriterOptions()) -> String {
        var output: [UInt8] = []
        let writer = CSVWriter(options: options)
        for row in rows { writer.appendRow(row, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    @Test func fieldsAreQuotedOnlyWhenNeeded() {
        // Given plain fields and fields holding a delimiter, a quote, CR and LF
        let text = written([["plain", "a,b", "say \"hi\"", "l1\nl2", "cr\r", " spaced "]])
        // Then only the special ones are quoted, with inner quotes doubled
        #expect(text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"l1\nl2\",\"cr\r\", spaced \r\n")
    }

    @Test func lineEndingIsCRLFByDefaultAndLFOnRequest() {
        // Given two rows
        let rows = [["a", "b"], ["c", "d"]]
        // Then CRLF is the default and LF is optional
        #expect(written(rows) == "a,b\r\nc,d\r\n")
        #expect(written(rows, options: CSVWriterOptions(lineEnding: .lf)) == "a,b\nc,d\n")
    }

    @Test func configuredDelimiterIsUsedAndQuotedWhenInsideAField() {
        // Given the semicolon dialect
        let text = written([["1,5", "a;b"]], options: CSVWriterOptions(delimiter: .semicolon))
        // Then commas need no quotes but semicolons do
        #expect(text == "1,5;\"a;b\"\r\n")
    }

    @Test func loneEmptyFieldIsWrittenAsTwoQuotesSoItIsNotABlankLine() {
        // Given a one-column row with an empty value
        let text = written([[""], ["", ""]])
        // Then it is written as "" (a blank line would be skipped by readers)
        #expect(text == "\"\"\r\n,\r\n")
    }

    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+33 1 23 45", "'+33 1 23 45"),
        ("-2+3", "'-2+3"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "\"'\rreturn\""),
        ("-12.50", "-12.50"),
        ("+3", "+3"),
        ("-.5", "-.5"),
        ("1e5", "1e5"),
        ("-1E-3", "-1E-3"),
        ("-", "'-"),
        ("Acme", "Acme"),
        ("a=b", "a=b"),
    ])
    func formulaNeutralisationPrefixesTextButNotPlainNumbers(cell: String, expected: String) {
        // Given formula neutralisation on
        let options = CSVWriterOptions(lineEnding: .lf, neutralisesFormulas: true)
        // When writing the cell
        let text = written([[cell]], options: options)
        // Then dangerous text gets a leading apostrophe and numbers stay numeric
        #expect(text == expected + "\n")
    }

    @Test func formulaNeutralisationIsOffByDefault() {
        // Given default options
        // Then cells are written as they are, so the output round-trips exactly
        #expect(written([["=1+1", "@x"]]) == "=1+1,@x\r\n")
    }

    @Test func plainNumberRecognition() {
        // Given candidate strings
        func isNumber(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { CSVWriter.isPlainNumber($0) }
        }
        // Then only sign, digits, one decimal point and an exponent are accepted
        #expect(isNumber("-12.50") && isNumber("+3") && isNumber("3.") && isNumber(".5") && isNumber("1e+10"))
        #expect(!isNumber("") && !isNumber("+") && !isNumber(".") && !isNumber("1e") && !isNumber("--1"))
        #expect(!isNumber("1,5") && !isNumber("1.2.3") && !isNumber(" 1") && !isNumber("0x1F"))
    }

    @Test func parsedRecordIsWrittenBackByteForByte() throws {
        // Given a record parsed from CSV with quoting
        let source = "\"a,b\",\"q\"\"\",plain\r\n"
        let record = try #require(CSVParser.parse(source).first).get()
        // When writing the record
        var output: [UInt8] = []
        CSVWriter().appendRow(record, to: &output)
        // Then the canonical form comes out
        #expect(String(decoding: output, as: UTF8.self) == source)
    }
}
