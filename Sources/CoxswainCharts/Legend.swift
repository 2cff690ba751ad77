/// One entry of a chart legend.
public struct LegendItem: Sendable, Hashable {
    /// How the legend swatch is drawn.
    public enum Marker: Sendable, Hashable {
        /// A filled square, for bars and areas.
        case square
        /// A short horizontal line, for line series.
        case line
        /// A dashed line, for reference and target lines.
        case dashedLine
        /// A translucent square, for uncertainty bands.
        case band(opacity: Double)
    }

    /// Text shown next to the swatch.
    public var label: String
    /// Hex fill colour of the swatch.
    public var color: String
    /// Swatch shape.
    public var marker: Marker

    /// Creates a legend item.
    public init(label: String, color: String, marker: Marker = .square) {
        self.label = label
        self.color = color
        self.marker = marker
    }
}

/// A horizontal, wrapping legend drawn above the plot area.
///
/// ```swift
/// let legend = Legend(items: [LegendItem(label: "Won", color: Palette.color(0))])
/// legend.height(width: 600)   // 20
/// ```
public struct Legend: Sendable, Hashable {
    /// Entries in display order.
    public var items: [LegendItem]
    /// Font size of the labels.
    public var fontSize: Double = 12

    /// Creates a legend.
    public init(items: [LegendItem]) {
        self.items = items
    }

    private static let rowHeight = 20.0
    private static let maxLabelWidth = 180.0

    /// Vertical space the legend needs when wrapped into `width`; 0 when there are no items.
    public func height(width: Double) -> Double {
        Double(layout(x: 0, width: width).rows) * Self.rowHeight
    }

    private func layout(x: Double, width: Double) -> (positions: [(Double, Int)], rows: Int) {
        guard !items.isEmpty else { return ([], 0) }
        var positions: [(Double, Int)] = []
        var cursor = x
        var row = 0
        for item in items {
            let itemWidth = 18 + min(estimatedWidth(item.label, size: fontSize), Self.maxLabelWidth) + 16
            if cursor > x && cursor + itemWidth > x + width {
                row += 1
                cursor = x
            }
            positions.append((cursor, row))
            cursor += itemWidth
        }
        return (positions, row + 1)
    }

    /// Draws the legend with its top-left corner at (`x`, `y`) and returns the height used.
    @discardableResult
    func draw(_ svg: inout SVGBuilder, x: Double, y: Double, width: Double) -> Double {
        let placed = layout(x: x, width: width)
        guard placed.rows > 0 else { return 0 }
        svg.open("g", attributes: "class=\"cx-legend\"")
        for (item, position) in zip(items, placed.positions) {
            let left = position.0
            let middle = y + Double(position.1) * Self.rowHeight + Self.rowHeight / 2
            switch item.marker {
            case .square:
                svg.rect(
                    x: left, y: middle - 6, width: 12, height: 12, fill: item.color, cssClass: "cx-swatch", radius: 2)
            case let .band(opacity):
                svg.path(
                    points: [(left, middle - 6), (left + 12, middle - 6), (left + 12, middle + 6), (left, middle + 6)],
                    closed: true, fill: item.color, stroke: nil, cssClass: "cx-swatch", opacity: opacity)
            case .line:
                svg.line(
                    x1: left, y1: middle, x2: left + 12, y2: middle, stroke: item.color, cssClass: "cx-swatch",
                    width: 3)
            case .dashedLine:
                svg.line(
                    x1: left, y1: middle, x2: left + 12, y2: middle, stroke: item.color, cssClass: "cx-swatch",
                    width: 2, dash: "4 2")
            }
            let label = truncate(item.label, maxWidth: Self.maxLabelWidth, size: fontSize)
            svg.text(
                label.text, x: left + 18, y: middle, cssClass: "cx-legend-label", size: fontSize,
                middle: true, tooltip: label.truncated ? item.label : nil)
        }
        svg.close("g")
        return Double(placed.rows) * Self.rowHeight
    }
}
