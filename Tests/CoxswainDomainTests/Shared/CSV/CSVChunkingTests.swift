import Testing

@testable import CoxswainDomain

@Suite("CSV parser: chunk boundaries")
struct CSVChunkingTests {
    static let tricky: [UInt8] =
        [0xEF, 0xBB, 0xBF]
        + Array(
            "id,\"name, full\",note\r\n1,\"Zoë \"\"Z\"\"\",\"a\r\nb\rc\nd\"\r\n\r\n2,,last\r3,山田,\"\"\n4,x,y".utf8
        )

    @Test func everySplitPointGivesTheSameResultAsOneChunk() {
        // Given a tricky input parsed in one piece
        let expected = CSVParser.parse(Self.tricky)
        // When it is split in two at every possible byte offset
        for split in 1..<Self.tricky.count {
            let results = CSVTestSupport.parse(Self.tricky, chunkSizes: [split, Self.tricky.count])
            // Then the records and their lines are identical
            #expect(results == expected, "split at \(split)")
        }
    }

    @Test func byteByByteFeedingGivesTheSameResultAsOneChunk() {
        // Given the tricky input fed one byte at a time
        let results = CSVTestSupport.parse(Self.tricky, chunkSizes: [1])
        // Then nothing differs from a single chunk
        #expect(results == CSVParser.parse(Self.tricky))
        #expect(CSVTestSupport.lines(results) == [1, 2, 7, 8, 9])
    }

    @Test func quotedFieldMaySpanChunkBoundary() {
        // Given a quoted field with a doubled quote cut exactly between the two quotes
        let first = Array("a,\"x\"".utf8)
        let second = Array("\"y\",b\n".utf8)
        // When fed as two chunks
        var parser = CSVParser()
        var rows: [[String]] = []
        parser.parse(first) { rows.append((try? $0.get().strings) ?? []) }
        parser.parse(second) { rows.append((try? $0.get().strings) ?? []) }
        parser.finish { rows.append((try? $0.get().strings) ?? []) }
        // Then the field is reassembled
        #expect(rows == [["a", "x\"y", "b"]])
    }

    @Test func crAtChunkEndAndLfAtNextChunkStartAreOneLineBreak() {
        // Given "a\r" then "\nb\r" then "\n" as chunks
        let results = CSVTestSupport.parse(Array("a\r\nb\r\nc".utf8), chunkSizes: [2, 3, 1])
        // Then there is no blank line miscounted between records
        #expect(CSVTestSupport.rows(results) == [["a"], ["b"], ["c"]])
        #expect(CSVTestSupport.lines(results) == [1, 2, 3])
    }

    @Test func crlfInsideQuotesSplitAcrossChunksCountsAsOneLine() {
        // Given a quoted CRLF cut between CR and LF
        let results = CSVTestSupport.parse(Array("\"a\r\nb\"\nnext\n".utf8), chunkSizes: [3, 100])
        // Then the next record starts on line 3
        #expect(CSVTestSupport.lines(results) == [1, 3])
        #expect(CSVTestSupport.rows(results) == [["a\r\nb"], ["next"]])
    }

    @Test func byteOrderMarkSplitAcrossChunksIsStripped() {
        // Given a BOM delivered one byte per chunk
        let results = CSVTestSupport.parse([0xEF, 0xBB, 0xBF, 0x61, 0x0A], chunkSizes: [1])
        // Then it is removed
        #expect(CSVTestSupport.rows(results) == [["a"]])
    }

    @Test func partialByteOrderMarkIsKeptAsData() {
        // Given EF BB followed by something other than BF, split after each byte
        let bytes: [UInt8] = [0xEF, 0xBB, 0x61, 0x0A]
        // When parsing without UTF-8 validation
        let options = CSVParserOptions(validatesUTF8: false)
        let record = try? CSVTestSupport.parse(bytes, chunkSizes: [1], options: options).first?.get()
        // Then the bytes are field content, not swallowed
        #expect(record.map { Array($0.bytes(at: 0)) } == [0xEF, 0xBB, 0x61])
        // And an input that is only a BOM prefix keeps its bytes too
        let lone = try? CSVParser.parse([0xEF], options: options).first?.get()
        #expect(lone.map { Array($0.bytes(at: 0)) } == [0xEF])
    }

    @Test func pullInterfaceStopsAfterEachRecord() {
        // Given one chunk holding three records
        var parser = CSVParser()
        let bytes = Array("a\nb\nc\n".utf8)
        var position = 0
        var firsts: [String] = []
        // When pulling with next(in:position:)
        bytes.withUnsafeBufferPointer { buffer in
            while let result = parser.next(in: buffer, position: &position) {
                firsts.append((try? result.get()[0]) ?? "?")
            }
        }
        // Then each call yields one record and the chunk ends fully consumed
        #expect(firsts == ["a", "b", "c"])
        #expect(position == bytes.count)
    }
}
