import CoxswainDomain
import CoxswainHTTP
import CoxswainServices
import CoxswainTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// The small demo org (generated once per test process), as of the fixed test clock's day (2026-01-01).
enum SmallDemo {
    static let settings = OrgSettings(
        name: "Northwind (test)", defaultCurrency: .usd, fiscalCalendar: FiscalCalendar(startMonth: 2, timeZoneIdentifier: "UTC"))
    static let org = DemoOrgGenerator(seed: 7, size: .small, asOf: LocalDate(2026, 1, 1), calendar: settings.fiscalCalendar).generate()

    /// Loads the org into `store` (without field history, which the analytics pages do not read).
    static func load(into store: any RecordStore) async throws {
        var slim = org
        slim.fieldChanges = []
        try await DemoOrgLoader.load(slim, into: store, settings: settings, now: Date(timeIntervalSince1970: 1_767_225_600))
    }
}

/// Runs `body` against the real router over a fresh store holding the small demo org.
func withDemoApp(
    _ backend: TestBackend = .sqlite, _ body: @escaping @Sendable (any TestClientProtocol, AppServices) async throws -> Void
) async throws {
    try await withTestApp(backend) { client, services, _ in
        try await SmallDemo.load(into: services.store)
        try await body(client, services)
    }
}

extension TestClientProtocol {
    /// GET returning status, body text and headers.
    func text(_ path: String) async throws -> (HTTPResponse.Status, String, HTTPFields) {
        try await execute(uri: path, method: .get, headers: [:], body: nil) { r in (r.status, String(buffer: r.body), r.headers) }
    }
}
