import Foundation

/// The sales-ops formulas Coxswain computes, one function per formula, each returning nil (never NaN or
/// infinity) when the formula is undefined. ``SalesMetricsCalculator`` uses exactly these functions, so the
/// worked examples below are also the engine's behaviour. Sources and variants: `reference/metrics.md`.
public enum SalesFormulas {
    /// Quota attainment = credited bookings ÷ quota. Undefined (nil) when the quota is 0 or negative.
    ///
    /// A team's attainment is Σ bookings ÷ Σ quota, **not** the mean of its reps' attainments:
    /// rep A books 50,000 of 100,000 (50%), rep B 40,000 of 20,000 (200%) → team 90,000 ÷ 120,000 = **75%**
    /// (the mean of rep ratios would say 125%).
    public static func attainment(bookings: Double, quota: Double) -> Double? {
        quota > 0 ? bookings / quota : nil
    }

    /// Closed win rate by count (the default variant) = won ÷ (won + lost); open deals are excluded.
    /// nil when nothing closed. Example (winsabove): 12 won, 26 lost → 12 ÷ 38 = **31.6%** (no-decision deals,
    /// if tracked, are neither won nor lost here; the no-decision-inclusive variant would give 12 ÷ 47 = 25.5%).
    public static func winRate(won: Int, lost: Int) -> Double? {
        won + lost > 0 ? Double(won) / Double(won + lost) : nil
    }

    /// Value (dollar) win rate = Σ amount won ÷ Σ amount (won + lost). nil when both are 0.
    /// Example: won 300,000, lost 700,000 → **30%**.
    public static func winRateByValue(wonAmount: Double, lostAmount: Double) -> Double? {
        wonAmount + lostAmount > 0 ? wonAmount / (wonAmount + lostAmount) : nil
    }

    /// Average deal size = Σ amount won ÷ number won (standard variant; the "revenue ÷ all closed deals"
    /// variant is deliberately not used). Example: 3 wins of 10,000, 20,000 and 45,000 → **25,000**.
    public static func averageDealSize(wonAmount: Double, wonCount: Int) -> Double? {
        wonCount > 0 ? wonAmount / Double(wonCount) : nil
    }

    /// Pipeline coverage = open pipeline (close date in period) ÷ denominator, where the denominator is the
    /// quota or the quota remaining (quota − closed won to date); nil when the denominator is ≤ 0.
    /// Examples (metrics.md): 7.5M ÷ 2.0M quota = **3.75×**; 4.8M ÷ 1.6M remaining = **3.0×**.
    public static func coverage(openPipeline: Double, denominator: Double) -> Double? {
        denominator > 0 ? openPipeline / denominator : nil
    }

    /// Sales velocity (money per day) = # opportunities × average deal size × win rate ÷ average sales cycle
    /// (days); nil when any input is missing or the cycle is ≤ 0.
    /// Examples (metrics.md): mavenlb 40 × 25,000 × 0.25 ÷ 90 = **2,777.78/day**; winsabove
    /// 18 × 42,000 × 0.24 ÷ 78 = **2,326.15/day**.
    public static func salesVelocity(
        opportunities: Int, averageDealSize: Double?, winRate: Double?, averageCycleDays: Double?
    )
        -> Double?
    {
        guard let size = averageDealSize, let rate = winRate, let cycle = averageCycleDays, cycle > 0 else { return nil }
        return Double(opportunities) * size * rate / cycle
    }

    /// Arithmetic mean; nil for no values. Example: 30, 60, 120 days → **70**.
    public static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// Median (mean of the two middle values for an even count); nil for no values.
    /// Examples: 30, 60, 120 → **60**; 30, 60, 90, 120 → **75**.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let mid = s.count / 2
        return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
    }

    /// Relative change (current − previous) ÷ previous; nil when either is missing or previous is 0.
    /// Example: win rate 0.30 last quarter, 0.36 now → **+20%** (absolute change +0.06 = +6 pts).
    public static func relativeChange(current: Double?, previous: Double?) -> Double? {
        guard let c = current, let p = previous, p != 0 else { return nil }
        return (c - p) / abs(p)
    }
}
