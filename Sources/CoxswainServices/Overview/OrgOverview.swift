import CoxswainDomain
import Foundation

/// The headline numbers on the dashboard home page, read straight from the database.
public struct OrgOverview: Sendable {
    public struct StageRow: Sendable {
        public var stage: String
        public var count: Int
        /// Open amount in the organisation's default currency.
        public var amount: Money
    }

    public var settings: OrgSettings
    public var counts: [(String, Int)]
    /// Open pipeline per currency.
    public var openPipeline: [Money]
    public var openOpportunities: Int
    public var quarter: FiscalPeriod
    /// Won in the current fiscal quarter, per currency.
    public var wonThisQuarter: [Money]
    public var wonCountThisQuarter: Int
    /// Open pipeline by stage (default currency), in the configured stage order.
    public var pipelineByStage: [StageRow]
    /// Closed-won bookings (default currency) for the last eight fiscal quarters, oldest first.
    public var bookingsByQuarter: [(FiscalPeriod, Money)]

    /// Loads the overview as of `today`, as `principal` sees it: entities they may not read are left out and
    /// every count and sum covers only the owners they can see (a rep's home shows their own pipeline).
    public static func load(from store: any RecordStore, today: LocalDate, as principal: Principal) async throws -> OrgOverview {
        @Sendable func scope(_ schema: EntitySchema) -> [ListFilter]? { (try? RecordService.scopeFilters(schema, for: principal)) ?? nil }
        let oppScope = scope(Opportunity.schema)
        return try await store.read { r in
            let settings = try await OrgSettings.load(from: r)
            let currency = settings.defaultCurrency
            var counts: [(String, Int)] = []
            for schema in [Rep.schema, Team.schema, Account.schema, Contact.schema, Lead.schema, Opportunity.schema, Activity.schema] {
                guard let filters = scope(schema) else { continue }
                counts.append((schema.plural, try await r.count(schema, filters: filters)))
            }
            func aggregate(groupBy: String?, filters: [ListFilter]) async throws -> [AggregateRow] {
                guard let oppScope else { return [] }
                return try await r.aggregate(Opportunity.schema, groupBy: groupBy, sumField: "amount", filters: filters + oppScope)
            }
            let open = [ListFilter.eq("is_closed", .bool(false))]
            let pipeline = try await aggregate(groupBy: "currency", filters: open)
            let quarter = settings.fiscalCalendar.quarter(containing: today)
            let inQuarter = [
                ListFilter.eq("is_won", .bool(true)), ListFilter("close_date", .gte, [.date(quarter.start)]),
                ListFilter("close_date", .lte, [.date(quarter.end)]),
            ]
            let won = try await aggregate(groupBy: "currency", filters: inQuarter)
            let stageRows = try await aggregate(groupBy: "stage", filters: open + [.eq("currency", .text(currency.code))])
            var stages = try await r.list(StageDefinition.schema, ListQuery(sort: "sort_order", limit: 1000)).records.map(
                StageDefinition.init(record:))
            if stages.isEmpty { stages = StageDefinition.defaults }
            let byStage = stages.filter { !$0.isClosed }.map { s in
                let row = stageRows.first { $0.key == s.name }
                return StageRow(stage: s.name, count: row?.count ?? 0, amount: Money(minorUnits: row?.sum ?? 0, currency: currency))
            }
            var bookings: [(FiscalPeriod, Money)] = []
            for offset in (-7...0) {
                let q = settings.fiscalCalendar.quarter(quarter, offsetBy: offset)
                let rows = try await aggregate(
                    groupBy: nil,
                    filters: [
                        .eq("is_won", .bool(true)), .eq("currency", .text(currency.code)),
                        ListFilter("close_date", .gte, [.date(q.start)]), ListFilter("close_date", .lte, [.date(q.end)]),
                    ])
                bookings.append((q, Money(minorUnits: rows.first?.sum ?? 0, currency: currency)))
            }
            func money(_ rows: [AggregateRow]) -> [Money] {
                rows.compactMap { row in row.key.flatMap { Currency(code: $0) }.map { Money(minorUnits: row.sum, currency: $0) } }
                    .sorted { $0.amount > $1.amount }
            }
            return OrgOverview(
                settings: settings, counts: counts, openPipeline: money(pipeline),
                openOpportunities: pipeline.reduce(0) { $0 + $1.count }, quarter: quarter, wonThisQuarter: money(won),
                wonCountThisQuarter: won.reduce(0) { $0 + $1.count }, pipelineByStage: byStage, bookingsByQuarter: bookings)
        }
    }
}
