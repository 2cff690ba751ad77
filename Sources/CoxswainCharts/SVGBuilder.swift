/// Horizontal anchoring of a text element.
enum TextAnchor: String {
    case start, middle, end
}

/// Appends SVG elements to a single growing `String`, one element per line, with fixed coordinate formatting.
struct SVGBuilder {
    private(set) var output = ""

    init(capacity: Int = 8_192) {
        output.reserveCapacity(capacity)
    }

    /// Appends raw markup (already escaped) followed by a newline.
    mutating func raw(_ markup: String) {
        output += markup
        output += "\n"
    }

    mutating func open(_ tag: String, attributes: String) {
        output += "<\(tag) \(attributes)>\n"
    }

    mutating func close(_ tag: String) {
        output += "</\(tag)>\n"
    }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, cssClass: String,
        tooltip: String? = nil, stroke: String? = nil, radius: Double = 0
    ) {
        output += "<rect class=\"\(cssClass)\" x=\"\(num(x))\" y=\"\(num(y))\" width=\"\(num(max(width, 0)))\""
        output += " height=\"\(num(max(height, 0)))\" fill=\"\(fill)\""
        if let stroke { output += " stroke=\"\(stroke)\" stroke-width=\"1\"" }
        if radius > 0 { output += " rx=\"\(num(radius))\"" }
        closeElement("rect", tooltip: tooltip)
    }

    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, cssClass: String,
        width: Double = 1, dash: String? = nil
    ) {
        output += "<line class=\"\(cssClass)\" x1=\"\(num(x1))\" y1=\"\(num(y1))\" x2=\"\(num(x2))\" y2=\"\(num(y2))\""
        output += " stroke=\"\(stroke)\" stroke-width=\"\(num(width))\""
        if let dash { output += " stroke-dasharray=\"\(dash)\"" }
        output += "/>\n"
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, cssClass: String, tooltip: String? = nil) {
        output += "<circle class=\"\(cssClass)\" cx=\"\(num(cx))\" cy=\"\(num(cy))\" r=\"\(num(r))\" fill=\"\(fill)\""
        output += " stroke=\"#ffffff\" stroke-width=\"1\""
        closeElement("circle", tooltip: tooltip)
    }

    /// A path through `points`; `closed` fills the polygon, otherwise it is stroked as a polyline.
    mutating func path(
        points: [(Double, Double)], closed: Bool, fill: String, stroke: String?, cssClass: String,
        width: Double = 2, opacity: Double? = nil, dash: String? = nil, tooltip: String? = nil
    ) {
        guard !points.isEmpty else { return }
        output += "<path class=\"\(cssClass)\" d=\""
        for (index, point) in points.enumerated() {
            output += index == 0 ? "M" : " L"
            output += "\(num(point.0)) \(num(point.1))"
        }
        if closed { output += " Z" }
        output += "\" fill=\"\(fill)\""
        if let opacity { output += " fill-opacity=\"\(num(opacity))\"" }
        if let stroke {
            output += " stroke=\"\(stroke)\" stroke-width=\"\(num(width))\" stroke-linejoin=\"round\""
            output += " stroke-linecap=\"round\""
        }
        if let dash { output += " stroke-dasharray=\"\(dash)\"" }
        closeElement("path", tooltip: tooltip)
    }

    // swiftlint:disable:next function_parameter_count
    mutating func text(
        _ content: String, x: Double, y: Double, cssClass: String, anchor: TextAnchor = .start,
        size: Double = 12, fill: String = Palette.text, bold: Bool = false, middle: Bool = false,
        tooltip: String? = nil
    ) {
        output += "<text class=\"\(cssClass)\" x=\"\(num(x))\" y=\"\(num(y))\""
        if anchor != .start { output += " text-anchor=\"\(anchor.rawValue)\"" }
        if middle { output += " dy=\"0.35em\"" }
        output += " font-size=\"\(num(size))\" fill=\"\(fill)\""
        if bold { output += " font-weight=\"600\"" }
        output += ">"
        if let tooltip { output += "<title>\(xmlEscape(tooltip))</title>" }
        output += xmlEscape(content)
        output += "</text>\n"
    }

    private mutating func closeElement(_ tag: String, tooltip: String?) {
        if let tooltip {
            output += "><title>\(xmlEscape(tooltip))</title></\(tag)>\n"
        } else {
            output += "/>\n"
        }
    }
}

/// Escapes `&`, `<`, `>`, `"` and `'` for use in XML text and attribute values; drops control characters
/// that XML 1.0 forbids.
public func xmlEscape(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        case "'": escaped += "&apos;"
        case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
        default:
            if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                escaped.unicodeScalars.append(scalar)
            }
        }
    }
    return escaped
}

/// Formats an SVG coordinate with at most two decimals, trailing zeros trimmed; non-finite values become `0`.
func num(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    return NumberText.fixed(value, decimals: 2, grouping: false, trim: true)
}

/// Estimated rendered width of `text` in a proportional sans-serif font of `size` pixels.
func estimatedWidth(_ text: String, size: Double) -> Double {
    var units = 0.0
    for character in text {
        if character.isUppercase || character == "W" || character == "M" || character == "%" {
            units += 0.68
        } else if character == " " || character == "." || character == "," || character == "i" || character == "l" {
            units += 0.3
        } else {
            units += 0.56
        }
    }
    return units * size
}

/// Shortens `text` with a trailing ellipsis so that it fits `maxWidth`; returns whether it was shortened.
func truncate(_ text: String, maxWidth: Double, size: Double) -> (text: String, truncated: Bool) {
    guard estimatedWidth(text, size: size) > maxWidth else { return (text, false) }
    var kept = ""
    var used = 0.0
    let budget = maxWidth - estimatedWidth("…", size: size)
    for character in text {
        used += estimatedWidth(String(character), size: size)
        if used > budget { break }
        kept.append(character)
    }
    while kept.last == " " { kept.removeLast() }
    return (kept + "…", true)
}
