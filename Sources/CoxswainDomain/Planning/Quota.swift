import Foundation

/// A rep's target for a period (usually a fiscal quarter): bookings unless stated otherwise.
///
/// Attainment = credited bookings closed in `[periodStart, periodEnd]` ÷ `amount`.
public struct Quota: Hashable, Sendable, Entity {
    public var meta: RecordMeta
    public var repID: String
    public var periodStart: LocalDate
    public var periodEnd: LocalDate
    public var amount: Money
    /// What is measured: `bookings` (closed-won amount) or `pipeline` (pipeline created).
    public var metric: String

    public init(meta: RecordMeta, repID: String, periodStart: LocalDate, periodEnd: LocalDate, amount: Money, metric: String = "bookings") {
        self.meta = meta
        self.repID = repID
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.amount = amount
        self.metric = metric
    }

    public static let schema = EntitySchema(
        name: "quota", plural: "quotas",
        fields: [
            FieldSpec("rep_id", .reference("rep"), required: true, aliases: ["Rep", "Owner", "User"], doc: "Rep the quota belongs to."),
            FieldSpec("period_start", .date, required: true, aliases: ["Start Date", "Period Start"], doc: "First day of the period."),
            FieldSpec("period_end", .date, required: true, aliases: ["End Date", "Period End"], doc: "Last day of the period (inclusive)."),
            FieldSpec(
                "amount", .money(currencyField: "currency"), required: true, aliases: ["Quota", "Quota Amount", "Amount"], doc: "Target amount."),
            FieldSpec("currency", .currency, aliases: ["Currency"], doc: "Currency of amount."),
            FieldSpec("metric", .choice(["bookings", "pipeline"]), default: .text("bookings"), doc: "What the quota measures."),
        ],
        filterable: ["rep_id", "period_start", "period_end", "metric"],
        rules: [
            { record, _, _ in
                if let s = record.date("period_start"), let e = record.date("period_end"), e < s {
                    return [FieldIssue(code: "rule", field: "period_end", message: "\(e) is before period_start \(s)")]
                }
                return []
            }
        ])

    public init(record r: Record) {
        meta = RecordMeta(record: r)
        repID = r.text("rep_id") ?? ""
        periodStart = r.date("period_start") ?? LocalDate(1970, 1, 1)
        periodEnd = r.date("period_end") ?? LocalDate(1970, 1, 1)
        amount = r.money("amount") ?? .zero(.usd)
        metric = r.text("metric") ?? "bookings"
    }

    public var record: Record {
        var r = meta.record(Self.schema)
        r["rep_id"] = .text(repID)
        r["period_start"] = .date(periodStart)
        r["period_end"] = .date(periodEnd)
        r["amount"] = .decimal(amount.amount)
        r["currency"] = .text(amount.currency.code)
        r["metric"] = .text(metric)
        return r
    }
}
