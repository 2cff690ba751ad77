import CoxswainDomain
import CoxswainTesting
import Foundation
import HTTPTypes
import Testing

@Suite("Unique conflicts")
struct ConflictTests {
    @Test(arguments: TestBackend.available)
    func aCompositeUniqueConflictNamesItsFirstFieldAndAllColumns(backend: TestBackend) async throws {
        try await withTestApp(backend) { client, _, _ in
            let ids = try await seed(client)
            let quota = #"{"rep_id":"\#(ids.rep)","period_start":"2026-02-01","period_end":"2026-04-30","amount":"100000"}"#
            #expect(try await client.send(.post, "/api/v1/quotas", json: quota).0 == .created)
            // When the same rep gets a second quota for the same period
            let (status, problem, _) = try await client.send(.post, "/api/v1/quotas", json: quota)
            // Then the conflict points at rep_id and names every column of the key
            #expect(status == .conflict)
            let error = problem["errors"]?.arrayValue?.first
            #expect(error?["pointer"]?.stringValue == "/rep_id")
            let message = error?["message"]?.stringValue ?? ""
            #expect(message.contains("rep_id, period_start, period_end, metric"), "\(message)")
            #expect(problem["detail"]?.stringValue?.hasPrefix("rep_id: already exists with the same") == true, "\(problem)")
        }
    }
}
