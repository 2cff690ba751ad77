import Foundation

/// A deal: an amount the organisation expects to win from an account by a close date.
///
/// Stage history and field history are kept by the service layer as immutable rows
/// (``OpportunityStageChange``, ``FieldChange``) so forecasting and hygiene can see what changed and when.
public struct Opportunity: Hashable, Sendable, Entity {
    /// Why the deal exists.
    public enum DealType: String, CaseIterable, Hashable, Sendable, Codable {
        case newBusiness = "new_business", expansion, renewal
    }

    public var meta: RecordMeta
    public var accountID: String
    public var ownerID: String
    public var name: String
    public var amount: Money
    public var stage: String
    /// Win probability in percent (0–100).
    public var probability: Int
    public var closeDate: LocalDate
    public var forecastCategory: ForecastCategory
    public var nextStep: String?
    public var type: DealType?
    public var leadSource: String?
    public var segment: Segment?
    public var isClosed: Bool
    public var isWon: Bool
    public var closedAt: Date?
    /// How many times the close date moved into a later fiscal period.
    public var pushCount: Int

    public init(
        meta: RecordMeta, accountID: String, ownerID: String, name: String, amount: Money, stage: String,
        probability: Int, closeDate: LocalDate, forecastCategory: ForecastCategory, nextStep: String? = nil,
        type: DealType? = nil, leadSource: String? = nil, segment: Segment? = nil, isClosed: Bool = false,
        isWon: Bool = false, closedAt: Date? = nil, pushCount: Int = 0
    ) {
        self.meta = meta
        self.accountID = accountID
        self.ownerID = ownerID
        self.name = name
        self.amount = amount
        self.stage = stage
        self.probability = probability
        self.closeDate = closeDate
        self.forecastCategory = forecastCategory
        self.nextStep = nextStep
        self.type = type
        self.leadSource = leadSource
        self.segment = segment
        self.isClosed = isClosed
        self.isWon = isWon
        self.closedAt = closedAt
        self.pushCount = pushCount
    }

    public static let schema = EntitySchema(
        name: "opportunity", plural: "opportunities",
        fields: [
            FieldSpec(
                "account_id", .reference("account"), required: true, aliases: ["Account ID", "Account Name", "Account", "Associated Company"],
                doc: "Account the deal is with."),
            FieldSpec(
                "owner_id", .reference("rep"), required: true, aliases: ["Opportunity Owner", "Owner", "Deal owner", "Owner ID"], doc: "Owning rep."),
            FieldSpec("name", .text(maxLength: 255), required: true, aliases: ["Opportunity Name", "Deal Name", "Name"], doc: "Deal name."),
            FieldSpec(
                "amount", .money(currencyField: "currency"), required: true, aliases: ["Amount", "Deal Amount"], doc: "Deal value; never negative."),
            FieldSpec("currency", .currency, aliases: ["Currency", "Opportunity Currency", "Deal Currency Code"], doc: "Currency of amount."),
            FieldSpec(
                "stage", .text(maxLength: 80), required: true, aliases: ["Stage", "Deal Stage", "Stage Name"],
                doc: "One of the organisation's stages."),
            FieldSpec(
                "probability", .integer(min: 0, max: 100), aliases: ["Probability (%)", "Probability", "Deal probability"],
                doc: "Win probability %; defaults from stage."),
            FieldSpec("close_date", .date, required: true, aliases: ["Close Date", "Expected Close Date"], doc: "Expected or actual close date."),
            FieldSpec(
                "forecast_category", .choice(ForecastCategory.allCases.map(\.rawValue)), aliases: ["Forecast Category", "Forecast category"],
                doc: "Forecast category; defaults from stage."),
            FieldSpec("next_step", .text(maxLength: 255), aliases: ["Next Step"], doc: "Agreed next step."),
            FieldSpec(
                "type", .choice(DealType.allCases.map(\.rawValue)), aliases: ["Type", "Deal Type", "Opportunity Type"],
                doc: "New business, expansion or renewal."),
            FieldSpec("lead_source", .text(maxLength: 80), aliases: ["Lead Source", "Original Source"], doc: "Source of the deal."),
            FieldSpec("segment", .choice(Segment.allCases.map(\.rawValue)), aliases: ["Segment"], doc: "Customer segment."),
            FieldSpec("is_closed", .bool, access: .system, doc: "Derived from stage."),
            FieldSpec("is_won", .bool, access: .system, doc: "Derived from stage."),
            FieldSpec("closed_at", .timestamp, access: .createOnly, aliases: ["Closed Date"], doc: "When the deal closed."),
            FieldSpec("push_count", .integer(min: 0, max: nil), access: .system, doc: "Times the close date moved to a later fiscal period."),
        ],
        filterable: [
            "account_id", "owner_id", "stage", "close_date", "forecast_category", "is_closed", "is_won", "type", "segment", "lead_source", "amount",
        ],
        rules: [applyStageRules])

    /// Stage rules: the stage must be configured; a new stage brings its default probability and forecast
    /// category unless the same write sets them; closed/won follow the stage; the close date cannot precede
    /// the creation date.
    ///
    /// Example: moving a deal at Discovery (40%, Pipeline) to "Negotiation" sets 80% and Commit; moving it to
    /// "Closed Won" sets 100%, Closed, `is_closed` and `is_won`, and stamps `closed_at`.
    static let applyStageRules: EntitySchema.Rule = { record, context, mode in
        var issues: [FieldIssue] = []
        guard let stageName = record.text("stage") else { return [] }
        guard let stage = context.stage(named: stageName) else {
            let names = context.stages.sorted { $0.sortOrder < $1.sortOrder }.map(\.name).joined(separator: ", ")
            return [FieldIssue(code: "unknown_value", field: "stage", message: "'\(stageName)' is not a configured stage (\(names))")]
        }
        record["stage"] = .text(stage.name)
        var stageChanged = true
        var previous: Record?
        if case .update(let existing) = mode {
            previous = existing
            stageChanged = existing.text("stage") != stage.name
        }
        if record["probability"].isNull || (stageChanged && record["probability"] == previous?["probability"]) {
            record["probability"] = .integer(Int64(stage.probability))
        }
        if record["forecast_category"].isNull || (stageChanged && record["forecast_category"] == previous?["forecast_category"]) {
            record["forecast_category"] = .text(stage.forecastCategory.rawValue)
        }
        record["is_closed"] = .bool(stage.isClosed)
        record["is_won"] = .bool(stage.isWon)
        if stage.isClosed, record["closed_at"].isNull {
            let fallback = record.date("close_date").map { Date(timeIntervalSince1970: Double($0.dayNumber) * 86_400) }
            record["closed_at"] = .timestamp(mode.isCreate ? (fallback ?? context.now) : context.now)
        } else if !stage.isClosed {
            record["closed_at"] = .null
        }
        if record["push_count"].isNull { record["push_count"] = .integer(0) }
        if let close = record.date("close_date"), let created = record.timestamp("created_at") {
            let createdDay = LocalDate(created, in: TimeZone(identifier: "UTC")!)
            if close < createdDay {
                issues.append(
                    FieldIssue(
                        code: "rule", field: "close_date",
                        message: "\(close) is before the opportunity was created (\(createdDay))"))
            }
        }
        return issues
    }

    public init(record r: Record) {
        meta = RecordMeta(record: r)
        accountID = r.text("account_id") ?? ""
        ownerID = r.text("owner_id") ?? ""
        name = r.text("name") ?? ""
        amount = r.money("amount") ?? .zero(.usd)
        stage = r.text("stage") ?? ""
        probability = Int(r.int("probability") ?? 0)
        closeDate = r.date("close_date") ?? LocalDate(1970, 1, 1)
        forecastCategory = ForecastCategory(rawValue: r.text("forecast_category") ?? "") ?? .pipeline
        nextStep = r.text("next_step")
        type = r.text("type").flatMap(DealType.init(rawValue:))
        leadSource = r.text("lead_source")
        segment = r.text("segment").flatMap(Segment.init(rawValue:))
        isClosed = r.bool("is_closed") ?? false
        isWon = r.bool("is_won") ?? false
        closedAt = r.timestamp("closed_at")
        pushCount = Int(r.int("push_count") ?? 0)
    }

    public var record: Record {
        var r = meta.record(Self.schema)
        r["account_id"] = .text(accountID)
        r["owner_id"] = .text(ownerID)
        r["name"] = .text(name)
        r["amount"] = .decimal(amount.amount)
        r["currency"] = .text(amount.currency.code)
        r["stage"] = .text(stage)
        r["probability"] = .integer(Int64(probability))
        r["close_date"] = .date(closeDate)
        r["forecast_category"] = .text(forecastCategory.rawValue)
        r["next_step"] = .init(nextStep)
        r["type"] = .init(type?.rawValue)
        r["lead_source"] = .init(leadSource)
        r["segment"] = .init(segment?.rawValue)
        r["is_closed"] = .bool(isClosed)
        r["is_won"] = .bool(isWon)
        r["closed_at"] = .init(closedAt)
        r["push_count"] = .integer(Int64(pushCount))
        return r
    }
}

/// One stage transition of an opportunity with a snapshot of the deal at that moment (like Salesforce's
/// OpportunityHistory): the basis for stage conversion, stage duration and forecast-accuracy analytics.
public struct OpportunityStageChange: Hashable, Sendable, Codable {
    public var opportunityID: String
    /// nil for the first stage the deal entered.
    public var fromStage: String?
    public var toStage: String
    public var amount: Money
    public var probability: Int
    public var closeDate: LocalDate
    public var forecastCategory: ForecastCategory
    public var changedAt: Date
    /// User, token or system process that made the change.
    public var changedBy: String

    public init(
        opportunityID: String, fromStage: String?, toStage: String, amount: Money, probability: Int,
        closeDate: LocalDate, forecastCategory: ForecastCategory, changedAt: Date, changedBy: String
    ) {
        self.opportunityID = opportunityID
        self.fromStage = fromStage
        self.toStage = toStage
        self.amount = amount
        self.probability = probability
        self.closeDate = closeDate
        self.forecastCategory = forecastCategory
        self.changedAt = changedAt
        self.changedBy = changedBy
    }

    /// The snapshot of `opportunity` entering its current stage.
    public init(_ opportunity: Opportunity, from: String?, at: Date, by actor: String) {
        self.init(
            opportunityID: opportunity.meta.id, fromStage: from, toStage: opportunity.stage, amount: opportunity.amount,
            probability: opportunity.probability, closeDate: opportunity.closeDate,
            forecastCategory: opportunity.forecastCategory, changedAt: at, changedBy: actor)
    }
}

/// A change of one field of one record, kept for every entity. Old and new values are in their CSV text form
/// (``FieldValue/csvText``): dates `2026-03-31`, amounts `35000.5`, ids as they are; nil for null.
public struct FieldChange: Hashable, Sendable, Codable {
    public var entity: String
    public var recordID: String
    public var field: String
    public var oldValue: String?
    public var newValue: String?
    public var changedAt: Date
    public var changedBy: String

    public init(entity: String, recordID: String, field: String, oldValue: String?, newValue: String?, changedAt: Date, changedBy: String) {
        self.entity = entity
        self.recordID = recordID
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.changedAt = changedAt
        self.changedBy = changedBy
    }
}
