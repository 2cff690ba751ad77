import Foundation
import Testing

@testable import CoxswainDomain

@Suite("Routing policy: JSON and validation")
struct RoutingPolicyTests {
    typealias F = RoutingFixtures

    static let json = """
        {"id": "inbound", "version": 3, "name": "Inbound",
         "pools": [{"id": "emea", "strategy": "weighted_round_robin",
                    "members": [{"rep": "ann", "weight": 2}, {"rep": "bob"}], "caps": [{"period": "day", "max": 20}]}],
         "rules": [
           {"id": "known", "when": {"field": "email", "exists": true}, "assign": {"sticky": "email_or_domain"}, "fallback": "emea"},
           {"id": "emea", "when": {"any": [{"field": "region", "in": ["EMEA", "Europe"]}, {"not": {"field": "employees", "range": {"max": 50}}}]},
            "assign": {"pool": "emea"}, "sla_minutes": 60, "working_hours_only": true},
           {"id": "teams", "assign": {"territory_team": {"field": "country"}}}
         ]}
        """

    @Test func jsonRoundTripsThroughExportAndImport() throws {
        // Given a policy read from JSON
        let policy = try RoutingPolicy.decode(Data(Self.json.utf8))
        #expect(policy.version == 3)
        #expect(policy.rules[1].slaMinutes == 60 && policy.rules[1].workingHoursOnly)
        #expect(policy.pools[0].members[1].weight == 1)
        // When exported and read back
        let again = try RoutingPolicy.decode(policy.encoded())
        // Then nothing is lost
        #expect(again == policy)
    }

    @Test func decodingErrorsNameTheRuleIndexAndField() {
        let cases: [(String, String, Int?)] = [
            (#"{"id":"p","rules":[{"id":"a","assign":{"pool":"x"}},{"id":"b","assign":{}}]}"#, "rules[1].assign: an action has exactly one of", 1),
            (#"{"id":"p","rules":[{"id":"a","assign":{"rep":"x"},"fallbak":"b"}]}"#, "rules[0].fallbak: unknown key 'fallbak'", 0),
            (
                #"{"id":"p","rules":[{"id":"a","when":{"all":[{"field":"x","equals":1},{"field":"y","eq":2}]},"assign":{"rep":"x"}}]}"#,
                "rules[0].when.all[1].eq: unknown key 'eq'", 0
            ),
            (#"{"id":"p","rules":[{"id":"a","when":{"in":["DE"]},"assign":{"rep":"x"}}]}"#, "rules[0].when.field: is required", 0),
            (#"{"id":"p","rules":[{"id":"a","assign":{"rep":"x"},"sla_minutes":"soon"}]}"#, "rules[0].sla_minutes: expected a whole number", 0),
            (#"{"id":"p","rules":[{"id":"a","assign":{"rep":"x"}}"#, "not valid JSON", nil),
        ]
        for (text, expected, rule) in cases {
            do {
                _ = try RoutingPolicy.decode(Data(text.utf8))
                Issue.record("expected an error for \(text)")
            } catch {
                #expect(error.diagnostics.count == 1)
                #expect(error.diagnostics[0].description.contains(expected), "\(error.diagnostics[0].description)")
                #expect(error.diagnostics[0].rule == rule)
            }
        }
    }

    @Test func validationReportsEveryProblemWithRuleAndField() {
        // Given a policy with one problem of each kind
        let policy = RoutingPolicy(
            id: "p",
            rules: [
                RoutingRule(id: "a", when: .equals(field: "colour", value: .text("red")), assign: .pool("ghost"), fallback: "b"),
                RoutingRule(id: "b", when: .range(field: "company", min: 1, max: nil), assign: .rep("zed"), fallback: "a"),
                RoutingRule(id: "c", when: .regex(field: "title", pattern: "(vp"), assign: .pool("empty")),
                RoutingRule(id: "d", when: .equals(field: "custom_fields.tier", value: .text("gold")), assign: .pool("bad")),
            ],
            pools: [
                RoutingPool(id: "empty", members: []),
                RoutingPool(
                    id: "bad", members: [.init(rep: "ann", weight: 0)],
                    caps: [
                        RoutingCap(period: .day, max: 30), RoutingCap(period: .day, max: 10), RoutingCap(period: .week, max: 20),
                        RoutingCap(period: .week, max: 5, rep: "bob"),
                    ]),
            ])
        // When validated
        let found = Set(policy.validate(reps: [F.rep("ann")]).map { "\($0.code) \($0.path)" })
        // Then each is named precisely
        let expected: Set<String> = [
            "unknown_field rules[0].when.field", "unknown_pool rules[0].assign.pool", "cyclic_fallback rules[0].fallback",
            "type_mismatch rules[1].when.range", "unknown_rep rules[1].assign.rep", "cyclic_fallback rules[1].fallback",
            "invalid_regex rules[2].when.regex", "unknown_field rules[3].when.field", "empty_pool pools[0].members",
            "invalid_weight pools[1].members[0].weight", "overlapping_caps pools[1].caps[1]", "contradictory_caps pools[1].caps[0].max",
            "unknown_rep pools[1].caps[3].rep",
        ]
        #expect(found == expected)
    }

    @Test func compilingAnInvalidPolicyThrowsAndCustomFieldsMakeFieldsKnown() throws {
        let policy = RoutingPolicy(
            id: "p", rules: [RoutingRule(id: "d", when: .range(field: "custom_fields.seats", min: 10, max: nil), assign: .rep("ann"))])
        // Given no definition, the field is unknown
        #expect(throws: RoutingPolicyError.self) { try LeadRouter(policy: policy, reps: [F.rep("ann")]) }
        // Given a number custom field, the policy compiles and routes on it
        let defs = [CustomFieldDefinition(entity: "lead", key: "seats", label: "Seats", type: .number)]
        let router = try LeadRouter(policy: policy, reps: [F.rep("ann")], context: RoutingContext(customFields: defs))
        var state = router.makeState()
        #expect(F.owners(router, [F.lead(custom: ["seats": .decimal(12)]), F.lead(custom: ["seats": .decimal(9)])], state: &state) == ["ann", nil])
    }

    @Test func generatedBenchmarkPolicyIsValidAndExercisesItsRules() throws {
        // Given the 20-rule benchmark policy, reps and context
        let router = try LeadRouter(policy: RoutingBenchmark.policy(), reps: RoutingBenchmark.reps(), context: RoutingBenchmark.context())
        // When 5,000 generated leads are routed
        let result = try RoutingBenchmark.run(leads: 5_000, seed: 1, repetitions: 1)
        // Then it has 20 rules, most of them decide some leads, and every lead is counted once
        #expect(router.policy.rules.count == 20 && result.rules == 20)
        #expect(result.byRule.filter { $0.1 > 0 }.count >= 15)
        #expect(result.byRule.map(\.1).reduce(0, +) == 5_000)
    }
}
