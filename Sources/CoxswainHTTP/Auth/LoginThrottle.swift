import Foundation

/// Counts failed sign-ins per account and per client IP in a sliding window; when either is exhausted the
/// next attempt is refused (429) until the oldest failure leaves the window.
///
/// Example: with 5 per account per 15 minutes, the sixth wrong password for `ana@acme.test` within 15
/// minutes is answered 429 with `Retry-After`, even with the right password, from any IP.
actor LoginThrottle {
    private var failures: [String: [ContinuousClock.Instant]] = [:]
    private let perAccount: Int
    private let perIP: Int
    private let window: Duration
    private let clock = ContinuousClock()

    init(perAccount: Int, perIP: Int, window: Duration) {
        self.perAccount = perAccount
        self.perIP = perIP
        self.window = window
    }

    /// Seconds to wait before another attempt for this account or IP may be made, or nil when allowed.
    func retryAfter(account: String, ip: String) -> Int? {
        let now = clock.now
        var wait: Duration?
        for (key, limit) in [("a:" + account, perAccount), ("i:" + ip, perIP)] {
            let recent = (failures[key] ?? []).filter { now - $0 < window }
            failures[key] = recent.isEmpty ? nil : recent
            if recent.count >= limit, let oldest = recent.first {
                let w = window - (now - oldest)
                wait = max(wait ?? .zero, w)
            }
        }
        return wait.map { max(1, Int($0.components.seconds) + 1) }
    }

    func recordFailure(account: String, ip: String) {
        let now = clock.now
        failures["a:" + account, default: []].append(now)
        failures["i:" + ip, default: []].append(now)
    }

    func recordSuccess(account: String) {
        failures["a:" + account] = nil
    }
}
