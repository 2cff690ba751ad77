import CoxswainDomain
import Foundation

/// Everything the dashboards compute from, loaded once from the store: the org, its deals with stage history,
/// quotas and activities, the stage definitions and settings, and the metrics engine built over them.
///
/// A snapshot is immutable; ``restricted(to:)`` derives the snapshot a scoped user may see.
public struct AnalyticsSnapshot: Sendable {
    /// Organisation settings (name, default currency, fiscal calendar).
    public let settings: OrgSettings
    /// Reps, by id order.
    public let reps: [Rep]
    /// Teams (never restricted: names and hierarchy are not numbers).
    public let teams: [Team]
    /// Opportunities.
    public let opportunities: [Opportunity]
    /// Stage history of ``opportunities``.
    public let stageChanges: [OpportunityStageChange]
    /// Quotas.
    public let quotas: [Quota]
    /// Activities.
    public let activities: [Activity]
    /// Configured stages (the defaults when none are stored).
    public let stages: [StageDefinition]
    /// The owners this snapshot is limited to; nil when it holds everything.
    public let visibleOwnerIDs: Set<String>?
    /// The metrics engine over exactly these records.
    public let calculator: SalesMetricsCalculator

    /// Builds the engine over the given records.
    public init(
        settings: OrgSettings, reps: [Rep], teams: [Team], opportunities: [Opportunity], stageChanges: [OpportunityStageChange],
        quotas: [Quota], activities: [Activity], stages: [StageDefinition], visibleOwnerIDs: Set<String>? = nil
    ) {
        self.settings = settings
        self.reps = reps
        self.teams = teams
        self.opportunities = opportunities
        self.stageChanges = stageChanges
        self.quotas = quotas
        self.activities = activities
        self.stages = stages.isEmpty ? StageDefinition.defaults : stages
        self.visibleOwnerIDs = visibleOwnerIDs
        self.calculator = SalesMetricsCalculator(
            opportunities: opportunities, stageChanges: stageChanges, quotas: quotas, reps: reps, teams: teams,
            activities: activities, stages: self.stages, calendar: settings.fiscalCalendar)
    }

    /// The fiscal calendar.
    public var calendar: FiscalCalendar { settings.fiscalCalendar }

    /// The snapshot limited to records owned by `owners`: reps not in the set, their deals (and those deals'
    /// stage history), quotas and activities are dropped **before** the engine is built, so no count, sum or
    /// ratio can include them. Teams stay (their names are not numbers); a team whose reps are all hidden is
    /// simply empty. Deals of an owner who is not a rep are kept only when that owner id is in the set.
    ///
    /// Example: a manager seeing reps {r1, r2} gets attainment of {r1, r2} only; the "Total" row is the sum of
    /// those two, not the organisation's.
    public func restricted(to owners: Set<String>) -> AnalyticsSnapshot {
        let opportunities = opportunities.filter { owners.contains($0.ownerID) }
        let kept = Set(opportunities.map(\.meta.id))
        return AnalyticsSnapshot(
            settings: settings, reps: reps.filter { owners.contains($0.meta.id) }, teams: teams, opportunities: opportunities,
            stageChanges: stageChanges.filter { kept.contains($0.opportunityID) }, quotas: quotas.filter { owners.contains($0.repID) },
            activities: activities.filter { owners.contains($0.repID) }, stages: stages,
            visibleOwnerIDs: visibleOwnerIDs.map { $0.intersection(owners) } ?? owners)
    }

    /// Loads every record the dashboards need in one read.
    public static func load(from reader: any RecordReading) async throws -> AnalyticsSnapshot {
        let settings = try await OrgSettings.load(from: reader)
        // One query at a time: a reader may be a single connection.
        let reps: [Rep] = try await Self.all(reader)
        let teams: [Team] = try await Self.all(reader)
        let opportunities: [Opportunity] = try await Self.all(reader)
        let quotas: [Quota] = try await Self.all(reader)
        let activities: [Activity] = try await Self.all(reader)
        let stages: [StageDefinition] = try await Self.all(reader).sorted { $0.sortOrder < $1.sortOrder }
        let changes: [OpportunityStageChange]
        if let fast = reader as? any AnalyticsReading {
            changes = try await fast.allStageChanges()
        } else {
            var collected: [OpportunityStageChange] = []
            for o in opportunities { collected += try await reader.stageHistory(opportunityID: o.meta.id) }
            changes = collected
        }
        return AnalyticsSnapshot(
            settings: settings, reps: reps, teams: teams, opportunities: opportunities, stageChanges: changes,
            quotas: quotas, activities: activities, stages: stages)
    }

    private static func all<E: Entity>(_ reader: any RecordReading) async throws -> [E] {
        let sink = Sink<E>()
        try await reader.scan(E.schema, filters: [], batchSize: 10_000) { records in sink.add(records.map(E.init(record:))) }
        return sink.items
    }
}

/// Collects scanned batches (the scan callback is `@Sendable`).
private final class Sink<E: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [E] = []
    func add(_ more: [E]) {
        lock.lock()
        storage += more
        lock.unlock()
    }
    var items: [E] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
