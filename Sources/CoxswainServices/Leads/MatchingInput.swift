import CoxswainDomain
import Foundation

/// How stored leads and contacts feed the matching engine: which field plays which ``MatchFieldRole``, and the
/// padding that gives the unsupervised model enough pairs to learn from in a small organisation.
///
/// Business rule: with fewer than ``paddingThreshold`` records, EM cannot estimate m/u weights reliably, so
/// the table is padded with ``paddingCount`` generated leads (fixed seed, ids starting with `~`); they take part
/// in training only and are never reported. Example: an org with 12 leads is matched on a 3,012-row table.
enum MatchingInput {
    static let roles: [(MatchFieldRole, String)] = [
        (.givenName, "first_name"), (.surname, "last_name"), (.email, "email"), (.phone, "phone"), (.company, "company"),
        (.jobTitle, "title"), (.city, "city"), (.region, "state"), (.postcode, "postcode"), (.country, "country"), (.website, "website"),
    ]
    static let paddingThreshold = 3000
    static let paddingCount = 3000
    static let paddingPrefix = "~"

    /// Role-tagged values of one record (fields the entity lacks give empty strings).
    static func values(_ record: Record) -> [(MatchFieldRole, String)] {
        roles.map { role, field in (role, record[field].text ?? "") }
    }

    /// Values from a raw JSON create body (`{"first_name": "Bob", …}`), before validation.
    static func values(_ pairs: [(String, JSONValue)]) -> [(MatchFieldRole, String)] {
        roles.map { role, field in
            let v = pairs.first { $0.0 == field }?.1
            if case .string(let s)? = v { return (role, s) }
            return (role, "")
        }
    }

    /// A table over `records`, padded with generated leads when there are few.
    static func table(_ records: [Record]) -> MatchRecordTable {
        var ids = records.map(\.id)
        var columns: [(role: MatchFieldRole, values: [String])] = roles.map { role, field in (role, records.map { $0[field].text ?? "" }) }
        if records.count < paddingThreshold {
            let synthetic = SyntheticLeadGenerator.dataset(count: paddingCount, duplicateRate: 0.1, seed: 0x5EED).leads
            ids += synthetic.indices.map { paddingPrefix + String($0) }
            let extra = SyntheticLead.columns(synthetic)
            for i in columns.indices {
                columns[i].values += extra.first { $0.role == columns[i].role }?.values ?? Array(repeating: "", count: synthetic.count)
            }
        }
        return MatchRecordTable(ids: ids, columns: columns)
    }
}
