import Dispatch
import Foundation

/// Settings of a de-duplication run. The defaults are meant to work unchanged on new data.
public struct DeduplicationConfiguration: Sendable, Hashable {
    /// Blocking settings.
    public var blocking: BlockingConfiguration
    /// Match-weight threshold in bits (`log2` odds, prior included); 0 means "match probability ≥ 0.5".
    public var threshold: Double
    /// How far below `threshold` a cross pair may score when two clusters merge (see ``MatchClustering``).
    public var clusterMargin: Double
    /// Random record pairs sampled to estimate `u`.
    public var randomPairs: Int
    /// Records whose candidate pairs feed the EM estimate of `m` (evenly spaced; all when the table is smaller).
    public var emSampleRecords: Int
    /// Seed for random-pair sampling.
    public var seed: UInt64
    /// Term-frequency adjustment of exact agreements.
    public var termFrequencies: Bool
    /// The identity guard (see ``PairScorer/identityConflict(_:)``).
    public var identityGuard: Bool

    /// Creates a configuration.
    public init(
        blocking: BlockingConfiguration = BlockingConfiguration(), threshold: Double = 0,
        clusterMargin: Double = 8, randomPairs: Int = 40_000, emSampleRecords: Int = 10_000,
        seed: UInt64 = 0xC0C5_5A1D, termFrequencies: Bool = true, identityGuard: Bool = true
    ) {
        self.blocking = blocking
        self.threshold = threshold
        self.clusterMargin = clusterMargin
        self.randomPairs = randomPairs
        self.emSampleRecords = emSampleRecords
        self.seed = seed
        self.termFrequencies = termFrequencies
        self.identityGuard = identityGuard
    }
}

/// Wall-clock time of each stage, in seconds.
public struct DeduplicationTimings: Sendable, Hashable {
    /// Counting term frequencies (done when the ``LeadDeduplicator`` is created).
    public var preparation: Double = 0
    /// Building blocking keys and blocks.
    public var blocking: Double = 0
    /// Estimating `u` (random pairs) and `m` (EM).
    public var training: Double = 0
    /// Scoring all candidate pairs.
    public var scoring: Double = 0
    /// Clustering.
    public var clustering: Double = 0
    /// Sum of the stages.
    public var total: Double { preparation + blocking + training + scoring + clustering }
}

/// Outcome of ``LeadDeduplicator/run()``.
public struct DeduplicationResult: Sendable {
    /// Cluster id per record (the index of the cluster's first record); singletons have their own index.
    public var clusterIds: [Int32]
    /// Clusters with at least two records, as record indices, ordered by first member.
    public var clusters: [[Int]]
    /// Pairs that passed the threshold and the identity guard.
    public var matchedPairs: [ScoredPair]
    /// The fitted model.
    public var model: FellegiSunterModel
    /// Blocking statistics, including pairs compared and the reduction ratio.
    public var statistics: BlockingStatistics
    /// Stage timings.
    public var timings: DeduplicationTimings
}

/// Finds duplicate records in a ``MatchRecordTable``: blocking → unsupervised Fellegi–Sunter scoring (u from
/// random pairs, m and λ by EM) → guarded clustering.
///
/// Example:
/// ```swift
/// let table = MatchRecordTable(headers: header, rows: rows)
/// let dedupe = LeadDeduplicator(table: table)
/// let result = dedupe.run()
/// for cluster in result.clusters { print(cluster.map { table.ids[$0] }) }
/// let why = dedupe.explain(result.clusters[0][0], result.clusters[0][1], model: result.model)
/// ```
public struct LeadDeduplicator: Sendable {
    /// The records.
    public let table: MatchRecordTable
    /// Settings.
    public let configuration: DeduplicationConfiguration
    let active: UInt32
    let termFrequencies: TermFrequencies
    let preparationSeconds: Double

    /// Prepares a run (term frequencies are counted here).
    public init(table: MatchRecordTable, configuration: DeduplicationConfiguration = DeduplicationConfiguration()) {
        let start = Date()
        self.table = table
        self.configuration = configuration
        active = PairComparator.activeMask(for: table.roles)
        termFrequencies = configuration.termFrequencies ? TermFrequencies(table: table) : TermFrequencies()
        preparationSeconds = Date().timeIntervalSince(start)
    }

    /// Comparisons used for this table.
    public var comparisons: [MatchComparison] {
        MatchComparison.allCases.filter { (active >> UInt32($0.rawValue)) & 1 == 1 }
    }

    /// Estimates `u` from seeded random pairs (in parallel chunks; deterministic).
    func randomPairLevelCounts() -> [[Int]] {
        let n = table.count
        let total = n < 2 ? 0 : min(configuration.randomPairs, n * (n - 1) / 2)
        let chunks = 8
        let results = ChunkResults<[[Int]]>(count: chunks)
        let table = self.table, active = self.active, seed = configuration.seed
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var counts = Array(repeating: Array(repeating: 0, count: 16), count: 16)
            var rng = SplitMix64(seed: seed &+ UInt64(chunk) &* 0x9E37_79B9)
            let share = total / chunks + (chunk < total % chunks ? 1 : 0)
            PairComparator.with(table, table, active: active) { comparator in
                var drawn = 0
                while drawn < share {
                    let i = rng.index(n), j = rng.index(n)
                    if i == j { continue }
                    drawn += 1
                    let pattern = comparator.pattern(i, j)
                    for comparison in MatchComparison.allCases {
                        counts[comparison.rawValue][pattern.level(comparison)] += 1
                    }
                }
            }
            results.set(chunk, counts)
        }
        var merged = Array(repeating: Array(repeating: 0, count: 16), count: 16)
        for part in results.values() { for c in 0..<16 { for l in 0..<16 { merged[c][l] += part[c][l] } } }
        // Level 0 (missing) is not a level of the model: shift to 1-based rows.
        return merged.map { Array($0.dropFirst()) }
    }

    /// Pattern histogram of the candidate pairs of evenly spaced sample records.
    ///
    /// Business rule: with the identity guard on, only pairs the guard allows are counted, so that EM's latent
    /// "match" class separates the same person from namesakes rather than colleagues from strangers (in CRM data
    /// the strongest structure among blocked pairs is "works at the same company").
    func candidateHistogram(blocks: BlockIndex) -> [UInt64: Int] {
        let n = table.count
        let stride = max(1, n / max(1, configuration.emSampleRecords))
        let sample = Array(Swift.stride(from: 0, to: n, by: stride))
        let chunks = min(16, max(1, sample.count / 256))
        let chunkSize = (sample.count + chunks - 1) / chunks
        let results = ChunkResults<[UInt64: Int]>(count: chunks)
        let table = self.table, active = self.active, guardOn = configuration.identityGuard
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var histogram: [UInt64: Int] = [:]
            var buffer: [Int32] = []
            var seen = [Int32](repeating: -1, count: n)
            PairComparator.with(table, table, active: active) { comparator in
                for s in (chunk * chunkSize)..<min(sample.count, (chunk + 1) * chunkSize) {
                    let i = sample[s]
                    blocks.candidates(of: i, into: &buffer, seen: &seen)
                    for j in buffer {
                        if guardOn {
                            guard let pattern = comparator.screenedPattern(i, Int(j)),
                                !PairScorer.identityConflict(pattern)
                            else { continue }
                            histogram[pattern.bits, default: 0] += 1
                        } else {
                            histogram[comparator.pattern(i, Int(j)).bits, default: 0] += 1
                        }
                    }
                }
            }
            results.set(chunk, histogram)
        }
        var merged: [UInt64: Int] = [:]
        for part in results.values() { merged.merge(part, uniquingKeysWith: +) }
        return merged
    }

    /// Fits the model: `u` from random pairs, then `m` and `λ` by EM on candidate pairs.
    public func train() -> FellegiSunterModel {
        train(blocks: BlockIndex(table: table, configuration: configuration.blocking))
    }

    func train(blocks: BlockIndex) -> FellegiSunterModel {
        var model = FellegiSunterModel(comparisons: comparisons)
        model.setU(fromRandomPairCounts: randomPairLevelCounts())
        let fixed: Set<MatchComparison> = configuration.identityGuard ? [.givenName, .surname] : []
        model.estimate(histogram: candidateHistogram(blocks: blocks), fixedU: fixed)
        return model
    }

    func scorer(_ model: FellegiSunterModel) -> PairScorer {
        PairScorer(
            model: model, useTermFrequencies: configuration.termFrequencies,
            identityGuard: configuration.identityGuard, recordCount: table.count)
    }

    /// Runs blocking, training, scoring and clustering.
    public func run() -> DeduplicationResult {
        var timings = DeduplicationTimings()
        timings.preparation = preparationSeconds
        var clock = Date()
        func lap() -> Double {
            let now = Date()
            defer { clock = now }
            return now.timeIntervalSince(clock)
        }
        let blocks = BlockIndex(table: table, configuration: configuration.blocking)
        timings.blocking = lap()
        let model = train(blocks: blocks)
        timings.training = lap()
        let scorer = scorer(model)
        let (edges, compared) = scoreCandidates(blocks: blocks, scorer: scorer)
        timings.scoring = lap()
        let threshold = configuration.threshold
        let table = self.table, active = self.active, tf = termFrequencies
        let clusterIds = PairComparator.with(table, table, active: active) { comparator in
            MatchClustering.cluster(
                count: table.count, edges: edges, threshold: threshold,
                margin: configuration.clusterMargin
            ) { i, j in
                let pattern = comparator.pattern(i, j)
                if scorer.identityGuard && PairScorer.identityConflict(pattern) { return nil }
                return scorer.weight(pattern, tf: tf, i)
            }
        }
        let n = table.count
        var sizes = [Int32](repeating: 0, count: n)
        for id in clusterIds { sizes[Int(id)] += 1 }
        var position: [Int32: Int] = [:]
        var clusters: [[Int]] = []
        for i in 0..<n where sizes[Int(clusterIds[i])] > 1 {
            if let p = position[clusterIds[i]] {
                clusters[p].append(i)
            } else {
                position[clusterIds[i]] = clusters.count
                clusters.append([i])
            }
        }
        timings.clustering = lap()
        let statistics = BlockingStatistics(
            blocks: blocks.blocks, oversizedBlocks: blocks.oversizedBlocks,
            largestBlock: blocks.largestBlock, pairsCompared: compared,
            possiblePairs: n * (n - 1) / 2)
        return DeduplicationResult(
            clusterIds: clusterIds, clusters: clusters, matchedPairs: edges, model: model,
            statistics: statistics, timings: timings)
    }

    /// Scores every candidate pair on all cores; returns the pairs that pass, in record order.
    func scoreCandidates(blocks: BlockIndex, scorer: PairScorer) -> ([ScoredPair], Int) {
        let n = table.count
        // Few large chunks: each owns an n-entry "seen" scratch array for candidate de-duplication.
        let chunks = min(32, max(1, n / 512))
        let chunkSize = (n + chunks - 1) / chunks
        let results = ChunkResults<([ScoredPair], Int)>(count: chunks)
        let table = self.table, active = self.active, tf = termFrequencies
        let threshold = configuration.threshold
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var buffer: [Int32] = []
            var seen = [Int32](repeating: -1, count: n)
            var edges: [ScoredPair] = []
            var compared = 0
            PairComparator.with(table, table, active: active) { comparator in
                for i in (chunk * chunkSize)..<min(n, (chunk + 1) * chunkSize) {
                    blocks.candidates(of: i, into: &buffer, seen: &seen)
                    compared += buffer.count
                    for j in buffer {
                        let screened =
                            scorer.identityGuard
                            ? comparator.screenedPattern(i, Int(j))
                            : comparator.pattern(i, Int(j))
                        guard let pattern = screened else { continue }
                        if scorer.identityGuard && PairScorer.identityConflict(pattern) { continue }
                        let w = scorer.weight(pattern, tf: tf, i)
                        if w >= threshold { edges.append(ScoredPair(a: Int32(i), b: j, weight: Float(w))) }
                    }
                }
            }
            results.set(chunk, (edges, compared))
        }
        var all: [ScoredPair] = []
        var compared = 0
        for (edges, count) in results.values() {
            all.append(contentsOf: edges)
            compared += count
        }
        return (all, compared)
    }

    /// Picks the threshold that maximises F1 on a small labelled sample of record pairs (optional tuning; the
    /// default threshold 0 needs no labels). Vetoed pairs always count as non-matches.
    ///
    /// Example: `let t = dedupe.tunedThreshold(labelled: [(3, 17, true), (3, 90, false)], model: result.model)`,
    /// then run again with `DeduplicationConfiguration(threshold: t)`.
    public func tunedThreshold(labelled: [(Int, Int, Bool)], model: FellegiSunterModel) -> Double {
        let scored = labelled.map { pair -> (Double, Bool) in
            let explanation = explain(min(pair.0, pair.1), max(pair.0, pair.1), model: model)
            return (explanation.identityConflict ? -.infinity : explanation.weight, pair.2)
        }
        let positives = scored.filter(\.1).count
        guard positives > 0 else { return configuration.threshold }
        var best = (f1: -1.0, threshold: configuration.threshold)
        for candidate in Set(scored.map(\.0)) where candidate.isFinite {
            let predicted = scored.filter { $0.0 >= candidate }
            let hits = predicted.filter(\.1).count
            guard hits > 0 else { continue }
            let precision = Double(hits) / Double(predicted.count), recall = Double(hits) / Double(positives)
            let f1 = 2 * precision * recall / (precision + recall)
            if f1 > best.f1 || (f1 == best.f1 && candidate < best.threshold) { best = (f1, candidate) }
        }
        return best.threshold
    }

    /// Explains the score of records `i` and `j` under `model`.
    public func explain(_ i: Int, _ j: Int, model: FellegiSunterModel) -> PairExplanation {
        let scorer = scorer(model)
        let tf = termFrequencies, threshold = configuration.threshold
        return PairComparator.with(table, table, active: active) { comparator in
            scorer.explain(comparator.pattern(i, j), tf: tf, i, threshold: threshold)
        }
    }
}
