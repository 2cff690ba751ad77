import CoxswainDomain
import Foundation

/// A progress bar on standard error: `importing leads ▕██████░░░░▏ 61%  612,000 rows  148,211/s`.
/// Redraws at most ten times a second; on a non-terminal it prints a line every ten percent instead.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var lastDecile = -1
    private let lock = NSLock()
    private let isTTY = isatty(STDERR_FILENO) == 1

    init(_ label: String) { self.label = label }

    /// Reports `fraction` (0…1) done with an optional detail such as "12,000 rows".
    func update(_ fraction: Double, detail: String = "") {
        lock.lock()
        defer { lock.unlock() }
        let f = max(0, min(1, fraction))
        if isTTY {
            guard Date().timeIntervalSince(lastDraw) > 0.1 || f >= 1 else { return }
            lastDraw = Date()
            let width = 24
            let filled = Int(f * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\r\(label) ▕\(bar)▏ \(Int(f * 100))%  \(detail)\u{1B}[K".utf8))
        } else {
            let decile = Int(f * 10)
            guard decile > lastDecile else { return }
            lastDecile = decile
            FileHandle.standardError.write(Data("\(label): \(Int(f * 100))% \(detail)\n".utf8))
        }
    }

    /// Completes the bar with a final message and elapsed time.
    func finish(_ detail: String = "") {
        update(1, detail: detail)
        let elapsed = String(format: "%.1fs", Date().timeIntervalSince(start))
        FileHandle.standardError.write(Data((isTTY ? "  (\(elapsed))\n" : "\(label): done in \(elapsed)\n").utf8))
    }
}

/// Writes a line to standard error.
func note(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

/// `1234567` → `1,234,567` (see ``NumberText/grouped(_:)``).
func grouped(_ n: Int) -> String { NumberText.grouped(n) }
