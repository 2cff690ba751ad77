import Foundation
import Testing

@testable import CoxswainDomain

/// Regression tests on the shared benchmark data (`../shared/data/dedup` next to the repository root).
@Suite("Lead matching on benchmark data")
struct MatchingBenchmarkDataTests {
    static let dataDirectory: URL = {
        // #filePath = <repo>/Tests/CoxswainDomainTests/Leads/Matching/<file>; shared is the repo root's sibling.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { url.deleteLastPathComponent() }
        let candidates = [
            url.deletingLastPathComponent().appendingPathComponent("shared/data/dedup"),
            URL(fileURLWithPath: "/work/shared/data/dedup"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
    }()

    /// Minimal RFC 4180 CSV reader (quotes, doubled quotes, CRLF).
    static func readCSV(_ url: URL) throws -> [[String]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows: [[String]] = [], row: [String] = [], field = ""
        var inQuotes = false, previousQuote = false
        for scalar in text.unicodeScalars {
            if inQuotes {
                if scalar == "\"" {
                    inQuotes = false
                    previousQuote = true
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            if scalar == "\"" {
                if previousQuote { field.unicodeScalars.append("\"") }
                inQuotes = true
            } else if scalar == "," {
                row.append(field); field = ""
            } else if scalar == "\n" {
                row.append(field); field = ""; rows.append(row); row = []
            } else if scalar != "\r" {
                field.unicodeScalars.append(scalar)
            }
            previousQuote = false
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// Pairwise F1 of clusters against the truth pairs file (the Swift twin of `score_dedup.py`).
    static func score(name: String) throws -> PairwiseScore? {
        let data = dataDirectory.appendingPathComponent("\(name).csv")
        let truth = dataDirectory.appendingPathComponent("\(name)_truth.csv")
        guard FileManager.default.fileExists(atPath: data.path), FileManager.default.fileExists(atPath: truth.path)
        else {
            print("skipping \(name): benchmark data not found at \(dataDirectory.path)")
            return nil
        }
        let rows = try readCSV(data)
        let table = MatchRecordTable(headers: rows[0], rows: Array(rows.dropFirst()))
        let result = LeadDeduplicator(table: table).run()
        var cluster: [String: Int32] = [:]
        var sizes: [Int32: Int] = [:]
        for (index, id) in table.ids.enumerated() {
            let key = id.trimmingCharacters(in: .whitespaces)
            cluster[key] = result.clusterIds[index]
            sizes[result.clusterIds[index], default: 0] += 1
        }
        var truePairs = Set<[String]>()
        for row in try readCSV(truth).dropFirst() where row.count >= 2 {
            let a = row[0].trimmingCharacters(in: .whitespaces), b = row[1].trimmingCharacters(in: .whitespaces)
            if a != b { truePairs.insert([a, b].sorted()) }
        }
        let hits = truePairs.filter { pair in
            guard let x = cluster[pair[0]], let y = cluster[pair[1]] else { return false }
            return x == y
        }.count
        let predicted = sizes.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
        let score = PairwiseScore(truePositives: hits, predicted: predicted, actual: truePairs.count)
        print("\(name): F1 \(score.f1) P \(score.precision) R \(score.recall)")
        return score
    }

    @Test func febrlOneReachesF1OfAtLeast099() throws {
        // Given Febrl 1 / When de-duplicated with defaults / Then pairwise F1 ≥ 0.99
        guard let score = try Self.score(name: "febrl1") else { return }
        #expect(score.f1 >= 0.99)
    }

    @Test func febrlTwoReachesF1OfAtLeast099() throws {
        // Given Febrl 2 / When de-duplicated with defaults / Then pairwise F1 ≥ 0.99
        guard let score = try Self.score(name: "febrl2") else { return }
        #expect(score.f1 >= 0.99)
    }

    @Test func crmLeadsReachF1OfAtLeast097() throws {
        // Given 10k CRM leads with colleagues and noisy duplicates / When de-duplicated / Then pairwise F1 ≥ 0.97
        guard let score = try Self.score(name: "leads_10k") else { return }
        #expect(score.f1 >= 0.97)
    }
}
