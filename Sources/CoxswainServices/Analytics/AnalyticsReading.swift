import CoxswainDomain
import Foundation

/// Extra reads the analytics service uses when the store offers them: every stage change in one pass, and a
/// cheap token that changes whenever data the dashboards read may have changed.
///
/// The SQL store implements both. A store without them still works: the service then reads stage history
/// per opportunity and never caches (every request reloads).
public protocol AnalyticsReading: RecordReading {
    /// Every row of the opportunity stage history, oldest first.
    func allStageChanges() async throws -> [OpportunityStageChange]

    /// A token that differs whenever a committed write may have changed records, history or settings.
    ///
    /// Example (SQL store): `a:812:1000|s:40211:1000|o:5d1c…` — the newest audit and stage-history sequence
    /// numbers, how many rows sit in the last 1,000 sequence numbers of each (so a transaction that drew a
    /// lower number but committed later, on another server sharing PostgreSQL, still changes the token), and a
    /// digest of the organisation settings. Every write path appends an audit row in its own transaction, so
    /// the token is exact for anything written through Coxswain, on any number of servers.
    func changeToken() async throws -> String
}
