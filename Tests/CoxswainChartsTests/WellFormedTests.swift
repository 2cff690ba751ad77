import CoxswainCharts
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses markup with `XMLParser` and reports whether it is well-formed.
final class XMLCheck: NSObject, XMLParserDelegate {
    private(set) var error: String?
    private(set) var rootElement: String?
    private(set) var rootAttributes: [String: String] = [:]
    private(set) var elementCounts: [String: Int] = [:]

    static func parse(_ markup: String) -> XMLCheck {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = check
        if !parser.parse() {
            check.error = check.error ?? parser.parserError.map { "\($0)" } ?? "unknown parse error"
        }
        return check
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if rootElement == nil {
            rootElement = elementName
            rootAttributes = attributes
        }
        elementCounts[elementName, default: 0] += 1
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        error = "\(parseError) at line \(parser.lineNumber)"
    }
}

struct WellFormedTests {
    @Test(arguments: Fixtures.names)
    func svgIsWellFormedXMLWithAccessibleRoot(name: String) throws {
        // Given a rendered fixture
        let svg = Fixtures.chart(named: name).svg()

        // When it is parsed as XML
        let check = XMLCheck.parse(svg)

        // Then it parses and the root carries the accessibility attributes
        #expect(check.error == nil, "\(name): \(check.error ?? "")")
        #expect(check.rootElement == "svg")
        #expect(check.rootAttributes["role"] == "img")
        #expect(check.rootAttributes["width"] == "100%")
        #expect(check.rootAttributes["viewBox"]?.hasPrefix("0 0 ") == true)
        let id = try #require(check.rootAttributes["id"])
        #expect(check.rootAttributes["aria-labelledby"] == "\(id)-title \(id)-desc")
        #expect(svg.contains("<title id=\"\(id)-title\">"))
        #expect(svg.contains("<desc id=\"\(id)-desc\">"))
        #expect(!svg.contains("NaN") && !svg.contains("\"inf") && !svg.contains("\"-inf"))
    }

    @Test(arguments: Fixtures.names)
    func tableIsWellFormedMarkup(name: String) {
        // Given a fixture
        let table = Fixtures.chart(named: name).tableHTML()

        // When the accessible table is parsed as XML
        let check = XMLCheck.parse(table)

        // Then it is a well-formed table with a caption
        #expect(check.error == nil, "\(name): \(check.error ?? "")")
        #expect(check.rootElement == "table")
        #expect(check.elementCounts["caption"] == 1)
    }

    @Test func hostileTextIsEscapedAndStillParses() {
        // Given labels full of XML metacharacters
        let chart = BarChart(
            title: "R&D <\"quoted\"> 'single'", categories: ["<script>alert(1)</script>", "A & B"],
            values: [1, 2])

        // When the chart is rendered
        let svg = chart.svg()

        // Then nothing leaks as markup and the document is well-formed
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("R&amp;D &lt;&quot;quoted&quot;&gt; &apos;single&apos;"))
        #expect(XMLCheck.parse(svg).error == nil)
        #expect(XMLCheck.parse(chart.tableHTML()).error == nil)
    }
}
