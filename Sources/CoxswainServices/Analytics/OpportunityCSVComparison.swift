import CoxswainDomain
import Foundation

/// Cohort comparison straight from a CRM's opportunity CSV export (Salesforce, HubSpot, Pipedrive or
/// Coxswain's own): `coxswain analytics compare opps.csv --split 2026-03-01`.
///
/// Columns are found with the import's header aliases (``HeaderMapping``): `Stage`/`Deal Stage`,
/// `Amount`, `Currency`, `Close Date`, `Created Date`/`Create Date`. A deal is won or lost by a `Won` /
/// `Closed` (or `Is Won` / `Is Closed`) column when present, else by its stage: Coxswain's closed stages, or any
/// stage whose name contains "won" / "lost" (`Closed Won`, `closedwon`, `Lost`). Other deals are open.
public enum OpportunityCSVComparison {
    /// How the rows split into cohorts A and B.
    public enum Split: Sendable, Hashable {
        /// A: created (or closed) before the date, B: on or after it.
        case date(LocalDate, onClose: Bool)
        /// B: rows whose `column` equals `value` (case-insensitive), A: the rest.
        case column(String, value: String)

        /// Parses `2026-03-01` or `COLUMN=VALUE`.
        public static func parse(_ text: String, onClose: Bool) throws -> Split {
            if let date = LocalDate(parsing: text) { return .date(date, onClose: onClose) }
            if let eq = text.firstIndex(of: "=") {
                let column = text[..<eq].trimmingCharacters(in: .whitespaces)
                let value = text[text.index(after: eq)...].trimmingCharacters(in: .whitespaces)
                if !column.isEmpty && !value.isEmpty { return .column(column, value: value) }
            }
            throw OpportunityCSVError(
                "--split '\(text)' is neither a date (YYYY-MM-DD) nor COLUMN=VALUE (e.g. \"Lead Source=Webinar\")")
        }
    }

    /// The comparison and how many rows fed it.
    public struct Result: Sendable {
        public var comparison: CohortComparison
        public var rows: Int
    }

    /// Reads `path` and compares the cohorts. `currency` is the currency of rows without a currency column.
    /// - Throws: ``OpportunityCSVError`` naming the line and column of the first bad cells (up to five), a
    ///   missing column, or a CSV syntax error; ``CSVFileError`` when the file cannot be read.
    public static func run(
        path: String, split: Split, defaultCurrency: Currency = .usd, options: CohortComparisonOptions = CohortComparisonOptions()
    ) throws -> Result {
        let reader = try CSVFileReader(path: path)
        defer { reader.close() }
        guard let first = try reader.next() else { throw OpportunityCSVError("'\(path)' is empty; expected a header row") }
        let headers: [String]
        switch first {
        case .success(let r): headers = r.strings
        case .failure(let e): throw OpportunityCSVError("\(path): \(e)")
        }
        let columns = try Columns(headers: headers, split: split)
        var deals: [Opportunity] = []
        var problems: [String] = []
        while let next = try reader.next() {
            let record: CSVRecord
            switch next {
            case .success(let r): record = r
            case .failure(let e): throw OpportunityCSVError("\(path): \(e)")
            }
            if record.count == 1 && record.isEmpty(at: 0) { continue }
            do {
                deals.append(try columns.opportunity(record, defaultCurrency: defaultCurrency))
            } catch let e as OpportunityCSVError {
                problems.append(e.description)
                if problems.count >= 5 { break }
            }
        }
        if !problems.isEmpty { throw OpportunityCSVError(problems.joined(separator: "\n")) }
        if deals.isEmpty { throw OpportunityCSVError("'\(path)' has a header row but no opportunities") }
        let inB: (Opportunity) -> Bool
        var names = ("", "")
        switch split {
        case .date(let date, let onClose):
            let word = onClose ? "Closing" : "Created"
            inB = { (onClose ? $0.closeDate : LocalDate($0.meta.createdAt, in: utc)) >= date }
            names = ("\(word) before \(date)", "\(word) on or after \(date)")
        case .column(let column, let value):
            let values = columns.splitValues
            inB = { o in values[o.meta.id]?.caseInsensitiveCompare(value) == .orderedSame }
            names = ("\(column) ≠ \(value)", "\(column) = \(value)")
        }
        let (nameA, nameB) = names
        let comparison = CohortComparison(
            opportunities: deals, nameA: nameA, cohortA: { !inB($0) }, nameB: nameB, cohortB: inB, timeZone: utc, options: options)
        return Result(comparison: comparison, rows: deals.count)
    }

    static let utc = TimeZone(identifier: "UTC")!

    /// Column positions for the fields the comparison needs.
    private final class Columns {
        let amount: Int
        let currency: Int?
        let stage: Int?
        let close: Int
        let created: Int?
        let won: Int?
        let closed: Int?
        let split: Int?
        let headers: [String]
        var splitValues: [String: String] = [:]

        init(headers: [String], split: Split) throws {
            self.headers = headers
            let mapping: HeaderMapping
            do {
                mapping = try HeaderMapping(headers: headers, schema: Opportunity.schema, customFields: [])
            } catch let failure as ValidationFailure {
                throw OpportunityCSVError(
                    "the header row is ambiguous: \(failure.issues.map { "'\($0.field)' \($0.message)" }.joined(separator: "; "))")
            }
            func column(_ field: String) -> Int? {
                if field == "created_at" {
                    // A system field the import never maps; match its aliases here.
                    let keys = Set(["createdat", "createddate", "createdate", "created"])
                    return headers.firstIndex { keys.contains(HeaderMapping.key($0)) }
                }
                return Opportunity.schema.index(of: field).flatMap { mapping.fieldColumns[$0] }
            }
            func loose(_ names: [String]) -> Int? {
                let keys = Set(names.map(HeaderMapping.key))
                return headers.firstIndex { keys.contains(HeaderMapping.key($0)) }
            }
            var missing: [String] = []
            let amount = column("amount")
            let close = column("close_date")
            let stage = column("stage")
            won = loose(["is_won", "won", "Is Won", "Is Closed Won"])
            closed = loose(["is_closed", "closed", "Is Closed"])
            if amount == nil { missing.append("amount (Amount, Deal Amount)") }
            if close == nil { missing.append("close date (Close Date, Expected Close Date)") }
            if stage == nil && won == nil { missing.append("stage (Stage, Deal Stage) or Won") }
            created = column("created_at")
            if created == nil { missing.append("created date (Created Date, Create Date) — needed for cycle time") }
            if case .column(let name, _) = split {
                let key = HeaderMapping.key(name)
                let i = headers.firstIndex(of: name) ?? headers.firstIndex { HeaderMapping.key($0) == key }
                if i == nil { missing.append("'\(name)' (named by --split)") }
                self.split = i
            } else {
                self.split = nil
            }
            if !missing.isEmpty {
                throw OpportunityCSVError(
                    "the file lacks columns for: \(missing.joined(separator: "; ")). Its header is: \(headers.joined(separator: ", "))")
            }
            self.amount = amount!
            self.close = close!
            self.stage = stage
            self.currency = column("currency")
        }

        func opportunity(_ r: CSVRecord, defaultCurrency: Currency) throws -> Opportunity {
            func cell(_ i: Int?) -> String? {
                guard let i, i < r.count else { return nil }
                let s = r[i].trimmingCharacters(in: .whitespaces)
                return s.isEmpty ? nil : s
            }
            func fail(_ i: Int, _ message: String) -> OpportunityCSVError {
                OpportunityCSVError("line \(r.line), column '\(headers[i])': \(message)")
            }
            var currency = defaultCurrency
            if let code = cell(self.currency) {
                guard let c = Currency(code: code) else { throw fail(self.currency!, "'\(code)' is not an ISO currency code") }
                currency = c
            }
            guard let amountText = cell(amount) else { throw fail(amount, "the amount is empty") }
            guard
                case .success(.decimal(let value)) = FieldParser.parseMoney(
                    .text(amountText), spec: Opportunity.schema.field("amount")!, currency: currency)
            else { throw fail(amount, "'\(amountText)' is not an amount") }
            guard let closeText = cell(close) else { throw fail(close, "the close date is empty") }
            guard let closeDate = LocalDate(parsing: closeText) ?? Timestamp.parse(closeText).map({ LocalDate($0, in: utc) }) else {
                throw fail(close, "'\(closeText)' is not a date (YYYY-MM-DD)")
            }
            let createdIndex = created!
            guard let createdText = cell(createdIndex) else { throw fail(createdIndex, "the created date is empty") }
            guard let createdAt = Timestamp.parse(createdText) else {
                throw fail(createdIndex, "'\(createdText)' is not a date or ISO 8601 timestamp")
            }
            let stageName = cell(stage) ?? ""
            var isWon = false
            var isClosed = false
            if let w = won {
                isWon = try flag(cell(w), w, r)
                isClosed = try closed.map { try flag(cell($0), $0, r) } ?? isWon
                isClosed = isClosed || isWon
            } else if let s = StageDefinition.defaults.first(where: { $0.name.caseInsensitiveCompare(stageName) == .orderedSame }) {
                (isWon, isClosed) = (s.isWon, s.isClosed)
            } else {
                let key = HeaderMapping.key(stageName)
                isWon = key.contains("won")
                isClosed = isWon || key.contains("lost")
            }
            let id = "line-\(r.line)"
            if let s = split { splitValues[id] = cell(s) ?? "" }
            return Opportunity(
                meta: RecordMeta(id: id, createdAt: createdAt), accountID: "", ownerID: "", name: id, amount: Money(value, currency),
                stage: stageName, probability: 0, closeDate: closeDate, forecastCategory: .pipeline, isClosed: isClosed, isWon: isWon)
        }

        private func flag(_ text: String?, _ i: Int, _ r: CSVRecord) throws -> Bool {
            guard let text else { return false }
            switch text.lowercased() {
            case "true", "yes", "y", "1", "t": return true
            case "false", "no", "n", "0", "f": return false
            default: throw OpportunityCSVError("line \(r.line), column '\(headers[i])': '\(text)' is not true/false")
            }
        }
    }
}

/// A precise problem with an opportunity CSV: `line 14, column 'Close Date': '31/02/2026' is not a date`.
public struct OpportunityCSVError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
