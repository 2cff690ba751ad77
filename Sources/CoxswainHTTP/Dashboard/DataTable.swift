import CoxswainCharts
import CoxswainDomain
import Foundation

/// A table shown on a dashboard page and offered as CSV (`?format=csv&table=<id>`): the HTML and the CSV
/// come from the same cells, so the export always matches the screen.
struct DataTable: Sendable {
    struct Column: Sendable {
        var title: String
        var numeric: Bool
    }

    /// A cell: what the page shows, what the CSV holds (raw numbers, no grouping or symbols), and an optional link.
    struct Cell: Sendable {
        var text: String
        var csv: String
        var href: String?

        init(_ text: String, csv: String? = nil, href: String? = nil) {
            self.text = text
            self.csv = csv ?? text
            self.href = href
        }
    }

    /// Unique on the page; also the CSV file name.
    var id: String
    var caption: String
    var columns: [Column]
    var rows: [[Cell]]
    /// Shown instead of an empty body.
    var emptyMessage: String

    init(id: String, caption: String, columns: [(String, Bool)], rows: [[Cell]], emptyMessage: String = "Nothing to show for these filters.") {
        self.id = id
        self.caption = caption
        self.columns = columns.map { Column(title: $0.0, numeric: $0.1) }
        self.rows = rows
        self.emptyMessage = emptyMessage
    }

    /// `<table class="data" id="…">` with a caption and header row; links and numbers aligned.
    func html() -> String {
        var out = "<div class=\"scroll\"><table class=\"data\" id=\"table-\(xmlEscape(id))\" data-table=\"\(xmlEscape(id))\">"
        out += "<caption>\(xmlEscape(caption))</caption><thead><tr>"
        for c in columns { out += "<th scope=\"col\"\(c.numeric ? " class=\"num\"" : "")>\(xmlEscape(c.title))</th>" }
        out += "</tr></thead><tbody>"
        if rows.isEmpty {
            out += "<tr><td class=\"empty\" colspan=\"\(max(1, columns.count))\">\(xmlEscape(emptyMessage))</td></tr>"
        }
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                let numeric = i < columns.count && columns[i].numeric
                let body = cell.href.map { "<a href=\"\(xmlEscape($0))\">\(xmlEscape(cell.text))</a>" } ?? xmlEscape(cell.text)
                out += i == 0 ? "<th scope=\"row\">\(body)</th>" : "<td\(numeric ? " class=\"num\"" : "")>\(body)</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table></div>"
    }

    /// RFC 4180 CSV with a header row (formula-looking cells neutralised by the writer).
    func csv() -> String {
        let writer = CSVWriter()
        var bytes: [UInt8] = []
        writer.appendRow(columns.map(\.title), to: &bytes)
        for row in rows { writer.appendRow(row.map(\.csv), to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Display and CSV text for metric values.
enum Cells {
    static func percent(_ v: Double?) -> DataTable.Cell {
        guard let v else { return DataTable.Cell("—", csv: "") }
        return DataTable.Cell(ValueFormat.percent(decimals: 0).format(v), csv: String(format: "%.4f", v))
    }

    static func number(_ v: Double?, decimals: Int = 0) -> DataTable.Cell {
        guard let v else { return DataTable.Cell("—", csv: "") }
        return DataTable.Cell(ValueFormat.number(decimals: decimals).format(v), csv: String(format: "%.\(decimals)f", v))
    }

    static func count(_ n: Int) -> DataTable.Cell { DataTable.Cell(NumberText.grouped(n), csv: String(n)) }

    static func money(_ m: Money?) -> DataTable.Cell {
        guard let m else { return DataTable.Cell("—", csv: "") }
        return DataTable.Cell(ValueFormat.currency(code: m.currency.code, style: .full).format(m.doubleValue), csv: "\(m.amount)")
    }

    static func ratio(_ v: Double?) -> DataTable.Cell {
        guard let v else { return DataTable.Cell("—", csv: "") }
        return DataTable.Cell(String(format: "%.1f×", v), csv: String(format: "%.4f", v))
    }
}
