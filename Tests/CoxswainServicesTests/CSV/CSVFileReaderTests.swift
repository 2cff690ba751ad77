import CoxswainDomain
import Foundation
import Testing

@testable import CoxswainServices

@Suite("CSV file reader")
struct CSVFileReaderTests {
    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("coxswain-csv-\(UUID().uuidString)-\(name)").path
    }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func streamsRecordsAcrossSmallChunksAndReportsBytesRead() throws {
        // Given a file with quoted multi-line fields, read in 7-byte chunks
        let path = temporaryPath("leads.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = "\u{FEFF}Id,Name,Notes\r\n1,\"Ada, L.\",\"two\r\nlines\"\r\n2,Zoë,\r\n"
        try write(text, to: path)
        let reader = try CSVFileReader(path: path, chunkSize: 7)
        // When iterating every result
        var rows: [[String]] = []
        var lines: [Int] = []
        try reader.forEach { result in
            let record = try result.get()
            rows.append(record.strings)
            lines.append(record.line)
        }
        // Then the records, their lines and the progress counters are right
        #expect(rows == [["Id", "Name", "Notes"], ["1", "Ada, L.", "two\r\nlines"], ["2", "Zoë", ""]])
        #expect(lines == [1, 2, 4])
        #expect(reader.bytesRead == text.utf8.count)
        #expect(reader.fileSize == text.utf8.count)
        #expect(try reader.next() == nil)
    }

    @Test func recordErrorsAreDeliveredAndReadingContinues() throws {
        // Given a file with a bad row and an unterminated quote at the end
        let path = temporaryPath("bad.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write("a,b\nx\"y,1\nok,2\n\"open,3\n", to: path)
        // When reading it all with the pull interface
        let reader = try CSVFileReader(path: path, chunkSize: 4)
        var errors: [CSVError] = []
        var good = 0
        while let result = try reader.next() {
            switch result {
            case .success: good += 1
            case .failure(let error): errors.append(error)
            }
        }
        // Then both problems are reported with their lines and the good rows survive
        #expect(good == 2)
        #expect(
            errors == [
                CSVError(.unexpectedQuote, line: 2, column: 1),
                CSVError(.unterminatedQuotedField, line: 4, column: 1),
            ])
    }

    @Test func missingFileErrorNamesThePath() {
        // Given a path that does not exist
        let path = temporaryPath("missing.csv")
        // When opening it
        // Then the error names the path and the reason
        #expect(throws: CSVFileError.cannotOpen(path: path, reason: "No such file or directory")) {
            try CSVFileReader(path: path)
        }
        #expect(
            CSVFileError.cannotOpen(path: path, reason: "No such file or directory").description
                == "cannot open '\(path)': No such file or directory")
    }

    @Test func directoryIsRejectedWithAClearError() {
        // Given a directory path
        let path = FileManager.default.temporaryDirectory.path
        // Then opening it as CSV fails naming the path
        #expect(throws: CSVFileError.cannotOpen(path: path, reason: "Is a directory")) {
            try CSVFileReader(path: path)
        }
        #expect(
            CSVFileError.cannotOpen(path: path, reason: "Is a directory").description
                == "cannot open '\(path)': Is a directory")
    }

    @Test func emptyFileYieldsNoRecords() throws {
        // Given an empty file
        let path = temporaryPath("empty.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write("", to: path)
        // Then reading yields nothing
        let reader = try CSVFileReader(path: path)
        #expect(try reader.next() == nil)
        #expect(reader.bytesRead == 0)
    }
}
