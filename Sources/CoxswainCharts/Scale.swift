/// Maps a continuous data domain onto a pixel range, e.g. `0...1_000_000` onto `300...20` (y grows downwards).
///
/// A zero-width domain maps every value to the middle of the range instead of dividing by zero.
///
/// ```swift
/// let y = LinearScale(domain: 0...100, range: 300...0)
/// y(25)   // 225
/// ```
public struct LinearScale: Sendable, Hashable {
    /// Data-space start of the domain.
    public let domainStart: Double
    /// Data-space end of the domain.
    public let domainEnd: Double
    /// Pixel coordinate for ``domainStart``.
    public let rangeStart: Double
    /// Pixel coordinate for ``domainEnd``.
    public let rangeEnd: Double

    /// Creates a scale from explicit start/end pairs; the range may be inverted (`start > end`).
    public init(domainStart: Double, domainEnd: Double, rangeStart: Double, rangeEnd: Double) {
        self.domainStart = domainStart.isFinite ? domainStart : 0
        self.domainEnd = domainEnd.isFinite ? domainEnd : 0
        self.rangeStart = rangeStart.isFinite ? rangeStart : 0
        self.rangeEnd = rangeEnd.isFinite ? rangeEnd : 0
    }

    /// Creates a scale mapping `domain.lowerBound` to `range.0` and `domain.upperBound` to `range.1`.
    public init(domain: ClosedRange<Double>, range: (Double, Double)) {
        self.init(domainStart: domain.lowerBound, domainEnd: domain.upperBound, rangeStart: range.0, rangeEnd: range.1)
    }

    /// The pixel coordinate of `value`; non-finite values map to the range start.
    public func callAsFunction(_ value: Double) -> Double {
        let span = domainEnd - domainStart
        guard value.isFinite else { return rangeStart }
        guard span != 0 else { return (rangeStart + rangeEnd) / 2 }
        return rangeStart + (value - domainStart) / span * (rangeEnd - rangeStart)
    }
}

/// Splits a pixel range into equal bands, one per category, with inner and outer padding (like d3's band scale).
///
/// ```swift
/// let x = BandScale(count: 4, range: (0, 400), padding: 0.2)
/// x.start(0)     // 10 (outer padding is half a gap)
/// x.bandwidth    // 80
/// ```
public struct BandScale: Sendable, Hashable {
    /// Number of categories.
    public let count: Int
    /// Width of each band in pixels.
    public let bandwidth: Double
    /// Distance between the starts of neighbouring bands.
    public let step: Double
    private let origin: Double

    /// Creates a band scale; `padding` (0..<1) is the fraction of each step left empty between bands.
    public init(count: Int, range: (Double, Double), padding: Double = 0.2) {
        let safeCount = max(count, 0)
        let pad = min(max(padding, 0), 0.95)
        let length = range.1 - range.0
        self.count = safeCount
        let slots = Double(max(safeCount, 1))
        step = length / slots
        bandwidth = step * (1 - pad)
        origin = range.0 + (step - bandwidth) / 2
    }

    /// Pixel coordinate where band `index` begins.
    public func start(_ index: Int) -> Double { origin + Double(index) * step }

    /// Pixel coordinate of the middle of band `index`.
    public func center(_ index: Int) -> Double { start(index) + bandwidth / 2 }
}

/// Places `count` points evenly across a pixel range, first and last at the ends; a single point is centred.
///
/// ```swift
/// let x = PointScale(count: 3, range: (0, 100))
/// x(1)   // 50
/// ```
public struct PointScale: Sendable, Hashable {
    /// Number of points.
    public let count: Int
    /// Pixel coordinate of the first point.
    public let rangeStart: Double
    /// Pixel coordinate of the last point.
    public let rangeEnd: Double

    /// Creates a point scale over `range`.
    public init(count: Int, range: (Double, Double)) {
        self.count = max(count, 0)
        rangeStart = range.0
        rangeEnd = range.1
    }

    /// Distance between neighbouring points (the full range for fewer than two points).
    public var step: Double { count > 1 ? (rangeEnd - rangeStart) / Double(count - 1) : rangeEnd - rangeStart }

    /// Pixel coordinate of point `index`.
    public func callAsFunction(_ index: Int) -> Double {
        count > 1 ? rangeStart + Double(index) * step : (rangeStart + rangeEnd) / 2
    }
}
