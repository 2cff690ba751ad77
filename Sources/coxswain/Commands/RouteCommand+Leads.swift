import CoxswainDomain
import CoxswainServices
import Foundation

extension RouteInputs {
    /// Where each input the router needs sits in the leads file.
    struct LeadColumns {
        let header: [String]
        let id: Int
        let createdAt: Int?
        let ownerID: Int?
        let firstTouchColumn: Int?
        /// Per router slot, the column (nil: not in the file, always missing).
        let slots: [Int?]
        let numberSlots: [Bool]
        let account: [Int?]

        init(header: [String], router: LeadRouter, path: String) throws {
            self.header = header
            let defs = router.fields.filter { $0.hasPrefix("custom_fields.") }.map {
                CustomFieldDefinition(entity: "lead", key: String($0.dropFirst(14)), label: String($0.dropFirst(14)), type: .text)
            }
            let mapping: HeaderMapping
            do { mapping = try HeaderMapping(headers: header, schema: Lead.schema, customFields: defs) } catch { throw CLIError("\(path): \(error)") }
            func column(_ field: String) -> Int? { Lead.schema.index(of: field).flatMap { mapping.fieldColumns[$0] } }
            guard let id = mapping.idColumn ?? column("external_id") else {
                throw CLIError("\(path): no id column (id or external_id; columns: \(header.joined(separator: ", ")))")
            }
            self.id = id
            createdAt = column("created_at")
            ownerID = column("owner_id")
            firstTouchColumn = header.firstIndex { ["firsttouchat", "firsttouch", "firstactivityat"].contains(FastText.looseKey($0)) }
            let custom = Dictionary(mapping.customColumns, uniquingKeysWith: { a, _ in a })
            slots = router.fields.map { field in
                field.hasPrefix("custom_fields.") ? custom[String(field.dropFirst(14))] : column(field)
            }
            numberSlots = router.fields.map(router.isNumberField)
            account = ["company", "email", "website", "phone", "postcode", "country"].map(column)
        }

        func owner(_ row: [String]) -> String? {
            ownerID.map { FastText.trimmed(row[$0]) }.flatMap { $0.isEmpty ? nil : $0 }
        }

        func firstTouch(_ row: [String], path: String) throws -> Date? {
            guard let c = firstTouchColumn else { return nil }
            let text = FastText.trimmed(row[c])
            if text.isEmpty { return nil }
            guard let date = Timestamp.parse(text) else { throw CLIError("\(path): column \(header[c]): '\(text)' is not an ISO 8601 time") }
            return date
        }
    }

    /// Reads every lead row, checks it and hands it over prepared for routing.
    static func forEachLead(
        _ reader: CSVFileReader, columns: LeadColumns, router: LeadRouter, path: String, defaultTime: Date,
        _ body: (RoutingLead, [String]) throws -> Void
    ) throws {
        var seen = Set<String>()
        var count = 0
        try records(reader, path: path) { line, row in
            let header = columns.header
            guard row.count == header.count else {
                throw CLIError("\(path): line \(line) has \(row.count) fields but the header has \(header.count)")
            }
            let id = FastText.trimmed(row[columns.id])
            guard !id.isEmpty else { throw CLIError("\(path): line \(line), column \(header[columns.id]): empty id") }
            guard seen.insert(id).inserted else { throw CLIError("\(path): line \(line): lead id '\(id)' appears twice") }
            var receivedAt = defaultTime
            if let c = columns.createdAt, !FastText.trimmed(row[c]).isEmpty {
                guard let date = Timestamp.parse(row[c]) else {
                    throw CLIError("\(path): line \(line), column \(header[c]): '\(row[c])' is not an ISO 8601 time")
                }
                receivedAt = date
            }
            var values: [RoutingValue] = []
            values.reserveCapacity(columns.slots.count)
            for (slot, column) in columns.slots.enumerated() {
                guard let column else {
                    values.append(.missing)
                    continue
                }
                let text = FastText.trimmed(row[column])
                if text.isEmpty {
                    values.append(.missing)
                } else if columns.numberSlots[slot] {
                    guard let number = Double(text.replacingOccurrences(of: ",", with: "")) else {
                        throw CLIError("\(path): line \(line), column \(header[column]): '\(text)' is not a number (\(router.fields[slot]))")
                    }
                    values.append(.number(number))
                } else {
                    values.append(.text(text))
                }
            }
            let a = columns.account.map { $0.map { row[$0] } ?? "" }
            let account = LeadAccountFields(company: a[0], email: a[1], website: a[2], phone: a[3], postcode: a[4], country: a[5])
            try body(RoutingLead(id: id, receivedAt: receivedAt, values: values, account: account), row)
            count += 1
        }
        guard count > 0 else { throw CLIError("\(path) has a header but no leads") }
    }

    /// `route --simulate`: replays the file's leads (owner_id = what happened) through the policy.
    static func replayReport(_ command: RouteCommand) throws -> RoutingReplayReport {
        let prepared = try command.prepare()
        defer { prepared.reader.close() }
        let bar = ProgressBar("replaying")
        var history: [ReplayLead] = []
        try forEachLead(
            prepared.reader, columns: prepared.columns, router: prepared.router, path: command.input, defaultTime: prepared.defaultTime
        ) { lead, row in
            history.append(
                ReplayLead(
                    lead: lead, actualOwner: prepared.columns.owner(row), firstTouchAt: try prepared.columns.firstTouch(row, path: command.input)))
            if history.count % 4096 == 0 { bar.update(fraction(prepared.reader), detail: "\(grouped(history.count)) leads") }
        }
        bar.finish("\(grouped(history.count)) leads")
        return RoutingReplay.run(prepared.router, leads: history, reps: prepared.roster, state: prepared.state)
    }

    /// The replay report as text.
    static func render(_ report: RoutingReplayReport) -> String {
        func pct(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
        var lines = [
            "replay: \(grouped(report.leads)) leads, \(grouped(report.held)) held, \(grouped(report.changedOwner)) would change owner",
            String(format: "fairness: Gini %.3f (actual %.3f)", report.gini, report.actualGini)
                + (report.maxMinRatio.map { String(format: ", max/min weighted share %.2f", $0) } ?? ", a targeted rep would get nothing"),
            report.slaAttainment.map { "SLA estimate: \(pct($0)) of \(grouped(report.slaMeasured)) measurable leads met" }
                ?? "SLA estimate: no first_touch_at data",
            "rep,simulated,actual,target_share,weighted_share",
        ]
        for row in report.rows {
            lines.append("\(row.rep),\(row.simulated),\(row.actual),\(pct(row.target)),\(String(format: "%.2f", row.weightedShare))")
        }
        return lines.joined(separator: "\n")
    }
}
