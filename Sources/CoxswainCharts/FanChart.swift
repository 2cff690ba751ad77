/// Forecast quantiles for one x position. Values are sorted on use, so slightly inconsistent input still draws.
public struct FanPoint: Sendable, Hashable {
    /// 10th percentile.
    public var p10: Double
    /// 25th percentile.
    public var p25: Double
    /// Median.
    public var p50: Double
    /// 75th percentile.
    public var p75: Double
    /// 90th percentile.
    public var p90: Double

    /// Creates a point from its five quantiles.
    public init(p10: Double, p25: Double, p50: Double, p75: Double, p90: Double) {
        self.p10 = p10
        self.p25 = p25
        self.p50 = p50
        self.p75 = p75
        self.p90 = p90
    }

    /// The quantiles in ascending order with non-finite values replaced by the median (or 0).
    var sorted: [Double] {
        let fallback = p50.isFinite ? p50 : 0
        return [p10, p25, p50, p75, p90].map { $0.isFinite ? $0 : fallback }.sorted()
    }
}

/// Forecast fan chart: median line with P25–P75 and P10–P90 bands, optional actuals and a target line.
///
/// ```swift
/// let forecast = FanChart(
///     options: ChartOptions(title: "Q3 bookings forecast"),
///     labels: ["W1", "W2", "W3"],
///     points: [
///         FanPoint(p10: 0.8e6, p25: 0.9e6, p50: 1.0e6, p75: 1.1e6, p90: 1.2e6),
///         FanPoint(p10: 1.5e6, p25: 1.8e6, p50: 2.0e6, p75: 2.2e6, p90: 2.5e6),
///         FanPoint(p10: 2.1e6, p25: 2.6e6, p50: 3.0e6, p75: 3.4e6, p90: 3.9e6),
///     ],
///     actual: [0.95e6, nil, nil],
///     target: ValueMarker(value: 3.2e6, label: "Target"),
///     format: .currency(code: "USD"))
/// let svg = forecast.svg()
/// ```
public struct FanChart: Chart {
    /// Title, id and size.
    public var options: ChartOptions
    /// X-axis labels (weeks, months).
    public var labels: [String]
    /// One quantile set per label.
    public var points: [FanPoint]
    /// Actual values so far; `nil` for positions without actuals.
    public var actual: [Double?]
    /// Optional horizontal target line.
    public var target: ValueMarker?
    /// Value formatting.
    public var format: ValueFormat
    /// Whether the value axis starts at zero; off by default so the spread stays visible.
    public var includeZero: Bool

    /// Creates a fan chart.
    public init(
        options: ChartOptions, labels: [String], points: [FanPoint], actual: [Double?] = [],
        target: ValueMarker? = nil, format: ValueFormat = .number(), includeZero: Bool = false
    ) {
        self.options = options
        self.labels = labels
        self.points = points
        self.actual = actual
        self.target = target
        self.format = format
        self.includeZero = includeZero
    }

    private var count: Int { min(labels.count, points.count) }
    private var actuals: [Double?] { (0..<count).map { $0 < actual.count ? actual[$0] : nil } }

    /// Summary for `<desc>`: the final median with its P10–P90 range, the target and the latest actual.
    public func summary() -> String {
        guard count > 0 else { return options.emptyMessage + "." }
        let last = points[count - 1].sorted
        var text = "Median forecast for \(labels[count - 1]): \(format.format(last[2]))"
        text += " (P10 \(format.format(last[0])) to P90 \(format.format(last[4])))."
        if let target { text += " \(target.label): \(format.format(target.value))." }
        if let latest = contiguousRuns(actuals).last?.last {
            text += " Latest actual: \(format.format(latest.1)) in \(labels[latest.0])."
        }
        return text
    }

    /// The chart as inline SVG.
    public func svg() -> String {
        guard count > 0 else { return SVGDocument.empty(options, kind: "fan") }
        var svg = SVGDocument.begin(options, kind: "fan", summary: summary())
        let quantiles = (0..<count).map { points[$0].sorted }
        let color = Palette.color(0)
        let actualColor = Palette.color(3)
        var items = [
            LegendItem(label: "Median", color: color, marker: .line),
            LegendItem(label: "P25–P75", color: color, marker: .band(opacity: 0.35)),
            LegendItem(label: "P10–P90", color: color, marker: .band(opacity: 0.15)),
        ]
        if actuals.contains(where: { $0 != nil }) {
            items.append(LegendItem(label: "Actual", color: actualColor, marker: .line))
        }
        if let target { items.append(LegendItem(label: target.label, color: Palette.text, marker: .dashedLine)) }
        var domain = quantiles.flatMap { $0 } + actuals.compactMap { $0 }.filter(\.isFinite)
        if let target, target.value.isFinite { domain.append(target.value) }
        let frame = CartesianFrame.draw(
            &svg, options: options, legend: Legend(items: items), values: domain, includeZero: includeZero,
            labels: Array(labels.prefix(count)), format: format)
        let xs: [(Int, Double)] =
            count == 1
            ? [(0, frame.x(0) - 14), (0, frame.x(0) + 14)]
            : (0..<count).map { ($0, frame.x($0)) }
        for (low, high, opacity, name) in [(0, 4, 0.15, "p10-p90"), (1, 3, 0.35, "p25-p75")] {
            let upper = xs.map { ($0.1, frame.y(quantiles[$0.0][high])) }
            let lower = xs.reversed().map { ($0.1, frame.y(quantiles[$0.0][low])) }
            svg.path(
                points: upper + lower, closed: true, fill: color, stroke: nil, cssClass: "cx-band cx-\(name)",
                opacity: opacity)
        }
        frame.drawMarker(&svg, target, format: format)
        svg.path(
            points: xs.map { ($0.1, frame.y(quantiles[$0.0][2])) }, closed: false, fill: "none", stroke: color,
            cssClass: "cx-line cx-median", width: 2.5)
        for index in 0..<count {
            let q = quantiles[index]
            let tip =
                "\(labels[index]): median \(format.exact(q[2]));"
                + " P25–P75 \(format.exact(q[1]))–\(format.exact(q[3]));"
                + " P10–P90 \(format.exact(q[0]))–\(format.exact(q[4]))"
            svg.circle(cx: frame.x(index), cy: frame.y(q[2]), r: 3, fill: color, cssClass: "cx-point", tooltip: tip)
        }
        svg.open("g", attributes: "class=\"cx-actual\"")
        for run in contiguousRuns(actuals) {
            if run.count > 1 {
                svg.path(
                    points: run.map { (frame.x($0.0), frame.y($0.1)) }, closed: false, fill: "none",
                    stroke: actualColor, cssClass: "cx-line cx-actual-line", width: 2.5)
            }
            for (index, value) in run {
                svg.circle(
                    cx: frame.x(index), cy: frame.y(value), r: 3.5, fill: actualColor, cssClass: "cx-point",
                    tooltip: "\(labels[index]) actual: \(format.exact(value))")
            }
        }
        svg.close("g")
        return SVGDocument.end(&svg)
    }

    /// The data as a table: one row per label with the five quantiles and the actual value.
    public func tableHTML() -> String {
        let rows = (0..<count).map { index in
            [labels[index]] + points[index].sorted.map(format.exact) + [actuals[index].map(format.exact) ?? "—"]
        }
        return HTMLTable.render(
            caption: options.title, id: options.id, headers: ["", "P10", "P25", "Median", "P75", "P90", "Actual"],
            rows: rows)
    }
}
