import CoxswainDomain
import Foundation
import Testing

@testable import CoxswainServices

@Suite("CSV file writer")
struct CSVFileWriterTests {
    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("coxswain-csv-\(UUID().uuidString)-\(name)").path
    }

    @Test func rowsAreBufferedFlushedAndReadBackExactly() throws {
        // Given a writer with a tiny flush threshold, so several flushes happen
        let path = temporaryPath("out.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let rows = (0..<200).map { ["\($0)", "Name \($0), \"quoted\"", "multi\nline é"] }
        let writer = try CSVFileWriter(path: path, flushThreshold: 64)
        // When writing rows and closing
        for row in rows { try writer.writeRow(row) }
        try writer.close()
        // Then every byte reached the file and the rows read back identically
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(writer.bytesWritten == size)
        let reader = try CSVFileReader(path: path, chunkSize: 100)
        var readBack: [[String]] = []
        try reader.forEach { readBack.append(try $0.get().strings) }
        #expect(readBack == rows)
    }

    @Test func parsedRecordsCanBeCopiedToAnotherFile() throws {
        // Given a source file
        let source = temporaryPath("in.csv")
        let target = temporaryPath("copy.csv")
        defer {
            try? FileManager.default.removeItem(atPath: source)
            try? FileManager.default.removeItem(atPath: target)
        }
        let text = "a,\"b,c\"\r\n\"d\"\"\",e\r\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: source))
        // When each record is written to a new file
        let reader = try CSVFileReader(path: source)
        let writer = try CSVFileWriter(path: target)
        try reader.forEach { try writer.writeRow(try $0.get()) }
        try writer.close()
        // Then the copy is byte-identical
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(text.utf8))
    }

    @Test func formulaNeutralisationApplies() throws {
        // Given a writer with formula neutralisation
        let path = temporaryPath("safe.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try CSVFileWriter(
            path: path, options: CSVWriterOptions(lineEnding: .lf, neutralisesFormulas: true)
        )
        // When writing a formula and a negative amount
        try writer.writeRow(["=cmd|' /C calc'!A0", "-12.50"])
        try writer.close()
        // Then only the formula is defused
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "'=cmd|' /C calc'!A0,-12.50\n")
    }

    @Test func unwritablePathErrorNamesThePath() {
        // Given a path inside a directory that does not exist
        let path = temporaryPath("no-such-dir") + "/out.csv"
        // Then opening fails naming the path
        #expect(throws: CSVFileError.cannotOpen(path: path, reason: "No such file or directory")) {
            try CSVFileWriter(path: path)
        }
    }

    @Test func writingAfterCloseIsAnError() throws {
        // Given a closed writer
        let path = temporaryPath("closed.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try CSVFileWriter(path: path)
        try writer.close()
        // Then further writes are rejected
        #expect(throws: CSVFileError.closed(path: path)) { try writer.writeRow(["x"]) }
    }

    @Test func benchmarkHelpersGenerateAndMeasureALeadFile() throws {
        // Given a generated 2 000-row lead file
        let path = temporaryPath("bench.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try CSVBenchmark.writeLeadFixture(path: path, rows: 2_000)
        // When measuring a parse
        let result = try CSVBenchmark.measureParse(path: path, chunkSize: 4096)
        // Then all rows (plus header) are counted without errors
        #expect(result.records == 2_001)
        #expect(result.errors == 0)
        #expect(result.bytes > 100_000)
        #expect(result.recordsPerSecond > 0)
    }
}
