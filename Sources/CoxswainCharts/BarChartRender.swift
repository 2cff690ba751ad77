extension BarChart {
    /// The chart as inline SVG.
    public func svg() -> String {
        guard !isEmpty else { return SVGDocument.empty(options, kind: "bar") }
        var effective = options
        if orientation == .horizontal {
            let needed = 40 + legend.height(width: options.width - 32) + Double(categories.count) * 24 + 44
            effective.height = max(options.height, needed)
        }
        var svg = SVGDocument.begin(effective, kind: "bar", summary: summary())
        let legendHeight = legend.draw(&svg, x: 16, y: 38, width: effective.width - 32)
        let top = 44 + legendHeight + (orientation == .vertical ? 8 : 0)
        let ticks = Axis.ticks(for: domainValues(), includeZero: true)
        if orientation == .vertical {
            drawVertical(&svg, size: effective, top: top, ticks: ticks)
        } else {
            drawHorizontal(&svg, size: effective, top: top, ticks: ticks)
        }
        return SVGDocument.end(&svg)
    }

    private var legend: Legend {
        var items =
            series.count > 1
            ? series.enumerated().map { LegendItem(label: $1.name, color: Palette.color($0)) } : []
        if let marker { items.append(LegendItem(label: marker.label, color: Palette.text, marker: .dashedLine)) }
        return Legend(items: items)
    }

    private func tooltip(_ seriesIndex: Int, _ category: Int, _ value: Double) -> String {
        series.count > 1
            ? "\(categories[category]) · \(series[seriesIndex].name): \(format.exact(value))"
            : "\(categories[category]): \(format.exact(value))"
    }

    /// Yields, for every bar, its series, category, value and the data interval it spans.
    private func segments(bandStart: (Int) -> Double, bandwidth: Double) -> [Segment] {
        var result: [Segment] = []
        for category in categories.indices {
            var positive = 0.0
            var negative = 0.0
            let stacked = layout == .stacked || series.count == 1
            let sub = BandScale(count: stacked ? 1 : series.count, range: (0, bandwidth), padding: stacked ? 0 : 0.1)
            for index in series.indices {
                guard let value = value(index, category) else { continue }
                var from = 0.0
                if layout == .stacked {
                    from = value >= 0 ? positive : negative
                    if value >= 0 { positive += value } else { negative += value }
                }
                let offset = stacked ? 0 : sub.start(index)
                result.append(
                    Segment(
                        series: index, category: category, value: value, from: from, to: from + value,
                        bandStart: bandStart(category) + offset, bandwidth: stacked ? bandwidth : sub.bandwidth))
            }
        }
        return result
    }

    private func drawVertical(_ svg: inout SVGBuilder, size: ChartOptions, top: Double, ticks: NiceTicks) {
        let left = 16 + Axis.labelWidth(ticks, format: format) + 8
        let plot = PlotArea(x: left, y: top, width: size.width - left - 16, height: size.height - top - 30)
        let y = LinearScale(domainStart: ticks.lower, domainEnd: ticks.upper, rangeStart: plot.bottom, rangeEnd: plot.y)
        Axis.drawValueAxisY(&svg, ticks: ticks, scale: y, plot: plot, format: format)
        let band = BandScale(count: categories.count, range: (plot.x, plot.right), padding: 0.25)
        svg.open("g", attributes: "class=\"cx-bars\"")
        for segment in segments(bandStart: band.start, bandwidth: band.bandwidth) {
            let top = y(max(segment.from, segment.to))
            let bottom = y(min(segment.from, segment.to))
            svg.rect(
                x: segment.bandStart, y: top, width: segment.bandwidth, height: bottom - top,
                fill: Palette.color(segment.series), cssClass: "cx-bar cx-series-\(segment.series)",
                tooltip: tooltip(segment.series, segment.category, segment.value))
            if showValueLabels && series.count == 1 {
                let text = format.format(segment.value)
                if estimatedWidth(text, size: 11) <= band.step {
                    let labelY = segment.value >= 0 ? top - 5 : bottom + 14
                    svg.text(
                        text, x: segment.bandStart + segment.bandwidth / 2, y: labelY, cssClass: "cx-value",
                        anchor: .middle, size: 11)
                }
            }
        }
        if showValueLabels && layout == .stacked && series.count > 1 {
            for category in categories.indices {
                let totals = stackTotals(category)
                let text = format.format(totals.positive + totals.negative)
                guard estimatedWidth(text, size: 11) <= band.step else { continue }
                svg.text(
                    text, x: band.center(category), y: y(totals.positive) - 5, cssClass: "cx-value cx-total",
                    anchor: .middle, size: 11, bold: true)
            }
        }
        svg.close("g")
        svg.line(
            x1: plot.x, y1: y(0), x2: plot.right, y2: y(0), stroke: Palette.axis, cssClass: "cx-baseline")
        if let marker, marker.value.isFinite {
            let markerY = y(marker.value)
            svg.line(
                x1: plot.x, y1: markerY, x2: plot.right, y2: markerY, stroke: Palette.text, cssClass: "cx-marker",
                width: 1.5, dash: "6 4")
        }
        Axis.drawCategoryLabelsX(
            &svg, labels: categories, center: band.center, slot: band.step, y: plot.bottom + 18)
    }

    private func drawHorizontal(_ svg: inout SVGBuilder, size: ChartOptions, top: Double, ticks: NiceTicks) {
        let longest = categories.map { estimatedWidth($0, size: Axis.labelFont) }.max() ?? 0
        let labelSpace = min(longest, size.width * 0.3)
        let left = 16 + labelSpace + 8
        let valueTexts =
            series.count == 1 && showValueLabels
            ? categories.indices.compactMap { value(0, $0).map(format.format) } : []
        let valueSpace = (valueTexts.map { estimatedWidth($0, size: 11) }.max() ?? 0) + 8
        let rightPad = max(20, valueSpace)
        let plot = PlotArea(x: left, y: top, width: size.width - left - rightPad, height: size.height - top - 30)
        let x = LinearScale(domainStart: ticks.lower, domainEnd: ticks.upper, rangeStart: plot.x, rangeEnd: plot.right)
        Axis.drawValueAxisX(&svg, ticks: ticks, scale: x, plot: plot, format: format)
        let band = BandScale(count: categories.count, range: (plot.y, plot.bottom), padding: 0.25)
        svg.open("g", attributes: "class=\"cx-bars\"")
        for segment in segments(bandStart: band.start, bandwidth: band.bandwidth) {
            let start = x(min(segment.from, segment.to))
            let end = x(max(segment.from, segment.to))
            svg.rect(
                x: start, y: segment.bandStart, width: end - start, height: segment.bandwidth,
                fill: Palette.color(segment.series), cssClass: "cx-bar cx-series-\(segment.series)",
                tooltip: tooltip(segment.series, segment.category, segment.value))
            if showValueLabels && series.count == 1 {
                let negative = segment.value < 0
                svg.text(
                    format.format(segment.value), x: negative ? start - 4 : end + 4,
                    y: segment.bandStart + segment.bandwidth / 2, cssClass: "cx-value",
                    anchor: negative ? .end : .start, size: 11, middle: true)
            }
        }
        svg.close("g")
        svg.line(x1: x(0), y1: plot.y, x2: x(0), y2: plot.bottom, stroke: Palette.axis, cssClass: "cx-baseline")
        if let marker, marker.value.isFinite {
            let markerX = x(marker.value)
            svg.line(
                x1: markerX, y1: plot.y - 4, x2: markerX, y2: plot.bottom, stroke: Palette.text, cssClass: "cx-marker",
                width: 1.5, dash: "6 4")
        }
        Axis.drawCategoryLabelsY(
            &svg, labels: categories, center: band.center, x: plot.x - 8, maxWidth: labelSpace)
    }
}

/// One drawn bar: data interval `from...to` inside a band.
struct Segment {
    var series: Int
    var category: Int
    var value: Double
    var from: Double
    var to: Double
    var bandStart: Double
    var bandwidth: Double
}
