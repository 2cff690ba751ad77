import CoxswainDomain
import Foundation

/// Storage shapes of lead matching, as record schemas so the generic ``RecordStore`` reads and writes them
/// on every backend. They are internal tables, not API entities (not in ``EntityCatalog``); migration
/// `0003_lead_merges` creates them.
public enum MatchingTables {
    /// One row per merge: the full ``MergeEvent`` as JSON (before-images of every record and link), who merged
    /// and when (`created_at`), and, once undone, who undid it and when.
    public static let merges = EntitySchema(
        name: "lead_merge", plural: "lead-merges", table: "lead_merges",
        fields: [
            FieldSpec("entity", .text(maxLength: 40), doc: "Merged entity (lead, contact)."),
            FieldSpec("survivor_id", .text(maxLength: 64), doc: "Record that survived."),
            FieldSpec("merged_ids", .list(allowed: nil), doc: "Records merged away."),
            FieldSpec("link_count", .integer(min: 0, max: nil), doc: "Records re-parented."),
            FieldSpec("actor", .text(maxLength: 200), doc: "Who merged."),
            FieldSpec("event", .text(maxLength: Int.max), doc: "The merge event as JSON."),
            FieldSpec("undone_at", .timestamp, doc: "When the merge was undone."),
            FieldSpec("undone_by", .text(maxLength: 200), doc: "Who undid it."),
        ])

    /// One row per de-duplication run.
    public static let jobs = EntitySchema(
        name: "dedup_job", plural: "dedup-jobs", table: "dedup_jobs",
        fields: [
            FieldSpec("entity", .text(maxLength: 40), doc: "Entity scanned."),
            FieldSpec("status", .choice(["running", "succeeded", "failed"]), doc: "Job state."),
            FieldSpec("requested_by", .text(maxLength: 200), doc: "Who started it."),
            FieldSpec("finished_at", .timestamp, doc: "When it finished."),
            FieldSpec("record_count", .integer(min: 0, max: nil), doc: "Records scanned."),
            FieldSpec("pairs_compared", .integer(min: 0, max: nil), doc: "Candidate pairs scored."),
            FieldSpec("cluster_count", .integer(min: 0, max: nil), doc: "Candidate clusters found."),
            FieldSpec("threshold", .decimal(min: nil, max: nil), doc: "Match weight threshold used."),
            FieldSpec("error", .text(maxLength: 2000), doc: "Why it failed."),
        ])

    /// One row per candidate cluster of a job.
    public static let candidates = EntitySchema(
        name: "dedup_candidate", plural: "dedup-candidates", table: "dedup_candidates",
        fields: [
            FieldSpec("job_id", .text(maxLength: 64), doc: "Job that found it."),
            FieldSpec("entity", .text(maxLength: 40), doc: "Entity."),
            FieldSpec("score", .decimal(min: 0, max: 1), doc: "Weakest match probability inside the cluster."),
            FieldSpec("size", .integer(min: 2, max: nil), doc: "Records in the cluster."),
            FieldSpec("record_ids", .list(allowed: nil), doc: "Records, most complete first."),
            FieldSpec("explanation", .text(maxLength: Int.max), doc: "Per-pair field contributions as JSON."),
            FieldSpec("status", .choice(["open", "merged", "dismissed"]), doc: "Review state."),
            FieldSpec("merge_id", .text(maxLength: 64), doc: "Merge that resolved it."),
        ])
}

/// Reads every record matching `filters`, page by page (for small result sets: links, candidates of a job).
func allRecords(_ schema: EntitySchema, filters: [ListFilter], in reader: any RecordReading) async throws -> [Record] {
    var out: [Record] = []
    var cursor: String?
    repeat {
        let page = try await reader.list(schema, ListQuery(filters: filters, limit: 1000, cursor: cursor))
        out += page.records
        cursor = page.nextCursor
    } while cursor != nil
    return out
}
