/// One point of a scatter chart.
public struct ScatterPoint: Sendable, Hashable {
    /// Horizontal value.
    public var x: Double
    /// Vertical value.
    public var y: Double
    /// Point label for tooltips and the table, e.g. a rep or account name.
    public var label: String
    /// Optional series (group) name; points of the same series share a colour.
    public var series: String?

    /// Creates a point.
    public init(x: Double, y: Double, label: String, series: String? = nil) {
        self.x = x
        self.y = y
        self.label = label
        self.series = series
    }
}

/// A reference line drawn across a scatter chart.
public enum ReferenceLine: Sendable, Hashable {
    /// A horizontal line at `y`.
    case horizontal(y: Double, label: String)
    /// A vertical line at `x`.
    case vertical(x: Double, label: String)
    /// The line `y = slope × x + intercept`, e.g. `slope: 1, intercept: 0` for "forecast = actual".
    case diagonal(slope: Double, intercept: Double, label: String)

    var label: String {
        switch self {
        case let .horizontal(_, label), let .vertical(_, label), let .diagonal(_, _, label): label
        }
    }
}

/// Scatter chart with optional series colouring and a reference line.
///
/// ```swift
/// let accuracy = ScatterChart(
///     options: ChartOptions(title: "Forecast vs actual by rep"),
///     points: [ScatterPoint(x: 1.1e6, y: 0.9e6, label: "Alice", series: "EMEA")],
///     xTitle: "Forecast", yTitle: "Actual",
///     xFormat: .currency(code: "EUR"), yFormat: .currency(code: "EUR"),
///     reference: .diagonal(slope: 1, intercept: 0, label: "Perfect forecast"))
/// let svg = accuracy.svg()
/// ```
public struct ScatterChart: Chart {
    /// Title, id and size.
    public var options: ChartOptions
    /// Points; those with non-finite coordinates are skipped.
    public var points: [ScatterPoint]
    /// Horizontal axis title.
    public var xTitle: String
    /// Vertical axis title.
    public var yTitle: String
    /// Horizontal value formatting.
    public var xFormat: ValueFormat
    /// Vertical value formatting.
    public var yFormat: ValueFormat
    /// Optional reference line.
    public var reference: ReferenceLine?
    /// Whether both axes include zero.
    public var includeZero: Bool

    /// Creates a scatter chart.
    public init(
        options: ChartOptions, points: [ScatterPoint], xTitle: String, yTitle: String,
        xFormat: ValueFormat = .number(), yFormat: ValueFormat = .number(), reference: ReferenceLine? = nil,
        includeZero: Bool = false
    ) {
        self.options = options
        self.points = points
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.xFormat = xFormat
        self.yFormat = yFormat
        self.reference = reference
        self.includeZero = includeZero
    }

    private var valid: [ScatterPoint] { points.filter { $0.x.isFinite && $0.y.isFinite } }

    /// Series names in order of first appearance.
    private var seriesNames: [String] {
        var names: [String] = []
        for point in valid { if let name = point.series, !names.contains(name) { names.append(name) } }
        return names
    }

    /// Summary for `<desc>`: point count and the extreme points on each axis.
    public func summary() -> String {
        let points = valid
        guard let top = points.max(by: { $0.y < $1.y }), let right = points.max(by: { $0.x < $1.x }) else {
            return options.emptyMessage + "."
        }
        let groups = seriesNames.count
        var text = "\(points.count) point\(points.count == 1 ? "" : "s")"
        if groups > 0 { text += " in \(groups) series" }
        text += ". Highest \(yTitle): \(top.label) \(yFormat.format(top.y)); highest \(xTitle): \(right.label)"
        text += " \(xFormat.format(right.x))."
        if let reference { text += " Reference line: \(reference.label)." }
        return text
    }

    private func tooltip(_ point: ScatterPoint) -> String {
        let group = point.series.map { " (\($0))" } ?? ""
        return "\(point.label)\(group): \(xTitle) \(xFormat.exact(point.x)), \(yTitle) \(yFormat.exact(point.y))"
    }

    /// The chart as inline SVG.
    public func svg() -> String {
        let points = valid
        guard !points.isEmpty else { return SVGDocument.empty(options, kind: "scatter") }
        var svg = SVGDocument.begin(options, kind: "scatter", summary: summary())
        let names = seriesNames
        var items = names.enumerated().map { LegendItem(label: $1, color: Palette.color($0)) }
        if let reference { items.append(LegendItem(label: reference.label, color: Palette.text, marker: .dashedLine)) }
        let legendHeight = Legend(items: items).draw(&svg, x: 16, y: 38, width: options.width - 32)
        var xs = points.map(\.x)
        var ys = points.map(\.y)
        if case let .vertical(x, _) = reference, x.isFinite { xs.append(x) }
        if case let .horizontal(y, _) = reference, y.isFinite { ys.append(y) }
        let xTicks = Axis.ticks(for: xs, includeZero: includeZero)
        let yTicks = Axis.ticks(for: ys, includeZero: includeZero)
        let top = 52 + legendHeight
        let left = 16 + 18 + Axis.labelWidth(yTicks, format: yFormat) + 8
        let lastTick = estimatedWidth(xFormat.tick(xTicks.upper, step: xTicks.step), size: Axis.tickFont)
        let right = max(24, lastTick / 2 + 8)
        let plot = PlotArea(x: left, y: top, width: options.width - left - right, height: options.height - top - 50)
        let xScale = LinearScale(
            domainStart: xTicks.lower, domainEnd: xTicks.upper, rangeStart: plot.x, rangeEnd: plot.right)
        let yScale = LinearScale(
            domainStart: yTicks.lower, domainEnd: yTicks.upper, rangeStart: plot.bottom, rangeEnd: plot.y)
        Axis.drawValueAxisY(&svg, ticks: yTicks, scale: yScale, plot: plot, format: yFormat)
        Axis.drawValueAxisX(&svg, ticks: xTicks, scale: xScale, plot: plot, format: xFormat)
        svg.text(
            xTitle, x: plot.x + plot.width / 2, y: plot.bottom + 40, cssClass: "cx-axis-title", anchor: .middle,
            size: 12, fill: Palette.mutedText, bold: true)
        let middleY = num(plot.y + plot.height / 2)
        svg.raw(
            "<text class=\"cx-axis-title\" x=\"0\" y=\"0\" transform=\"translate(22 \(middleY)) rotate(-90)\""
                + " text-anchor=\"middle\" font-size=\"12\" fill=\"\(Palette.mutedText)\" font-weight=\"600\">"
                + xmlEscape(yTitle) + "</text>")
        if let segment = referenceSegment(x: xTicks, y: yTicks) {
            svg.line(
                x1: xScale(segment.0.0), y1: yScale(segment.0.1), x2: xScale(segment.1.0), y2: yScale(segment.1.1),
                stroke: Palette.text, cssClass: "cx-marker", width: 1.5, dash: "6 4")
        }
        svg.open("g", attributes: "class=\"cx-points\"")
        for point in points {
            let group = point.series.flatMap { names.firstIndex(of: $0) } ?? 0
            svg.circle(
                cx: xScale(point.x), cy: yScale(point.y), r: 5, fill: Palette.color(group),
                cssClass: "cx-point cx-series-\(group)", tooltip: tooltip(point))
        }
        svg.close("g")
        return SVGDocument.end(&svg)
    }

    /// The visible part of the reference line as two data-space end points, or nil when it misses the plot.
    func referenceSegment(x: NiceTicks, y: NiceTicks) -> ((Double, Double), (Double, Double))? {
        guard let reference else { return nil }
        switch reference {
        case let .horizontal(value, _):
            return value.isFinite ? ((x.lower, value), (x.upper, value)) : nil
        case let .vertical(value, _):
            return value.isFinite ? ((value, y.lower), (value, y.upper)) : nil
        case let .diagonal(slope, intercept, _):
            guard slope.isFinite, intercept.isFinite else { return nil }
            var candidates = [(x.lower, slope * x.lower + intercept), (x.upper, slope * x.upper + intercept)]
            if slope != 0 {
                candidates += [((y.lower - intercept) / slope, y.lower), ((y.upper - intercept) / slope, y.upper)]
            }
            let tolerance = 1e-9 * max(1, abs(x.upper - x.lower), abs(y.upper - y.lower))
            let inside = candidates.filter {
                $0.0 >= x.lower - tolerance && $0.0 <= x.upper + tolerance
                    && $0.1 >= y.lower - tolerance && $0.1 <= y.upper + tolerance
            }
            guard let first = inside.min(by: { $0.0 < $1.0 }), let last = inside.max(by: { $0.0 < $1.0 }),
                first != last
            else { return nil }
            return (first, last)
        }
    }

    /// The data as a table: label, series, x and y.
    public func tableHTML() -> String {
        let rows = valid.map { [$0.label, $0.series ?? "—", xFormat.exact($0.x), yFormat.exact($0.y)] }
        return HTMLTable.render(
            caption: options.title, id: options.id, headers: ["", "Series", xTitle, yTitle], rows: rows)
    }
}
