import Foundation
import Testing

@testable import CoxswainDomain

@Suite("Custom fields")
struct CustomFieldValidatorTests {
    let definitions = [
        CustomFieldDefinition(entity: "lead", key: "seats", label: "Seats", type: .number, min: 1, max: 500),
        CustomFieldDefinition(entity: "lead", key: "sku", label: "SKU code", type: .text, pattern: "[A-Z]{3}-[0-9]{4}"),
        CustomFieldDefinition(entity: "lead", key: "tools", label: "Tools", type: .multiPicklist, allowedValues: ["Gong", "Clari"]),
        CustomFieldDefinition(entity: "lead", key: "renewal", label: "Renewal", type: .date),
    ]

    func merge(_ json: String, into existing: [String: FieldValue] = [:]) -> Result<[String: FieldValue], ValidationFailure> {
        CustomFieldValidator.merge(.json(try! JSONValue.parse(Data(json.utf8))), into: existing, definitions: definitions)
    }

    @Test func valuesAreCheckedAgainstTheirDefinitions() {
        guard case .failure(let f) = merge(#"{"seats":900,"sku":"abc","tools":["Gong","Excel"],"nope":1}"#) else {
            Issue.record("expected failure")
            return
        }
        let codes = Dictionary(f.issues.map { ($0.field, $0.code) }, uniquingKeysWith: { a, _ in a })
        #expect(
            codes == [
                "custom_fields.seats": "out_of_range", "custom_fields.sku": "invalid_format",
                "custom_fields.tools": "unknown_value", "custom_fields.nope": "unknown_field",
            ])
    }

    @Test func labelsAreAcceptedAndValuesAreCanonical() throws {
        let merged = try merge(#"{"SKU code":"ABC-1234","tools":"gong;clari","renewal":"2026-09-01","seats":"12"}"#).get()
        #expect(merged["sku"] == .text("ABC-1234"))
        #expect(merged["tools"] == .list(["Gong", "Clari"]))
        #expect(merged["renewal"] == .text("2026-09-01"))
        #expect(merged["seats"] == .decimal(12))
    }

    @Test func nullRemovesAValueAndOthersAreKept() throws {
        let merged = try merge(#"{"seats":null}"#, into: ["seats": .decimal(3), "sku": .text("ABC-0001")]).get()
        #expect(merged == ["sku": .text("ABC-0001")])
    }
}
