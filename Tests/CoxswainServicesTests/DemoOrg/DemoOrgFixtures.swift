import CoxswainDomain
import Foundation

@testable import CoxswainServices

/// Shared demo orgs for the tests: generated once per process (generation is deterministic).
enum DemoOrgFixtures {
    static let asOf = LocalDate(2026, 11, 29)
    static let calendar = FiscalCalendar(startMonth: 2)

    static func generate(seed: UInt64 = 42, size: DemoOrgSize = .small) -> DemoOrg {
        DemoOrgGenerator(seed: seed, size: size, asOf: asOf, calendar: calendar).generate()
    }

    static let small = generate()
}
