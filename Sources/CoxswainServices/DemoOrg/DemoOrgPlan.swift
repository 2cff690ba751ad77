import CoxswainDomain
import Foundation

/// Record targets and headcount of one ``DemoOrgSize``.
///
/// Headcount per region (AMER, EMEA, APAC) follows the 50/30/20 split of accounts. AEs are counted per segment
/// (SMB, mid-market, enterprise); AMs, SEs and SDRs per region. The `medium` org has 62 people: a VP, two ops
/// analysts, three regional directors, nine segment managers, three SDR managers, 24 AEs (two of whom have
/// left), four AMs, six SEs and ten SDRs.
struct DemoOrgPlan: Sendable {
    var accounts: Int
    var leads: Int
    var opportunities: Int
    /// `aes[region][segment]`, segments in ``Segment/allCases`` order.
    var aes: [[Int]]
    var ams: [Int]
    var ses: [Int]
    var sdrs: [Int]
    var ops: Int
    /// Whether each segment team has its own manager (otherwise the regional director manages it).
    var segmentManagers: Bool
    /// Whether each region's SDR team has its own manager.
    var sdrManagers: Bool
    /// AEs who left during the window (inactive; their accounts and open deals were reassigned).
    var leavers: Int
    /// Share of duplicate leads among all leads.
    var duplicateShare: Double = 0.12

    init(size: DemoOrgSize) {
        switch size {
        case .small:
            self.init(
                accounts: 1_000, leads: 4_000, opportunities: 2_000,
                aes: [[2, 1, 1], [1, 1, 1], [1, 1, 1]], ams: [1, 1, 0], ses: [1, 1, 0], sdrs: [2, 2, 1], ops: 1,
                segmentManagers: false, sdrManagers: false, leavers: 1)
        case .medium:
            self.init(
                accounts: 5_000, leads: 20_000, opportunities: 10_000,
                aes: [[4, 4, 3], [3, 3, 2], [2, 2, 1]], ams: [2, 1, 1], ses: [3, 2, 1], sdrs: [5, 3, 2], ops: 2,
                segmentManagers: true, sdrManagers: true, leavers: 2)
        case .large:
            self.init(
                accounts: 25_000, leads: 1_000_000, opportunities: 50_000,
                aes: [[8, 8, 6], [6, 6, 4], [4, 4, 2]], ams: [4, 2, 2], ses: [6, 4, 2], sdrs: [10, 6, 4], ops: 3,
                segmentManagers: true, sdrManagers: true, leavers: 3)
        }
    }

    init(
        accounts: Int, leads: Int, opportunities: Int, aes: [[Int]], ams: [Int], ses: [Int], sdrs: [Int], ops: Int,
        segmentManagers: Bool, sdrManagers: Bool, leavers: Int
    ) {
        self.accounts = accounts
        self.leads = leads
        self.opportunities = opportunities
        self.aes = aes
        self.ams = ams
        self.ses = ses
        self.sdrs = sdrs
        self.ops = ops
        self.segmentManagers = segmentManagers
        self.sdrManagers = sdrManagers
        self.leavers = leavers
    }
}

/// What the generator knows about a rep beyond the ``Rep`` record: the latent skill that drives win rate and
/// deal size, employment dates, and the successor who took over a leaver's book.
struct DemoRepInfo: Sendable {
    var region: Int
    var segment: Segment?
    var role: Rep.Role
    var zone: Int
    var workStart: Int
    var workEnd: Int
    /// Standard-normal latent skill.
    var skill: Double
    /// Probability of winning an average deal (15–45%).
    var winRate: Double
    /// Multiplier on deal size (e^(0.15·skill)).
    var sizeFactor: Double
    var hireDay: Int
    /// Last working day of a rep who left.
    var leftDay: Int?
    /// Index of the rep who took over (for leavers).
    var successor: Int?

    /// Whether the rep was employed on `day`.
    func employed(on day: Int) -> Bool { day >= hireDay && (leftDay.map { day <= $0 } ?? true) }

    /// Productivity ramp of a new hire: 20% in the first month rising linearly to 100% after four months.
    func ramp(on day: Int) -> Double {
        let tenure = day - hireDay
        if tenure < 0 { return 0 }
        return min(1, 0.2 + 0.8 * Double(tenure) / 120)
    }
}

/// Generator-side facts about an account.
struct DemoAccountInfo: Sendable {
    var region: Int
    var country: Int
    var segment: Segment
    var createdMs: Int64
    /// Rep who owned the account at creation (a leaver's accounts pass to the leaver's successor).
    var originalOwner: Int
    var currency: Currency
    /// Web domain, e.g. `northwindlogistics.com` (work e-mails use it).
    var domain: String
}
