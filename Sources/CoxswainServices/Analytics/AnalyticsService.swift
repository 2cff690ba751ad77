import CoxswainDomain
import Foundation

/// Team analytics over the store: loads reps, teams, deals with stage history, quotas and activities into the
/// metrics engine and answers dashboard and API queries.
///
/// **Caching.** The loaded ``AnalyticsSnapshot`` is kept and reused while the store's change token
/// (``AnalyticsReading/changeToken()``: newest audit and stage-history sequence numbers plus a settings digest)
/// is unchanged. Every request reads the token (index lookups only); any committed write, from this server or
/// another one sharing PostgreSQL, changes it and the next request reloads. Restricted snapshots are cached per
/// owner set alongside, and dropped with the snapshot they came from.
///
/// **Visibility.** Every entry point takes `visibleOwnerIDs` (nil = everything). When set, records of other
/// owners are removed before the engine is built (``AnalyticsSnapshot/restricted(to:)``), so totals, ratios and
/// comparisons never include numbers the caller may not see.
public final class AnalyticsService: Sendable {
    public let store: any RecordStore
    public let environment: Environment
    private let cache = SnapshotCache()

    public init(store: any RecordStore, environment: Environment = .live) {
        self.store = store
        self.environment = environment
    }

    /// How many times the full snapshot was loaded from the store (cache misses).
    var loadCount: Int { cache.loads }

    /// The snapshot `visibleOwnerIDs` may see, from cache when the store has not changed.
    public func snapshot(visibleOwnerIDs: Set<String>?) async throws -> AnalyticsSnapshot {
        let token: String? = try await store.read { r in try await (r as? any AnalyticsReading)?.changeToken() }
        let full: AnalyticsSnapshot
        if let token, let cached = cache.full(token: token) {
            full = cached
        } else {
            // Read after the token: a write landing in between makes the data newer than the token, never older.
            full = try await store.read { try await AnalyticsSnapshot.load(from: $0) }
            cache.countLoad()
            if let token { cache.store(full, token: token) }
        }
        guard let owners = visibleOwnerIDs else { return full }
        if let token, let cached = cache.restricted(owners, token: token) { return cached }
        let restricted = full.restricted(to: owners)
        if let token { cache.store(restricted, for: owners, token: token) }
        return restricted
    }

    /// Today in the organisation's fiscal time zone.
    public func today(_ snapshot: AnalyticsSnapshot) -> LocalDate {
        LocalDate(environment.now(), in: snapshot.calendar.timeZone)
    }

    /// Checks `input` and returns the snapshot with the resolved filter.
    public func resolve(_ input: AnalyticsFilterInput, visibleOwnerIDs: Set<String>?) async throws -> AnalyticsScope {
        let snapshot = try await snapshot(visibleOwnerIDs: visibleOwnerIDs)
        let today = today(snapshot)
        return AnalyticsScope(snapshot: snapshot, filter: try input.resolve(in: snapshot, today: today), today: today)
    }

    /// Headline metrics for the filter, with change against the previous period.
    public func summary(_ input: AnalyticsFilterInput, visibleOwnerIDs: Set<String>?) async throws -> (AnalyticsScope, MetricsComparison) {
        let scope = try await resolve(input, visibleOwnerIDs: visibleOwnerIDs)
        return (scope, scope.calculator.compareWithPrevious(scope.filter.metrics))
    }

    /// One row per rep, team, region or segment (the attainment leaderboard), plus the total.
    public func leaderboard(
        _ input: AnalyticsFilterInput, groupBy grouping: AnalyticsGrouping, visibleOwnerIDs: Set<String>?
    ) async throws -> (AnalyticsScope, MetricsReport) {
        let scope = try await resolve(input, visibleOwnerIDs: visibleOwnerIDs)
        return (scope, scope.calculator.report(scope.filter.metrics, groupBy: grouping.engineGrouping, options: MetricsOptions(includeFunnel: false)))
    }

    /// Stage funnel of the deals created in the window.
    public func funnel(_ input: AnalyticsFilterInput, visibleOwnerIDs: Set<String>?) async throws -> (AnalyticsScope, MetricsRow) {
        let scope = try await resolve(input, visibleOwnerIDs: visibleOwnerIDs)
        return (scope, scope.calculator.report(scope.filter.metrics).total)
    }

    /// `quarters` fiscal quarters ending with the one holding the window's last day, one row each.
    public func trends(
        _ input: AnalyticsFilterInput, quarters: Int = 8, visibleOwnerIDs: Set<String>?
    ) async throws -> (AnalyticsScope, MetricsReport) {
        let scope = try await resolve(input, visibleOwnerIDs: visibleOwnerIDs)
        return (scope, scope.trends(quarters: quarters))
    }

    /// One rep: this period vs the previous, and the trend; throws ``AnalyticsInputError`` for an unknown or
    /// invisible rep (the same message, so existence does not leak).
    public func rep(
        _ repID: String, _ input: AnalyticsFilterInput, visibleOwnerIDs: Set<String>?
    ) async throws -> RepAnalytics {
        var scoped = input
        scoped.team = nil
        scoped.manager = nil
        scoped.region = nil
        scoped.segment = nil
        scoped.rep = repID
        let scope = try await resolve(scoped, visibleOwnerIDs: visibleOwnerIDs)
        guard let rep = scope.snapshot.reps.first(where: { $0.meta.id == repID }) else {
            throw AnalyticsInputError("rep", "no rep with id '\(repID)'", code: "unknown_value")
        }
        return RepAnalytics(
            scope: scope, rep: rep, team: scope.snapshot.teams.first { $0.meta.id == rep.teamID },
            comparison: scope.calculator.compareWithPrevious(scope.filter.metrics), trend: scope.trends(quarters: 8))
    }

    /// Cohorts need history: without a period or dates, compare looks at the last eight fiscal quarters.
    public func withCompareDefaults(_ input: AnalyticsFilterInput, snapshot: AnalyticsSnapshot) -> AnalyticsFilterInput {
        guard input.period == nil && input.from == nil && input.to == nil else { return input }
        let current = snapshot.calendar.quarter(containing: today(snapshot))
        var copy = input
        copy.from = snapshot.calendar.quarter(current, offsetBy: -7).start.description
        copy.to = current.end.description
        return copy
    }

    /// Compares two cohorts of deals (see ``CohortInput``) within the filter's reps and window.
    public func compare(
        _ cohorts: CohortInput, _ input: AnalyticsFilterInput, visibleOwnerIDs: Set<String>?
    ) async throws -> (AnalyticsScope, CohortSelection, CohortComparison) {
        let snapshot = try await snapshot(visibleOwnerIDs: visibleOwnerIDs)
        let withDefault = withCompareDefaults(input, snapshot: snapshot)
        let scope = try await resolve(withDefault, visibleOwnerIDs: visibleOwnerIDs)
        let selection = try cohorts.select(in: scope)
        return (scope, selection, selection.comparison(timeZone: scope.snapshot.calendar.timeZone))
    }
}

/// A snapshot, a checked filter and "today": what one dashboard request works on.
public struct AnalyticsScope: Sendable {
    public var snapshot: AnalyticsSnapshot
    public var filter: ResolvedAnalyticsFilter
    public var today: LocalDate

    public init(snapshot: AnalyticsSnapshot, filter: ResolvedAnalyticsFilter, today: LocalDate) {
        self.snapshot = snapshot
        self.filter = filter
        self.today = today
    }

    /// The engine.
    public var calculator: SalesMetricsCalculator { snapshot.calculator }

    /// The trend report: `quarters` quarters ending with ``ResolvedAnalyticsFilter/lastQuarter``.
    public func trends(quarters: Int) -> MetricsReport {
        let calendar = snapshot.calendar
        let first = calendar.quarter(filter.lastQuarter, offsetBy: -(max(1, quarters) - 1))
        var metrics = filter.metrics
        metrics.timeFrame = .dates(DateWindow(first.start, filter.lastQuarter.end))
        return calculator.report(metrics, groupBy: .fiscalPeriod(.quarter), options: MetricsOptions(includeFunnel: false))
    }
}

/// How leaderboard rows are formed.
public enum AnalyticsGrouping: String, Sendable, CaseIterable {
    case rep, team, region, segment

    var engineGrouping: MetricsGrouping {
        switch self {
        case .rep: .rep
        case .team: .team
        case .region: .region
        case .segment: .segment
        }
    }

    /// Parses `group=`; nil and "" mean `rep`.
    public static func parse(_ text: String?) throws -> AnalyticsGrouping {
        guard let text, !text.isEmpty else { return .rep }
        guard let g = AnalyticsGrouping(rawValue: text.lowercased()) else {
            throw AnalyticsInputError("group", "'\(text)' is not a grouping (rep, team, region, segment)")
        }
        return g
    }
}

/// Everything the rep page shows.
public struct RepAnalytics: Sendable {
    public var scope: AnalyticsScope
    public var rep: Rep
    public var team: Team?
    public var comparison: MetricsComparison
    public var trend: MetricsReport
}

/// The full snapshot under one token, and restricted views of it.
private final class SnapshotCache: @unchecked Sendable {
    private let lock = NSLock()
    private var token: String?
    private var fullSnapshot: AnalyticsSnapshot?
    private var byOwners: [Set<String>: AnalyticsSnapshot] = [:]
    private var loadCounter = 0

    var loads: Int {
        lock.lock()
        defer { lock.unlock() }
        return loadCounter
    }

    func countLoad() {
        lock.lock()
        loadCounter += 1
        lock.unlock()
    }

    func full(token: String) -> AnalyticsSnapshot? {
        lock.lock()
        defer { lock.unlock() }
        return self.token == token ? fullSnapshot : nil
    }

    func restricted(_ owners: Set<String>, token: String) -> AnalyticsSnapshot? {
        lock.lock()
        defer { lock.unlock() }
        return self.token == token ? byOwners[owners] : nil
    }

    func store(_ snapshot: AnalyticsSnapshot, token: String) {
        lock.lock()
        defer { lock.unlock() }
        if self.token != token { byOwners = [:] }
        self.token = token
        fullSnapshot = snapshot
    }

    func store(_ snapshot: AnalyticsSnapshot, for owners: Set<String>, token: String) {
        lock.lock()
        defer { lock.unlock() }
        guard self.token == token else { return }
        if byOwners.count >= 64 { byOwners.removeAll() }
        byOwners[owners] = snapshot
    }
}
