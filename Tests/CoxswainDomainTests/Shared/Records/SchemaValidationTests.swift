import Foundation
import Testing

@testable import CoxswainDomain

@Suite("Schema validation")
struct SchemaValidationTests {
    let context = ValidationContext(now: Date(timeIntervalSince1970: 1_767_225_600))

    func validate(_ schema: EntitySchema, _ json: String, mode: ValidationMode = .create) -> Result<Record, ValidationFailure> {
        guard case .object(let pairs) = try! JSONValue.parse(Data(json.utf8)) else { fatalError("test JSON must be an object") }
        return schema.validate(.object(pairs), mode: mode, context: context)
    }

    func issues(_ r: Result<Record, ValidationFailure>) -> [String: String] {
        guard case .failure(let f) = r else { return [:] }
        return Dictionary(f.issues.map { ($0.field, $0.code) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func everyProblemOfARecordIsReportedAtOnce() {
        // Given an opportunity with five independent problems
        let r = validate(
            Opportunity.schema,
            #"{"owner_id":"r1","name":"","amount":-5,"currency":"XYZ","stage":"Proposal","close_date":"2026-13-01","colour":"red"}"#)
        // Then each is named with its field and a stable code
        let found = issues(r)
        #expect(found["colour"] == "unknown_field")
        #expect(found["currency"] == "unknown_value")
        #expect(found["close_date"] == "invalid_format")
        #expect(found["account_id"] == "required")
        #expect(found["name"] == "required")
    }

    @Test func stageBringsItsDefaultProbabilityAndCategoryUnlessSet() throws {
        let created = try validate(
            Opportunity.schema, #"{"account_id":"a","owner_id":"r","name":"N","amount":100,"stage":"negotiation","close_date":"2026-06-30"}"#
        ).get()
        #expect(created.int("probability") == 80)
        #expect(created.text("forecast_category") == "commit")
        #expect(created.text("stage") == "Negotiation")
        #expect(created.bool("is_closed") == false)
        // When the stage changes and the same write sets a probability, the explicit value wins
        let moved = try validate(Opportunity.schema, #"{"stage":"Proposal","probability":55}"#, mode: .update(existing: created)).get()
        #expect(moved.int("probability") == 55)
        #expect(moved.text("forecast_category") == "best_case")
        // When it is won, closed/won/closed_at follow
        let won = try validate(Opportunity.schema, #"{"stage":"Closed Won"}"#, mode: .update(existing: moved)).get()
        #expect(won.bool("is_won") == true && won.bool("is_closed") == true && won.int("probability") == 100)
        #expect(won.timestamp("closed_at") == context.now)
    }

    @Test func closeDateBeforeCreationIsRejected() {
        let r = validate(
            Opportunity.schema,
            #"{"account_id":"a","owner_id":"r","name":"N","amount":1,"stage":"Proposal","close_date":"2020-01-01","created_at":"2026-01-01T00:00:00Z"}"#
        )
        #expect(issues(r)["close_date"] == "rule")
    }

    @Test func systemFieldsCannotBeWrittenButMayBeEchoedBack() throws {
        let created = try validate(Lead.schema, #"{"last_name":"Ng"}"#).get()
        #expect(
            issues(validate(Lead.schema, #"{"updated_at":"2020-01-01T00:00:00Z"}"#, mode: .update(existing: created)))["updated_at"] == "read_only")
        let echoed = validate(Lead.schema, #"{"id":null,"last_name":"Ng"}"#, mode: .update(existing: created))
        #expect((try? echoed.get()) != nil)
    }

    @Test func crmValuesMapOntoChoices() throws {
        let lead = try validate(Lead.schema, #"{"last_name":"Ng","status":"Open - Not Contacted"}"#).get()
        #expect(lead.text("status") == "new")
        #expect(issues(validate(Lead.schema, #"{"last_name":"Ng","status":"on fire"}"#))["status"] == "unknown_value")
    }

    @Test func wrongJSONTypesAreInvalidType() {
        let found = issues(validate(Account.schema, #"{"name":123,"employees":"many","annual_revenue":true}"#))
        #expect(found["name"] == "invalid_type")
        #expect(found["employees"] == "invalid_format")
        #expect(found["annual_revenue"] == "invalid_type")
    }

    @Test func entityRecordsRoundTripThroughTypedEntities() {
        let t0 = Date(timeIntervalSince1970: 1_767_225_600)
        let rep = Rep(
            meta: RecordMeta(id: "r1", createdAt: t0), firstName: "A", lastName: "B", email: "a@b.co", role: .ae,
            hireDate: LocalDate(2025, 1, 6), outOfOffice: [LocalDate(2026, 1, 1)...LocalDate(2026, 1, 2)])
        #expect(Rep(record: rep.record) == rep)
        let opp = Opportunity(
            meta: RecordMeta(id: "o1", createdAt: t0), accountID: "a", ownerID: "r1", name: "N",
            amount: Money(Decimal(string: "10.5")!, .eur), stage: "Proposal", probability: 60,
            closeDate: LocalDate(2026, 3, 1), forecastCategory: .bestCase)
        #expect(Opportunity(record: opp.record) == opp)
    }
}
