/// One named series of bar values, aligned with the chart's categories.
public struct BarSeries: Sendable, Hashable {
    /// Series name shown in the legend and tooltips.
    public var name: String
    /// One value per category; missing trailing values count as absent, non-finite values as 0.
    public var values: [Double]

    /// Creates a series.
    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}

/// A labelled constant value drawn as a dashed reference line, e.g. quota (100%) or a target.
public struct ValueMarker: Sendable, Hashable {
    /// Position of the line in data units.
    public var value: Double
    /// Label drawn next to the line and listed in the legend.
    public var label: String

    /// Creates a marker.
    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}

/// Vertical or horizontal bars, grouped or stacked, for one or more series. Negative values grow from zero
/// in the opposite direction (stacked charts stack negatives separately below zero).
///
/// ```swift
/// let leaderboard = BarChart(
///     title: "Quota attainment, Q3",
///     categories: ["Alice", "Bob", "Chen"],
///     values: [1.32, 0.41, 0.87],
///     orientation: .horizontal,
///     format: .percent(),
///     marker: ValueMarker(value: 1, label: "Quota"))
/// let svg = leaderboard.svg()
/// ```
public struct BarChart: Chart {
    /// Direction the bars grow in.
    public enum Orientation: Sendable, Hashable {
        /// Bars grow upwards from a horizontal category axis (columns).
        case vertical
        /// Bars grow rightwards from a vertical category axis (leaderboards, long labels).
        case horizontal
    }

    /// How several series share a category.
    public enum Layout: Sendable, Hashable {
        /// Series side by side within each category.
        case grouped
        /// Series stacked on top of each other; positives above zero, negatives below.
        case stacked
    }

    /// Title, id and size.
    public var options: ChartOptions
    /// Category labels along the category axis.
    public var categories: [String]
    /// Data series; each colour comes from ``Palette``.
    public var series: [BarSeries]
    /// Bar direction.
    public var orientation: Orientation
    /// Grouped or stacked.
    public var layout: Layout
    /// Value formatting for axis, labels and tooltips.
    public var format: ValueFormat
    /// Optional dashed reference line (quota, target).
    public var marker: ValueMarker?
    /// Whether values are printed at the end of bars (single-series charts) or above stacks (stacked charts).
    public var showValueLabels: Bool

    /// Creates a multi-series bar chart.
    public init(
        options: ChartOptions, categories: [String], series: [BarSeries], orientation: Orientation = .vertical,
        layout: Layout = .grouped, format: ValueFormat = .number(), marker: ValueMarker? = nil,
        showValueLabels: Bool = true
    ) {
        self.options = options
        self.categories = categories
        self.series = series
        self.orientation = orientation
        self.layout = layout
        self.format = format
        self.marker = marker
        self.showValueLabels = showValueLabels
    }

    /// Creates a single-series bar chart.
    public init(
        title: String, categories: [String], values: [Double], orientation: Orientation = .vertical,
        format: ValueFormat = .number(), marker: ValueMarker? = nil
    ) {
        self.init(
            options: ChartOptions(title: title), categories: categories,
            series: [BarSeries(name: title, values: values)], orientation: orientation, format: format,
            marker: marker)
    }

    /// Value of `series` at `category`, or nil when absent; non-finite values read as 0.
    func value(_ seriesIndex: Int, _ category: Int) -> Double? {
        let values = series[seriesIndex].values
        guard category < values.count else { return nil }
        return values[category].isFinite ? values[category] : 0
    }

    /// True when there is no category or no value to draw.
    var isEmpty: Bool {
        categories.isEmpty || series.isEmpty
            || !series.indices.contains { index in categories.indices.contains { value(index, $0) != nil } }
    }

    /// Sum of positive and of negative values per category (for stacked layout).
    func stackTotals(_ category: Int) -> (positive: Double, negative: Double) {
        var positive = 0.0
        var negative = 0.0
        for index in series.indices {
            let value = value(index, category) ?? 0
            if value >= 0 { positive += value } else { negative += value }
        }
        return (positive, negative)
    }

    /// All values that the value axis must cover.
    func domainValues() -> [Double] {
        var values: [Double] = []
        for category in categories.indices {
            if layout == .stacked {
                let totals = stackTotals(category)
                values += [totals.positive, totals.negative]
            } else {
                values += series.indices.compactMap { value($0, category) }
            }
        }
        if let marker, marker.value.isFinite { values.append(marker.value) }
        return values
    }

    /// Summary for `<desc>`: extremes per category (totals when stacked or multi-series).
    public func summary() -> String {
        guard !isEmpty else { return options.emptyMessage + "." }
        let pairs: [(String, Double)]
        var prefix = ""
        if series.count == 1 {
            pairs = categories.indices.compactMap { index in value(0, index).map { (categories[index], $0) } }
        } else {
            let names = series.map(\.name).joined(separator: ", ")
            prefix = "\(categories.count) categories, \(series.count) series (\(names)). Totals — "
            pairs = categories.indices.map { index in
                (categories[index], series.indices.reduce(0.0) { $0 + (value($1, index) ?? 0) })
            }
        }
        var text = prefix + Axis.extremes(pairs, format: format)
        if let marker { text += " \(marker.label): \(format.format(marker.value))." }
        return text
    }

    /// The data as a table: one row per category, one column per series.
    public func tableHTML() -> String {
        let headers = [""] + series.map(\.name)
        let rows = categories.indices.map { category in
            [categories[category]] + series.indices.map { value($0, category).map(format.exact) ?? "—" }
        }
        return HTMLTable.render(caption: options.title, id: options.id, headers: headers, rows: isEmpty ? [] : rows)
    }
}
