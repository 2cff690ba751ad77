import CoxswainDomain
import Foundation

/// A phone number in parts, so the same number can be written the several ways people type it:
/// `+1 (415) 555-0134`, `415.555.0134`, `+44 20 7946 0123`, `020 7946 0123`, `+44 (0)20 7946 0123`…
/// Every format keeps 5–20 digits and only characters the phone field accepts.
struct DemoPhone: Sendable, Hashable {
    /// Index into ``DemoGeography/countries``.
    var country: UInt8
    var area: String
    var subscriber: String

    /// Number of distinct ``format(_:)`` styles.
    static let styleCount = 6

    /// A random number in `place` of `country`. Subscriber numbers avoid a leading 0 or 1.
    static func random(country: Int, place: DemoPlace, _ rng: inout SeededGenerator) -> DemoPhone {
        let digits = DemoGeography.countries[country].subscriberDigits
        var subscriber = String(rng.int(2...9))
        for _ in 1..<digits { subscriber.append(Character(String(rng.int(0...9)))) }
        return DemoPhone(country: UInt8(country), area: place.areaCode, subscriber: subscriber)
    }

    /// The number written in style `style` (0 ..< ``styleCount``).
    func format(_ style: Int) -> String {
        let c = DemoGeography.countries[Int(country)]
        let cc = c.callingCode
        let split = subscriber.count / 2
        let head = String(subscriber.prefix(subscriber.count - split))
        let tail = String(subscriber.suffix(split))
        if cc == "1" {
            let exchange = String(subscriber.prefix(3))
            let line = String(subscriber.dropFirst(3))
            switch style % DemoPhone.styleCount {
            case 0: return "+1 (\(area)) \(exchange)-\(line)"
            case 1: return "(\(area)) \(exchange)-\(line)"
            case 2: return "\(area)-\(exchange)-\(line)"
            case 3: return "\(area).\(exchange).\(line)"
            case 4: return "+1 \(area) \(exchange) \(line)"
            default: return "+1\(area)\(subscriber)"
            }
        }
        switch style % DemoPhone.styleCount {
        case 0: return "+\(cc) \(area) \(head) \(tail)"
        case 1: return "\(c.trunk)\(area) \(head) \(tail)"
        case 2: return c.trunk.isEmpty ? "+\(cc) \(area) \(head)\(tail)" : "+\(cc) (\(c.trunk))\(area) \(head) \(tail)"
        case 3: return "+\(cc)\(area)\(subscriber)"
        case 4: return "00\(cc) \(area) \(head) \(tail)"
        default: return "+\(cc)-\(area)-\(head)-\(tail)"
        }
    }
}
