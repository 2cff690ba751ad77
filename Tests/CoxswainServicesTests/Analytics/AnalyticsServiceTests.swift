import CoxswainDomain
import CoxswainTesting
import Foundation
import Testing

@testable import CoxswainServices

/// A tiny org written straight into a real store: World ⊃ EMEA (Ana, Ben), World ⊃ AMER (Cy), deals closing in
/// FY2025-Q4 (Oct–Dec 2025, calendar fiscal year), 50,000 USD quota each. Today is 2026-01-01 (``Environment/fixed``).
enum AnalyticsFixture {
    static let created = Date(timeIntervalSince1970: 1_759_622_400)  // 2025-10-05
    static func meta(_ id: String) -> RecordMeta { RecordMeta(id: id, createdAt: created) }

    static func seed(_ store: any RecordStore) async throws {
        let teams = [
            Team(meta: meta("world"), name: "World"), Team(meta: meta("emea"), name: "EMEA", parentTeamID: "world", region: "EMEA"),
            Team(meta: meta("amer"), name: "AMER", parentTeamID: "world", region: "AMER"),
        ]
        let reps = [
            Rep(meta: meta("ana"), firstName: "Ana", lastName: "Alves", email: "ana@x.test", role: .ae, teamID: "emea"),
            Rep(meta: meta("ben"), firstName: "Ben", lastName: "Berg", email: "ben@x.test", role: .ae, teamID: "emea"),
            Rep(meta: meta("cy"), firstName: "Cy", lastName: "Cole", email: "cy@x.test", role: .ae, teamID: "amer"),
        ]
        func deal(_ id: String, _ owner: String, _ amount: Decimal, _ stage: String) -> Opportunity {
            let s = StageDefinition.defaults.first { $0.name == stage }!
            return Opportunity(
                meta: meta(id), accountID: "acme", ownerID: owner, name: id, amount: Money(amount, .usd), stage: stage, probability: s.probability,
                closeDate: LocalDate(2025, 11, 20), forecastCategory: s.forecastCategory, isClosed: s.isClosed, isWon: s.isWon)
        }
        let won = StageDefinition.defaults.first { $0.isWon }!.name
        let lost = StageDefinition.defaults.first { $0.isClosed && !$0.isWon }!.name
        let deals = [
            deal("o1", "ana", 10_000, won), deal("o2", "ana", 5_000, lost), deal("o3", "ben", 20_000, won), deal("o4", "cy", 40_000, won),
            deal("o5", "cy", 8_000, lost),
        ]
        let quotas = reps.map {
            Quota(
                meta: meta("q-\($0.meta.id)"), repID: $0.meta.id, periodStart: LocalDate(2025, 10, 1), periodEnd: LocalDate(2025, 12, 31),
                amount: Money(50_000, .usd))
        }
        try await store.write { tx in
            try await tx.insert(teams.map(\.record))
            try await tx.insert(reps.map(\.record))
            try await tx.insert([Account(meta: meta("acme"), name: "Acme").record])
            try await tx.insert(deals.map(\.record))
            try await tx.insert(quotas.map(\.record))
            try await tx.append(audit: [
                AuditEntry(at: created, actor: "system:test", action: "seed", entity: "org", recordID: "fixture", before: nil, after: nil)
            ])
        }
    }

    static let q4 = AnalyticsFilterInput(query: [("period", "FY2025-Q4")])
}

@Suite("Analytics service over a real store")
struct AnalyticsServiceTests {
    @Test(arguments: TestBackend.available)
    func restrictedCallersSeeOnlyTheirOwnersNumbersInEveryAggregate(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await AnalyticsFixture.seed(store)
            let service = AnalyticsService(store: store, environment: .fixed())
            // Given everything, the team total is Σ of all three reps: 70,000 booked of 150,000 quota, 3 won / 2 lost
            let (_, all) = try await service.summary(AnalyticsFixture.q4, visibleOwnerIDs: nil)
            #expect(all.current.total.money(in: .usd)?.bookings.amount == 70_000)
            #expect(all.current.total.wonCount == 3 && all.current.total.lostCount == 2)
            // When Ana's manager may see only Ana and Ben, even the unfiltered "everyone" total is theirs alone
            let (_, scoped) = try await service.summary(AnalyticsFixture.q4, visibleOwnerIDs: ["ana", "ben"])
            let usd = try #require(scoped.current.total.money(in: .usd))
            #expect(usd.bookings.amount == 30_000)
            #expect(usd.quota?.amount == 100_000)
            #expect(scoped.current.total.wonCount == 2 && scoped.current.total.lostCount == 1)
            #expect(scoped.current.total.repCount == 2)
            // And the AMER subtree and the leaderboard show nothing of Cy's
            var amer = AnalyticsFixture.q4
            amer.team = "amer"
            let (_, amerSummary) = try await service.summary(amer, visibleOwnerIDs: ["ana", "ben"])
            #expect(amerSummary.current.total.wonCount == 0 && amerSummary.current.total.money.isEmpty)
            let (_, board) = try await service.leaderboard(AnalyticsFixture.q4, groupBy: .rep, visibleOwnerIDs: ["ana", "ben"])
            #expect(Set(board.rows.map(\.key)) == ["ana", "ben"])
            // And Cy cannot be named as a filter or looked up: the same message as a rep that does not exist
            var cy = AnalyticsFixture.q4
            cy.rep = "cy"
            await #expect(throws: AnalyticsInputError.self) { try await service.summary(cy, visibleOwnerIDs: ["ana", "ben"]) }
            await #expect(throws: AnalyticsInputError.self) { try await service.rep("cy", AnalyticsFixture.q4, visibleOwnerIDs: ["ana"]) }
            // And a cohort comparison counts only visible deals
            let (_, selection, _) = try await service.compare(
                CohortInput(field: "rep.team_id", value: "emea"), AnalyticsFixture.q4, visibleOwnerIDs: ["ana"])
            #expect(Set((selection.a + selection.b).map(\.ownerID)) == ["ana"])
        }
    }

    @Test(arguments: TestBackend.available)
    func cachedSnapshotIsReusedUntilAnyServerCommitsAWrite(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await AnalyticsFixture.seed(store)
            // Given two servers sharing one database
            let first = AnalyticsService(store: store, environment: .fixed())
            let second = AnalyticsService(store: store, environment: .fixed())
            _ = try await first.summary(AnalyticsFixture.q4, visibleOwnerIDs: nil)
            _ = try await first.summary(AnalyticsFixture.q4, visibleOwnerIDs: nil)
            _ = try await first.summary(AnalyticsFixture.q4, visibleOwnerIDs: ["ana"])
            _ = try await first.summary(AnalyticsFixture.q4, visibleOwnerIDs: ["ana"])
            // Then repeated queries load once
            #expect(first.loadCount == 1)
            _ = try await second.summary(AnalyticsFixture.q4, visibleOwnerIDs: nil)
            // When the second server wins a deal through the audited write path
            let records = RecordService(store: store, environment: .fixed(start: Date(timeIntervalSince1970: 1_767_225_600)))
            let won = StageDefinition.defaults.first { $0.isWon }!.name
            _ = try await records.update(Opportunity.schema, id: "o2", .object([("stage", .string(won))]), by: .system("test"))
            // Then the first server's next query sees it: Ana's lost 5,000 is now won
            let (_, after) = try await first.summary(AnalyticsFixture.q4, visibleOwnerIDs: nil)
            #expect(first.loadCount == 2)
            #expect(after.current.total.wonCount == 4)
            #expect(after.current.total.money(in: .usd)?.bookings.amount == 75_000)
            // And the restricted view was rebuilt from the new data too
            let (_, ana) = try await first.summary(AnalyticsFixture.q4, visibleOwnerIDs: ["ana"])
            #expect(ana.current.total.money(in: .usd)?.bookings.amount == 15_000)
        }
    }

    @Test func badFiltersAreReportedTogetherNamingEachParameter() async throws {
        try await withTestStore(.sqlite) { store in
            try await AnalyticsFixture.seed(store)
            let service = AnalyticsService(store: store, environment: .fixed())
            let snapshot = try await service.snapshot(visibleOwnerIDs: nil)
            let today = service.today(snapshot)
            func issues(_ query: [(String, String)]) -> [String] {
                do {
                    _ = try AnalyticsFilterInput(query: query).resolve(in: snapshot, today: today)
                    return []
                } catch let e as AnalyticsInputError {
                    return e.issues.map { "\($0.field): \($0.message)" }
                } catch { return ["unexpected \(error)"] }
            }
            // Given bad values, then each is named with what was wrong
            #expect(issues([("period", "FY25Q4")]) == ["period: 'FY25Q4' is not a fiscal period (use FY2027, FY2027-Q3 or FY2027-M05)"])
            #expect(issues([("from", "2025-12-01"), ("to", "2025-11-01")]) == ["to: the range is inverted: from 2025-12-01 is after to 2025-11-01"])
            #expect(issues([("team", "nope"), ("segment", "huge"), ("region", "Mars")]).count == 3)
            #expect(issues([("team", "emea"), ("rep", "ana")]).first?.hasPrefix("rep: choose one of team, manager and rep") == true)
            #expect(issues([("from", "0001-01-01"), ("to", "2025-01-01")]).first?.contains("longer than 20 years") == true)
            #expect(issues([("period", "FY2025-Q4"), ("from", "2025-01-01")]).first == "period: give either period or from/to, not both")
            // And good values resolve, with case-insensitive regions and segments
            #expect(issues([("region", "emea"), ("segment", "Mid-market"), ("currency", "eur")]).isEmpty)
        }
    }

    @Test func emptyPeriodsAndTeamsGiveZeroCountsAndNoRatios() async throws {
        try await withTestStore(.sqlite) { store in
            try await AnalyticsFixture.seed(store)
            let service = AnalyticsService(store: store, environment: .fixed())
            // Given a quarter with no deals
            let (_, empty) = try await service.summary(AnalyticsFilterInput(query: [("period", "FY2020-Q1")]), visibleOwnerIDs: nil)
            #expect(empty.current.total.wonCount == 0 && empty.current.total.winRate == nil)
            // And a cohort split that leaves one side empty still gives a verdict and a warning, not an error
            let (_, _, comparison) = try await service.compare(
                CohortInput(split: "2030-01-01"), AnalyticsFilterInput(query: [("from", "2025-01-01"), ("to", "2025-12-31")]), visibleOwnerIDs: nil)
            #expect(comparison.cohortB.deals == 0)
            #expect(comparison.warnings.contains { $0.contains("has no deals") })
        }
    }
}
