import Foundation
import Testing

@testable import CoxswainDomain

@Suite("Lead matching model and clustering")
struct MatchingModelTests {
    @Test func expectationMaximisationRecoversKnownParameters() {
        // Given exact expected pattern counts from a known model over three comparisons
        let comparisons: [MatchComparison] = [.email, .phone, .organisation]
        let trueM: [[Double]] = [[0.8, 0.05, 0.05, 0.1], [0.7, 0.1, 0.2], [0.85, 0.05, 0.1]]
        let trueU: [[Double]] = [[0.01, 0.01, 0.03, 0.95], [0.02, 0.03, 0.95], [0.1, 0.05, 0.85]]
        let lambda = 0.2
        var histogram: [UInt64: Int] = [:]
        for a in 1...4 {
            for b in 1...3 {
                for c in 1...3 {
                    let pm = trueM[0][a - 1] * trueM[1][b - 1] * trueM[2][c - 1]
                    let pu = trueU[0][a - 1] * trueU[1][b - 1] * trueU[2][c - 1]
                    var pattern = ComparisonPattern()
                    pattern.set(.email, a)
                    pattern.set(.phone, b)
                    pattern.set(.organisation, c)
                    histogram[pattern.bits] = Int((1_000_000 * (lambda * pm + (1 - lambda) * pu)).rounded())
                }
            }
        }
        // When EM runs from neutral starting values with u from "random pairs"
        var model = FellegiSunterModel(comparisons: comparisons)
        var counts = Array(repeating: Array(repeating: 0, count: 15), count: 16)
        for (k, comparison) in comparisons.enumerated() {
            for level in 0..<comparison.levelCount { counts[comparison.rawValue][level] = Int(trueU[k][level] * 1e6) }
        }
        model.setU(fromRandomPairCounts: counts)
        model.estimate(histogram: histogram, maxIterations: 500, tolerance: 1e-8)
        // Then it converges to the generating parameters
        #expect(model.converged)
        #expect(abs(model.lambda - lambda) < 0.01)
        for (k, comparison) in comparisons.enumerated() {
            #expect(abs(model.m[comparison.rawValue][0] - trueM[k][0]) < 0.02, "\(comparison)")
        }
    }

    @Test func weightsCombineAsLogOddsSum() {
        // Given a model with a pattern agreeing on e-mail and disagreeing on phone
        var model = FellegiSunterModel(comparisons: [.email, .phone])
        model.lambda = 0.05
        model.m[MatchComparison.email.rawValue] = [0.9, 0.04, 0.01, 0.05]
        model.u[MatchComparison.email.rawValue] = [0.001, 0.001, 0.008, 0.99]
        model.rebuildWeights()
        var pattern = ComparisonPattern()
        pattern.set(.email, 1)
        // When scored (phone missing contributes nothing)
        let weight = model.matchWeight(pattern)
        // Then the weight is prior + log2(m/u)
        let expected = log2(0.05 / 0.95) + log2(0.9 / 0.001)
        #expect(abs(weight - expected) < 1e-9)
    }

    @Test func clusteringDoesNotChainThroughAWeakMiddleRecord() {
        // Given A≈B and B≈C but A and C are different people
        let edges = [ScoredPair(a: 0, b: 1, weight: 12), ScoredPair(a: 1, b: 2, weight: 11)]
        // When clustered with A–C vetoed by the identity guard
        let clusters = MatchClustering.cluster(count: 3, edges: edges, threshold: 0, margin: 8) { i, j in
            (i, j) == (0, 2) ? nil : 10
        }
        // Then C stays out of A's cluster
        #expect(clusters == [0, 0, 2])
    }

    @Test func clusteringMergesCoherentGroupsOfAnySize() {
        // Given five records that all match each other
        var edges: [ScoredPair] = []
        for a in 0..<5 { for b in (a + 1)..<5 { edges.append(ScoredPair(a: Int32(a), b: Int32(b), weight: 20)) } }
        // When clustered
        let clusters = MatchClustering.cluster(count: 6, edges: edges, threshold: 0, margin: 8) { _, _ in 20 }
        // Then they form one cluster and the sixth record is alone
        #expect(clusters == [0, 0, 0, 0, 0, 5])
    }

    @Test func colleaguesAtTheSameCompanyAreNotMerged() {
        // Given generated leads plus colleagues sharing domain, switchboard, city and postcode, and one real duplicate
        var leads = SyntheticLeadGenerator.dataset(count: 1_500, duplicateRate: 0.1, seed: 11).leads
        let base = SyntheticLead(
            firstName: "Ann", lastName: "Lee", email: "ann.lee@brightforge.com",
            phone: "(415) 555-0100", company: "Brightforge Inc.", jobTitle: "Sales Manager",
            city: "Port Glenview", region: "CA", postcode: "94016", country: "US",
            website: "www.brightforge.com")
        var colleague = base
        colleague.firstName = "Bob"
        colleague.lastName = "Stone"
        colleague.email = "bob.stone@brightforge.com"
        var sameFirstName = base
        sameFirstName.lastName = "Ortiz"
        sameFirstName.email = "ann.ortiz@brightforge.com"
        var duplicate = base
        duplicate.firstName = "ANN"
        duplicate.email = "Ann.Lee+crm@brightforge.com"
        duplicate.company = "Brightforge Incorporated"
        leads += [base, colleague, sameFirstName, duplicate]
        let n = leads.count
        let table = MatchRecordTable(ids: (0..<n).map(String.init), columns: SyntheticLead.columns(leads))
        // When de-duplicated with default settings
        let result = LeadDeduplicator(table: table).run()
        // Then the duplicate joins Ann Lee but neither colleague does
        let ids = result.clusterIds
        #expect(ids[n - 4] == ids[n - 1])
        #expect(ids[n - 4] != ids[n - 3])
        #expect(ids[n - 4] != ids[n - 2])
    }

    @Test func explanationsListEveryFieldAndSumToTheWeight() {
        // Given a small generated data set
        let data = SyntheticLeadGenerator.dataset(count: 800, duplicateRate: 0.15, seed: 3)
        let table = MatchRecordTable(ids: (0..<800).map(String.init), columns: SyntheticLead.columns(data.leads))
        let dedupe = LeadDeduplicator(table: table)
        let result = dedupe.run()
        let pair = try! #require(result.matchedPairs.first)
        // When a matched pair is explained
        let explanation = dedupe.explain(Int(pair.a), Int(pair.b), model: result.model)
        // Then contributions cover the active comparisons and add up with the prior to the weight
        #expect(explanation.contributions.map(\.comparison) == dedupe.comparisons)
        let sum = explanation.priorWeight + explanation.contributions.reduce(0) { $0 + $1.weight }
        #expect(abs(sum - explanation.weight) < 1e-6)
        #expect(explanation.isMatch)
        #expect(result.statistics.reductionRatio > 0.9)
    }

    @Test func resultsDoNotDependOnThreadTiming() {
        // Given one generated data set
        let data = SyntheticLeadGenerator.dataset(count: 3_000, duplicateRate: 0.12, seed: 5)
        let table = MatchRecordTable(ids: (0..<3_000).map(String.init), columns: SyntheticLead.columns(data.leads))
        // When de-duplicated twice
        let first = LeadDeduplicator(table: table).run()
        let second = LeadDeduplicator(table: table).run()
        // Then clusters and pairs are identical, and accuracy on the ground truth is high
        #expect(first.clusterIds == second.clusterIds)
        #expect(first.matchedPairs == second.matchedPairs)
        #expect(PairwiseScore.evaluate(clusters: first.clusterIds, entities: data.entity).f1 > 0.9)
    }
}

@Suite("Lead matching threshold tuning")
struct MatchingThresholdTests {
    @Test func thresholdTunedOnLabelsSeparatesTheSample() {
        // Given generated leads with ground truth and a labelled sample of candidate pairs
        let data = SyntheticLeadGenerator.dataset(count: 1_000, duplicateRate: 0.15, seed: 8)
        let table = MatchRecordTable(ids: (0..<1_000).map(String.init), columns: SyntheticLead.columns(data.leads))
        let dedupe = LeadDeduplicator(table: table)
        let result = dedupe.run()
        var labelled: [(Int, Int, Bool)] = result.matchedPairs.prefix(40).map {
            (Int($0.a), Int($0.b), data.entity[Int($0.a)] == data.entity[Int($0.b)])
        }
        labelled += (0..<40).map { k in (k, 999 - k, data.entity[k] == data.entity[999 - k]) }
        // When the threshold is tuned
        let threshold = dedupe.tunedThreshold(labelled: labelled, model: result.model)
        // Then it is finite and every labelled true pair at or above it is kept
        #expect(threshold.isFinite)
        let kept = labelled.filter { $0.2 }.filter {
            dedupe.explain(min($0.0, $0.1), max($0.0, $0.1), model: result.model).weight >= threshold
        }
        #expect(kept.count >= 1)
    }
}
