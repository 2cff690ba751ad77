import CoxswainDomain
import Foundation

/// Person-name lists for the demo org: about 260 given names and 260 family names from English-speaking,
/// European, Latin American, South Asian, East Asian, African and Middle Eastern backgrounds (with their
/// diacritics), so name matching meets the variety a global CRM holds. Names are drawn uniformly, which gives
/// about 68,000 distinct full names — enough that unrelated leads rarely share one, as in real data.
enum DemoNames {
    static let first: [String] = """
        James Robert John Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony \
        Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan \
        Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander \
        Patrick Frank Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle \
        Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra \
        Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura \
        Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha Katherine Christine \
        Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly \
        Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara \
        Madison Frances Kathryn Janice Jean Abigail Alice Julia Judy Sophia Grace Denise Amber Doris Marilyn \
        Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori \
        José María Sofía Lucía Javier Alejandro Camila Mateo Valentina Diego Andrés Gabriela Joaquín Inés \
        François Amélie Chloé Hélène Léa Céline Étienne Noël Jürgen Björn Jörg Günther Käthe Lukas Felix \
        Anneliese Søren Åsa Lars Ingrid Sven Astrid Mikael Niamh Siobhan Aoife Seán Ciarán Giulia Matteo \
        Francesca Lorenzo Chiara Alessandro Zoë Anaïs Priya Rahul Ananya Arjun Vikram Deepika Sanjay Aditya \
        Kavya Rohan Wei Li Ming Xiaoling Jun Mei Hiroshi Yuki Haruto Sakura Kenji Aiko Min-jun Seo-yeon \
        Ji-ho Thanh Linh Oluwaseun Chinedu Amara Kwame Abena Thabo Zanele Mohammed Fatima Omar Layla \
        Yusuf Aisha Hamza Noor Ahmed Leila Dmitri Olga Sergei Natasha Katarzyna Piotr Tomasz Agnieszka
        """.split(separator: " ").map(String.init)

    static let last: [String] = """
        Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez \
        Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark \
        Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams \
        Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz \
        Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson \
        Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray \
        Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins \
        Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Fisher Vasquez Simmons Romero Jordan \
        Patterson Alexander Hamilton Graham Reynolds Griffin Wallace West Cole Hayes Bryant Gibson Ellis \
        Stevens Murray Ford Marshall Owens McDonald Harrison Ruiz Kennedy Wells O'Brien O'Connor McCarthy \
        Fitzgerald Byrne Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer \
        Koch Bauer Richter Klein Wolf Schröder Neumann Zimmermann Braun Krüger Hofmann Hartmann Lange Keller \
        Dubois Lefèvre Moreau Laurent Simon Michel Girard Rousseau Fontaine Chevalier García Fernández \
        González Rodríguez López Martínez Sánchez Pérez Gómez Jiménez Muñoz Álvarez Rossi Russo Ferrari \
        Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti De_Luca Andersson Johansson \
        Karlsson Nilsson Eriksson Larsson Jensen Nielsen Hansen Pedersen Van_der_Berg De_Vries Jansen Bakker \
        Visser Kowalski Nowak Wiśniewski Wójcik Novák Horváth Sharma Gupta Singh Kumar Reddy Iyer Mehta Shah \
        Rao Chatterjee Banerjee Desai Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Tanaka Suzuki Takahashi \
        Watanabe Ito Yamamoto Nakamura Kobayashi Sato Park Choi Jung Kang Cho Tran Pham Le Vo Okafor Adeyemi \
        Mensah Okonkwo Nkosi Dlamini Haddad Khalil Hassan Rahman Aziz Farouk Ivanov Petrov Volkov Popescu
        """.split(separator: " ").map { $0.replacingOccurrences(of: "_", with: " ") }

    /// ASCII e-mail slug of a name: `José` → `jose`, `O'Brien` → `obrien`, `Seo-yeon` → `seoyeon`.
    static func slug(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 128 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(name.utf8.count)
            for b in name.utf8 {
                switch b {
                case 65...90: bytes.append(b + 32)
                case 97...122, 48...57: bytes.append(b)
                default: break
                }
            }
            return bytes.isEmpty ? "x" : String(decoding: bytes, as: UTF8.self)
        }
        var text = name.lowercased()
        for (from, to) in [("ø", "o"), ("æ", "ae"), ("ß", "ss"), ("ł", "l"), ("đ", "d"), ("œ", "oe")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var out = ""
        for scalar in folded.unicodeScalars where scalar.isASCII {
            let c = Character(scalar)
            if c.isLetter || c.isNumber { out.append(c) }
        }
        return out.isEmpty ? "x" : out
    }

    /// E-mail slugs of ``first``, precomputed (folding is too slow to redo for a million leads).
    static let firstSlugs: [String] = first.map(slug)
    /// E-mail slugs of ``last``.
    static let lastSlugs: [String] = last.map(slug)

    /// Job titles, from individual contributors to executives.
    static let titles: [String] = [
        "Chief Executive Officer", "Chief Revenue Officer", "Chief Financial Officer", "Chief Operating Officer",
        "Chief Technology Officer", "Chief Information Officer", "VP of Sales", "VP of Marketing",
        "VP of Engineering", "VP of Finance", "VP of Operations", "Head of Revenue Operations", "Head of IT",
        "Director of Sales Operations", "Director of Marketing", "Director of IT", "Director of Procurement",
        "Director of Finance", "Sales Operations Manager", "Marketing Manager", "IT Manager", "Procurement Manager",
        "Finance Manager", "Operations Manager", "Product Manager", "Engineering Manager", "Account Executive",
        "Business Analyst", "Data Analyst", "Revenue Operations Analyst", "Software Engineer", "Office Manager",
        "Controller", "Purchasing Specialist", "Solutions Architect", "Customer Success Manager", "Founder",
        "Co-Founder", "Managing Director", "General Manager", "Consultant",
    ]
}
