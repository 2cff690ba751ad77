import Foundation

/// Per-group running totals of one query pass. Slot arrays are indexed `group * currencies + currency`,
/// activity arrays `group * kinds + kind`, funnel arrays `group * stages + stage`.
struct MetricsAccumulator {
    let groups: Int
    let currencies: Int
    let stages: Int
    let kinds: Int

    var repCount: [Int]
    var won: [Int]
    var lost: [Int]
    var open: [Int]
    var created: [Int]
    var cycleSum: [Int]
    var cycles: [[Int32]]

    var sWonN: [Int]
    var sLostN: [Int]
    var sOpenN: [Int]
    var sCreatedN: [Int]
    var sWon: [Int64]
    var sLost: [Int64]
    var sOpen: [Int64]
    var sCreated: [Int64]
    var sCycleSum: [Int64]
    var sQuota: [Double]
    var sHasQuota: [Bool]
    var sSeen: [Bool]

    var activities: [Int]
    var entered: [Int]
    var reached: [Int]
    var advanced: [Int]
    var wonFrom: [Int]

    init(groups: Int, currencies: Int, stages: Int, kinds: Int) {
        self.groups = groups
        self.currencies = currencies
        self.stages = stages
        self.kinds = kinds
        let slots = groups * currencies
        repCount = Array(repeating: 0, count: groups)
        won = repCount
        lost = repCount
        open = repCount
        created = repCount
        cycleSum = repCount
        cycles = Array(repeating: [], count: groups)
        sWonN = Array(repeating: 0, count: slots)
        sLostN = sWonN
        sOpenN = sWonN
        sCreatedN = sWonN
        sWon = Array(repeating: 0, count: slots)
        sLost = sWon
        sOpen = sWon
        sCreated = sWon
        sCycleSum = sWon
        sQuota = Array(repeating: 0, count: slots)
        sHasQuota = Array(repeating: false, count: slots)
        sSeen = sHasQuota
        activities = Array(repeating: 0, count: groups * kinds)
        entered = Array(repeating: 0, count: groups * stages)
        reached = entered
        advanced = entered
        wonFrom = entered
    }

    /// All groups folded into one (the total row): sums add, cycle samples are concatenated.
    func merged() -> MetricsAccumulator {
        var t = MetricsAccumulator(groups: 1, currencies: currencies, stages: stages, kinds: kinds)
        for g in 0..<groups {
            t.repCount[0] += repCount[g]
            t.won[0] += won[g]
            t.lost[0] += lost[g]
            t.open[0] += open[g]
            t.created[0] += created[g]
            t.cycleSum[0] += cycleSum[g]
            t.cycles[0] += cycles[g]
            for c in 0..<currencies {
                let s = g * currencies + c
                t.sWonN[c] += sWonN[s]
                t.sLostN[c] += sLostN[s]
                t.sOpenN[c] += sOpenN[s]
                t.sCreatedN[c] += sCreatedN[s]
                t.sWon[c] += sWon[s]
                t.sLost[c] += sLost[s]
                t.sOpen[c] += sOpen[s]
                t.sCreated[c] += sCreated[s]
                t.sCycleSum[c] += sCycleSum[s]
                t.sQuota[c] += sQuota[s]
                t.sHasQuota[c] = t.sHasQuota[c] || sHasQuota[s]
                t.sSeen[c] = t.sSeen[c] || sSeen[s]
            }
            for k in 0..<kinds { t.activities[k] += activities[g * kinds + k] }
            for k in 0..<stages {
                t.entered[k] += entered[g * stages + k]
                t.reached[k] += reached[g * stages + k]
                t.advanced[k] += advanced[g * stages + k]
                t.wonFrom[k] += wonFrom[g * stages + k]
            }
        }
        return t
    }
}

extension Money {
    /// `minor` minor units of `currency` built without Decimal division (about 10× faster than
    /// ``Money/init(minorUnits:currency:)``, which matters when a report has hundreds of rows):
    /// `analyticsMoney(123_450, .usd)` is 1,234.50 USD.
    static func analyticsMoney(_ minor: Int64, _ currency: Currency) -> Money {
        let significand = Decimal(minor.magnitude)
        return Money(Decimal(sign: minor < 0 ? .minus : .plus, exponent: -currency.minorUnits, significand: significand), currency)
    }
}
