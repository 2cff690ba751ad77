/// A chart that renders to a self-contained inline SVG plus an accessible HTML table of the same data.
///
/// ```swift
/// let chart: any Chart = BarChart(title: "Attainment", categories: ["Alice"], values: [1.32], format: .percent())
/// let html = chart.svg() + chart.tableHTML()
/// ```
public protocol Chart: Sendable {
    /// Title, id and size of the chart.
    var options: ChartOptions { get }
    /// The chart as an SVG document fragment suitable for inlining in HTML. Byte-identical for equal input.
    func svg() -> String
    /// The chart's data as an HTML `<table>` with a `<caption>`, for screen readers and "show as table".
    func tableHTML() -> String
    /// A one-sentence summary of the data, used as the SVG `<desc>`.
    func summary() -> String
}

/// Identity and geometry shared by every chart.
///
/// ```swift
/// var options = ChartOptions(title: "Pipeline bridge, Q3", id: "bridge-q3")
/// options.height = 400
/// ```
public struct ChartOptions: Sendable, Hashable {
    /// Human-readable title, shown at the top and used as the SVG `<title>` and table caption.
    public var title: String
    /// Prefix for element ids (`<id>-title`, `<id>-desc`); must be unique within one HTML page.
    public var id: String
    /// Width of the `viewBox` in user units; the SVG itself scales to 100% of its container.
    public var width: Double
    /// Height of the `viewBox` in user units.
    public var height: Double
    /// Replaces the generated `<desc>` summary when set.
    public var summaryOverride: String?
    /// Text drawn when there is nothing to plot.
    public var emptyMessage: String

    /// Creates options; `id` defaults to a slug of `title` (`"Win rate" → "cx-win-rate"`).
    public init(
        title: String, id: String? = nil, width: Double = 640, height: Double = 360,
        summaryOverride: String? = nil, emptyMessage: String = "No data for this period"
    ) {
        self.title = title
        self.id = ChartOptions.slug(id ?? "cx-" + title)
        self.width = width.isFinite && width >= 200 ? width : 640
        self.height = height.isFinite && height >= 120 ? height : 360
        self.summaryOverride = summaryOverride
        self.emptyMessage = emptyMessage
    }

    /// Lower-cases ASCII letters and digits and turns every other run of characters into a single `-`.
    public static func slug(_ text: String) -> String {
        var slug = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
                slug += String(scalar).lowercased()
            } else if !slug.isEmpty, slug.last != "-" {
                slug += "-"
            }
        }
        while slug.last == "-" { slug.removeLast() }
        if slug.isEmpty || !(slug.first?.isLetter ?? false) { slug = "cx-" + slug }
        return slug
    }
}

/// Okabe–Ito colour-blind-safe palette plus neutral UI colours, as hex fills.
public enum Palette {
    /// Series colours in order of use: blue, orange, bluish green, vermillion, sky blue, reddish purple,
    /// yellow, black.
    public static let series: [String] = [
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000",
    ]
    /// Colour for increases (bluish green).
    public static let positive = "#009E73"
    /// Colour for decreases (vermillion).
    public static let negative = "#D55E00"
    /// Colour for totals (blue).
    public static let total = "#0072B2"
    /// Primary text colour.
    public static let text = "#222222"
    /// Secondary text colour (axis labels).
    public static let mutedText = "#555555"
    /// Grid line colour.
    public static let grid = "#E3E3E3"
    /// Axis / zero line colour.
    public static let axis = "#8A8A8A"
    /// Background colour.
    public static let background = "#FFFFFF"

    /// The series colour for `index`, cycling through ``series``.
    public static func color(_ index: Int) -> String { series[((index % series.count) + series.count) % series.count] }
}

/// Opening and closing of the root `<svg>` element with its accessibility metadata.
enum SVGDocument {
    static let fontFamily = "system-ui, -apple-system, &apos;Segoe UI&apos;, Roboto, Helvetica, Arial, sans-serif"

    /// Starts a chart document: root element, `<title>`, `<desc>`, background and the visible title.
    static func begin(_ options: ChartOptions, kind: String, summary: String) -> SVGBuilder {
        var svg = SVGBuilder()
        let id = options.id
        svg.raw(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" class=\"cx-chart cx-\(kind)\""
                + " viewBox=\"0 0 \(num(options.width)) \(num(options.height))\" width=\"100%\""
                + " preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""
                + " font-family=\"\(fontFamily)\" style=\"max-width:100%;height:auto\">"
        )
        svg.raw("<title id=\"\(id)-title\">\(xmlEscape(options.title))</title>")
        svg.raw("<desc id=\"\(id)-desc\">\(xmlEscape(options.summaryOverride ?? summary))</desc>")
        svg.rect(
            x: 0, y: 0, width: options.width, height: options.height, fill: Palette.background, cssClass: "cx-bg")
        // Bold glyphs run about 15% wider than the regular-weight estimate.
        let title = truncate(options.title, maxWidth: options.width - 32, size: 18.4)
        svg.text(
            title.text, x: 16, y: 26, cssClass: "cx-title", size: 16, bold: true,
            tooltip: title.truncated ? options.title : nil)
        return svg
    }

    static func end(_ svg: inout SVGBuilder) -> String {
        svg.raw("</svg>")
        return svg.output
    }

    /// A complete chart showing only the title and the empty-state message.
    static func empty(_ options: ChartOptions, kind: String) -> String {
        var svg = begin(options, kind: kind, summary: options.emptyMessage + ".")
        svg.text(
            options.emptyMessage, x: options.width / 2, y: options.height / 2, cssClass: "cx-empty",
            anchor: .middle, size: 15, fill: Palette.mutedText, middle: true)
        return end(&svg)
    }
}

/// Builds the accessible `<table>` alternative.
enum HTMLTable {
    /// Renders a table whose first column holds row headers.
    static func render(caption: String, id: String, headers: [String], rows: [[String]]) -> String {
        var html = "<table class=\"cx-table\" id=\"\(xmlEscape(id))-table\">\n"
        html += "<caption>\(xmlEscape(caption))</caption>\n<thead><tr>"
        for header in headers { html += "<th scope=\"col\">\(xmlEscape(header))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                html += index == 0 ? "<th scope=\"row\">\(xmlEscape(cell))</th>" : "<td>\(xmlEscape(cell))</td>"
            }
            html += "</tr>\n"
        }
        if rows.isEmpty { html += "<tr><td colspan=\"\(max(headers.count, 1))\">No data for this period</td></tr>\n" }
        html += "</tbody>\n</table>\n"
        return html
    }
}
