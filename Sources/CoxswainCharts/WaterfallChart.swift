/// One signed change in a waterfall, e.g. `+new` or `-lost`.
public struct WaterfallStep: Sendable, Hashable {
    /// Step label, e.g. "Won".
    public var label: String
    /// Signed change; non-finite deltas count as zero.
    public var delta: Double

    /// Creates a step.
    public init(label: String, delta: Double) {
        self.label = label
        self.delta = delta
    }
}

/// A bridge from a starting total through signed steps to the computed ending total, e.g. a pipeline bridge.
/// Running totals may go negative; the value axis always includes zero.
///
/// ```swift
/// let bridge = WaterfallChart(
///     options: ChartOptions(title: "Pipeline bridge, Q3"),
///     startLabel: "Start", start: 4_000_000,
///     steps: [
///         WaterfallStep(label: "New", delta: 1_500_000), WaterfallStep(label: "Pulled in", delta: 300_000),
///         WaterfallStep(label: "Won", delta: -900_000), WaterfallStep(label: "Lost", delta: -600_000),
///         WaterfallStep(label: "Pushed", delta: -200_000),
///     ],
///     endLabel: "End", format: .currency(code: "USD"))
/// let svg = bridge.svg()   // End bar at $4.1M
/// ```
public struct WaterfallChart: Chart {
    /// Title, id and size.
    public var options: ChartOptions
    /// Label of the first (total) bar.
    public var startLabel: String
    /// Starting total.
    public var start: Double
    /// Signed steps in order.
    public var steps: [WaterfallStep]
    /// Label of the last (total) bar, whose value is `start + Σ delta`.
    public var endLabel: String
    /// Value formatting.
    public var format: ValueFormat

    /// Creates a waterfall chart.
    public init(
        options: ChartOptions, startLabel: String, start: Double, steps: [WaterfallStep], endLabel: String,
        format: ValueFormat = .number()
    ) {
        self.options = options
        self.startLabel = startLabel
        self.start = start
        self.steps = steps
        self.endLabel = endLabel
        self.format = format
    }

    private var safeStart: Double { start.isFinite ? start : 0 }
    private func delta(_ index: Int) -> Double { steps[index].delta.isFinite ? steps[index].delta : 0 }

    /// The computed ending total.
    public var end: Double { steps.indices.reduce(safeStart) { $0 + delta($1) } }

    private var isEmpty: Bool { steps.isEmpty && safeStart == 0 }

    private func signed(_ value: Double) -> String { value > 0 ? "+" + format.format(value) : format.format(value) }

    private func exactSigned(_ value: Double, total: Bool) -> String {
        !total && value > 0 ? "+" + format.exact(value) : format.exact(value)
    }

    /// Summary for `<desc>`: start, end, net change and the largest increase and decrease.
    public func summary() -> String {
        guard !isEmpty else { return options.emptyMessage + "." }
        var text = "\(startLabel) \(format.format(safeStart)); \(endLabel) \(format.format(end))"
        text += " (\(signed(end - safeStart)))."
        let indexed = steps.indices.map { ($0, delta($0)) }
        if let up = indexed.filter({ $0.1 > 0 }).max(by: { $0.1 < $1.1 }) {
            text += " Largest increase: \(steps[up.0].label) \(signed(up.1))."
        }
        if let down = indexed.filter({ $0.1 < 0 }).min(by: { $0.1 < $1.1 }) {
            text += " Largest decrease: \(steps[down.0].label) \(signed(down.1))."
        }
        return text
    }

    /// The chart as inline SVG.
    public func svg() -> String {
        guard !isEmpty else { return SVGDocument.empty(options, kind: "waterfall") }
        var svg = SVGDocument.begin(options, kind: "waterfall", summary: summary())
        var bars: [(label: String, from: Double, to: Double, kind: String)] = [(startLabel, 0, safeStart, "total")]
        var running = safeStart
        for index in steps.indices {
            let next = running + delta(index)
            bars.append((steps[index].label, running, next, delta(index) >= 0 ? "increase" : "decrease"))
            running = next
        }
        bars.append((endLabel, 0, running, "total"))
        let legend = Legend(items: [
            LegendItem(label: "Increase", color: Palette.positive),
            LegendItem(label: "Decrease", color: Palette.negative),
            LegendItem(label: "Total", color: Palette.total),
        ])
        let legendHeight = legend.draw(&svg, x: 16, y: 38, width: options.width - 32)
        let top = 52 + legendHeight + 8
        let ticks = Axis.ticks(for: bars.flatMap { [$0.from, $0.to] }, includeZero: true)
        let left = 16 + Axis.labelWidth(ticks, format: format) + 8
        let plot = PlotArea(x: left, y: top, width: options.width - left - 16, height: options.height - top - 30)
        let y = LinearScale(domainStart: ticks.lower, domainEnd: ticks.upper, rangeStart: plot.bottom, rangeEnd: plot.y)
        Axis.drawValueAxisY(&svg, ticks: ticks, scale: y, plot: plot, format: format)
        let band = BandScale(count: bars.count, range: (plot.x, plot.right), padding: 0.3)
        svg.open("g", attributes: "class=\"cx-bars\"")
        for (index, bar) in bars.enumerated() {
            let high = y(max(bar.from, bar.to))
            let low = y(min(bar.from, bar.to))
            let color =
                bar.kind == "total"
                ? Palette.total : (bar.kind == "increase" ? Palette.positive : Palette.negative)
            let value = bar.kind == "total" ? bar.to : bar.to - bar.from
            let text = bar.kind == "total" ? format.format(value) : signed(value)
            svg.rect(
                x: band.start(index), y: high, width: band.bandwidth, height: max(low - high, 1), fill: color,
                cssClass: "cx-bar cx-\(bar.kind)",
                tooltip: "\(bar.label): \(exactSigned(value, total: bar.kind == "total"))")
            if estimatedWidth(text, size: 11) <= band.step {
                let below = bar.kind == "decrease" || (bar.kind == "total" && value < 0)
                svg.text(
                    text, x: band.center(index), y: below ? low + 14 : high - 5, cssClass: "cx-value",
                    anchor: .middle, size: 11, bold: bar.kind == "total")
            }
            if index < bars.count - 1 {
                let level = y(bar.to)
                svg.line(
                    x1: band.start(index) + band.bandwidth, y1: level, x2: band.start(index + 1), y2: level,
                    stroke: Palette.axis, cssClass: "cx-connector", dash: "3 3")
            }
        }
        svg.close("g")
        svg.line(x1: plot.x, y1: y(0), x2: plot.right, y2: y(0), stroke: Palette.axis, cssClass: "cx-baseline")
        Axis.drawCategoryLabelsX(
            &svg, labels: bars.map(\.label), center: band.center, slot: band.step, y: plot.bottom + 18)
        return SVGDocument.end(&svg)
    }

    /// The data as a table: label, change and running total.
    public func tableHTML() -> String {
        guard !isEmpty else {
            return HTMLTable.render(
                caption: options.title, id: options.id, headers: ["Step", "Change", "Total"], rows: [])
        }
        var rows = [[startLabel, "", format.exact(safeStart)]]
        var running = safeStart
        for index in steps.indices {
            running += delta(index)
            rows.append([steps[index].label, exactSigned(delta(index), total: false), format.exact(running)])
        }
        rows.append([endLabel, "", format.exact(running)])
        return HTMLTable.render(
            caption: options.title, id: options.id, headers: ["Step", "Change", "Total"], rows: rows)
    }
}
