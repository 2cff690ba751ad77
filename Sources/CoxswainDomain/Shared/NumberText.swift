/// Locale-independent number text for reports, the CLI and pages.
public enum NumberText {
    /// Thousands separated by commas: `grouped(1234567)` → `"1,234,567"`, `grouped(-1200)` → `"-1,200"`.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}
