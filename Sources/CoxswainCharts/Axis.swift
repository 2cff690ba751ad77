/// The rectangle inside the margins where data is drawn.
struct PlotArea {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
    var right: Double { x + width }
    var bottom: Double { y + height }
}

/// Shared axis drawing for the cartesian charts.
enum Axis {
    static let tickFont = 12.0
    static let labelFont = 12.0

    /// Ticks for a value axis covering `values`, optionally forced to include zero.
    static func ticks(for values: [Double], includeZero: Bool, count: Int = 5) -> NiceTicks {
        let finite = values.filter(\.isFinite)
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        if includeZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        return NiceTicks(lower: low, upper: high, count: count)
    }

    /// Width the tick labels of a value axis need.
    static func labelWidth(_ ticks: NiceTicks, format: ValueFormat) -> Double {
        ticks.values.map { estimatedWidth(format.tick($0, step: ticks.step), size: tickFont) }.max() ?? 0
    }

    /// Horizontal grid lines with value labels on the left of the plot.
    static func drawValueAxisY(
        _ svg: inout SVGBuilder, ticks: NiceTicks, scale: LinearScale, plot: PlotArea, format: ValueFormat
    ) {
        svg.open("g", attributes: "class=\"cx-axis cx-axis-y\"")
        for value in ticks.values {
            let y = scale(value)
            svg.line(
                x1: plot.x, y1: y, x2: plot.right, y2: y, stroke: value == 0 ? Palette.axis : Palette.grid,
                cssClass: value == 0 ? "cx-zero" : "cx-grid")
            svg.text(
                format.tick(value, step: ticks.step), x: plot.x - 6, y: y, cssClass: "cx-tick", anchor: .end,
                size: tickFont, fill: Palette.mutedText, middle: true)
        }
        svg.close("g")
    }

    /// Vertical grid lines with value labels under the plot (horizontal bars, scatter x axis).
    static func drawValueAxisX(
        _ svg: inout SVGBuilder, ticks: NiceTicks, scale: LinearScale, plot: PlotArea, format: ValueFormat
    ) {
        svg.open("g", attributes: "class=\"cx-axis cx-axis-x\"")
        for value in ticks.values {
            let x = scale(value)
            svg.line(
                x1: x, y1: plot.y, x2: x, y2: plot.bottom, stroke: value == 0 ? Palette.axis : Palette.grid,
                cssClass: value == 0 ? "cx-zero" : "cx-grid")
            svg.text(
                format.tick(value, step: ticks.step), x: x, y: plot.bottom + 18, cssClass: "cx-tick", anchor: .middle,
                size: tickFont, fill: Palette.mutedText)
        }
        svg.close("g")
    }

    /// Category labels centred under `center(i)`.
    ///
    /// With `skipToFit` (point axes such as weeks) only every n-th label is drawn so that labels never collide;
    /// otherwise (bar categories) every label is drawn, truncated to its slot, unless slots get narrower than 36 px.
    static func drawCategoryLabelsX(
        _ svg: inout SVGBuilder, labels: [String], center: (Int) -> Double, slot: Double, y: Double,
        skipToFit: Bool = false
    ) {
        guard !labels.isEmpty else { return }
        let safeSlot = max(slot, 1)
        let needed: Double
        if skipToFit {
            let widest = labels.map { estimatedWidth($0, size: labelFont) }.max() ?? 0
            needed = min(widest, 120) + 10
        } else {
            needed = 36
        }
        let stride = safeSlot >= needed ? 1 : Int((needed / safeSlot).rounded(.up))
        svg.open("g", attributes: "class=\"cx-axis cx-axis-categories\"")
        for (index, label) in labels.enumerated() where index % stride == 0 {
            let fitted = truncate(label, maxWidth: max(safeSlot * Double(stride) - 8, 24), size: labelFont)
            svg.text(
                fitted.text, x: center(index), y: y, cssClass: "cx-category", anchor: .middle, size: labelFont,
                fill: Palette.mutedText, tooltip: fitted.truncated ? label : nil)
        }
        svg.close("g")
    }

    /// Category labels right-aligned left of the plot, vertically centred on `center(i)`.
    static func drawCategoryLabelsY(
        _ svg: inout SVGBuilder, labels: [String], center: (Int) -> Double, x: Double, maxWidth: Double
    ) {
        svg.open("g", attributes: "class=\"cx-axis cx-axis-categories\"")
        for (index, label) in labels.enumerated() {
            let fitted = truncate(label, maxWidth: maxWidth, size: labelFont)
            svg.text(
                fitted.text, x: x, y: center(index), cssClass: "cx-category", anchor: .end, size: labelFont,
                fill: Palette.text, middle: true, tooltip: fitted.truncated ? label : nil)
        }
        svg.close("g")
    }

    /// Describes the extremes of labelled values: "Highest: Alice 132%; lowest: Bob 41%."
    static func extremes(_ pairs: [(String, Double)], format: ValueFormat) -> String {
        let finite = pairs.filter { $0.1.isFinite }
        guard let high = finite.max(by: { $0.1 < $1.1 }), let low = finite.min(by: { $0.1 < $1.1 }) else {
            return "No data."
        }
        if finite.count == 1 { return "\(high.0): \(format.format(high.1))." }
        return "Highest: \(high.0) \(format.format(high.1)); lowest: \(low.0) \(format.format(low.1))."
    }
}
