import CoxswainDomain
import Foundation

/// Writes a generated ``DemoOrg`` into a store: settings first, then every entity in dependency order, in
/// batched transactions, each batch with an audit row (actor `system:demo`) naming what it loaded.
public enum DemoOrgLoader {
    /// Loads `org`; `progress` receives a phase name and the fraction done (0…1).
    public static func load(
        _ org: DemoOrg, into store: any RecordStore, settings: OrgSettings, now: Date,
        batchSize: Int = 5000, progress: @escaping @Sendable (String, Double) -> Void = { _, _ in }
    ) async throws {
        let actor = Principal.system("demo")
        try await store.write { tx in
            try await settings.save(to: tx)
            try await tx.append(audit: [
                AuditEntry(
                    at: now, actor: actor.id, action: "settings", entity: "settings", recordID: "org",
                    before: nil, after: "{\"demo\":true}")
            ])
        }
        let groups: [(String, [Record])] = [
            ("stages", org.stages.map(\.record)), ("teams", org.teams.map(\.record)), ("reps", org.reps.map(\.record)),
            ("accounts", org.accounts.map(\.record)), ("contacts", org.contacts.map(\.record)), ("leads", org.leads.map(\.record)),
            ("opportunities", org.opportunities.map(\.record)), ("activities", org.activities.map(\.record)),
            ("products", org.products.map(\.record)), ("price book entries", org.priceBookEntries.map(\.record)),
            ("quotas", org.quotas.map(\.record)),
        ]
        let total = Double(groups.reduce(0) { $0 + $1.1.count } + org.stageChanges.count + org.fieldChanges.count)
        var done = 0.0
        for (name, records) in groups {
            // Reps reference each other (managers) and teams: keep them in one transaction.
            let size = name == "reps" || name == "teams" ? max(records.count, 1) : batchSize
            for chunk in stride(from: 0, to: records.count, by: size).map({ Array(records[$0..<min($0 + size, records.count)]) }) {
                try await store.write { tx in
                    try await tx.insert(chunk)
                    try await tx.append(audit: [
                        AuditEntry(
                            at: now, actor: actor.id, action: "demo_load", entity: chunk[0].schema.name,
                            recordID: "\(chunk.first!.id)..\(chunk.last!.id)", before: nil, after: "{\"count\":\(chunk.count)}")
                    ])
                }
                done += Double(chunk.count)
                progress(name, done / total)
            }
        }
        for chunk in stride(from: 0, to: org.stageChanges.count, by: batchSize * 4).map({
            Array(org.stageChanges[$0..<min($0 + batchSize * 4, org.stageChanges.count)])
        }) {
            try await store.write { try await $0.append(stageChanges: chunk) }
            done += Double(chunk.count)
            progress("stage history", done / total)
        }
        for chunk in stride(from: 0, to: org.fieldChanges.count, by: batchSize * 4).map({
            Array(org.fieldChanges[$0..<min($0 + batchSize * 4, org.fieldChanges.count)])
        }) {
            try await store.write { try await $0.append(fieldChanges: chunk) }
            done += Double(chunk.count)
            progress("field history", done / total)
        }
        progress("done", 1)
    }
}
