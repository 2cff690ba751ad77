import CoxswainDomain

/// Throughput figures of one CSV parsing run.
public struct CSVBenchmarkResult: Sendable, Hashable, CustomStringConvertible {
    /// Records delivered (including the header row).
    public var records: Int
    /// Records rejected with a ``CSVError``.
    public var errors: Int
    /// Input size in bytes.
    public var bytes: Int
    /// Wall-clock parse time in seconds.
    public var seconds: Double

    /// Records per second.
    public var recordsPerSecond: Double { seconds > 0 ? Double(records + errors) / seconds : 0 }
    /// Megabytes (10⁶ bytes) per second.
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0 }

    /// e.g. `1000001 records, 0 errors, 152.3 MB in 0.61 s: 1639346 records/s, 249.7 MB/s`.
    public var description: String {
        let megabytes = (Double(bytes) / 100_000).rounded() / 10
        let time = (seconds * 100).rounded() / 100
        let rate = Int(recordsPerSecond.rounded())
        let throughput = (megabytesPerSecond * 10).rounded() / 10
        return "\(records) records, \(errors) errors, \(megabytes) MB in \(time) s: "
            + "\(rate) records/s, \(throughput) MB/s"
    }
}

/// Building blocks for `coxswain bench csv`: generate a lead-like file and time the streaming parse.
public enum CSVBenchmark {
    /// Writes a header plus `rows` rows of ``CSVLeadFixture`` data to `path`, in bounded memory.
    public static func writeLeadFixture(path: String, rows: Int, seed: UInt64 = 42) throws(CSVFileError) {
        let file = try CSVFileWriter(path: path)
        var batch: [UInt8] = []
        CSVLeadFixture.appendHeader(to: &batch)
        var start = 0
        while start < rows {
            let end = min(rows, start + 10_000)
            CSVLeadFixture.appendRows(start..<end, seed: seed, to: &batch)
            try file.writeRaw(batch)
            batch.removeAll(keepingCapacity: true)
            start = end
        }
        if !batch.isEmpty { try file.writeRaw(batch) }
        try file.close()
    }

    /// Parses the file at `path` with ``CSVFileReader``, touching every field's bytes, and measures the time.
    public static func measureParse(
        path: String, options: CSVParserOptions = CSVParserOptions(), chunkSize: Int = 1 << 20
    ) throws -> CSVBenchmarkResult {
        let clock = ContinuousClock()
        let start = clock.now
        let reader = try CSVFileReader(path: path, options: options, chunkSize: chunkSize)
        var records = 0
        var errors = 0
        var fieldBytes = 0
        try reader.forEach { result in
            switch result {
            case .success(let record):
                records += 1
                fieldBytes &+= record.byteCount(at: record.count - 1)
            case .failure:
                errors += 1
            }
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        precondition(fieldBytes >= 0)
        return CSVBenchmarkResult(records: records, errors: errors, bytes: reader.bytesRead, seconds: seconds)
    }
}
