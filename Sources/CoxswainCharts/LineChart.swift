/// One named series of values along the x labels; `nil` leaves a gap in the line.
public struct LineSeries: Sendable, Hashable {
    /// Series name shown in the legend and tooltips.
    public var name: String
    /// One value per x label; `nil` (or a non-finite value) means "no data".
    public var values: [Double?]

    /// Creates a series.
    public init(name: String, values: [Double?]) {
        self.name = name
        self.values = values
    }
}

/// Multi-series line chart over categorical x positions, e.g. bookings over eight quarters.
///
/// ```swift
/// let trend = LineChart(
///     options: ChartOptions(title: "Bookings by quarter"),
///     labels: ["Q1 24", "Q2 24", "Q3 24", "Q4 24"],
///     series: [LineSeries(name: "Bookings", values: [1.1e6, 1.4e6, nil, 2.0e6])],
///     format: .currency(code: "USD"))
/// let svg = trend.svg()
/// ```
public struct LineChart: Chart {
    /// Title, id and size.
    public var options: ChartOptions
    /// X-axis labels, one per data position.
    public var labels: [String]
    /// Data series.
    public var series: [LineSeries]
    /// Value formatting for axis and tooltips.
    public var format: ValueFormat
    /// Optional dashed reference line.
    public var marker: ValueMarker?
    /// Whether the value axis always starts at zero (default); set to false to zoom in on the data range.
    public var includeZero: Bool

    /// Creates a line chart.
    public init(
        options: ChartOptions, labels: [String], series: [LineSeries], format: ValueFormat = .number(),
        marker: ValueMarker? = nil, includeZero: Bool = true
    ) {
        self.options = options
        self.labels = labels
        self.series = series
        self.format = format
        self.marker = marker
        self.includeZero = includeZero
    }

    private var values: [Double] {
        series.flatMap { $0.values.prefix(labels.count).compactMap { $0 }.filter(\.isFinite) }
    }

    /// Summary for `<desc>`: start, end and peak of each series.
    public func summary() -> String {
        let sentences = series.compactMap {
            trendSentence(name: $0.name, labels: labels, values: $0.values, format: format)
        }
        guard !sentences.isEmpty else { return options.emptyMessage + "." }
        return sentences.joined(separator: "; ") + "."
    }

    /// The chart as inline SVG.
    public func svg() -> String {
        guard !labels.isEmpty, !values.isEmpty else { return SVGDocument.empty(options, kind: "line") }
        var svg = SVGDocument.begin(options, kind: "line", summary: summary())
        var items =
            series.count > 1
            ? series.enumerated().map { LegendItem(label: $1.name, color: Palette.color($0), marker: .line) } : []
        if let marker { items.append(LegendItem(label: marker.label, color: Palette.text, marker: .dashedLine)) }
        let frame = CartesianFrame.draw(
            &svg, options: options, legend: Legend(items: items), values: values + [marker?.value ?? values[0]],
            includeZero: includeZero, labels: labels, format: format)
        frame.drawMarker(&svg, marker, format: format)
        for (index, line) in series.enumerated() {
            let color = Palette.color(index)
            svg.open("g", attributes: "class=\"cx-series cx-series-\(index)\"")
            let clipped = Array(line.values.prefix(labels.count))
            for run in contiguousRuns(clipped) where run.count > 1 {
                svg.path(
                    points: run.map { (frame.x($0.0), frame.y($0.1)) }, closed: false, fill: "none", stroke: color,
                    cssClass: "cx-line", width: 2.5)
            }
            for run in contiguousRuns(clipped) {
                for (position, value) in run {
                    let name = series.count > 1 ? "\(labels[position]) · \(line.name)" : labels[position]
                    svg.circle(
                        cx: frame.x(position), cy: frame.y(value), r: run.count == 1 ? 4.5 : 3.5, fill: color,
                        cssClass: "cx-point", tooltip: "\(name): \(format.exact(value))")
                }
            }
            svg.close("g")
        }
        return SVGDocument.end(&svg)
    }

    /// The data as a table: one row per x label, one column per series.
    public func tableHTML() -> String {
        let rows = labels.indices.map { position in
            [labels[position]]
                + series.map { line in
                    position < line.values.count ? line.values[position].map(format.exact) ?? "—" : "—"
                }
        }
        return HTMLTable.render(
            caption: options.title, id: options.id, headers: [""] + series.map(\.name),
            rows: values.isEmpty ? [] : rows)
    }
}
