import CoxswainDomain
import CoxswainServices
import Foundation

/// File handling for `coxswain route`: reps, territories, leads, state; every error names file, line and field.
enum RouteInputs {
    static func open(_ path: String) throws -> CSVFileReader {
        do { return try CSVFileReader(path: path) } catch { throw CLIError(error.description) }
    }

    /// Every remaining record of `reader` as strings, with the line number; CSV syntax errors are thrown.
    static func records(_ reader: CSVFileReader, path: String, _ body: (Int, [String]) throws -> Void) throws {
        while let next = try reader.next() {
            switch next {
            case .failure(let error): throw CLIError("\(path): \(error.description)")
            case .success(let record): try body(record.line, record.strings)
            }
        }
    }

    static func header(_ reader: CSVFileReader) throws -> [String] {
        guard let first = try reader.next() else { throw CLIError("\(reader.path) is empty: expected a header line and records") }
        switch first {
        case .failure(let error): throw CLIError("\(reader.path): \(error.description)")
        case .success(let record): return record.strings
        }
    }

    static func fraction(_ reader: CSVFileReader) -> Double {
        reader.fileSize.map { Double(reader.bytesRead) / Double(max($0, 1)) } ?? 0
    }

    /// Reads reps.csv through the rep schema (aliases, time zones, HH:MM, work days and out-of-office ranges validated).
    static func readReps(_ path: String) throws -> [Rep] {
        let reader = try open(path)
        defer { reader.close() }
        let header = try Self.header(reader)
        let mapping: HeaderMapping
        do { mapping = try HeaderMapping(headers: header, schema: Rep.schema, customFields: []) } catch { throw CLIError("\(path): \(error)") }
        guard let idColumn = mapping.idColumn else { throw CLIError("\(path): no id column (columns: \(header.joined(separator: ", ")))") }
        let nameColumn = header.firstIndex { FastText.looseKey($0) == "name" || FastText.looseKey($0) == "fullname" }
        func column(_ field: String) -> Int? { Rep.schema.index(of: field).flatMap { mapping.fieldColumns[$0] } }
        var reps: [Rep] = []
        var seen: [String: Int] = [:]
        let context = ValidationContext(now: Date())
        try records(reader, path: path) { line, cells in
            guard cells.count == header.count else {
                throw CLIError("\(path): line \(line) has \(cells.count) fields but the header has \(header.count)")
            }
            let id = FastText.trimmed(cells[idColumn])
            guard !id.isEmpty else { throw CLIError("\(path): line \(line), column \(header[idColumn]): empty id") }
            if let first = seen[id] { throw CLIError("\(path): line \(line): rep id '\(id)' already used on line \(first)") }
            seen[id] = line
            var input: [String?] = mapping.fieldColumns.map { $0.map { cells[$0] }.flatMap { $0.isEmpty ? nil : $0 } }
            func setDefault(_ field: String, _ value: String) {
                let i = Rep.schema.index(of: field)!
                if input[i] == nil { input[i] = value }
            }
            let name = nameColumn.map { FastText.trimmed(cells[$0]) } ?? ""
            let parts = name.split(separator: " ", maxSplits: 1).map(String.init)
            setDefault("first_name", parts.first ?? id)
            setDefault("last_name", parts.count > 1 ? parts[1] : (parts.first ?? id))
            setDefault("email", "\(id)@reps.invalid")
            setDefault("role", "ae")
            input[0] = nil
            switch Rep.schema.validate(.cells(input, custom: []), mode: .create, context: context) {
            case .failure(let failure):
                let issue = failure.issues[0]
                let col = column(issue.field).map { header[$0] } ?? issue.field
                throw CLIError("\(path): line \(line), field \(col): \(issue.message)")
            case .success(var record):
                record["id"] = .text(id)
                reps.append(Rep(record: record))
            }
        }
        guard !reps.isEmpty else { throw CLIError("\(path) has a header but no reps") }
        return reps
    }

    /// territory,team_id rows.
    static func readTerritories(_ path: String) throws -> [String: String] {
        let reader = try open(path)
        defer { reader.close() }
        let header = try Self.header(reader).map(FastText.looseKey)
        guard let t = header.firstIndex(of: "territory"), let team = header.firstIndex(where: { $0 == "teamid" || $0 == "team" }) else {
            throw CLIError("\(path): expected columns territory,team_id")
        }
        var out: [String: String] = [:]
        try records(reader, path: path) { line, cells in
            guard cells.count == header.count else {
                throw CLIError("\(path): line \(line) has \(cells.count) fields but the header has \(header.count)")
            }
            let teamID = FastText.trimmed(cells[team])
            guard !teamID.isEmpty else { throw CLIError("\(path): line \(line), column team_id: empty") }
            out[FastText.trimmed(cells[t])] = teamID
        }
        return out
    }

    /// Custom fields the policy reads (`range` makes them numbers); a column named after the key feeds each.
    static func customFields(header: [String], policy: RoutingPolicy) -> [CustomFieldDefinition] {
        var used: [String: Bool] = [:]
        func walk(_ c: RoutingCondition) {
            switch c {
            case .equals(let f, _), .oneOf(let f, _), .regex(let f, _), .exists(let f, _): used[f] = used[f] ?? false
            case .range(let f, _, _): used[f] = true
            case .all(let items), .any(let items): items.forEach(walk)
            case .not(let inner): walk(inner)
            }
        }
        for rule in policy.rules {
            rule.when.map(walk)
            if case .territoryTeam(let f, _) = rule.assign { used[f] = used[f] ?? false }
        }
        return used.keys.sorted().compactMap { field in
            guard field.hasPrefix("custom_fields.") else { return nil }
            let key = String(field.dropFirst("custom_fields.".count))
            return CustomFieldDefinition(entity: "lead", key: key, label: key, type: used[field]! ? .number : .text)
        }
    }

    static func readState(_ path: String) throws -> RoutingState? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do { return try JSONDecoder().decode(RoutingState.self, from: Data(contentsOf: URL(fileURLWithPath: path))) } catch {
            throw CLIError("\(path): not a routing state file (\(error))")
        }
    }

    static func writeState(_ state: RoutingState, to path: String) throws {
        do { try JSONEncoder().encode(state).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw CLIError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
