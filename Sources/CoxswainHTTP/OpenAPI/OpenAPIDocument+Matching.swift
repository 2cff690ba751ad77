import CoxswainDomain
import Foundation

extension OpenAPIDocument {
    /// Operations of lead matching: jobs, candidates, merges, undo, duplicate mode and the review page.
    static func matchingOperations() -> [(String, String, JSONValue)] {
        let free: JSONValue = .object([("type", .string("object"))])
        let id: JSONValue = .object([
            ("name", .string("id")), ("in", .string("path")), ("required", .bool(true)), ("schema", .object([("type", .string("string"))])),
        ])
        let mergeBody: JSONValue = .object([
            ("type", .string("object")),
            (
                "properties",
                .object([
                    ("entity", .object([("type", .string("string")), ("enum", .array([.string("leads"), .string("contacts")]))])),
                    ("survivor_id", .object([("type", .string("string"))])),
                    ("duplicate_ids", .object([("type", .string("array")), ("items", .object([("type", .string("string"))]))])),
                    (
                        "default_rule",
                        .object([
                            ("type", .string("string")),
                            (
                                "description",
                                .string("survivor_first | most_recent | most_complete | longest | source_priority:a,b | pin:<record id>")
                            ),
                        ])
                    ),
                    ("fields", .object([("type", .string("object")), ("additionalProperties", .object([("type", .string("string"))]))])),
                ])
            ),
        ])
        let html: JSONValue = .object([
            ("description", .string("HTML page")),
            ("content", .object([("text/html", .object([("schema", .object([("type", .string("string"))]))]))])),
        ])
        let redirect: JSONValue = .object([("description", .string("See Other: back to the review page"))])
        let tag = "lead-matching"
        return [
            (
                "/api/v1/dedup-jobs", "post",
                operation(
                    "startDedupJob", "Start a de-duplication job over stored leads or contacts (runs in the background)", tag: tag,
                    body: free, responses: [("202", response("The running job", free))] + problems(["400", "422"]))
            ),
            (
                "/api/v1/dedup-jobs/{id}", "get",
                operation(
                    "getDedupJob", "Status of a de-duplication job", tag: tag, parameters: [id],
                    responses: [("200", response("Job", free))] + problems(["404"]))
            ),
            (
                "/api/v1/dedup-candidates", "get",
                operation(
                    "listDedupCandidates", "Candidate clusters with scores, per-field explanations and records side by side", tag: tag,
                    parameters: ["job_id", "status", "limit", "cursor"].map { queryParam($0, "string") },
                    responses: [("200", response("A page of candidates", free))] + problems(["400"]))
            ),
            (
                "/api/v1/dedup-candidates/{id}", "get",
                operation(
                    "getDedupCandidate", "One candidate cluster", tag: tag, parameters: [id],
                    responses: [("200", response("Candidate", free))] + problems(["404"]))
            ),
            (
                "/api/v1/dedup-candidates/{id}/merge", "post",
                operation(
                    "mergeDedupCandidate", "Merge a candidate cluster with field picks", tag: tag, parameters: [id], body: mergeBody,
                    responses: [("201", response("The merge", free))] + problems(["404", "409", "422"]))
            ),
            (
                "/api/v1/dedup-candidates/{id}/dismiss", "post",
                operation(
                    "dismissDedupCandidate", "Mark a candidate as not duplicates", tag: tag, parameters: [id],
                    responses: [("200", response("Candidate", free))] + problems(["404"]))
            ),
            (
                "/api/v1/lead-merges", "get",
                operation(
                    "listLeadMerges", "Merges, newest first; record_id finds the merge that absorbed a record", tag: tag,
                    parameters: ["record_id", "limit", "cursor"].map { queryParam($0, "string") },
                    responses: [("200", response("Merges", free))] + problems(["400"]))
            ),
            (
                "/api/v1/lead-merges", "post",
                operation(
                    "mergeLeads", "Merge any number of duplicates into a survivor (one transaction, reversible)", tag: tag, body: mergeBody,
                    responses: [("201", response("The merge with provenance of every value", free))] + problems(["404", "409", "422"]))
            ),
            (
                "/api/v1/lead-merges/{id}", "get",
                operation(
                    "getLeadMerge", "A merge: survivor, merged-away records, provenance, re-parented links", tag: tag, parameters: [id],
                    responses: [("200", response("Merge", free))] + problems(["404"]))
            ),
            (
                "/api/v1/lead-merges/{id}/undo", "post",
                operation(
                    "undoLeadMerge", "Undo a merge (409 when the survivor changed since, or already undone)", tag: tag, parameters: [id],
                    responses: [("200", response("The undone merge", free))] + problems(["404", "409"]))
            ),
            (
                "/api/v1/settings/lead-matching", "get",
                operation(
                    "getLeadMatchingSettings", "Duplicate mode for new leads: warn, block or auto_merge", tag: tag,
                    responses: [("200", response("Settings", free))])
            ),
            (
                "/api/v1/settings/lead-matching", "patch",
                operation(
                    "updateLeadMatchingSettings", "Change the duplicate mode", tag: tag, body: free,
                    responses: [("200", response("Settings", free))] + problems(["400", "422"]))
            ),
            ("/review", "get", operation("reviewQueue", "Duplicate review queue (HTML)", tag: "dashboard", responses: [("200", html)])),
            (
                "/review/jobs", "post",
                operation("reviewStartJob", "Start a de-duplication job (form)", tag: "dashboard", responses: [("303", redirect)])
            ),
            (
                "/review/candidates/{id}/merge", "post",
                operation(
                    "reviewMerge", "Merge a candidate with field picks (form)", tag: "dashboard", parameters: [id], responses: [("303", redirect)])
            ),
            (
                "/review/candidates/{id}/dismiss", "post",
                operation("reviewDismiss", "Dismiss a candidate (form)", tag: "dashboard", parameters: [id], responses: [("303", redirect)])
            ),
            (
                "/review/merges/{id}/undo", "post",
                operation("reviewUndo", "Undo a merge (form)", tag: "dashboard", parameters: [id], responses: [("303", redirect)])
            ),
        ]
    }
}
