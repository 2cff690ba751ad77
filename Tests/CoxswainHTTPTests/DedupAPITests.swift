import CoxswainDomain
import CoxswainServices
import CoxswainTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Lead matching API: duplicate check, jobs, merge, undo, review page")
struct DedupAPITests {
    static let bob = #"{"first_name":"Robert","last_name":"Smith","email":"bob.smith@acme.com","phone":"+1 415 555 0100","company":"Acme Inc"}"#
    static let bobAgain = #"{"first_name":"Bob","last_name":"Smith","email":"bob.smith@acme.com","phone":"(415) 555-0100","company":"Acme"}"#
    static let grace = #"{"first_name":"Grace","last_name":"Hopper","email":"grace@navy.test","company":"Navy"}"#

    @Test(arguments: TestBackend.available)
    func createWarnsBlocksOrAutoMergesByTheConfiguredMode(backend: TestBackend) async throws {
        try await withTestApp(backend) { client, _, _ in
            // Given an existing lead
            let (_, first, _) = try await client.send(.post, "/api/v1/leads", json: Self.bob)
            let existing = try #require(first["id"]?.stringValue)
            #expect(first["warnings"] == nil)
            // When a near-copy is created in the default (warn) mode, then it is created with a warning and header
            let (status, warned, headers) = try await client.send(.post, "/api/v1/leads", json: Self.bobAgain)
            #expect(status == .created)
            #expect(warned["warnings"]?.arrayValue?.first?["existing_id"]?.stringValue == existing)
            #expect(headers[HTTPField.Name("Coxswain-Duplicate-Of")!]?.contains(existing) == true)
            let copy = try #require(warned["id"]?.stringValue)
            // When the mode is block, then a copy is refused with 409 naming the existing lead
            let (setStatus, _, _) = try await client.send(.patch, "/api/v1/settings/lead-matching", json: #"{"mode":"block"}"#)
            #expect(setStatus == .ok)
            let (blocked, problem, blockedHeaders) = try await client.send(.post, "/api/v1/leads", json: Self.bobAgain)
            #expect(blocked == .conflict && problem["code"]?.stringValue == "duplicate_lead")
            let detail = problem["detail"]?.stringValue ?? ""
            #expect(detail.contains(existing) || detail.contains(copy))
            #expect(blockedHeaders[.contentType] == "application/problem+json")
            // And a different person is still created
            #expect(try await client.send(.post, "/api/v1/leads", json: Self.grace).0 == .created)
            // When the mode is auto_merge, then a copy is merged into the existing lead
            _ = try await client.send(.patch, "/api/v1/settings/lead-matching", json: #"{"mode":"auto_merge"}"#)
            let (_, merged, _) = try await client.send(
                .post, "/api/v1/leads", json: #"{"first_name":"Bob","last_name":"Smith","email":"bob.smith@acme.com","title":"CTO"}"#)
            #expect([existing, copy].contains(merged["id"]?.stringValue ?? "") && merged["title"]?.stringValue == "CTO")
            let (_, list, _) = try await client.send(.get, "/api/v1/leads?limit=100")
            #expect(list["data"]?.arrayValue?.count == 3)
            // And bad settings are a precise 422
            #expect(try await client.send(.patch, "/api/v1/settings/lead-matching", json: #"{"mode":"sometimes"}"#).0 == .unprocessableContent)
        }
    }

    @Test(arguments: TestBackend.available)
    func jobFindsClusterWhichMergesWithPicksAndUndoes(backend: TestBackend) async throws {
        try await withTestApp(backend) { client, _, _ in
            // Given two copies of one person and someone else
            let a = try #require(try await client.send(.post, "/api/v1/leads", json: Self.bob).1["id"]?.stringValue)
            let b = try #require(try await client.send(.post, "/api/v1/leads", json: Self.bobAgain).1["id"]?.stringValue)
            _ = try await client.send(.post, "/api/v1/leads", json: Self.grace)
            // When a de-duplication job runs to completion
            let (accepted, job, _) = try await client.send(.post, "/api/v1/dedup-jobs", json: #"{"entity":"leads"}"#)
            #expect(accepted == .accepted)
            let jobID = try #require(job["id"]?.stringValue)
            var state = job
            for _ in 0..<600 where state["status"]?.stringValue == "running" {
                try await Task.sleep(for: .milliseconds(100))
                state = try await client.send(.get, "/api/v1/dedup-jobs/\(jobID)").1
            }
            #expect(state["status"]?.stringValue == "succeeded")
            // Then one candidate holds the two copies, with a score and per-field explanations
            let (_, page, _) = try await client.send(.get, "/api/v1/dedup-candidates?job_id=\(jobID)")
            let candidates = try #require(page["data"]?.arrayValue)
            #expect(candidates.count == 1)
            let candidate = try #require(candidates.first)
            #expect(Set(candidate["record_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []) == [a, b])
            #expect(candidate["pairs"]?.arrayValue?.first?["fields"]?.arrayValue?.isEmpty == false)
            let candidateID = try #require(candidate["id"]?.stringValue)
            // When it is merged into a with b's first name picked
            let (created, merge, _) = try await client.send(
                .post, "/api/v1/dedup-candidates/\(candidateID)/merge", json: #"{"survivor_id":"\#(a)","fields":{"first_name":"pin:\#(b)"}}"#)
            #expect(created == .created)
            let mergeID = try #require(merge["id"]?.stringValue)
            #expect(merge["survivor"]?["first_name"]?.stringValue == "Bob")
            #expect(try await client.send(.get, "/api/v1/leads/\(b)").0 == .notFound)
            // And merging the merged-away lead again, or the candidate again, is a 409 with a reason
            let (again, againProblem, _) = try await client.send(
                .post, "/api/v1/lead-merges", json: #"{"survivor_id":"\#(a)","duplicate_ids":["\#(b)"]}"#)
            #expect(again == .conflict && againProblem["code"]?.stringValue == "already_merged")
            #expect(try await client.send(.post, "/api/v1/dedup-candidates/\(candidateID)/merge", json: "{}").0 == .conflict)
            // When undone, then b is back exactly and a second undo is refused
            let (undone, _, _) = try await client.send(.post, "/api/v1/lead-merges/\(mergeID)/undo")
            #expect(undone == .ok)
            let (_, restored, _) = try await client.send(.get, "/api/v1/leads/\(b)")
            #expect(restored["phone"]?.stringValue == "(415) 555-0100")
            let (twice, twiceProblem, _) = try await client.send(.post, "/api/v1/lead-merges/\(mergeID)/undo")
            #expect(twice == .conflict && twiceProblem["code"]?.stringValue == "already_undone")
            // And bad merge bodies are precise 422s
            let (bad, badProblem, _) = try await client.send(
                .post, "/api/v1/lead-merges", json: #"{"survivor_id":"\#(a)","duplicate_ids":["\#(b)"],"fields":{"email":"whatever"}}"#)
            #expect(bad == .unprocessableContent && badProblem["errors"]?.arrayValue?.first?["pointer"]?.stringValue == "/fields/email")
        }
    }

    @Test func reviewPageShowsCandidatesWithFormsAndUndoRedirects() async throws {
        try await withTestApp(.sqlite) { client, services, _ in
            // Given a finished job with one candidate and a merge
            _ = try await client.send(.post, "/api/v1/leads", json: Self.bob)
            _ = try await client.send(.post, "/api/v1/leads", json: Self.bobAgain)
            let job = try await services.leadMatching.jobs.start(Lead.schema, by: .system("test"))
            var waited = 0
            while try await services.leadMatching.jobs.job(job.id, as: .cli()).text("status") == "running", waited < 3000 {
                try await Task.sleep(for: .milliseconds(100))
                waited += 1
            }
            // When the review page is rendered
            let html = try await client.execute(uri: "/review", method: .get) { String(buffer: $0.body) }
            // Then it shows the candidate with survivor and field picks, and forms carry a csrf_token field
            #expect(html.contains("data-candidate=") && html.contains("name=\"survivor_id\"") && html.contains("name=\"pick.first_name\""))
            #expect(html.contains("name=\"csrf_token\"") && html.contains("href=\"/review\""))
            // When the form merges it, then the page redirects back and lists the merge with an undo button
            let candidate = try #require(try await services.leadMatching.jobs.candidates(jobID: job.id, as: .cli()).records.first)
            let status = try await client.execute(
                uri: "/review/candidates/\(candidate.id)/merge", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf_token=&survivor_id=\(candidate["record_ids"].list?.first ?? "")")
            ) { ($0.status, $0.headers[.location] ?? "") }
            #expect(status.0 == .seeOther)
            #expect(status.1.hasPrefix("/review?notice=Merged"), "\(status.1)")
            let after = try await client.execute(uri: "/review", method: .get) { String(buffer: $0.body) }
            #expect(after.contains("data-merge=") && after.contains("/undo"))
        }
    }
}
