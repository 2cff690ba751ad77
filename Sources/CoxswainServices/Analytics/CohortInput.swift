import CoxswainDomain
import Foundation

/// How the methodology-compare page and API split deals into two cohorts, as URL parameters:
///
/// - a date split: `split=2026-03-01` (and `split_on=created`, the default, or `split_on=close`) — cohort A is
///   the deals created (closed) before that date, cohort B those on or after it: "did the new discovery
///   methodology, introduced on 1 March, change conversion?";
/// - a field split: `field=lead_source&value=Webinar` — cohort B is the deals whose field equals the value
///   (case-insensitive), cohort A the rest. `field` names an opportunity field (`lead_source`, `type`,
///   `segment`, `stage`, `forecast_category`), an opportunity custom field (`custom.discovery_v2`), a rep field
///   (`rep.region`, `rep.segment`, `rep.role`, `rep.team_id`) or a rep custom field (`rep.custom.uses_gong`);
///   booleans match `true`/`false`.
///
/// Only deals of reps in the filter's scope, created in its window, take part.
public struct CohortInput: Sendable, Hashable {
    public var split: String?
    public var splitOn: String?
    public var field: String?
    public var value: String?

    /// The names this type reads from a query string.
    public static let parameterNames = ["split", "split_on", "field", "value"]

    public init(split: String? = nil, splitOn: String? = nil, field: String? = nil, value: String? = nil) {
        self.split = split
        self.splitOn = splitOn
        self.field = field
        self.value = value
    }

    /// Reads the known parameters; empty values count as absent.
    public init(query: [(String, String)]) {
        for (name, raw) in query {
            let v = raw.trimmingCharacters(in: .whitespaces)
            if v.isEmpty { continue }
            switch name {
            case "split": split = v
            case "split_on": splitOn = v
            case "field": field = v
            case "value": value = v
            default: continue
            }
        }
    }

    /// True when no cohort definition was given (the page then shows its form only).
    public var isEmpty: Bool { split == nil && field == nil && value == nil }

    /// The parameters that are set, for links.
    public var queryItems: [(String, String)] {
        zip(Self.parameterNames, [split, splitOn, field, value]).compactMap { n, v in v.map { (n, $0) } }
    }

    /// Splits the deals of `scope` into the two cohorts.
    /// - Throws: ``AnalyticsInputError`` naming the bad parameter.
    public func select(in scope: AnalyticsScope) throws -> CohortSelection {
        let deals = try scope.dealsInScope()
        if split != nil && (field != nil || value != nil) {
            throw AnalyticsInputError("split", "give either split (a date) or field and value, not both")
        }
        if let split {
            guard let date = LocalDate(parsing: split) else {
                throw AnalyticsInputError("split", "'\(split)' is not a date (use YYYY-MM-DD)")
            }
            let tz = scope.snapshot.calendar.timeZone
            let byClose: Bool
            switch splitOn?.lowercased() ?? "created" {
            case "created": byClose = false
            case "close": byClose = true
            default: throw AnalyticsInputError("split_on", "'\(splitOn ?? "")' is not created or close")
            }
            let word = byClose ? "Closing" : "Created"
            func day(_ o: Opportunity) -> LocalDate { byClose ? o.closeDate : LocalDate(o.meta.createdAt, in: tz) }
            return CohortSelection(
                nameA: "\(word) before \(date)", nameB: "\(word) on or after \(date)",
                a: deals.filter { day($0) < date }, b: deals.filter { day($0) >= date })
        }
        guard let field else {
            throw AnalyticsInputError("split", "define the cohorts: split=YYYY-MM-DD, or field=… and value=…", code: "required")
        }
        guard let value else { throw AnalyticsInputError("value", "field \(field) needs a value to compare against", code: "required") }
        let reps = Dictionary(scope.snapshot.reps.map { ($0.meta.id, $0) }, uniquingKeysWith: { a, _ in a })
        let read = try Self.reader(field)
        let matches: (Opportunity) -> Bool = { o in
            guard let v = read(o, reps[o.ownerID]) else { return false }
            return Self.equal(v, value)
        }
        return CohortSelection(
            nameA: "\(field) ≠ \(value)", nameB: "\(field) = \(value)", a: deals.filter { !matches($0) }, b: deals.filter(matches))
    }

    /// Reads a field of a deal or of its owner as a value.
    private static func reader(_ field: String) throws -> (Opportunity, Rep?) -> FieldValue? {
        let lower = field.lowercased()
        if lower.hasPrefix("rep.custom.") {
            let key = String(field.dropFirst("rep.custom.".count))
            return { _, rep in rep?.meta.customFields[key] }
        }
        if lower.hasPrefix("rep.") {
            switch lower.dropFirst(4) {
            case "region": return { _, rep in FieldValue(rep?.region) }
            case "segment": return { _, rep in FieldValue(rep?.segment) }
            case "role": return { _, rep in FieldValue(rep?.role.rawValue) }
            case "team_id": return { _, rep in FieldValue(rep?.teamID) }
            case "manager_id": return { _, rep in FieldValue(rep?.managerID) }
            default:
                throw AnalyticsInputError(
                    "field", "'\(field)' is not a rep field (rep.region, rep.segment, rep.role, rep.team_id, rep.manager_id, rep.custom.<key>)")
            }
        }
        let name = lower.hasPrefix("opportunity.") ? String(field.dropFirst("opportunity.".count)) : field
        if name.lowercased().hasPrefix("custom.") {
            let key = String(name.dropFirst("custom.".count))
            return { o, _ in o.meta.customFields[key] }
        }
        switch name.lowercased() {
        case "lead_source": return { o, _ in FieldValue(o.leadSource) }
        case "type": return { o, _ in FieldValue(o.type?.rawValue) }
        case "segment": return { o, _ in FieldValue(o.segment?.rawValue) }
        case "stage": return { o, _ in .text(o.stage) }
        case "forecast_category": return { o, _ in .text(o.forecastCategory.rawValue) }
        default:
            throw AnalyticsInputError(
                "field",
                "'\(field)' is not a field cohorts can use (lead_source, type, segment, stage, forecast_category, custom.<key>, "
                    + "rep.region, rep.segment, rep.role, rep.team_id, rep.custom.<key>)")
        }
    }

    /// Case-insensitive text match; booleans match true/false/yes/no/1/0.
    static func equal(_ v: FieldValue, _ wanted: String) -> Bool {
        if let b = v.bool {
            switch wanted.lowercased() {
            case "true", "yes", "1": return b
            case "false", "no", "0": return !b
            default: return false
            }
        }
        if v.isNull { return false }
        return v.csvText.caseInsensitiveCompare(wanted) == .orderedSame
    }
}

/// Two named cohorts of deals.
public struct CohortSelection: Sendable {
    public var nameA: String
    public var nameB: String
    public var a: [Opportunity]
    public var b: [Opportunity]

    /// The statistics (B against A).
    public func comparison(timeZone: TimeZone, options: CohortComparisonOptions = CohortComparisonOptions()) -> CohortComparison {
        let idsB = Set(b.map(\.meta.id))
        let idsA = Set(a.map(\.meta.id))
        return CohortComparison(
            opportunities: a + b.filter { !idsA.contains($0.meta.id) }, nameA: nameA, cohortA: { idsA.contains($0.meta.id) },
            nameB: nameB, cohortB: { idsB.contains($0.meta.id) }, timeZone: timeZone, options: options)
    }
}

extension AnalyticsScope {
    /// Deals of reps in the filter's scope (all deals when it is everyone), created in the filter's window.
    func dealsInScope() throws -> [Opportunity] {
        let m = filter.metrics
        let window = m.timeFrame.window
        let tz = snapshot.calendar.timeZone
        var owners: Set<String>?
        if m.reps != .everyone || m.region != nil || m.segment != nil {
            let rows = calculator.report(m, groupBy: .rep, options: MetricsOptions(includeFunnel: false)).rows
            owners = Set(rows.map(\.key))
        }
        return snapshot.opportunities.filter { o in
            if let owners, !owners.contains(o.ownerID) { return false }
            if let c = m.currency, o.amount.currency != c { return false }
            let created = LocalDate(o.meta.createdAt, in: tz)
            return created >= window.start && created <= window.end
        }
    }
}
