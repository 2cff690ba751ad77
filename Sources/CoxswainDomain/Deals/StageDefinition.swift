import Foundation

/// Salesforce-compatible forecast categories (API values in parentheses in Salesforce: Pipeline, BestCase,
/// MostLikely, Forecast = Commit, Closed, Omitted).
public enum ForecastCategory: String, CaseIterable, Hashable, Sendable, Codable {
    case pipeline, bestCase = "best_case", mostLikely = "most_likely", commit, closed, omitted
}

/// One opportunity stage of the organisation's sales process. Stages, their order, default probability and
/// forecast category are **configuration**, editable through `/api/v1/stages`; nothing in Coxswain hard-codes
/// a stage name.
///
/// Changing an opportunity's stage sets its probability and forecast category to the stage's defaults unless
/// the same write sets them explicitly (Salesforce behaviour); an existing opportunity keeps its values if an
/// admin later edits the stage's defaults.
public struct StageDefinition: Hashable, Sendable, Entity {
    public var meta: RecordMeta
    public var name: String
    /// Position in the sales process (ascending).
    public var sortOrder: Int
    /// Default win probability in percent, 0–100.
    public var probability: Int
    public var forecastCategory: ForecastCategory
    public var isClosed: Bool
    public var isWon: Bool
    public var active: Bool

    public init(
        meta: RecordMeta, name: String, sortOrder: Int, probability: Int, forecastCategory: ForecastCategory,
        isClosed: Bool = false, isWon: Bool = false, active: Bool = true
    ) {
        self.meta = meta
        self.name = name
        self.sortOrder = sortOrder
        self.probability = probability
        self.forecastCategory = forecastCategory
        self.isClosed = isClosed
        self.isWon = isWon
        self.active = active
    }

    public static let schema = EntitySchema(
        name: "stage", plural: "stages",
        fields: [
            FieldSpec("name", .text(maxLength: 80), required: true, aliases: ["Stage", "Stage Name"], doc: "Stage name as shown in the CRM."),
            FieldSpec("sort_order", .integer(min: 0, max: 1000), required: true, doc: "Position in the sales process."),
            FieldSpec("probability", .integer(min: 0, max: 100), required: true, doc: "Default win probability in percent."),
            FieldSpec("forecast_category", .choice(ForecastCategory.allCases.map(\.rawValue)), required: true, doc: "Default forecast category."),
            FieldSpec("is_closed", .bool, default: .bool(false), doc: "Deals in this stage are closed."),
            FieldSpec("is_won", .bool, default: .bool(false), doc: "Deals in this stage are won (implies closed)."),
            FieldSpec("active", .bool, default: .bool(true), doc: "Inactive stages cannot be chosen for new changes."),
        ],
        uniqueFields: ["name"], filterable: ["name", "is_closed", "is_won", "active"],
        rules: [
            { record, _, _ in
                if record.bool("is_won") == true && record.bool("is_closed") != true {
                    return [FieldIssue(code: "rule", field: "is_closed", message: "a won stage must also be closed")]
                }
                return []
            }
        ])

    public init(record r: Record) {
        meta = RecordMeta(record: r)
        name = r.text("name") ?? ""
        sortOrder = Int(r.int("sort_order") ?? 0)
        probability = Int(r.int("probability") ?? 0)
        forecastCategory = ForecastCategory(rawValue: r.text("forecast_category") ?? "") ?? .pipeline
        isClosed = r.bool("is_closed") ?? false
        isWon = r.bool("is_won") ?? false
        active = r.bool("active") ?? true
    }

    public var record: Record {
        var r = meta.record(Self.schema)
        r["name"] = .text(name)
        r["sort_order"] = .integer(Int64(sortOrder))
        r["probability"] = .integer(Int64(probability))
        r["forecast_category"] = .text(forecastCategory.rawValue)
        r["is_closed"] = .bool(isClosed)
        r["is_won"] = .bool(isWon)
        r["active"] = .bool(active)
        return r
    }

    /// A typical B2B process used for new organisations and the demo:
    /// Prospecting 10% Pipeline → Qualification 20% → Discovery 40% → Proposal 60% Best Case →
    /// Negotiation 80% Commit → Closed Won 100% Closed / Closed Lost 0% Omitted.
    public static let defaults: [StageDefinition] = {
        let rows: [(String, Int, ForecastCategory, Bool, Bool)] = [
            ("Prospecting", 10, .pipeline, false, false), ("Qualification", 20, .pipeline, false, false),
            ("Discovery", 40, .pipeline, false, false), ("Proposal", 60, .bestCase, false, false),
            ("Negotiation", 80, .commit, false, false), ("Closed Won", 100, .closed, true, true),
            ("Closed Lost", 0, .omitted, true, false),
        ]
        let epoch = Date(timeIntervalSince1970: 1_704_067_200)
        return rows.enumerated().map { i, row in
            StageDefinition(
                meta: RecordMeta(id: "stage-\(i + 1)", createdAt: epoch), name: row.0, sortOrder: (i + 1) * 10,
                probability: row.1, forecastCategory: row.2, isClosed: row.3, isWon: row.4)
        }
    }()
}
