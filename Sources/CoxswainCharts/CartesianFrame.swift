/// Legend, value axis and category axis shared by line, area and fan charts (points along x).
struct CartesianFrame {
    let plot: PlotArea
    let y: LinearScale
    let x: PointScale

    /// Draws the legend and both axes and returns the scales for the data layer.
    static func draw(
        _ svg: inout SVGBuilder, options: ChartOptions, legend: Legend, values: [Double], includeZero: Bool,
        labels: [String], format: ValueFormat
    ) -> CartesianFrame {
        let legendHeight = legend.draw(&svg, x: 16, y: 38, width: options.width - 32)
        let top = 52 + legendHeight
        let ticks = Axis.ticks(for: values, includeZero: includeZero)
        let left = 16 + Axis.labelWidth(ticks, format: format) + 8
        let plot = PlotArea(x: left, y: top, width: options.width - left - 20, height: options.height - top - 30)
        let y = LinearScale(domainStart: ticks.lower, domainEnd: ticks.upper, rangeStart: plot.bottom, rangeEnd: plot.y)
        Axis.drawValueAxisY(&svg, ticks: ticks, scale: y, plot: plot, format: format)
        let inset = min(16, plot.width / 4)
        let x = PointScale(count: labels.count, range: (plot.x + inset, plot.right - inset))
        let slot = labels.count > 1 ? x.step : plot.width
        Axis.drawCategoryLabelsX(
            &svg, labels: labels, center: { x($0) }, slot: slot, y: plot.bottom + 18, skipToFit: true)
        return CartesianFrame(plot: plot, y: y, x: x)
    }

    /// A dashed horizontal reference line across the plot with its label above the left end.
    func drawMarker(_ svg: inout SVGBuilder, _ marker: ValueMarker?, format: ValueFormat) {
        guard let marker, marker.value.isFinite else { return }
        let markerY = y(marker.value)
        svg.line(
            x1: plot.x, y1: markerY, x2: plot.right, y2: markerY, stroke: Palette.text, cssClass: "cx-marker",
            width: 1.5, dash: "6 4")
        svg.text(
            "\(marker.label) \(format.format(marker.value))", x: plot.x + 4, y: markerY - 5,
            cssClass: "cx-marker-label", size: 11, fill: Palette.text)
    }
}

/// Splits optional values into runs of consecutive present values: `[1, nil, 2, 3]` → `[[(0, 1)], [(2, 2), (3, 3)]]`.
func contiguousRuns(_ values: [Double?]) -> [[(Int, Double)]] {
    var runs: [[(Int, Double)]] = []
    var current: [(Int, Double)] = []
    for (index, value) in values.enumerated() {
        if let value, value.isFinite {
            current.append((index, value))
        } else if !current.isEmpty {
            runs.append(current)
            current = []
        }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
}

/// Describes a series' trend: "Bookings: $1.2M in Q1 to $2.3M in Q4, peak $2.5M in Q3".
func trendSentence(name: String, labels: [String], values: [Double?], format: ValueFormat) -> String? {
    let present = values.enumerated().compactMap { index, value in
        value.flatMap { $0.isFinite && index < labels.count ? (labels[index], $0) : nil }
    }
    guard let first = present.first, let last = present.last else { return nil }
    if present.count == 1 { return "\(name): \(format.format(first.1)) in \(first.0)" }
    var sentence = "\(name): \(format.format(first.1)) in \(first.0) to \(format.format(last.1)) in \(last.0)"
    if let peak = present.max(by: { $0.1 < $1.1 }), peak.0 != first.0 && peak.0 != last.0 {
        sentence += ", peak \(format.format(peak.1)) in \(peak.0)"
    }
    return sentence
}
