import ArgumentParser
import CoxswainDomain
import CoxswainServices
import Foundation

/// `coxswain route IN.csv --policy policy.json --reps reps.csv --out assignments.csv`: route a CRM export's leads.
struct RouteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Route leads from a CSV file through a routing policy and write one assignment per lead.",
        discussion: """
            IN.csv: one lead per row with an id column (id or external_id) and any lead fields, matched by name or CRM \
            alias (Country, No. of Employees, Lead Source …). created_at (ISO 8601) is the arrival time that working \
            hours, caps and SLAs use (default: --at, else now). Other columns are custom fields: a condition on \
            custom_fields.<key> reads the column named <key>. Leads are routed in file order.

            --policy: the routing policy JSON: {"id", "version", "pools": [{"id", "strategy": round_robin | \
            weighted_round_robin | load_balanced, "members": [{"rep", "weight"}], "caps": [{"period": day | week, "max", \
            "rep"}]}], "rules": [{"id", "when": condition, "assign": {"pool" | "rep" | "account_owner" | "sticky" | \
            "territory_team"}, "fallback": rule id, "sla_minutes", "working_hours_only"}]}. Conditions: {"field", \
            "equals" | "in" | "range": {"min", "max"} | "regex" | "exists"}, {"all": […]}, {"any": […]}, {"not": {…}}.

            --reps: one rep per row. Columns: id (required), email, first_name and last_name or name, active \
            (true/false, default true), time_zone (IANA, default UTC), work_start and work_end (HH:MM, default \
            09:00–17:00), work_days (mon;tue;wed;thu;fri), out_of_office (2026-03-02..2026-03-06;…), team_id (for \
            territory_team rules), role (default ae). Rep CRM aliases (Email Address, Time Zone …) are accepted.

            --territories: optional CSV territory,team_id mapping a lead's territory value to a team.

            Output: lead_id,owner_id,rule,reason. A lead nobody can take goes to the hold queue: empty owner_id and \
            the reason. Progress and a summary go to standard error.
            """)

    @Argument(help: "Leads CSV (- for standard input).") var input: String
    @Option(help: "Routing policy JSON file.") var policy: String
    @Option(help: "Reps CSV (columns in the discussion above).") var reps: String
    @Option(help: "Where to write lead_id,owner_id,rule,reason.") var out: String?
    @Option(help: "CSV of territory,team_id for territory_team rules.") var territories: String?
    @Option(help: "Routing state JSON (cursors and counters): read if it exists, written back after routing.") var state: String?
    @Option(help: "Arrival time for leads without created_at (ISO 8601; default now).") var at: String?
    @Flag(help: "Replay: compare with the owner_id column (and first_touch_at) and print a fairness report instead of assignments.")
    var simulate = false

    func validate() throws {
        if !simulate && out == nil { throw ValidationError("--out is required (or use --simulate)") }
        if let at, Timestamp.parse(at) == nil { throw ValidationError("--at must be an ISO 8601 time, got '\(at)'") }
    }

    /// Everything routing needs, read and checked.
    struct Prepared {
        let roster: [Rep]
        let router: LeadRouter
        let reader: CSVFileReader
        let columns: RouteInputs.LeadColumns
        let state: RoutingState
        let defaultTime: Date
    }

    func prepare() throws -> Prepared {
        let roster = try RouteInputs.readReps(reps)
        let policyData: Data
        do { policyData = try Data(contentsOf: URL(fileURLWithPath: policy)) } catch {
            throw CLIError("cannot read \(policy): \(error.localizedDescription)")
        }
        let parsed: RoutingPolicy
        do { parsed = try RoutingPolicy.decode(policyData) } catch { throw CLIError("\(policy): " + Self.describe(error.diagnostics)) }
        let reader = try RouteInputs.open(input)
        let header = try RouteInputs.header(reader)
        var context = RoutingContext(customFields: RouteInputs.customFields(header: header, policy: parsed))
        if let territories { context.territoryTeams = try RouteInputs.readTerritories(territories) }
        let router: LeadRouter
        do { router = try LeadRouter(policy: parsed, reps: roster, context: context) } catch {
            throw CLIError("\(policy): " + Self.describe(error.diagnostics))
        }
        for warning in router.warnings { note("\(policy): \(warning.description)") }
        let columns = try RouteInputs.LeadColumns(header: header, router: router, path: input)
        for (field, column) in zip(router.fields, columns.slots) where column == nil {
            note("\(input) has no column for \(field); conditions on it see no value")
        }
        let routingState = try state.flatMap(RouteInputs.readState).map(router.adopt) ?? router.makeState()
        return Prepared(
            roster: roster, router: router, reader: reader, columns: columns, state: routingState,
            defaultTime: at.flatMap(Timestamp.parse) ?? Date())
    }

    func run() async throws {
        let started = Date()
        if simulate {
            print(RouteInputs.render(try RouteInputs.replayReport(self)))
            return
        }
        let prepared = try prepare()
        let (router, reader, columns) = (prepared.router, prepared.reader, prepared.columns)
        defer { reader.close() }
        var routingState = prepared.state
        let defaultTime = prepared.defaultTime
        let bar = ProgressBar("routing")
        var routed = 0
        var byRule: [String: Int] = [:]
        let writer: CSVFileWriter
        do { writer = try CSVFileWriter(path: out!, options: CSVWriterOptions(lineEnding: .lf)) } catch {
            throw CLIError("cannot write \(out!): \(error)")
        }
        try writer.writeRow(["lead_id", "owner_id", "rule", "reason"])
        try RouteInputs.forEachLead(reader, columns: columns, router: router, path: input, defaultTime: defaultTime) { lead, _ in
            let decision = router.route(lead, state: &routingState)
            let why = router.explain(decision)
            try writer.writeRow([lead.id, why.owner ?? "", why.rule ?? "", why.summary])
            routed += 1
            byRule[why.owner == nil ? "(hold queue)" : why.rule ?? "", default: 0] += 1
            if routed % 4096 == 0 { bar.update(RouteInputs.fraction(reader), detail: "\(grouped(routed)) leads") }
        }
        do { try writer.close() } catch { throw CLIError("cannot write \(out!): \(error)") }
        bar.finish("\(grouped(routed)) leads")
        if let state { try RouteInputs.writeState(routingState, to: state) }
        note(
            "routed \(grouped(routed)) leads in \(String(format: "%.2f", Date().timeIntervalSince(started)))s; "
                + "\(grouped(routingState.held)) in the hold queue")
        for (rule, count) in byRule.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            note("  \(rule): \(grouped(count))")
        }
        print("wrote \(out!)")
    }

    static func describe(_ diagnostics: [RoutingDiagnostic]) -> String {
        diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n  ")
    }
}
