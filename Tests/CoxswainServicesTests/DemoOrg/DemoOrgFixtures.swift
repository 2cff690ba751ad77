import CoxswainDomain
import Foundation

@testable import CoxswainServices

/// Shared demo orgs for the tests: generated once per process (generation is deterministic).
enum DemoOrgFixtures {
    static let asOf = LocalDate(2026, 11, 29)
    static let calendar = FiscalCalendar(startMonth: 2)
    /// End of the `asOf` day in UTC: nothing in the org may happen later.
    static let endOfAsOf = Date(timeIntervalSince1970: Double(asOf.dayNumber + 1) * 86_400)

    static func generate(seed: UInt64 = 42, size: DemoOrgSize = .small) -> DemoOrg {
        DemoOrgGenerator(seed: seed, size: size, asOf: asOf, calendar: calendar).generate()
    }

    static let small = generate()

    /// Validates `entity` as a create request built from its own record (system fields left out, as a client
    /// would), returning the validated record or the issues found.
    static func validate<E: Entity>(_ entity: E) -> Result<Record, ValidationFailure> {
        let record = entity.record
        guard case .object(let pairs) = record.json else { preconditionFailure("records are JSON objects") }
        let writable = pairs.filter { key, _ in E.schema.field(key)?.access != .system }
        return E.schema.validate(.object(writable), mode: .create, context: ValidationContext(now: endOfAsOf))
    }

    /// The issues of every entity in `entities` that fails validation, as readable strings (at most 10).
    static func failures<E: Entity>(_ entities: [E], id: (E) -> String) -> [String] {
        var out: [String] = []
        for entity in entities {
            if case .failure(let failure) = validate(entity) {
                out.append("\(id(entity)): \(failure)")
                if out.count == 10 { break }
            }
        }
        return out
    }

    /// Whether `money` has no more decimals than its currency allows.
    static func hasValidMinorUnits(_ money: Money) -> Bool { money.rounded() == money }
}
