import CoxswainDomain
import Foundation

/// De-duplication jobs over stored leads or contacts: a job row is written, the engine runs in a background
/// task over every stored record, and the candidate clusters (size ≥ 2) are stored with scores and per-pair,
/// per-field explanations for review, merging (``mergeCandidate(_:survivorID:policy:by:)``) or dismissal.
///
/// Example: `let job = try await jobs.start(Lead.schema, by: user)`; poll ``job(_:)`` until `status` is
/// `succeeded`; then ``candidates(jobID:status:limit:cursor:)`` lists clusters, most certain first.
public struct DedupJobService: Sendable {
    public let store: any RecordStore
    public let environment: Environment
    public let merges: LeadMergeService

    public init(store: any RecordStore, environment: Environment, merges: LeadMergeService) {
        self.store = store
        self.environment = environment
        self.merges = merges
    }

    /// Entities a job can scan.
    public static let entities: [EntitySchema] = [Lead.schema, Contact.schema]

    /// Writes a `running` job and starts it in the background; returns the job row at once.
    public func start(_ schema: EntitySchema, threshold: Double = 0, by actor: Principal) async throws -> Record {
        try AccessRules.require(.dedupe, actor, writing: true)
        let now = environment.now()
        var job = Record(schema: MatchingTables.jobs)
        job["id"] = .text(environment.newID(now))
        job["created_at"] = .timestamp(now)
        job["updated_at"] = .timestamp(now)
        job["entity"] = .text(schema.name)
        job["status"] = .text("running")
        job["requested_by"] = .text(actor.id)
        job["threshold"] = .decimal(Decimal(threshold))
        job["custom_fields"] = .object([:])
        let row = job
        try await store.write { try await $0.insert([row]) }
        let service = self
        Task.detached { await service.run(jobID: row.id, schema: schema, threshold: threshold) }
        return row
    }

    /// Runs job `jobID` to completion and stores its outcome (`succeeded` with candidates, or `failed` with the reason).
    func run(jobID: String, schema: EntitySchema, threshold: Double) async {
        do {
            let records = try await store.read { reader in try await allRecords(schema, filters: [], in: reader) }
            let table = MatchingInput.table(records)
            let dedupe = LeadDeduplicator(table: table, configuration: DeduplicationConfiguration(threshold: threshold))
            let result = dedupe.run()
            let now = environment.now()
            let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) })
            var candidates: [Record] = []
            for cluster in result.clusters {
                let members = cluster.filter { !table.ids[$0].hasPrefix(MatchingInput.paddingPrefix) }
                guard members.count >= 2 else { continue }
                candidates.append(
                    candidate(members, table: table, dedupe: dedupe, result: result, byID: byID, jobID: jobID, now: now, entity: schema.name))
            }
            let finished = candidates
            try await store.write { tx in
                guard var job = try await tx.get(MatchingTables.jobs, id: jobID) else { return }
                if !finished.isEmpty { try await tx.insert(finished) }
                job["status"] = .text("succeeded")
                job["finished_at"] = .timestamp(now)
                job["updated_at"] = .timestamp(now)
                job["record_count"] = .integer(Int64(records.count))
                job["pairs_compared"] = .integer(Int64(result.statistics.pairsCompared))
                job["cluster_count"] = .integer(Int64(finished.count))
                try await tx.update(job)
            }
        } catch {
            let now = environment.now()
            let reason = String(describing: error)
            try? await store.write { tx in
                guard var job = try await tx.get(MatchingTables.jobs, id: jobID) else { return }
                job["status"] = .text("failed")
                job["finished_at"] = .timestamp(now)
                job["error"] = .text(String(reason.prefix(2000)))
                try await tx.update(job)
            }
        }
    }

    /// One candidate row: members ordered most complete first (the suggested survivor), the weakest matched
    /// pair's probability as score, and every pair's field-by-field explanation.
    func candidate(
        _ members: [Int], table: MatchRecordTable, dedupe: LeadDeduplicator, result: DeduplicationResult, byID: [String: Record],
        jobID: String, now: Date, entity: String
    ) -> Record {
        func filled(_ i: Int) -> Int { byID[table.ids[i]].map { r in r.values.filter { !$0.isNull }.count } ?? 0 }
        let ordered = members.sorted { filled($0) != filled($1) ? filled($0) > filled($1) : table.ids[$0] < table.ids[$1] }
        var pairs: [JSONValue] = []
        var weakest = 1.0
        for (x, i) in ordered.enumerated() {
            for j in ordered[(x + 1)...] where pairs.count < 45 {
                let e = dedupe.explain(min(i, j), max(i, j), model: result.model)
                weakest = min(weakest, e.probability)
                pairs.append(
                    .object([
                        ("a", .string(table.ids[i])), ("b", .string(table.ids[j])), ("weight", Self.number(e.weight)),
                        ("probability", Self.number(e.probability)),
                        (
                            "fields",
                            .array(
                                e.contributions.map {
                                    .object([
                                        ("field", .string(String(describing: $0.comparison))), ("level", .string($0.levelName)),
                                        ("weight", Self.number($0.weight)),
                                    ])
                                })
                        ),
                    ]))
            }
        }
        var r = Record(schema: MatchingTables.candidates)
        r["id"] = .text(environment.newID(now))
        r["created_at"] = .timestamp(now)
        r["updated_at"] = .timestamp(now)
        r["job_id"] = .text(jobID)
        r["entity"] = .text(entity)
        r["score"] = .decimal(Decimal(string: String(format: "%.4f", weakest)) ?? 0)
        r["size"] = .integer(Int64(ordered.count))
        r["record_ids"] = .list(ordered.map { table.ids[$0] })
        r["explanation"] = .text(JSONValue.array(pairs).serialized())
        r["status"] = .text("open")
        r["custom_fields"] = .object([:])
        return r
    }

    static func number(_ d: Double) -> JSONValue { .number(Decimal(string: String(format: "%.4f", d.isFinite ? d : 0)) ?? 0) }

    /// Job `id`.
    public func job(_ id: String, as principal: Principal) async throws -> Record {
        try AccessRules.require(.dedupe, principal)
        guard let job = try await store.read({ try await $0.get(MatchingTables.jobs, id: id) }) else {
            throw RecordNotFound(entity: "dedup_job", id: id)
        }
        return job
    }

    /// Candidate clusters of a job, highest score first.
    public func candidates(
        jobID: String?, status: String? = "open", limit: Int = 50, cursor: String? = nil, as principal: Principal
    ) async throws -> RecordPage {
        try AccessRules.require(.dedupe, principal)
        var filters: [ListFilter] = []
        if let jobID { filters.append(.eq("job_id", .text(jobID))) }
        if let status { filters.append(.eq("status", .text(status))) }
        let query = ListQuery(filters: filters, sort: "score", descending: true, limit: limit, cursor: cursor)
        return try await store.read { try await $0.list(MatchingTables.candidates, query) }
    }

    /// Candidate `id`.
    public func candidate(_ id: String, as principal: Principal) async throws -> Record {
        try AccessRules.require(.dedupe, principal)
        guard let c = try await store.read({ try await $0.get(MatchingTables.candidates, id: id) }) else {
            throw RecordNotFound(entity: "dedup_candidate", id: id)
        }
        return c
    }

    /// Merges a candidate cluster (survivor: `survivorID` or the suggested first record) and marks it merged.
    public func mergeCandidate(_ id: String, survivorID: String?, policy: SurvivorshipPolicy, by actor: Principal) async throws -> StoredMerge {
        var c = try await candidate(id, as: actor)
        guard c.text("status") == "open" else { throw MergeError.candidateClosed(id: id, status: c.text("status") ?? "") }
        let ids = c["record_ids"].list ?? []
        let survivor = survivorID ?? ids.first ?? ""
        guard ids.contains(survivor) else { throw MergeError.pinOutsideGroup(field: "survivor_id", recordID: survivor) }
        let schema = EntityCatalog.schema(named: c.text("entity") ?? "lead") ?? Lead.schema
        let merge = try await merges.merge(schema, survivorID: survivor, duplicateIDs: ids.filter { $0 != survivor }, policy: policy, by: actor)
        c["status"] = .text("merged")
        c["merge_id"] = .text(merge.id)
        c["updated_at"] = .timestamp(merge.at)
        let row = c
        try await store.write { try await $0.update(row) }
        return merge
    }

    /// Marks a candidate as not duplicates.
    public func dismiss(_ id: String, by actor: Principal) async throws -> Record {
        try AccessRules.require(.dedupe, actor, writing: true)
        var c = try await candidate(id, as: actor)
        c["status"] = .text("dismissed")
        c["updated_at"] = .timestamp(environment.now())
        let row = c
        try await store.write { try await $0.update(row) }
        return row
    }
}
