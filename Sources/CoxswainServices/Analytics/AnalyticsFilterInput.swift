import CoxswainDomain
import Foundation

/// The dashboard and API filters as they arrive in a URL, before they are checked:
/// `?period=FY2027-Q3&team=<team id>&region=EMEA&segment=enterprise&currency=USD`.
///
/// - `period`: a fiscal year, quarter or month label (`FY2027`, `FY2027-Q3`, `FY2027-M05`); or `from`/`to`
///   dates (`2026-03-01`, both inclusive; `to` defaults to today). Default: the current fiscal quarter.
/// - At most one of `team` (that team's subtree), `manager` (everyone under that rep) and `rep`.
/// - `region` (the rep's, else their team's), `segment` (`smb`, `mid_market`, `enterprise`), `currency`.
public struct AnalyticsFilterInput: Sendable, Hashable {
    public var period: String?
    public var from: String?
    public var to: String?
    public var team: String?
    public var manager: String?
    public var rep: String?
    public var region: String?
    public var segment: String?
    public var currency: String?

    /// The names this type reads from a query string.
    public static let parameterNames = ["period", "from", "to", "team", "manager", "rep", "region", "segment", "currency"]

    /// Empty input: the current quarter, everyone, every currency.
    public init() {}

    /// Reads the known parameters from query pairs; empty values count as absent, unknown names are ignored.
    public init(query: [(String, String)]) {
        for (name, raw) in query {
            let value = raw.trimmingCharacters(in: .whitespaces)
            if value.isEmpty { continue }
            switch name {
            case "period": period = value
            case "from": from = value
            case "to": to = value
            case "team": team = value
            case "manager": manager = value
            case "rep": rep = value
            case "region": region = value
            case "segment": segment = value
            case "currency": currency = value
            default: continue
            }
        }
    }

    /// The parameters that are set, in a fixed order, for building links that keep the filters.
    public var queryItems: [(String, String)] {
        let values = [period, from, to, team, manager, rep, region, segment, currency]
        return zip(Self.parameterNames, values).compactMap { name, value in value.map { (name, $0) } }
    }
}

/// Filters that did not make sense, every problem at once, each naming the parameter:
/// `period: 'FY26Q3' is not a fiscal period (use FY2027, FY2027-Q3 or FY2027-M05)`.
public struct AnalyticsInputError: Error, Sendable, CustomStringConvertible {
    /// One issue per bad parameter (`field` is the parameter name).
    public var issues: [FieldIssue]

    public init(_ issues: [FieldIssue]) { self.issues = issues }

    public init(_ field: String, _ message: String, code: String = "invalid_filter") {
        self.issues = [FieldIssue(code: code, field: field, message: message)]
    }

    public var description: String { issues.map { "\($0.field): \($0.message)" }.joined(separator: "; ") }
}

/// A checked filter: what the engine runs, plus labels for pages.
public struct ResolvedAnalyticsFilter: Sendable, Hashable {
    /// The engine filter.
    public var metrics: MetricsFilter
    /// The input it came from (for links that keep the filters).
    public var input: AnalyticsFilterInput
    /// "Everyone", "Team EMEA (and below)", "Reports of Dana Reyes", "Dana Reyes".
    public var scopeLabel: String
    /// The currency that charts show: the filter's, else the organisation's default.
    public var displayCurrency: Currency
    /// The fiscal quarter holding the window's last day (trends end here).
    public var lastQuarter: FiscalPeriod
}

extension AnalyticsFilterInput {
    /// Longest date range accepted (a guard against `from=0001-01-01` asking for thousands of periods).
    public static let maximumDays = 366 * 20

    /// Checks the input against `snapshot` (teams, reps, regions that exist) as of `today`.
    /// - Throws: ``AnalyticsInputError`` listing every bad parameter.
    public func resolve(in snapshot: AnalyticsSnapshot, today: LocalDate) throws -> ResolvedAnalyticsFilter {
        let calendar = snapshot.calendar
        var issues: [FieldIssue] = []
        func issue(_ field: String, _ message: String, _ code: String = "invalid_filter") {
            issues.append(FieldIssue(code: code, field: field, message: message))
        }
        var frame = MetricsTimeFrame.period(calendar.quarter(containing: today))
        if period != nil && (from != nil || to != nil) {
            issue("period", "give either period or from/to, not both")
        } else if let period {
            if let p = calendar.period(named: period) {
                frame = .period(p)
            } else {
                issue("period", "'\(period)' is not a fiscal period (use FY2027, FY2027-Q3 or FY2027-M05)")
            }
        } else if from != nil || to != nil {
            let start = from.flatMap { LocalDate(parsing: $0) }
            let end = to.map { LocalDate(parsing: $0) } ?? today
            if let from, start == nil { issue("from", "'\(from)' is not a date (use YYYY-MM-DD)") }
            if let to, end == nil { issue("to", "'\(to)' is not a date (use YYYY-MM-DD)") }
            if from == nil { issue("from", "a date range needs from (YYYY-MM-DD)", "required") }
            if let start, let end {
                if start > end {
                    issue("to", "the range is inverted: from \(start) is after to \(end)")
                } else if start.days(to: end) > Self.maximumDays {
                    issue("to", "the range \(start)…\(end) is longer than 20 years")
                } else {
                    frame = .dates(DateWindow(start, end))
                }
            }
        }
        var scope = RepScope.everyone
        var scopeLabel = "Everyone"
        let chosen = [("team", team), ("manager", manager), ("rep", rep)].filter { $0.1 != nil }
        if chosen.count > 1 {
            issue(chosen[1].0, "choose one of team, manager and rep (got \(chosen.map(\.0).joined(separator: " and ")))")
        } else if let team {
            if let t = snapshot.teams.first(where: { $0.meta.id == team }) {
                scope = .teamSubtree(teamID: team)
                scopeLabel = "Team \(t.name) (and below)"
            } else {
                issue("team", "no team with id '\(team)'", "unknown_value")
            }
        } else if let manager {
            if let m = snapshot.reps.first(where: { $0.meta.id == manager }) {
                scope = .managerSubtree(managerID: manager)
                scopeLabel = "\(m.fullName) and their organisation"
            } else {
                issue("manager", "no rep with id '\(manager)'", "unknown_value")
            }
        } else if let rep {
            if let r = snapshot.reps.first(where: { $0.meta.id == rep }) {
                scope = .reps([rep])
                scopeLabel = r.fullName
            } else {
                issue("rep", "no rep with id '\(rep)'", "unknown_value")
            }
        }
        var regionValue: String?
        if let region {
            let known = Set(snapshot.reps.compactMap(\.region) + snapshot.teams.compactMap(\.region))
            if let match = known.first(where: { $0.caseInsensitiveCompare(region) == .orderedSame }) {
                regionValue = match
            } else {
                let list = known.sorted().joined(separator: ", ")
                issue("region", "'\(region)' is not a region of this organisation (\(list.isEmpty ? "none defined" : list))", "unknown_value")
            }
        }
        var segmentValue: Segment?
        if let segment {
            if let s = FieldParser.choiceMatch(segment, Segment.allCases.map(\.rawValue)).flatMap(Segment.init(rawValue:)) {
                segmentValue = s
            } else {
                issue("segment", "'\(segment)' is not a segment (smb, mid_market, enterprise)", "unknown_value")
            }
        }
        var currencyValue: Currency?
        if let currency {
            if let c = Currency(code: currency) { currencyValue = c } else { issue("currency", "'\(currency)' is not an ISO currency code") }
        }
        if !issues.isEmpty { throw AnalyticsInputError(issues) }
        let metrics = MetricsFilter(frame, reps: scope, region: regionValue, segment: segmentValue, currency: currencyValue)
        return ResolvedAnalyticsFilter(
            metrics: metrics, input: self, scopeLabel: scopeLabel,
            displayCurrency: currencyValue ?? snapshot.settings.defaultCurrency,
            lastQuarter: calendar.quarter(containing: frame.window.end))
    }
}
