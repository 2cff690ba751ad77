import CoxswainDomain
import Foundation

/// What one batch did.
struct ImportBatchOutcome: Sendable {
    var prepareSeconds = 0.0
    var writeSeconds = 0.0
    var inserted = 0
    var updated = 0
    var unchanged = 0
    var rejected: [ImportReport.RejectedRow] = []
}

/// Per-import state carried across batches (external ids already seen, for in-file duplicate detection).
struct ImportBatchState: Sendable {
    let schema: EntitySchema
    let mapping: HeaderMapping
    let header: [String]
    let context: ValidationContext
    let options: ImportOptions
    let actor: Principal
    let jobID: String
    var seenExternalIDs: [String: Int] = [:]

    init(
        schema: EntitySchema, mapping: HeaderMapping, header: [String], context: ValidationContext, options: ImportOptions,
        actor: Principal, jobID: String
    ) {
        self.schema = schema
        self.mapping = mapping
        self.header = header
        self.context = context
        self.options = options
        self.actor = actor
        self.jobID = jobID
    }

    /// Validates, resolves and writes one batch (all accepted rows in one transaction).
    mutating func process(_ rows: [ImportRow], service: RecordService) async throws -> ImportBatchOutcome {
        try await Self.write(try await prepare(rows, service: service), service: service)
    }

    /// Everything up to the write: duplicate detection, validation, references, unique fields.
    mutating func prepare(_ rows: [ImportRow], service: RecordService) async throws -> PreparedImportBatch {
        let clock = ContinuousClock.now
        var outcome = ImportBatchOutcome()
        let schema = self.schema
        let mapping = self.mapping
        let externalIndex = schema.index(of: "external_id")!
        let externalColumn = mapping.fieldColumns[externalIndex]
        let idColumn = mapping.idColumn
        /// An `id` column holds Coxswain ids (UUIDs) after a Coxswain export, but a CRM's own ids in a Salesforce or
        /// HubSpot export ("Id", "Record ID"); the latter are treated as external ids.
        @Sendable func keys(_ row: ImportRow) -> (id: String?, external: String?) {
            var id: String?
            var external = externalColumn.map { trimmed(row.cells[$0]) }.flatMap { $0.isEmpty ? nil : $0 }
            if let c = idColumn {
                let v = trimmed(row.cells[c])
                if !v.isEmpty {
                    if Self.isUUID(v) { id = v } else if external == nil { external = v }
                }
            }
            return (id, external)
        }

        // 1. Rows repeating an external id seen earlier in the file are rejected; which rows update existing records?
        var wantedExternal: [String] = []
        var wantedIDs: [String] = []
        var kept: [(row: ImportRow, id: String?, external: String?)] = []
        kept.reserveCapacity(rows.count)
        for row in rows {
            let k = keys(row)
            if let ext = k.external {
                if let line = seenExternalIDs[ext] {
                    outcome.rejected.append(
                        .init(
                            line: row.line,
                            issues: [
                                FieldIssue(
                                    code: "duplicate", field: "external_id", message: "'\(ext)' already appears on line \(line)")
                            ], cells: row.cells))
                    continue
                }
                seenExternalIDs[ext] = row.line
                wantedExternal.append(ext)
            }
            if let id = k.id { wantedIDs.append(id) }
            kept.append((row, k.id, k.external))
        }
        let externalKeys = wantedExternal
        let idKeys = wantedIDs
        let (existing, externalOwners): ([String: Record], [String: String]) = try await service.store.read { reader in
            var ids = Set(idKeys)
            var byExternal: [String: String] = [:]
            if !externalKeys.isEmpty {
                byExternal = try await reader.lookup(schema, field: "external_id", values: externalKeys)
                ids.formUnion(byExternal.values)
            }
            var found: [String: Record] = [:]
            for chunk in Array(ids).chunks(of: 500) {
                let page = try await reader.list(schema, ListQuery(filters: [ListFilter("id", .in, chunk.map(FieldValue.text))], limit: chunk.count))
                for r in page.records { found[r.id] = r }
            }
            for (ext, id) in byExternal { found["external:" + ext] = found[id] }
            return (found, byExternal)
        }

        // 2. Validate every row (on all cores).
        struct Candidate: Sendable {
            var row: ImportRow
            var result: Result<Record, ValidationFailure>
            var existing: Record?
        }
        let context = self.context
        let candidates: [Candidate] = kept.parallelMap { item in
            let row = item.row
            var cells = [String?](repeating: nil, count: schema.fields.count)
            for (i, column) in mapping.fieldColumns.enumerated() {
                if let column, !row.cells[column].isEmpty { cells[i] = row.cells[column] }
            }
            let k = (id: item.id, external: item.external)
            if let ext = k.external { cells[externalIndex] = ext }
            let custom = mapping.customColumns.compactMap { key, column in row.cells[column].isEmpty ? nil : (key, row.cells[column]) }
            var current: Record?
            if let id = k.id {
                current = existing[id]
                if current == nil {
                    let issue = FieldIssue(code: "unknown_reference", field: "id", message: "no \(schema.name) with id '\(id)'")
                    return Candidate(row: row, result: .failure(ValidationFailure(entity: schema.name, issues: [issue])), existing: nil)
                }
            } else if let ext = k.external {
                current = existing["external:" + ext]
            }
            let mode: ValidationMode = current.map { .update(existing: $0) } ?? .create
            return Candidate(row: row, result: schema.validate(.cells(cells, custom: custom), mode: mode, context: context), existing: current)
        }

        // 3. Collect valid records; reject invalid ones.
        var accepted: [(row: ImportRow, record: Record, existing: Record?)] = []
        accepted.reserveCapacity(kept.count)
        for candidate in candidates {
            switch candidate.result {
            case .failure(let failure):
                outcome.rejected.append(.init(line: candidate.row.line, issues: failure.issues, cells: candidate.row.cells))
            case .success(var record):
                if candidate.existing == nil {
                    record["id"] = .text(service.environment.newID(record.timestamp("created_at") ?? context.now))
                }
                record["updated_at"] = .timestamp(context.now)
                accepted.append((candidate.row, record, candidate.existing))
            }
        }

        // 4. References and unique fields, checked against the database and the batch itself.
        let unresolved = accepted.map(\.record)
        let (referenceIssues, uniqueIssues, batchRecords) = try await service.store.read { reader in
            var resolved = unresolved
            let refs = try await ReferenceResolver.resolve(&resolved, reader: reader)
            // Every external id of the batch was looked up in step 1: reuse those owners instead of asking again.
            let uniques = try await UniqueFieldChecker.check(resolved, reader: reader, known: ["external_id": externalOwners])
            return (refs, uniques, resolved)
        }
        var inserts: [Record] = []
        var updates: [(Record, Record)] = []
        let hidden = RecordService.hiddenKeys(schema, context.customFields, actor)
        var insertRows: [ImportRow] = []
        var updateRows: [ImportRow] = []
        for (i, item) in accepted.enumerated() {
            let access = RecordService.importAccessIssues(existing: item.existing, record: batchRecords[i], hidden: hidden, actor)
            let problems = (referenceIssues[i] ?? []) + (uniqueIssues[i] ?? []) + access
            if !problems.isEmpty {
                outcome.rejected.append(.init(line: item.row.line, issues: problems, cells: item.row.cells))
                continue
            }
            if let old = item.existing {
                if batchRecords[i].changedFields(comparedTo: old).isEmpty {
                    outcome.unchanged += 1
                } else {
                    updates.append((old, batchRecords[i]))
                    updateRows.append(item.row)
                }
            } else {
                inserts.append(batchRecords[i])
                insertRows.append(item.row)
            }
        }
        outcome.prepareSeconds = Self.seconds(since: clock)
        return PreparedImportBatch(
            outcome: outcome, inserts: inserts, updates: updates, insertRows: insertRows, updateRows: updateRows, schema: schema,
            actor: actor, jobID: jobID, now: context.now, dryRun: options.dryRun)
    }

    /// Writes a prepared batch in one transaction; if the database refuses it, every row of the batch is
    /// reported as rejected with the reason (nothing of it is written).
    static func write(_ batch: PreparedImportBatch, service: RecordService) async throws -> ImportBatchOutcome {
        let clock = ContinuousClock.now
        var outcome = batch.outcome
        defer { _ = clock }
        let inserts = batch.inserts
        let updates = batch.updates
        if batch.dryRun {
            outcome.inserted = inserts.count
            outcome.updated = updates.count
            return outcome
        }
        let (schema, actor, jobID, now) = (batch.schema, batch.actor, batch.jobID, batch.now)
        // One compact audit row per new record: who imported it, which import job and which line of the file.
        let insertAudit: [AuditEntry] = zip(inserts, batch.insertRows).map { r, row in
            AuditEntry(
                at: now, actor: actor.id, action: "import", entity: schema.name, recordID: r.id, before: nil,
                after: "{\"import\":\"\(jobID)\",\"line\":\(row.line)}")
        }
        let stageChanges: [OpportunityStageChange] =
            schema === Opportunity.schema
            ? inserts.map { r in
                let opp = Opportunity(record: r)
                return OpportunityStageChange(opp, from: nil, at: opp.meta.createdAt, by: actor.id)
            } : []
        do {
            if updates.isEmpty {
                // Only new records: the store's bulk path (same transaction and error guarantees, fewer round trips).
                try await service.store.insertBulk(
                    BulkInsert(schema: schema, records: inserts, audit: insertAudit, stageChanges: stageChanges))
                outcome.inserted = inserts.count
                outcome.writeSeconds = Self.seconds(since: clock)
                return outcome
            }
            let settings = try await service.store.read { try await OrgSettings.load(from: $0) }
            let finalUpdates = updates
            let finalInserts = inserts
            try await service.store.write { tx in
                try await tx.insert(finalInserts)
                var audit = insertAudit
                if !stageChanges.isEmpty { try await tx.append(stageChanges: stageChanges) }
                for (old, new) in finalUpdates {
                    var record = new
                    try await RecordService.recordHistory(
                        old: old, new: &record, changed: record.changedFields(comparedTo: old),
                        calendar: settings.fiscalCalendar, at: now, by: actor, in: tx)
                    try await tx.update(record)
                    audit.append(
                        AuditEntry(
                            at: now, actor: actor.id, action: "update", entity: schema.name, recordID: record.id,
                            before: old.json.serialized(), after: record.json.serialized()))
                }
                try await tx.append(audit: audit)
            }
            outcome.inserted = inserts.count
            outcome.updated = updates.count
            outcome.writeSeconds = Self.seconds(since: clock)
        } catch {
            // Nothing of this batch was written: report every row with the reason.
            let reason = FieldIssue(code: "batch_failed", field: "", message: "the batch was rolled back: \(error)")
            for row in batch.insertRows + batch.updateRows {
                outcome.rejected.append(.init(line: row.line, issues: [reason], cells: row.cells))
            }
        }
        return outcome
    }
}

extension ImportBatchState {
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// `0190f0c2-7b1e-7000-8000-000000000001`-shaped (8-4-4-4-12 hex digits).
    static func isUUID(_ s: String) -> Bool {
        guard s.utf8.count == 36 else { return false }
        for (i, c) in s.utf8.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if c != UInt8(ascii: "-") { return false }
            } else {
                let hex = (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70)
                if !hex { return false }
            }
        }
        return true
    }
}

/// A validated batch waiting to be written.
struct PreparedImportBatch: Sendable {
    var outcome: ImportBatchOutcome
    var inserts: [Record]
    var updates: [(Record, Record)]
    /// The input row of each insert and each update, in the same order (for audit lines and failure reports).
    var insertRows: [ImportRow]
    var updateRows: [ImportRow]
    var schema: EntitySchema
    var actor: Principal
    var jobID: String
    var now: Date
    var dryRun: Bool
}

@inline(__always) func trimmed(_ s: String) -> String { FastText.trimmed(s) }

extension Array {
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
