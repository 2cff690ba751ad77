/// One stage of a funnel with the number (or value) of items that reached it.
public struct FunnelStage: Sendable, Hashable {
    /// Stage name, e.g. "Qualified".
    public var name: String
    /// Items in the stage; negative or non-finite counts are drawn as zero.
    public var count: Double

    /// Creates a stage.
    public init(name: String, count: Double) {
        self.name = name
        self.count = count
    }
}

/// Centred funnel bars, one per stage, with the step conversion rate printed between neighbouring stages.
///
/// ```swift
/// let funnel = FunnelChart(
///     options: ChartOptions(title: "Q3 funnel"),
///     stages: [
///         FunnelStage(name: "Leads", count: 1_200), FunnelStage(name: "Qualified", count: 480),
///         FunnelStage(name: "Proposal", count: 150), FunnelStage(name: "Won", count: 48),
///     ])
/// let svg = funnel.svg()   // "40%" between Leads and Qualified, …
/// ```
public struct FunnelChart: Chart {
    /// Title, id and size.
    public var options: ChartOptions
    /// Stages from top (widest) to bottom.
    public var stages: [FunnelStage]
    /// Formatting of stage counts.
    public var format: ValueFormat

    /// Creates a funnel chart.
    public init(options: ChartOptions, stages: [FunnelStage], format: ValueFormat = .number()) {
        self.options = options
        self.stages = stages
        self.format = format
    }

    private func count(_ index: Int) -> Double {
        let value = stages[index].count
        return value.isFinite ? max(value, 0) : 0
    }

    /// Conversion from stage `index - 1` to `index`, or nil when the previous stage is empty.
    public func conversion(into index: Int) -> Double? {
        guard index > 0, index < stages.count, count(index - 1) > 0 else { return nil }
        return count(index) / count(index - 1)
    }

    private var conversionFormat: ValueFormat { .percent(decimals: 0) }

    /// Summary for `<desc>`: overall conversion and the weakest step.
    public func summary() -> String {
        guard let first = stages.first, let last = stages.last else { return options.emptyMessage + "." }
        if stages.count == 1 { return "\(first.name): \(format.format(count(0)))." }
        var text = "\(first.name) \(format.format(count(0))) to \(last.name) \(format.format(count(stages.count - 1)))"
        if count(0) > 0 {
            let overall = count(stages.count - 1) / count(0)
            text += ": overall conversion \(ValueFormat.percent(decimals: 1).format(overall))"
        }
        let steps = (1..<stages.count).compactMap { index in conversion(into: index).map { (index, $0) } }
        if let weakest = steps.min(by: { $0.1 < $1.1 }) {
            text += ". Weakest step: \(stages[weakest.0 - 1].name) to \(stages[weakest.0].name)"
            text += " (\(conversionFormat.format(weakest.1)))"
        }
        return text + "."
    }

    /// The chart as inline SVG.
    public func svg() -> String {
        guard !stages.isEmpty else { return SVGDocument.empty(options, kind: "funnel") }
        var size = options
        size.height = max(options.height, 52 + Double(stages.count) * 48 + 12)
        var svg = SVGDocument.begin(size, kind: "funnel", summary: summary())
        let longest = stages.map { estimatedWidth($0.name, size: 13) }.max() ?? 0
        let labelSpace = min(longest, size.width * 0.28)
        let valueSpace = (stages.indices.map { estimatedWidth(format.format(count($0)), size: 12) }.max() ?? 0) + 12
        let left = 16 + labelSpace + 12
        let plot = PlotArea(x: left, y: 48, width: size.width - left - 16 - valueSpace, height: size.height - 60)
        let row = plot.height / Double(stages.count)
        let barHeight = min(row * 0.62, 40)
        let maximum = stages.indices.map(count).max() ?? 0
        let center = plot.x + plot.width / 2
        svg.open("g", attributes: "class=\"cx-stages\"")
        for index in stages.indices {
            let top = plot.y + Double(index) * row + (row - barHeight) / 2
            let width = maximum > 0 ? max(plot.width * count(index) / maximum, 2) : 2
            let name = stages[index].name
            svg.rect(
                x: center - width / 2, y: top, width: width, height: barHeight, fill: Palette.color(0),
                cssClass: "cx-bar cx-stage", tooltip: "\(name): \(format.exact(stages[index].count))", radius: 2)
            svg.text(
                format.format(count(index)), x: center + width / 2 + 6, y: top + barHeight / 2, cssClass: "cx-value",
                size: 12, bold: true, middle: true)
            let label = truncate(name, maxWidth: labelSpace, size: 13)
            svg.text(
                label.text, x: plot.x - 12, y: top + barHeight / 2, cssClass: "cx-category", anchor: .end, size: 13,
                middle: true, tooltip: label.truncated ? name : nil)
            if index > 0 {
                let text = conversion(into: index).map { "↓ \(conversionFormat.format($0))" } ?? "↓ —"
                let tooltip =
                    "\(stages[index - 1].name) to \(name): "
                    + (conversion(into: index).map { ValueFormat.percent(decimals: 2).exact($0) } ?? "not defined")
                svg.text(
                    text, x: center, y: top - (row - barHeight) / 2, cssClass: "cx-conversion", anchor: .middle,
                    size: 11, fill: Palette.mutedText, middle: true, tooltip: tooltip)
            }
        }
        svg.close("g")
        return SVGDocument.end(&svg)
    }

    /// The data as a table: stage, count and conversion from the previous stage.
    public func tableHTML() -> String {
        let rows = stages.indices.map { index in
            [
                stages[index].name, format.exact(stages[index].count),
                conversion(into: index).map { ValueFormat.percent(decimals: 1).format($0) } ?? "—",
            ]
        }
        return HTMLTable.render(
            caption: options.title, id: options.id, headers: ["Stage", "Count", "Conversion from previous"], rows: rows)
    }
}
