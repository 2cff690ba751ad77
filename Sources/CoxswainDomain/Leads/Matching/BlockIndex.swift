import Dispatch

/// Statistics about blocking.
public struct BlockingStatistics: Sendable, Hashable {
    /// Number of distinct blocks (keys shared by at least two records).
    public var blocks: Int
    /// Blocks larger than the cap, compared by windows only.
    public var oversizedBlocks: Int
    /// Largest block.
    public var largestBlock: Int
    /// Distinct record pairs compared.
    public var pairsCompared: Int
    /// All possible pairs, `n(n-1)/2`.
    public var possiblePairs: Int
    /// `1 - pairsCompared / possiblePairs`.
    public var reductionRatio: Double {
        possiblePairs == 0 ? 0 : 1 - Double(pairsCompared) / Double(possiblePairs)
    }
}

/// Blocking keys of a whole table, sorted so that each block is a contiguous run.
struct BlockIndex: Sendable {
    struct Entry: Sendable {
        var key: UInt64
        var record: Int32
    }

    var entries: [Entry] = []
    var blockStart: [Int32] = []
    var blockEnd: [Int32] = []
    /// CSR: positions of record `i` are `positions[positionOffsets[i]..<positionOffsets[i + 1]]`.
    var positionOffsets: [Int32] = []
    var positions: [Int32] = []
    /// Records in sorted-neighbourhood (name) order, and each record's rank in it.
    var nameOrder: [Int32] = []
    var nameRank: [Int32] = []
    let configuration: BlockingConfiguration
    var blocks = 0
    var oversizedBlocks = 0
    var largestBlock = 0

    init(table: MatchRecordTable, configuration: BlockingConfiguration) {
        self.configuration = configuration
        let n = table.count
        let chunkSize = 16384
        let chunks = (n + chunkSize - 1) / chunkSize
        let parts = ChunkResults<[Entry]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var local: [Entry] = []
            local.reserveCapacity(chunkSize * 10)
            for i in (chunk * chunkSize)..<min(n, (chunk + 1) * chunkSize) {
                BlockingKeys.forEachKey(table, i) { local.append(Entry(key: $0, record: Int32(i))) }
            }
            parts.set(chunk, local)
        }
        // Partition by the top bits of the key and sort partitions in parallel.
        let bucketCount = 64
        var chunkEntries = (0..<chunks).map { parts.take($0) }
        var counts = Array(repeating: 0, count: bucketCount + 1)
        for part in chunkEntries { for entry in part { counts[Int(entry.key >> 58) + 1] += 1 } }
        for b in 0..<bucketCount { counts[b + 1] += counts[b] }
        var fill = counts
        var all = [Entry](repeating: Entry(key: 0, record: 0), count: counts[bucketCount])
        for index in chunkEntries.indices {
            for entry in chunkEntries[index] {
                let b = Int(entry.key >> 58)
                all[fill[b]] = entry
                fill[b] += 1
            }
            chunkEntries[index] = []  // release as we go
        }
        let bounds = counts
        all.withUnsafeMutableBufferPointer { buffer in
            let base = UncheckedSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: bucketCount) { b in
                var slice = UnsafeMutableBufferPointer(rebasing: base.value[bounds[b]..<bounds[b + 1]])
                slice.sort(by: BlockIndex.entryOrder)
            }
        }
        entries = all
        let nameKeys = (0..<n).map { BlockingKeys.nameSortKey(table, $0) }
        buildBlocks(table: table, nameKeys: nameKeys)
        buildNameOrder(table: table, nameKeys: nameKeys)
    }

    @inline(__always) static func entryOrder(_ a: Entry, _ b: Entry) -> Bool {
        if a.key != b.key { return a.key < b.key }
        return a.record < b.record
    }

    private mutating func buildBlocks(table: MatchRecordTable, nameKeys: [UInt64]) {
        let total = entries.count
        blockStart = Array(repeating: 0, count: total)
        blockEnd = Array(repeating: 0, count: total)
        var start = 0
        while start < total {
            var end = start + 1
            while end < total && entries[end].key == entries[start].key { end += 1 }
            let size = end - start
            if size > 1 { blocks += 1 }
            largestBlock = max(largestBlock, size)
            if size > configuration.maxBlockSize {
                oversizedBlocks += 1
                entries[start..<end].sort { (x: Entry, y: Entry) -> Bool in
                    let a = nameKeys[Int(x.record)], b = nameKeys[Int(y.record)]
                    if a != b { return a < b }
                    return x.record < y.record
                }
            }
            for p in start..<end {
                blockStart[p] = Int32(start)
                blockEnd[p] = Int32(end)
            }
            start = end
        }
        let n = table.count
        var offsets = Array(repeating: Int32(0), count: n + 1)
        for entry in entries { offsets[Int(entry.record) + 1] += 1 }
        for i in 0..<n { offsets[i + 1] += offsets[i] }
        var cursor = offsets
        var list = Array(repeating: Int32(0), count: total)
        for (p, entry) in entries.enumerated() {
            list[Int(cursor[Int(entry.record)])] = Int32(p)
            cursor[Int(entry.record)] += 1
        }
        positionOffsets = offsets
        positions = list
    }

    private mutating func buildNameOrder(table: MatchRecordTable, nameKeys keys: [UInt64]) {
        guard configuration.sortedNeighbourhoodWindow > 0 else { return }
        var order = (0..<table.count).map { Int32($0) }
        order.sort { (x: Int32, y: Int32) -> Bool in
            let a = keys[Int(x)], b = keys[Int(y)]
            if a != b { return a < b }
            return x < y
        }
        var rank = Array(repeating: Int32(0), count: table.count)
        for (position, record) in order.enumerated() { rank[Int(record)] = Int32(position) }
        nameOrder = order
        nameRank = rank
    }

    /// Fills `buffer` with the distinct candidates `j > i` of record `i`, in a deterministic order (blocks in
    /// key order, then sorted neighbourhood). `seen` is caller-owned scratch of `count` entries, initially all
    /// `-1`: `seen[j] == i` marks `j` as already collected for `i`, so no sorting is needed.
    func candidates(of i: Int, into buffer: inout [Int32], seen: inout [Int32]) {
        buffer.removeAll(keepingCapacity: true)
        let record = Int32(i)
        let cap = configuration.maxBlockSize
        let window = configuration.window
        for k in Int(positionOffsets[i])..<Int(positionOffsets[i + 1]) {
            let p = Int(positions[k])
            let s = Int(blockStart[p]), e = Int(blockEnd[p])
            if e - s <= 1 { continue }
            let range = e - s <= cap ? s..<e : max(s, p - window)..<min(e, p + window + 1)
            for q in range {
                let j = entries[q].record
                if j > record && seen[Int(j)] != record {
                    seen[Int(j)] = record
                    buffer.append(j)
                }
            }
        }
        let w = configuration.sortedNeighbourhoodWindow
        if w > 0 && !nameRank.isEmpty {
            let rank = Int(nameRank[i])
            for q in max(0, rank - w)..<min(nameOrder.count, rank + w + 1) {
                let j = nameOrder[q]
                if j > record && seen[Int(j)] != record {
                    seen[Int(j)] = record
                    buffer.append(j)
                }
            }
        }
    }
}

/// Wraps a value that is shared across `concurrentPerform` iterations which touch disjoint parts of it.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
