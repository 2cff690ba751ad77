import Dispatch
import Foundation

/// Pairwise precision, recall and F1 of a clustering against ground truth (the usual record-linkage metric:
/// every pair of records inside a cluster is one predicted duplicate pair).
public struct PairwiseScore: Sendable, Hashable {
    /// True positive pairs.
    public var truePositives: Int
    /// Predicted pairs.
    public var predicted: Int
    /// True pairs.
    public var actual: Int
    /// TP / predicted.
    public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
    /// TP / actual.
    public var recall: Double { actual == 0 ? 0 : Double(truePositives) / Double(actual) }
    /// Harmonic mean of precision and recall.
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// Scores cluster labels against entity labels (both one per record), without materialising pairs.
    ///
    /// Example: clusters `[0, 0, 2]` vs entities `[5, 5, 5]` → 1 TP of 1 predicted and 3 actual pairs:
    /// precision 1, recall 0.33.
    public static func evaluate(clusters: [Int32], entities: [Int]) -> PairwiseScore {
        func pairs(_ n: Int) -> Int { n * (n - 1) / 2 }
        var clusterSizes: [Int32: Int] = [:]
        var entitySizes: [Int: Int] = [:]
        var jointSizes: [Int64: Int] = [:]
        for (cluster, entity) in zip(clusters, entities) {
            clusterSizes[cluster, default: 0] += 1
            entitySizes[entity, default: 0] += 1
            jointSizes[Int64(cluster) << 32 | Int64(entity & 0xFFFF_FFFF), default: 0] += 1
        }
        return PairwiseScore(
            truePositives: jointSizes.values.reduce(0) { $0 + pairs($1) },
            predicted: clusterSizes.values.reduce(0) { $0 + pairs($1) },
            actual: entitySizes.values.reduce(0) { $0 + pairs($1) })
    }
}

/// Result of ``DedupBenchmark/run(leadCount:duplicateRate:seed:queries:)``.
public struct DedupBenchmarkReport: Sendable {
    /// Leads generated.
    public var leads: Int
    /// Seconds to generate the synthetic leads (not part of the engine).
    public var generationSeconds: Double
    /// Seconds to normalise and build the column table.
    public var tableSeconds: Double
    /// De-duplication stage timings.
    public var timings: DeduplicationTimings
    /// Table build + de-duplication, seconds.
    public var engineSeconds: Double { tableSeconds + timings.total }
    /// Blocking statistics.
    public var statistics: BlockingStatistics
    /// Clusters of two or more leads.
    public var clusters: Int
    /// Accuracy against the generator's ground truth.
    public var score: PairwiseScore
    /// Seconds to build the incremental index (model reused from the batch run).
    public var indexSeconds: Double
    /// Incremental queries timed.
    public var queries: Int
    /// Median query latency, milliseconds.
    public var queryP50Milliseconds: Double
    /// 99th-percentile query latency, milliseconds.
    public var queryP99Milliseconds: Double
}

/// A pure benchmark of the engine on generated leads (no I/O): generation → table → de-duplication → scoring
/// against ground truth → incremental index with timed queries (half near-duplicates, half new leads).
///
/// Example: `DedupBenchmark.run(leadCount: 100_000, queries: 2_000).engineSeconds`.
public enum DedupBenchmark {
    /// Runs the benchmark.
    public static func run(
        leadCount: Int, duplicateRate: Double = 0.12, seed: UInt64 = 2_026,
        queries: Int = 1_000
    ) -> DedupBenchmarkReport {
        func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
        var start = now()
        let data = SyntheticLeadGenerator.dataset(count: leadCount, duplicateRate: duplicateRate, seed: seed)
        let generation = Double(now() - start) / 1e9
        start = now()
        let table = MatchRecordTable(ids: (0..<leadCount).map(String.init), columns: SyntheticLead.columns(data.leads))
        let tableSeconds = Double(now() - start) / 1e9
        let result = LeadDeduplicator(table: table).run()
        let score = PairwiseScore.evaluate(clusters: result.clusterIds, entities: data.entity)
        var indexSeconds = 0.0
        var latencies: [Double] = []
        if queries > 0 {
            start = now()
            let index = DuplicateIndex(table: table, model: result.model)
            indexSeconds = Double(now() - start) / 1e9
            var variations = LeadVariationGenerator(seed: seed &+ 99)
            var fresh = SyntheticLeadGenerator(seed: seed &+ 7)
            var rng = SplitMix64(seed: seed &+ 3)
            for q in 0..<queries {
                let lead = q % 2 == 0 ? variations.variation(of: data.leads[rng.index(leadCount)]) : fresh.next()
                let values = SyntheticLead.columns([lead]).map { ($0.role, $0.values[0]) }
                let began = now()
                _ = index.duplicates(of: values)
                latencies.append(Double(now() - began) / 1e6)
            }
            latencies.sort()
        }
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
        }
        return DedupBenchmarkReport(
            leads: leadCount, generationSeconds: generation, tableSeconds: tableSeconds,
            timings: result.timings, statistics: result.statistics,
            clusters: result.clusters.count, score: score, indexSeconds: indexSeconds,
            queries: latencies.count, queryP50Milliseconds: percentile(0.5),
            queryP99Milliseconds: percentile(0.99))
    }
}
