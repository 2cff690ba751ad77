import CoxswainDomain
import Foundation

/// How big a demo organisation to generate.
///
/// - `small`: about 24 reps, 1,000 accounts, 4,000 leads and 2,000 opportunities — for unit tests and quick demos.
/// - `medium`: the reference org of about 60 reps across AMER, EMEA and APAC, 5,000 accounts, 20,000 leads and
///   10,000 opportunities over eight fiscal quarters — what `coxswain demo` loads.
/// - `large`: the same org with about twice the headcount, 25,000 accounts, 1,000,000 leads and 50,000
///   opportunities — for benchmarks of matching, routing and analytics.
public enum DemoOrgSize: String, CaseIterable, Sendable {
    case small, medium, large
}

/// A complete, internally consistent demo sales organisation produced by ``DemoOrgGenerator``.
///
/// Every array is ordered deterministically (records appear in generation order), every id is a UUIDv7 whose
/// timestamp is the record's `createdAt`, and every record passes its ``EntitySchema`` validation.
/// `duplicateOf` maps each deliberately duplicated lead to the lead it copies, so matching recall can be measured.
public struct DemoOrg: Sendable {
    /// The team tree: one worldwide root, a team per region, and segment and sales-development teams below.
    public var teams: [Team]
    /// Everyone in sales, including a few inactive reps who left during the window.
    public var reps: [Rep]
    /// Companies sold to, each owned by an active AE or AM of its region and segment.
    public var accounts: [Account]
    /// One to four people at every account that has opportunities.
    public var contacts: [Contact]
    /// Originals in creation order, then the near-duplicates (see ``duplicateOf``).
    public var leads: [Lead]
    /// Deals in creation order: closed won, closed lost and open.
    public var opportunities: [Opportunity]
    /// Stage walks of every opportunity, grouped by opportunity and ordered by `changedAt`.
    public var stageChanges: [OpportunityStageChange]
    /// `close_date`, `amount` and `owner_id` changes (values as plain text: `YYYY-MM-DD`, `35000`, rep id).
    public var fieldChanges: [FieldChange]
    /// Calls, e-mails, meetings, demos, tasks and notes on opportunities and leads.
    public var activities: [Activity]
    /// The product catalogue (one inactive legacy product).
    public var products: [Product]
    /// "Standard" price-book entries of every product in USD, EUR and GBP.
    public var priceBookEntries: [PriceBookEntry]
    /// Quarterly bookings quotas of AEs and AMs.
    public var quotas: [Quota]
    /// The sales process the opportunities walk through (``StageDefinition/defaults``).
    public var stages: [StageDefinition]
    /// Duplicate lead id → id of the lead it was copied from.
    public var duplicateOf: [String: String]
    /// The date the org was generated "as of": nothing happens after the end of this day (UTC).
    public var asOf: LocalDate
    /// The fiscal calendar quarters and quotas follow.
    public var calendar: FiscalCalendar
    /// Record counts, computed when the org is assembled.
    public var summary: DemoOrgSummary

    /// Assembles an org from its parts and computes its ``summary``.
    public init(
        teams: [Team], reps: [Rep], accounts: [Account], contacts: [Contact], leads: [Lead],
        opportunities: [Opportunity], stageChanges: [OpportunityStageChange], fieldChanges: [FieldChange],
        activities: [Activity], products: [Product], priceBookEntries: [PriceBookEntry], quotas: [Quota],
        stages: [StageDefinition], duplicateOf: [String: String], asOf: LocalDate, calendar: FiscalCalendar
    ) {
        self.teams = teams
        self.reps = reps
        self.accounts = accounts
        self.contacts = contacts
        self.leads = leads
        self.opportunities = opportunities
        self.stageChanges = stageChanges
        self.fieldChanges = fieldChanges
        self.activities = activities
        self.products = products
        self.priceBookEntries = priceBookEntries
        self.quotas = quotas
        self.stages = stages
        self.duplicateOf = duplicateOf
        self.asOf = asOf
        self.calendar = calendar
        self.summary = DemoOrgSummary(
            teams: teams.count, reps: reps.count, activeReps: reps.count(where: \.active), accounts: accounts.count,
            contacts: contacts.count, leads: leads.count, duplicateLeads: duplicateOf.count,
            opportunities: opportunities.count, openOpportunities: opportunities.count(where: { !$0.isClosed }),
            wonOpportunities: opportunities.count(where: \.isWon),
            lostOpportunities: opportunities.count(where: { $0.isClosed && !$0.isWon }),
            stageChanges: stageChanges.count, fieldChanges: fieldChanges.count, activities: activities.count,
            products: products.count, priceBookEntries: priceBookEntries.count, quotas: quotas.count)
    }
}

/// Record counts of a ``DemoOrg``, for progress output and tests.
public struct DemoOrgSummary: Hashable, Sendable, CustomStringConvertible {
    /// Number of teams.
    public var teams: Int
    /// Number of reps, active or not.
    public var reps: Int
    /// Number of active reps.
    public var activeReps: Int
    /// Number of accounts.
    public var accounts: Int
    /// Number of contacts.
    public var contacts: Int
    /// Number of leads, duplicates included.
    public var leads: Int
    /// Leads that are deliberate near-copies of other leads (about 12% of all leads).
    public var duplicateLeads: Int
    /// Number of opportunities.
    public var opportunities: Int
    /// Opportunities not yet closed.
    public var openOpportunities: Int
    /// Opportunities closed won.
    public var wonOpportunities: Int
    /// Opportunities closed lost.
    public var lostOpportunities: Int
    /// Number of stage transitions.
    public var stageChanges: Int
    /// Number of field changes (close date, amount, owner).
    public var fieldChanges: Int
    /// Number of activities.
    public var activities: Int
    /// Number of products.
    public var products: Int
    /// Number of price-book entries.
    public var priceBookEntries: Int
    /// Number of quotas.
    public var quotas: Int

    /// One `name: count` line per record type.
    public var description: String {
        let rows: [(String, Int)] = [
            ("teams", teams), ("reps", reps), ("active reps", activeReps), ("accounts", accounts),
            ("contacts", contacts), ("leads", leads), ("duplicate leads", duplicateLeads),
            ("opportunities", opportunities), ("open", openOpportunities), ("won", wonOpportunities),
            ("lost", lostOpportunities), ("stage changes", stageChanges), ("field changes", fieldChanges),
            ("activities", activities), ("products", products), ("price book entries", priceBookEntries),
            ("quotas", quotas),
        ]
        return rows.map { "\($0.0): \($0.1)" }.joined(separator: "\n")
    }
}
