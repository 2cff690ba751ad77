import CoxswainDomain
import CoxswainTesting
import Foundation
import Testing

/// Renders the key dashboard pages of the small demo org to files and opens them in headless Chromium
/// (Debian's `chromium`; `.ci/run` installs it). A measuring script added to the test copy (the served pages
/// carry no JavaScript) records each chart's laid-out size and how many of its marks have a non-zero box.
/// Skipped only when no Chromium binary is found.
@Suite("Real browser check", .enabled(if: BrowserCheck.chromium != nil, "chromium is not installed"))
struct BrowserCheckTests {
    @Test func chartsArePresentAndNonEmptyAtDesktopAndPhoneWidths() async throws {
        let chromium = try #require(BrowserCheck.chromium)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coxswain-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rep = try #require(SmallDemo.org.reps.first { $0.role == .ae })
        let pages = [
            ("team", "/team?period=FY2026-Q3"), ("funnel", "/funnel?period=FY2026-Q3"), ("trends", "/trends?period=FY2026-Q3"),
            ("rep", "/reps/\(rep.meta.id)?period=FY2026-Q3"), ("compare", "/compare?split=2025-06-01"), ("home", "/"),
        ]
        // Given the pages rendered by the real router
        try await withDemoApp { client, _ in
            let (_, css, _) = try await client.text("/static/app.css")
            try css.write(to: dir.appendingPathComponent("app.css"), atomically: true, encoding: .utf8)
            for (name, path) in pages {
                let (status, html, _) = try await client.text(path)
                #expect(status == .ok, "\(path)")
                let local = html.replacingOccurrences(of: "/static/app.css", with: "app.css")
                    .replacingOccurrences(of: "</body>", with: BrowserCheck.measuringScript + "</body>")
                try local.write(to: dir.appendingPathComponent("\(name).html"), atomically: true, encoding: .utf8)
            }
        }
        // When Chromium lays them out at 1280 px, then every chart has a size and drawn marks
        for (name, _) in pages {
            let result = try BrowserCheck.measure(chromium, file: dir.appendingPathComponent("\(name).html"), width: 1280, profile: dir)
            #expect(result.charts.count >= (name == "home" ? 2 : 1), "\(name): \(result.raw.prefix(400))")
            for chart in result.charts {
                #expect(chart.width > 200 && chart.height > 80, "\(name) \(chart.id): \(chart.width)×\(chart.height)")
                #expect(chart.marks > 0, "\(name) \(chart.id) draws nothing")
            }
        }
        // And at phone width (Chromium may clamp a 390 px window to its minimum of ~500 px) the charts shrink to
        // the viewport and nothing overflows the page
        for name in ["team", "trends", "compare"] {
            let result = try BrowserCheck.measure(chromium, file: dir.appendingPathComponent("\(name).html"), width: 390, profile: dir)
            #expect(!result.charts.isEmpty)
            #expect(result.viewport > 0 && result.viewport <= 520, "viewport \(result.viewport)")
            for chart in result.charts {
                #expect(chart.width > 100 && chart.width <= result.viewport, "\(name) \(chart.id) is \(chart.width) of \(result.viewport) px")
            }
            #expect(!result.overflows, "\(name) scrolls sideways at \(result.viewport) px")
        }
    }
}

enum BrowserCheck {
    struct Chart {
        var id: String
        var width: Int
        var height: Int
        var marks: Int
    }

    struct Result {
        var charts: [Chart]
        var overflows: Bool
        var viewport: Int
        var raw: String
    }

    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Writes `id:width:height:marks|…` and the overflow flag onto `<body>` for `--dump-dom` to carry out.
    static let measuringScript = """
        <script>
        (function () {
          var out = [];
          document.querySelectorAll('figure.chart svg').forEach(function (svg, i) {
            var r = svg.getBoundingClientRect(), marks = 0;
            svg.querySelectorAll('rect, path, circle, polygon, polyline').forEach(function (e) {
              var b = e.getBBox(); if (b.width > 0 && b.height > 0) marks++;
            });
            out.push((svg.id || ('chart' + i)) + ':' + Math.round(r.width) + ':' + Math.round(r.height) + ':' + marks);
          });
          document.body.setAttribute('data-charts', out.join('|'));
          document.body.setAttribute('data-viewport', String(window.innerWidth));
          document.body.setAttribute('data-overflow', String(document.documentElement.scrollWidth > window.innerWidth + 1));
        })();
        </script>
        """

    static func measure(_ chromium: String, file: URL, width: Int, profile: URL) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
            "--user-data-dir=\(profile.appendingPathComponent("profile-\(width)").path)", "--window-size=\(width),900", "--dump-dom",
            file.absoluteString,
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let dom = String(decoding: data, as: UTF8.self)
        func attribute(_ name: String) -> String? {
            guard let start = dom.range(of: "\(name)=\"") else { return nil }
            let rest = dom[start.upperBound...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
        let charts = (attribute("data-charts") ?? "").split(separator: "|").compactMap { entry -> Chart? in
            let parts = entry.split(separator: ":")
            guard parts.count == 4, let w = Int(parts[1]), let h = Int(parts[2]), let m = Int(parts[3]) else { return nil }
            return Chart(id: String(parts[0]), width: w, height: h, marks: m)
        }
        return Result(
            charts: charts, overflows: attribute("data-overflow") == "true", viewport: Int(attribute("data-viewport") ?? "") ?? 0,
            raw: String(dom.prefix(2000)))
    }
}
