/// Stacked area chart: each series is drawn on top of the previous ones, so the top edge is the total.
///
/// Negative and missing values count as zero for stacking (areas cannot represent negatives meaningfully);
/// the table and tooltips still show the original value.
///
/// ```swift
/// let mix = AreaChart(
///     options: ChartOptions(title: "Pipeline by segment"),
///     labels: ["Q1", "Q2", "Q3"],
///     series: [
///         LineSeries(name: "SMB", values: [2e5, 3e5, 2.5e5]),
///         LineSeries(name: "Enterprise", values: [8e5, 9e5, 1.1e6]),
///     ],
///     format: .currency(code: "EUR"))
/// let svg = mix.svg()
/// ```
public struct AreaChart: Chart {
    /// Title, id and size.
    public var options: ChartOptions
    /// X-axis labels.
    public var labels: [String]
    /// Series, stacked bottom to top in array order.
    public var series: [LineSeries]
    /// Value formatting.
    public var format: ValueFormat

    /// Creates a stacked area chart.
    public init(options: ChartOptions, labels: [String], series: [LineSeries], format: ValueFormat = .number()) {
        self.options = options
        self.labels = labels
        self.series = series
        self.format = format
    }

    private func stackValue(_ seriesIndex: Int, _ position: Int) -> Double {
        let values = series[seriesIndex].values
        guard position < values.count, let value = values[position], value.isFinite else { return 0 }
        return max(value, 0)
    }

    /// Cumulative tops: `stacks[s][p]` is the sum of series 0...s at position p.
    private func stacks() -> [[Double]] {
        var running = Array(repeating: 0.0, count: labels.count)
        return series.indices.map { index in
            for position in labels.indices { running[position] += stackValue(index, position) }
            return running
        }
    }

    private var hasData: Bool {
        !labels.isEmpty && series.contains { line in line.values.prefix(labels.count).contains { $0 != nil } }
    }

    /// Summary for `<desc>`: how the total develops and the largest series at the end.
    public func summary() -> String {
        guard hasData, let totals = stacks().last else { return options.emptyMessage + "." }
        var text = trendSentence(name: "Total", labels: labels, values: totals, format: format) ?? ""
        let lastPosition = labels.count - 1
        if let largest = series.indices.max(by: { stackValue($0, lastPosition) < stackValue($1, lastPosition) }),
            series.count > 1
        {
            text += "; largest in \(labels[lastPosition]): \(series[largest].name)"
        }
        return text + "."
    }

    /// The chart as inline SVG.
    public func svg() -> String {
        guard hasData else { return SVGDocument.empty(options, kind: "area") }
        let stacks = stacks()
        var svg = SVGDocument.begin(options, kind: "area", summary: summary())
        let items = series.enumerated().map { LegendItem(label: $1.name, color: Palette.color($0)) }
        let frame = CartesianFrame.draw(
            &svg, options: options, legend: Legend(items: series.count > 1 ? items : []),
            values: stacks.last ?? [0], includeZero: true, labels: labels, format: format)
        // A single position is drawn as a narrow column so that the area stays visible.
        let xs: [(Int, Double)] =
            labels.count == 1
            ? [(0, frame.x(0) - 14), (0, frame.x(0) + 14)]
            : labels.indices.map { ($0, frame.x($0)) }
        for index in series.indices {
            let color = Palette.color(index)
            let upper = xs.map { ($0.1, frame.y(stacks[index][$0.0])) }
            let lower = xs.reversed().map { ($0.1, frame.y(index == 0 ? 0 : stacks[index - 1][$0.0])) }
            svg.open("g", attributes: "class=\"cx-series cx-series-\(index)\"")
            svg.path(
                points: upper + lower, closed: true, fill: color, stroke: nil, cssClass: "cx-area", opacity: 0.8,
                tooltip: series[index].name)
            svg.path(points: upper, closed: false, fill: "none", stroke: color, cssClass: "cx-line", width: 1.5)
            for position in labels.indices {
                let values = series[index].values
                guard position < values.count, let raw = values[position] else { continue }
                svg.circle(
                    cx: frame.x(position), cy: frame.y(stacks[index][position]), r: 3, fill: color,
                    cssClass: "cx-point",
                    tooltip: "\(labels[position]) · \(series[index].name): \(format.exact(raw))"
                        + " (total \(format.exact(stacks.last?[position] ?? 0)))")
            }
            svg.close("g")
        }
        return SVGDocument.end(&svg)
    }

    /// The data as a table: one row per x label, one column per series plus a total column.
    public func tableHTML() -> String {
        let totals = stacks().last ?? []
        let rows = labels.indices.map { position in
            [labels[position]]
                + series.map { line in
                    position < line.values.count ? line.values[position].map(format.exact) ?? "—" : "—"
                }
                + [position < totals.count ? format.exact(totals[position]) : "—"]
        }
        return HTMLTable.render(
            caption: options.title, id: options.id, headers: [""] + series.map(\.name) + ["Total"],
            rows: hasData ? rows : [])
    }
}
