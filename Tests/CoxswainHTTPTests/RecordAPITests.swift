import CoxswainDomain
import CoxswainHTTP
import CoxswainTesting
import Foundation
import HTTPTypes
import Testing

@Suite("Record API")
struct RecordAPITests {
    @Test(arguments: TestBackend.available)
    func opportunityLifecycleRecordsStageHistoryAndAudit(backend: TestBackend) async throws {
        try await withTestApp(backend) { client, _, _ in
            let ids = try await seed(client)
            // Given an opportunity created at Discovery
            let (status, opp, headers) = try await client.send(
                .post, "/api/v1/opportunities",
                json: """
                    {"account_id":"\(ids.account)","owner_id":"\(ids.rep)","name":"Acme renewal","amount":"12500.50","stage":"discovery","close_date":"2026-06-30"}
                    """)
            #expect(status == .created)
            #expect(opp["probability"]?.numberValue == 40)
            #expect(opp["forecast_category"]?.stringValue == "pipeline")
            #expect(opp["stage"]?.stringValue == "Discovery")
            let id = try #require(opp["id"]?.stringValue)
            #expect(headers[.location] == "/api/v1/opportunities/\(id)")
            // When it moves to Negotiation and its close date slips a quarter
            let (s2, moved, _) = try await client.send(
                .patch, "/api/v1/opportunities/\(id)", json: #"{"stage":"Negotiation","close_date":"2026-09-30"}"#)
            #expect(s2 == .ok)
            // Then probability/category follow the stage, the push is counted, and history is kept
            #expect(moved["probability"]?.numberValue == 80)
            #expect(moved["forecast_category"]?.stringValue == "commit")
            #expect(moved["push_count"]?.numberValue == 1)
            let (_, history, _) = try await client.send(.get, "/api/v1/opportunities/\(id)/history")
            #expect(history["stages"]?.arrayValue?.count == 2)
            let fields = history["fields"]?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? []
            #expect(fields.contains("close_date") && fields.contains("stage"))
            let (_, audit, _) = try await client.send(.get, "/api/v1/audit?entity=opportunity&record_id=\(id)")
            #expect(audit["data"]?.arrayValue?.map { $0["action"]?.stringValue } == ["update", "create"])
        }
    }

    @Test(arguments: TestBackend.available)
    func badInputIsAProblemNamingEveryField(backend: TestBackend) async throws {
        try await withTestApp(backend) { client, _, _ in
            let ids = try await seed(client)
            let (status, problem, headers) = try await client.send(
                .post, "/api/v1/opportunities",
                json: """
                    {"account_id":"\(ids.account)","owner_id":"nobody@x.test","name":"X","amount":-5,"currency":"XYZ","stage":"Won-ish","close_date":"2026-02-30","colour":"red"}
                    """)
            #expect(status == .unprocessableContent)
            #expect(headers[.contentType] == "application/problem+json")
            #expect(problem["code"]?.stringValue == "validation_failed")
            let pointers = Set(problem["errors"]?.arrayValue?.compactMap { $0["pointer"]?.stringValue } ?? [])
            #expect(pointers.isSuperset(of: ["/currency", "/close_date", "/colour"]))
            // Negative amounts are caught even with a valid currency
            let (_, p2, _) = try await client.send(
                .post, "/api/v1/opportunities",
                json: """
                    {"account_id":"\(ids.account)","owner_id":"\(ids.rep)","name":"X","amount":-5,"stage":"Proposal","close_date":"2026-02-27"}
                    """)
            #expect(p2["errors"]?.arrayValue?.first?["pointer"]?.stringValue == "/amount")
            // Unknown owner is a reference problem
            let (_, p3, _) = try await client.send(
                .post, "/api/v1/opportunities",
                json: """
                    {"account_id":"\(ids.account)","owner_id":"ghost@x.test","name":"X","amount":5,"stage":"Proposal","close_date":"2026-02-27"}
                    """)
            #expect(p3["errors"]?.arrayValue?.first?["code"]?.stringValue == "unknown_reference")
        }
    }

    @Test(arguments: TestBackend.available)
    func malformedAndOversizedBodiesAreClientErrors(backend: TestBackend) async throws {
        try await withTestApp(backend, maxBodyBytes: 1024) { client, _, _ in
            let (s1, p1, _) = try await client.send(.post, "/api/v1/leads", json: #"{"last_name": "Ng",,}"#)
            #expect(s1 == .badRequest)
            #expect(p1["code"]?.stringValue == "malformed_json")
            let (s2, _, _) = try await client.send(.post, "/api/v1/leads", json: "[1,2]")
            #expect(s2 == .badRequest)
            let big = "{\"last_name\":\"" + String(repeating: "x", count: 5000) + "\"}"
            let (s3, p3, _) = try await client.send(.post, "/api/v1/leads", json: big)
            #expect(s3 == .contentTooLarge)
            #expect(p3["code"]?.stringValue == "body_too_large")
            let (s4, _, _) = try await client.send(.get, "/api/v1/leads/does-not-exist")
            #expect(s4 == .notFound)
            let (s5, p5, _) = try await client.send(.get, "/api/v1/leads?amount[gte]=1")
            #expect(s5 == .badRequest)
            #expect(p5["code"]?.stringValue == "invalid_query")
            let (s6, _, _) = try await client.send(.get, "/api/v1/leads?limit=0")
            #expect(s6 == .badRequest)
        }
    }

    @Test(arguments: TestBackend.available)
    func idempotencyKeyReplaysTheFirstResponse(backend: TestBackend) async throws {
        try await withTestApp(backend) { client, _, _ in
            var h = HTTPFields()
            h[HTTPField.Name("Idempotency-Key")!] = "form-123"
            let body = #"{"first_name":"Ada","last_name":"Byron","email":"ada@example.com"}"#
            let (s1, first, _) = try await client.send(.post, "/api/v1/leads", json: body, headers: h)
            let (s2, second, h2) = try await client.send(.post, "/api/v1/leads", json: body, headers: h)
            #expect(s1 == .created && s2 == .created)
            #expect(first["id"] == second["id"])
            #expect(h2[HTTPField.Name("Idempotent-Replayed")!] == "true")
            let (_, list, _) = try await client.send(.get, "/api/v1/leads")
            #expect(list["data"]?.arrayValue?.count == 1)
            let (s3, p3, _) = try await client.send(.post, "/api/v1/leads", json: #"{"last_name":"Other"}"#, headers: h)
            #expect(s3 == .unprocessableContent)
            #expect(p3["code"]?.stringValue == "idempotency_key_reused")
        }
    }

    @Test(arguments: TestBackend.available)
    func listsFilterSortAndPage(backend: TestBackend) async throws {
        try await withTestApp(backend) { client, _, _ in
            for i in 0..<7 {
                let company = i % 2 == 0 ? "Acme" : "Globex"
                let (s, p, _) = try await client.send(
                    .post, "/api/v1/leads", json: #"{"last_name":"L\#(i)","company":"\#(company)","employees":\#(i * 10)}"#)
                #expect(s == .created, "\(p)")
            }
            let (_, acme, _) = try await client.send(.get, "/api/v1/leads?company=Acme&sort=-employees")
            let employees = acme["data"]?.arrayValue?.compactMap { $0["employees"]?.numberValue } ?? []
            #expect(employees == [60, 40, 20, 0])
            var seen = 0
            var cursor: String?
            repeat {
                let (_, page, _) = try await client.send(.get, "/api/v1/leads?limit=3" + (cursor.map { "&cursor=\($0)" } ?? ""))
                seen += page["data"]?.arrayValue?.count ?? 0
                cursor = page["next_cursor"]?.stringValue
            } while cursor != nil
            #expect(seen == 7)
            let (_, csv, headers) = try await client.send(.get, "/api/v1/leads?format=csv&employees[gte]=30")
            #expect(headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.stringValue?.split(separator: "\n").count == 5)  // header + 40, 50, 60, 30
        }
    }

    @Test(arguments: TestBackend.available)
    func customFieldsAreValidatedOnEveryWrite(backend: TestBackend) async throws {
        try await withTestApp(backend) { client, _, _ in
            let (s0, _, _) = try await client.send(
                .post, "/api/v1/custom-fields",
                json:
                    #"{"entity":"lead","key":"use_case","label":"Use case","type":"picklist","allowed_values":["Billing","Payroll"],"required":true}"#
            )
            #expect(s0 == .created)
            let (s1, p1, _) = try await client.send(.post, "/api/v1/leads", json: #"{"last_name":"Ng"}"#)
            #expect(s1 == .unprocessableContent)
            #expect(p1["errors"]?.arrayValue?.first?["pointer"]?.stringValue == "/custom_fields/use_case")
            let (s2, p2, _) = try await client.send(.post, "/api/v1/leads", json: #"{"last_name":"Ng","custom_fields":{"use_case":"Sales"}}"#)
            #expect(s2 == .unprocessableContent)
            #expect(p2["errors"]?.arrayValue?.first?["code"]?.stringValue == "unknown_value")
            let (s3, lead, _) = try await client.send(.post, "/api/v1/leads", json: #"{"last_name":"Ng","custom_fields":{"use_case":"payroll"}}"#)
            #expect(s3 == .created)
            #expect(lead["custom_fields"]?["use_case"]?.stringValue == "Payroll")
        }
    }
}

@Suite("Record API conflicts")
struct RecordAPIConflictTests {
    @Test(arguments: TestBackend.available)
    func deletingAReferencedRecordOrReusingAUniqueValueIsAConflict(backend: TestBackend) async throws {
        try await withTestApp(backend) { client, _, _ in
            let ids = try await seed(client)
            // Given a rep who owns an account
            let (status, problem, _) = try await client.send(.delete, "/api/v1/reps/\(ids.rep)")
            // Then deleting the rep is refused with 409 and the rep is still there
            #expect(status == .conflict)
            #expect(problem["code"]?.stringValue == "reference_violation")
            let (still, _, _) = try await client.send(.get, "/api/v1/reps/\(ids.rep)")
            #expect(still == .ok)
            // And a second rep with the same e-mail is a conflict naming the field
            let (s2, p2, _) = try await client.send(
                .post, "/api/v1/reps", json: #"{"first_name":"D","last_name":"R","email":"dana@northwind.test","role":"ae"}"#)
            #expect(s2 == .conflict)
            #expect(p2["errors"]?.arrayValue?.first?["pointer"]?.stringValue == "/email")
            // And patching or deleting an unknown id is 404
            let (s3, _, _) = try await client.send(.patch, "/api/v1/leads/nope", json: #"{"last_name":"X"}"#)
            let (s4, _, _) = try await client.send(.delete, "/api/v1/leads/nope")
            #expect(s3 == .notFound && s4 == .notFound)
        }
    }
}
