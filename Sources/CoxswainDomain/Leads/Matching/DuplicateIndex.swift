import Foundation

/// A possible duplicate found by ``DuplicateIndex``.
public struct IndexMatch: Sendable, Hashable {
    /// Index of the existing record in the index's table.
    public var record: Int
    /// Its caller id.
    public var id: String
    /// Match weight in bits.
    public var weight: Double
    /// Match probability.
    public var probability: Double
}

/// In-memory index over existing records that answers "is this new record a duplicate?" with the same blocking,
/// comparisons, model and identity guard as the batch de-duplicator.
///
/// Business rules: a query is compared with the records sharing one of its blocking keys (oversized blocks: the
/// `window` nearest names inside the block); records added with ``insert(_:id:)`` are found immediately through
/// an overflow map; term frequencies are counted at build time and updated on insert.
///
/// Example:
/// ```swift
/// var index = DuplicateIndex(table: existing)               // trains the model on `existing`
/// let hits = index.duplicates(of: [(.givenName, "Bob"), (.surname, "Smith"), (.email, "bob@acme.com")])
/// if hits.isEmpty { index.insert([(.givenName, "Bob"), (.surname, "Smith")], id: "crm-42") }
/// ```
public struct DuplicateIndex: Sendable {
    /// Records in the index (base records first, then inserted ones).
    public private(set) var table: MatchRecordTable
    /// The model used for scoring.
    public let model: FellegiSunterModel
    /// Settings.
    public let configuration: DeduplicationConfiguration
    let blocks: BlockIndex
    let baseCount: Int
    var overflow: [UInt64: [Int32]] = [:]
    var valueCounts: [[UInt64: Int32]]
    let active: UInt32
    let scorer: PairScorer

    /// Builds the index over `table`, training the model on it unless `model` is given.
    public init(
        table: MatchRecordTable, model: FellegiSunterModel? = nil,
        configuration: DeduplicationConfiguration = DeduplicationConfiguration()
    ) {
        self.table = table
        self.configuration = configuration
        let blocks = BlockIndex(
            table: table,
            configuration: BlockingConfiguration(
                maxBlockSize: configuration.blocking.maxBlockSize, window: configuration.blocking.window,
                sortedNeighbourhoodWindow: 0))
        self.blocks = blocks
        baseCount = table.count
        let deduplicator = LeadDeduplicator(table: table, configuration: configuration)
        let trained = model ?? deduplicator.train(blocks: blocks)
        self.model = trained
        active = PairComparator.activeMask(for: table.roles)
        scorer = PairScorer(
            model: trained, useTermFrequencies: configuration.termFrequencies,
            identityGuard: configuration.identityGuard, recordCount: table.count)
        valueCounts = FellegiSunterModel.tfComparisons.map { comparison in
            var counts: [UInt64: Int32] = [:]
            for i in 0..<table.count {
                let key = TermFrequencies.key(table, comparison, i)
                if key != 0 { counts[key, default: 0] += 1 }
            }
            return counts
        }
    }

    /// Number of indexed records.
    public var count: Int { table.count }

    func normalised(_ values: [(MatchFieldRole, String)]) -> MatchRecordTable {
        var query = MatchRecordTable(roles: table.roles)
        var normaliser = RecordNormaliser()
        query.append(id: "", normaliser.normalise(values))
        return query
    }

    func termFrequencies(of query: MatchRecordTable) -> TermFrequencies {
        var tf = TermFrequencies()
        let total = Float(max(table.count, 1))
        tf.logShare = FellegiSunterModel.tfComparisons.enumerated().map { k, comparison in
            let key = TermFrequencies.key(query, comparison, 0)
            guard key != 0 else { return 0 }
            return log2(Float(max(valueCounts[k][key] ?? 1, 1)) / total)
        }
        return tf
    }

    /// Candidate records for a one-record query table.
    func candidates(of query: MatchRecordTable) -> [Int32] {
        var result: [Int32] = []
        let nameKey = BlockingKeys.nameSortKey(query, 0)
        let cap = configuration.blocking.maxBlockSize, window = configuration.blocking.window
        BlockingKeys.forEachKey(query, 0) { key in
            let entries = blocks.entries
            var low = 0, high = entries.count
            while low < high {
                let mid = (low + high) / 2
                if entries[mid].key < key { low = mid + 1 } else { high = mid }
            }
            if low < entries.count && entries[low].key == key {
                let start = Int(blocks.blockStart[low]), end = Int(blocks.blockEnd[low])
                if end - start <= cap {
                    for p in start..<end { result.append(entries[p].record) }
                } else {
                    var lo = start, hi = end
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if BlockingKeys.nameSortKey(table, Int(entries[mid].record)) < nameKey {
                            lo = mid + 1
                        } else {
                            hi = mid
                        }
                    }
                    for p in max(start, lo - window)..<min(end, lo + window) { result.append(entries[p].record) }
                }
            }
            if let extra = overflow[key] { result.append(contentsOf: extra.suffix(cap)) }
        }
        result.sort()
        var unique: [Int32] = []
        unique.reserveCapacity(result.count)
        for record in result where unique.last != record { unique.append(record) }
        return unique
    }

    /// Existing records that are duplicates of the given values, best first.
    public func duplicates(of values: [(MatchFieldRole, String)], limit: Int = 10) -> [IndexMatch] {
        let query = normalised(values)
        let tf = termFrequencies(of: query)
        let candidates = candidates(of: query)
        let threshold = configuration.threshold
        var matches: [IndexMatch] = []
        PairComparator.with(query, table, active: active) { comparator in
            for record in candidates {
                let screened =
                    scorer.identityGuard
                    ? comparator.screenedPattern(0, Int(record))
                    : comparator.pattern(0, Int(record))
                guard let pattern = screened else { continue }
                if scorer.identityGuard && PairScorer.identityConflict(pattern) { continue }
                let weight = scorer.weight(pattern, tf: tf, 0)
                if weight >= threshold {
                    matches.append(
                        IndexMatch(
                            record: Int(record), id: table.ids[Int(record)], weight: weight,
                            probability: FellegiSunterModel.probability(weight: weight)))
                }
            }
        }
        matches.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.record < $1.record }
        return Array(matches.prefix(limit))
    }

    /// Explains how a query compares with indexed record `record`.
    public func explain(_ values: [(MatchFieldRole, String)], against record: Int) -> PairExplanation {
        let query = normalised(values)
        let tf = termFrequencies(of: query)
        return PairComparator.with(query, table, active: active) { comparator in
            scorer.explain(comparator.pattern(0, record), tf: tf, 0, threshold: configuration.threshold)
        }
    }

    /// Adds a record; it is found by later queries. Returns its index.
    @discardableResult
    public mutating func insert(_ values: [(MatchFieldRole, String)], id: String) -> Int {
        var normaliser = RecordNormaliser()
        let record = normaliser.normalise(values)
        let index = table.count
        table.append(id: id, record)
        BlockingKeys.forEachKey(table, index) { overflow[$0, default: []].append(Int32(index)) }
        for (k, comparison) in FellegiSunterModel.tfComparisons.enumerated() {
            let key = TermFrequencies.key(table, comparison, index)
            if key != 0 { valueCounts[k][key, default: 0] += 1 }
        }
        return index
    }
}
