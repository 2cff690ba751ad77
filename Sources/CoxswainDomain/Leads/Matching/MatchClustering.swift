/// A scored record pair (indices into the table).
public struct ScoredPair: Sendable, Hashable {
    /// Lower record index.
    public var a: Int32
    /// Higher record index.
    public var b: Int32
    /// Match weight in bits.
    public var weight: Float
}

/// Clusters matched pairs without chaining unrelated records.
///
/// Business rule: pairs are merged strongest first; two clusters only merge when *every* record of one is
/// compatible with every record of the other — no identity-guard conflict, every cross pair scores at least
/// `threshold - margin`, and the average cross pair scores at least `threshold`. So `A≈B` and `B≈C` do not put
/// `A` and `C` together when `A` and `C` are clearly different people (the classic single-link chaining through
/// a shared switchboard or a record with missing fields).
///
/// Example: `Ann Lee` matches `A. Lee` (weight 12) and `A. Lee` matches `Alan Lee` (weight 11); `Ann` vs `Alan`
/// is a given-name conflict, so the result is `{Ann Lee, A. Lee}` and `{Alan Lee}`.
struct MatchClustering {
    /// Largest number of cross pairs checked per merge; beyond it members are sampled evenly.
    static let maxCrossChecks = 4096

    /// Returns cluster id (the smallest member index) per record.
    static func cluster(
        count: Int, edges: [ScoredPair], threshold: Double, margin: Double,
        crossWeight: (Int, Int) -> Double?
    ) -> [Int32] {
        var parent = (0..<count).map { Int32($0) }
        var members: [[Int32]] = Array(repeating: [], count: count)
        func find(_ x: Int32) -> Int32 {
            var root = x
            while parent[Int(root)] != root { root = parent[Int(root)] }
            var node = x
            while parent[Int(node)] != root {
                let next = parent[Int(node)]
                parent[Int(node)] = root
                node = next
            }
            return root
        }
        func group(_ root: Int32) -> [Int32] { members[Int(root)].isEmpty ? [root] : members[Int(root)] }
        let ordered = edges.sorted { x, y in
            if x.weight != y.weight { return x.weight > y.weight }
            if x.a != y.a { return x.a < y.a }
            return x.b < y.b
        }
        for edge in ordered {
            let ra = find(edge.a), rb = find(edge.b)
            if ra == rb { continue }
            let ga = group(ra), gb = group(rb)
            if ga.count > 1 || gb.count > 1 {
                let stepA = max(1, ga.count * gb.count / maxCrossChecks / max(1, gb.count) + 1)
                var total = 0.0
                var checked = 0
                var accepted = true
                outer: for x in stride(from: 0, to: ga.count, by: ga.count * gb.count > maxCrossChecks ? stepA : 1) {
                    for y in gb {
                        let p = min(ga[x], y), q = max(ga[x], y)
                        guard let w = crossWeight(Int(p), Int(q)), w >= threshold - margin else {
                            accepted = false
                            break outer
                        }
                        total += w
                        checked += 1
                    }
                }
                if !accepted || checked == 0 || total / Double(checked) < threshold { continue }
            }
            let (keep, drop) = ga.count >= gb.count ? (ra, rb) : (rb, ra)
            var merged = group(keep)
            merged.append(contentsOf: group(drop))
            members[Int(keep)] = merged
            members[Int(drop)] = []
            parent[Int(drop)] = keep
        }
        var clusterId = [Int32](repeating: 0, count: count)
        var smallest = [Int32](repeating: Int32.max, count: count)
        for i in 0..<count {
            let root = Int(find(Int32(i)))
            smallest[root] = min(smallest[root], Int32(i))
        }
        for i in 0..<count { clusterId[i] = smallest[Int(find(Int32(i)))] }
        return clusterId
    }
}
