import SQLKit

/// Migration 0003: lead matching — reversible merge events, de-duplication jobs and their candidate clusters.
///
/// `lead_merges.event` holds the whole merge event as JSON (before-images of every record touched and every
/// re-parented link), which is what undo restores from and how merged-away records stay retrievable.
/// Columns follow the conventions of 0001 (decimals as text, timestamps as epoch milliseconds, lists as JSON
/// text). **Never edit once shipped.**
struct M0003LeadMerges: Migration {
    let id = "0003_lead_merges"

    static let system = [
        "id TEXT PRIMARY KEY NOT NULL", "external_id TEXT", "created_at BIGINT NOT NULL", "updated_at BIGINT NOT NULL",
    ]

    static let tables: [(String, [String])] = [
        (
            "lead_merges",
            system + [
                "entity TEXT NOT NULL", "survivor_id TEXT NOT NULL", "merged_ids TEXT NOT NULL", "link_count BIGINT NOT NULL",
                "actor TEXT NOT NULL", "event TEXT NOT NULL", "undone_at BIGINT", "undone_by TEXT",
                "custom_fields TEXT NOT NULL DEFAULT '{}'",
            ]
        ),
        (
            "dedup_jobs",
            system + [
                "entity TEXT NOT NULL", "status TEXT NOT NULL", "requested_by TEXT", "finished_at BIGINT", "record_count BIGINT",
                "pairs_compared BIGINT", "cluster_count BIGINT", "threshold TEXT", "error TEXT",
                "custom_fields TEXT NOT NULL DEFAULT '{}'",
            ]
        ),
        (
            "dedup_candidates",
            system + [
                "job_id TEXT NOT NULL REFERENCES dedup_jobs(id) DEFERRABLE INITIALLY DEFERRED", "entity TEXT NOT NULL",
                "score TEXT NOT NULL", "size BIGINT NOT NULL", "record_ids TEXT NOT NULL", "explanation TEXT NOT NULL",
                "status TEXT NOT NULL", "merge_id TEXT", "custom_fields TEXT NOT NULL DEFAULT '{}'",
            ]
        ),
    ]

    func prepare(on db: any SQLDatabase) async throws {
        for (table, columns) in Self.tables {
            try await db.raw(SQLQueryString("CREATE TABLE \(table) (" + columns.joined(separator: ", ") + ")")).run()
        }
        for statement in [
            "CREATE INDEX ix_lead_merges_survivor ON lead_merges (survivor_id)",
            "CREATE INDEX ix_lead_merges_created ON lead_merges (created_at)",
            "CREATE INDEX ix_dedup_candidates_job ON dedup_candidates (job_id, status)",
        ] {
            try await db.raw(SQLQueryString(statement)).run()
        }
    }
}
