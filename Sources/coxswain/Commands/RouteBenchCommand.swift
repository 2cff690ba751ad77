import ArgumentParser
import CoxswainDomain
import Foundation

/// `coxswain bench route`: routing decisions per second for a generated 20-rule policy on one core.
struct RouteBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route", abstract: "Route generated leads through a generated 20-rule policy on one core; report decisions/s.",
        discussion: "Figure to reach (release): ≥ 1,000,000 routing decisions/s on one core.")

    @Option(help: "Leads to route per pass.") var leads = 1_000_000
    @Option(help: "Timed passes (the best is reported).") var repetitions = 3
    @Option(help: "Random seed.") var seed: UInt64 = 42

    func run() async throws {
        let r = try RoutingBenchmark.run(leads: leads, seed: seed, repetitions: repetitions)
        print("bench route: \(r.rules)-rule policy, \(grouped(r.decisions)) leads, one core")
        print(
            String(
                format: "  %.3f s, %@ decisions/s (best of %d), %@ held", r.seconds, grouped(Int(r.decisionsPerSecond)), repetitions, grouped(r.held))
        )
        print("  leads per matched rule: " + r.byRule.map { "\($0.0) \(grouped($0.1))" }.joined(separator: ", "))
        print(String(format: "  peak RSS %.0f MiB", peakRSSMiB()))
    }
}
