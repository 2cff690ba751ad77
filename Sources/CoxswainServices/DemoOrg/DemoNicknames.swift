import CoxswainDomain
import Foundation

/// Formal given names and the nicknames people write instead (Robert → Bob, Elizabeth → Liz …): 60 groups used
/// to make duplicate leads that a naive exact match would miss.
enum DemoNicknames {
    static let groups: [(formal: String, nicknames: [String])] = [
        ("Robert", ["Bob", "Rob", "Bobby"]), ("Elizabeth", ["Liz", "Beth", "Betty", "Lizzie"]),
        ("William", ["Bill", "Will", "Billy"]), ("James", ["Jim", "Jimmy", "Jamie"]),
        ("Katherine", ["Kate", "Kathy", "Katie"]), ("Catherine", ["Cathy", "Kate"]), ("Michael", ["Mike", "Mikey"]),
        ("Richard", ["Rick", "Dick", "Rich"]), ("Thomas", ["Tom", "Tommy"]), ("Christopher", ["Chris"]),
        ("Daniel", ["Dan", "Danny"]), ("Matthew", ["Matt"]), ("Anthony", ["Tony"]), ("Joseph", ["Joe", "Joey"]),
        ("Charles", ["Charlie", "Chuck"]), ("Edward", ["Ed", "Eddie", "Ted"]), ("Jennifer", ["Jen", "Jenny"]),
        ("Margaret", ["Maggie", "Peggy", "Meg"]), ("Patricia", ["Pat", "Patty", "Trish"]),
        ("Rebecca", ["Becky", "Becca"]), ("Samantha", ["Sam"]), ("Samuel", ["Sam", "Sammy"]),
        ("Stephen", ["Steve"]), ("Steven", ["Steve"]), ("Timothy", ["Tim"]), ("Kenneth", ["Ken", "Kenny"]),
        ("Benjamin", ["Ben"]), ("Alexander", ["Alex"]), ("Nicholas", ["Nick"]), ("Andrew", ["Andy", "Drew"]),
        ("Jonathan", ["Jon"]), ("Gregory", ["Greg"]), ("Jeffrey", ["Jeff"]), ("Joshua", ["Josh"]),
        ("Zachary", ["Zach"]), ("Douglas", ["Doug"]), ("Raymond", ["Ray"]), ("Lawrence", ["Larry"]),
        ("Jacob", ["Jake"]), ("Nathan", ["Nate"]), ("Peter", ["Pete"]), ("Susan", ["Sue", "Susie"]),
        ("Deborah", ["Deb", "Debbie"]), ("Kimberly", ["Kim"]), ("Pamela", ["Pam"]), ("Cynthia", ["Cindy"]),
        ("Christina", ["Tina", "Chris"]), ("Christine", ["Chris", "Tina"]), ("Jessica", ["Jess", "Jessie"]),
        ("Victoria", ["Vicky", "Tori"]), ("Jacqueline", ["Jackie"]), ("Abigail", ["Abby"]),
        ("Stephanie", ["Steph"]), ("Sandra", ["Sandy"]), ("Melissa", ["Mel", "Missy"]), ("Dorothy", ["Dot"]),
        ("Judith", ["Judy"]), ("Frances", ["Fran"]), ("Teresa", ["Terry", "Tess"]), ("Virginia", ["Ginny"]),
        ("Alejandro", ["Alex"]), ("Francesca", ["Fran"]), ("Alessandro", ["Sandro"]), ("Aleksandr", ["Sasha"]),
    ]

    /// Folded (lower-cased) name → names it may be written as instead.
    static let alternatives: [String: [String]] = {
        var map: [String: [String]] = [:]
        for group in groups {
            map[group.formal.lowercased(), default: []] += group.nicknames
            for nick in group.nicknames { map[nick.lowercased(), default: []].append(group.formal) }
        }
        return map
    }()

    /// A nickname for a formal name or the formal name for a nickname, or nil when the name has neither.
    static func alternative(for name: String, _ rng: inout SeededGenerator) -> String? {
        guard let options = alternatives[name.lowercased()], !options.isEmpty else { return nil }
        return rng.pick(options)
    }
}
