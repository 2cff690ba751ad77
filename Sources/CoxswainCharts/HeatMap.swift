/// A rows × columns matrix of values coloured on a sequential light-to-dark blue scale, with a legend scale.
///
/// The single-hue scale varies in lightness only, which keeps it readable for colour-blind viewers and in
/// greyscale print. Missing cells (`nil`) are drawn light grey with a dash.
///
/// ```swift
/// let activity = HeatMap(
///     options: ChartOptions(title: "Calls per week"),
///     rows: ["Alice", "Bob"],
///     columns: ["W1", "W2", "W3"],
///     values: [[12, 30, 41], [3, nil, 18]])
/// let svg = activity.svg()
/// ```
public struct HeatMap: Chart {
    /// Title, id and size.
    public var options: ChartOptions
    /// Row labels (e.g. reps).
    public var rows: [String]
    /// Column labels (e.g. weeks).
    public var columns: [String]
    /// `values[row][column]`; short rows are padded with `nil`.
    public var values: [[Double?]]
    /// Value formatting.
    public var format: ValueFormat

    /// Creates a heat map.
    public init(
        options: ChartOptions, rows: [String], columns: [String], values: [[Double?]], format: ValueFormat = .number()
    ) {
        self.options = options
        self.rows = rows
        self.columns = columns
        self.values = values
        self.format = format
    }

    /// Lightest and darkest colours of the scale.
    static let low = (r: 0xF1, g: 0xF6, b: 0xFB)
    static let high = (r: 0x08, g: 0x30, b: 0x6B)

    /// The cell value, or nil when missing or non-finite.
    func value(_ row: Int, _ column: Int) -> Double? {
        guard row < values.count, column < values[row].count, let value = values[row][column], value.isFinite else {
            return nil
        }
        return value
    }

    private var cells: [(row: Int, column: Int, value: Double)] {
        rows.indices.flatMap { row in
            columns.indices.compactMap { column in value(row, column).map { (row, column, $0) } }
        }
    }

    /// Colour for fraction `t` in 0...1 along the scale, as `#RRGGBB`.
    public static func color(at fraction: Double) -> String {
        let t = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * t).rounded()) }
        let hex = Array("0123456789ABCDEF")
        var text = "#"
        for channel in [mix(low.r, high.r), mix(low.g, high.g), mix(low.b, high.b)] {
            text.append(hex[channel / 16])
            text.append(hex[channel % 16])
        }
        return text
    }

    /// Summary for `<desc>`: the highest and lowest cell and the average.
    public func summary() -> String {
        let cells = cells
        guard let high = cells.max(by: { $0.value < $1.value }), let low = cells.min(by: { $0.value < $1.value }) else {
            return options.emptyMessage + "."
        }
        let average = cells.reduce(0.0) { $0 + $1.value } / Double(cells.count)
        var text = "\(rows.count) rows by \(columns.count) columns. "
        text += "Highest: \(rows[high.row]) in \(columns[high.column]) (\(format.format(high.value))); "
        text += "lowest: \(rows[low.row]) in \(columns[low.column]) (\(format.format(low.value))). "
        return text + "Average \(format.format(average))."
    }

    /// The chart as inline SVG.
    public func svg() -> String {
        let cells = cells
        guard let minimum = cells.map(\.value).min(), let maximum = cells.map(\.value).max() else {
            return SVGDocument.empty(options, kind: "heatmap")
        }
        var size = options
        size.height = max(options.height, 70 + Double(rows.count) * 22 + 60)
        var svg = SVGDocument.begin(size, kind: "heatmap", summary: summary())
        let labelSpace = min(rows.map { estimatedWidth($0, size: Axis.labelFont) }.max() ?? 0, size.width * 0.25)
        let left = 16 + labelSpace + 8
        let plot = PlotArea(x: left, y: 66, width: size.width - left - 16, height: size.height - 66 - 60)
        let cellWidth = plot.width / Double(max(columns.count, 1))
        let cellHeight = plot.height / Double(max(rows.count, 1))
        let span = maximum - minimum
        func fraction(_ value: Double) -> Double { span > 0 ? (value - minimum) / span : 0.5 }
        Axis.drawCategoryLabelsX(
            &svg, labels: columns, center: { plot.x + (Double($0) + 0.5) * cellWidth }, slot: cellWidth, y: plot.y - 8,
            skipToFit: true)
        Axis.drawCategoryLabelsY(
            &svg, labels: rows, center: { plot.y + (Double($0) + 0.5) * cellHeight }, x: plot.x - 8,
            maxWidth: labelSpace)
        // Values are printed in the cells only when every one of them fits, so the grid reads consistently.
        let showValues =
            cellHeight >= 16
            && cells.allSatisfy { estimatedWidth(format.format($0.value), size: 11) <= cellWidth - 6 }
        svg.open("g", attributes: "class=\"cx-cells\"")
        for row in rows.indices {
            for column in columns.indices {
                let x = plot.x + Double(column) * cellWidth
                let y = plot.y + Double(row) * cellHeight
                let cell = value(row, column)
                let share = cell.map(fraction) ?? 0
                let fill = cell == nil ? "#EEEEEE" : Self.color(at: share)
                let label = "\(rows[row]) · \(columns[column]): " + (cell.map(format.exact) ?? "no data")
                svg.rect(
                    x: x + 1, y: y + 1, width: cellWidth - 2, height: cellHeight - 2, fill: fill,
                    cssClass: cell == nil ? "cx-cell cx-missing" : "cx-cell", tooltip: label)
                let text = cell.map(format.format) ?? "—"
                if showValues {
                    svg.text(
                        text, x: x + cellWidth / 2, y: y + cellHeight / 2, cssClass: "cx-cell-value", anchor: .middle,
                        size: 11, fill: share > 0.55 ? "#FFFFFF" : Palette.text, middle: true)
                }
            }
        }
        svg.close("g")
        drawScale(&svg, x: plot.x, y: plot.bottom + 22, minimum: minimum, maximum: maximum)
        return SVGDocument.end(&svg)
    }

    /// Draws the legend scale: five colour steps from minimum to maximum with end labels.
    private func drawScale(_ svg: inout SVGBuilder, x: Double, y: Double, minimum: Double, maximum: Double) {
        let steps = 5
        let stepWidth = 36.0
        svg.open("g", attributes: "class=\"cx-legend cx-scale\"")
        for step in 0..<steps {
            let fraction = Double(step) / Double(steps - 1)
            let from = minimum + (maximum - minimum) * Double(step) / Double(steps)
            let to = minimum + (maximum - minimum) * Double(step + 1) / Double(steps)
            svg.rect(
                x: x + Double(step) * stepWidth, y: y, width: stepWidth, height: 12, fill: Self.color(at: fraction),
                cssClass: "cx-swatch", tooltip: "\(format.format(from))–\(format.format(to))")
        }
        svg.text(format.format(minimum), x: x, y: y + 28, cssClass: "cx-tick", size: 11, fill: Palette.mutedText)
        svg.text(
            format.format(maximum), x: x + Double(steps) * stepWidth, y: y + 28, cssClass: "cx-tick", anchor: .end,
            size: 11, fill: Palette.mutedText)
        svg.close("g")
    }

    /// The data as a table: one row per row label, one column per column label.
    public func tableHTML() -> String {
        let rows = self.rows.indices.map { row in
            [self.rows[row]] + columns.indices.map { value(row, $0).map(format.exact) ?? "—" }
        }
        return HTMLTable.render(
            caption: options.title, id: options.id, headers: [""] + columns, rows: cells.isEmpty ? [] : rows)
    }
}
