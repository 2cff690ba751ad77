import CoxswainCharts
import Foundation
import Testing

/// Compares every fixture chart with its checked-in SVG. Run with `COXSWAIN_UPDATE_GOLDEN=1` to rewrite them.
struct GoldenTests {
    static var updating: Bool { ProcessInfo.processInfo.environment["COXSWAIN_UPDATE_GOLDEN"] == "1" }

    /// The golden file inside the source tree (used when updating).
    static func sourceURL(_ name: String, filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent(name + ".svg")
    }

    @Test(arguments: Fixtures.names)
    func chartMatchesGoldenFile(name: String) throws {
        // Given a fixed fixture
        let chart = Fixtures.chart(named: name)

        // When it is rendered
        let rendered = chart.svg()

        // Then it matches the golden file byte for byte (or the golden file is rewritten)
        if Self.updating {
            try Data(rendered.utf8).write(to: Self.sourceURL(name))
            return
        }
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "svg", subdirectory: "Golden"),
            "Missing golden file \(name).svg; run the tests with COXSWAIN_UPDATE_GOLDEN=1")
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(rendered == expected, "\(name).svg differs; rerun with COXSWAIN_UPDATE_GOLDEN=1 if intended")
    }

    @Test(arguments: Fixtures.names)
    func renderingIsDeterministic(name: String) {
        // Given a fixture
        let chart = Fixtures.chart(named: name)

        // When it is rendered twice
        let first = chart.svg()
        let second = chart.svg()

        // Then the output is byte-identical
        #expect(first == second)
    }
}
