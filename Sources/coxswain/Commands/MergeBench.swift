import ArgumentParser
import CoxswainDomain
import CoxswainServices
import CoxswainStorage
import Foundation

/// Merges generated duplicate clusters through the merge service on SQLite and reports merges/s and undos/s.
struct MergeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge and undo generated duplicate clusters of 2, 3 and 10 leads through the service (SQLite).")

    @Option(help: "Clusters per size.") var clusters = 300
    @Option(help: "Activities per lead (re-parented by each merge).") var activities = 2

    func run() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coxswain-merge-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let handle = try await SQLiteDatabaseHandle.open(path: dir.appendingPathComponent("bench.sqlite").path, logger: makeLogger())
        try await Migrator(handle: handle).migrate()
        let store = SQLRecordStore(handle: handle)
        let t0 = Date(timeIntervalSince1970: 1_767_225_600)
        let rep = Rep(meta: RecordMeta(id: "rep-1", createdAt: t0), firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", role: .ae)
            .record
        try await store.write { try await $0.insert([rep]) }
        let service = LeadMergeService(store: store)
        for size in [2, 3, 10] {
            var leads: [Record] = []
            var acts: [Record] = []
            for c in 0..<clusters {
                for k in 0..<size {
                    let id = "l\(size)-\(c)-\(k)"
                    var lead = Lead(
                        meta: RecordMeta(id: id, createdAt: t0, customFields: ["tier": .text(k % 2 == 0 ? "gold" : "silver")]), lastName: "Smith"
                    ).record
                    lead["email"] = .text("smith\(c)@acme.com")
                    lead[k % 2 == 0 ? "phone" : "title"] = .text("value \(k)")
                    leads.append(lead)
                    for a in 0..<activities {
                        acts.append(
                            Activity(meta: RecordMeta(id: "a\(id)-\(a)", createdAt: t0), type: .call, occurredAt: t0, repID: "rep-1", leadID: id)
                                .record)
                    }
                }
            }
            let (finalLeads, finalActs) = (leads, acts)
            try await store.write { tx in
                try await tx.insert(finalLeads)
                try await tx.insert(finalActs)
            }
            var ids: [String] = []
            let start = ContinuousClock.now
            for c in 0..<clusters {
                let merge = try await service.merge(
                    survivorID: "l\(size)-\(c)-0", duplicateIDs: (1..<size).map { "l\(size)-\(c)-\($0)" },
                    policy: SurvivorshipPolicy(default: .mostComplete), by: .system("bench"))
                ids.append(merge.id)
            }
            let mergeSeconds = Self.seconds(ContinuousClock.now - start)
            let undoStart = ContinuousClock.now
            for id in ids { _ = try await service.unmerge(id, by: .system("bench")) }
            let undoSeconds = Self.seconds(ContinuousClock.now - undoStart)
            print(
                String(
                    format: "bench merge: %2d-record clusters (%d activities each lead): %.0f merges/s, %.0f undos/s (%d clusters)", size,
                    activities, Double(clusters) / mergeSeconds, Double(clusters) / undoSeconds, clusters))
        }
        try await handle.close()
    }

    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
}
