import CoxswainDomain
import Foundation
import Testing

@testable import CoxswainServices

@Suite("Demo org: references and history")
struct DemoOrgIntegrityTests {
    let org = DemoOrgFixtures.small

    @Test func everyReferenceResolves() {
        // Given the ids of every record type
        let reps = Set(org.reps.map(\.meta.id))
        let teams = Set(org.teams.map(\.meta.id))
        let accounts = Set(org.accounts.map(\.meta.id))
        let contacts = Set(org.contacts.map(\.meta.id))
        let leads = Set(org.leads.map(\.meta.id))
        let opportunities = Set(org.opportunities.map(\.meta.id))
        let products = Set(org.products.map(\.meta.id))
        func ok(_ id: String?, in set: Set<String>) -> Bool { id.map(set.contains) ?? true }
        // Then every reference points at an existing record
        #expect(org.teams.allSatisfy { ok($0.parentTeamID, in: teams) && ok($0.managerID, in: reps) })
        #expect(org.reps.allSatisfy { ok($0.managerID, in: reps) && ok($0.teamID, in: teams) })
        #expect(org.accounts.allSatisfy { ok($0.ownerID, in: reps) && ok($0.parentAccountID, in: accounts) })
        #expect(org.contacts.allSatisfy { ok($0.accountID, in: accounts) && ok($0.ownerID, in: reps) })
        #expect(org.leads.allSatisfy { ok($0.ownerID, in: reps) && ok($0.convertedAccountID, in: accounts) })
        #expect(org.opportunities.allSatisfy { accounts.contains($0.accountID) && reps.contains($0.ownerID) })
        #expect(
            org.activities.allSatisfy {
                reps.contains($0.repID) && ok($0.leadID, in: leads) && ok($0.contactID, in: contacts)
                    && ok($0.opportunityID, in: opportunities) && ok($0.accountID, in: accounts)
            })
        #expect(org.quotas.allSatisfy { reps.contains($0.repID) })
        #expect(org.priceBookEntries.allSatisfy { products.contains($0.productID) })
        #expect(org.stageChanges.allSatisfy { opportunities.contains($0.opportunityID) && reps.contains($0.changedBy) })
        #expect(org.fieldChanges.allSatisfy { opportunities.contains($0.recordID) || accounts.contains($0.recordID) })
        #expect(org.duplicateOf.allSatisfy { leads.contains($0.key) && leads.contains($0.value) })
    }

    @Test func stageHistoriesWalkTheStagesInOrderAndEndAtTheCurrentStage() {
        // Given the configured stages and each opportunity's stage changes
        let order = Dictionary(uniqueKeysWithValues: org.stages.map { ($0.name, $0.sortOrder) })
        var history: [String: [OpportunityStageChange]] = [:]
        for change in org.stageChanges { history[change.opportunityID, default: []].append(change) }
        for opp in org.opportunities {
            let walk = history[opp.meta.id] ?? []
            // Then the walk is non-empty, chronological, starts from nothing and links each step to the last
            #expect(!walk.isEmpty)
            #expect(walk.first?.fromStage == nil)
            #expect(walk.first?.changedAt == opp.meta.createdAt)
            for (previous, next) in zip(walk, walk.dropFirst()) {
                #expect(previous.changedAt < next.changedAt)
                #expect(next.fromStage == previous.toStage)
                #expect((order[next.toStage] ?? 0) > (order[previous.toStage] ?? 0))
            }
            // And it ends at the opportunity's stage; a closed deal's last change is its closing moment
            #expect(walk.last?.toStage == opp.stage)
            if opp.isClosed { #expect(walk.last?.changedAt == opp.closedAt && walk.last?.closeDate == opp.closeDate) }
            #expect(walk.allSatisfy { order[$0.toStage] != nil })
        }
    }

    @Test func slippedDealsRecordTheirClosedatePushes() {
        // Given the close-date field changes
        let pushes = org.fieldChanges.filter { $0.field == "close_date" }
        let pushed = org.opportunities.filter { $0.pushCount > 0 }
        // Then about a quarter of deals slipped
        let share = Double(pushed.count) / Double(org.opportunities.count)
        #expect((0.15...0.4).contains(share), "\(share)")
        // And every change holds YYYY-MM-DD dates, and every pushed deal has changes
        #expect(
            pushes.allSatisfy {
                LocalDate(parsing: $0.oldValue ?? "") != nil && LocalDate(parsing: $0.newValue ?? "") != nil
            })
        let changed = Set(pushes.map(\.recordID))
        #expect(pushed.allSatisfy { changed.contains($0.meta.id) })
        // And some deals changed amount
        #expect(org.fieldChanges.contains { $0.field == "amount" && Int($0.oldValue ?? "") != nil })
    }

    @Test func leaversOwnNothingOpenAndHandedTheirBookOver() {
        // Given the reps who left
        let leavers = Set(org.reps.filter { !$0.active }.map(\.meta.id))
        #expect(!leavers.isEmpty)
        // Then they own no accounts and no open deals, and the hand-over is recorded
        #expect(org.accounts.allSatisfy { !leavers.contains($0.ownerID ?? "") })
        #expect(org.opportunities.filter { !$0.isClosed }.allSatisfy { !leavers.contains($0.ownerID) })
        #expect(org.fieldChanges.contains { $0.field == "owner_id" && leavers.contains($0.oldValue ?? "") })
    }

    @Test func repsWorkInTheirRegionsTimeZones() {
        // Given each region's zones
        let zones = [
            "AMER": ["America/New_York", "America/Los_Angeles"], "EMEA": ["Europe/London", "Europe/Berlin"],
            "APAC": ["Asia/Singapore", "Australia/Sydney"],
        ]
        // Then every rep's time zone belongs to their region
        #expect(org.reps.allSatisfy { (zones[$0.region ?? ""] ?? []).contains($0.timeZone) })
        #expect(Set(org.reps.map(\.region)).count == 3)
        #expect(org.reps.contains { $0.isOutOfOffice(on: org.asOf) })
    }

    @Test func teamsFormARegionThenSegmentHierarchy() {
        // Given the teams
        let byID = Dictionary(uniqueKeysWithValues: org.teams.map { ($0.meta.id, $0) })
        // Then segment teams sit under a region team, which sits under the single root
        let roots = org.teams.filter { $0.parentTeamID == nil }
        #expect(roots.count == 1)
        let segmentTeams = org.teams.filter { $0.segment != nil }
        #expect(!segmentTeams.isEmpty)
        #expect(
            segmentTeams.allSatisfy { team in
                let parent = team.parentTeamID.flatMap { byID[$0] }
                return parent?.region == team.region && parent?.segment == nil && parent?.parentTeamID == roots[0].meta.id
            })
        #expect(Set(org.teams.map(\.name)).count == org.teams.count)
    }
}
