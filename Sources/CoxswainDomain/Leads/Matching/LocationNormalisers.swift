import Foundation

/// Postcode, country, region and date normalisation.
///
/// Business rules:
/// * postcodes ignore case, spaces and punctuation (`"sw1a 1aa"` = `"SW1A1AA"`); a ZIP+4 agrees with its ZIP
///   (the comparator treats a 5+ character prefix as agreement);
/// * countries become ISO 3166 alpha-2 codes: `USA`, `U.S.`, `United States (of America)`, `US` → `US`;
///   `UK`, `U.K.`, `United Kingdom`, `Great Britain`, `England` → `GB`; `Deutschland` → `DE`; `Brasil` → `BR` …;
/// * US states, Canadian provinces and Australian states become their postal abbreviations
///   (`California` → `ca`, `British Columbia` → `bc`, `New South Wales` → `nsw`); other regions are folded;
/// * dates of birth become `yyyymmdd` digits; `dd/mm/yyyy` and `yyyy-mm-dd` are recognised.
public enum LocationNormaliser {
    static let countries: [String: String] = {
        var table: [String: String] = [:]
        let groups: [(String, [String])] = [
            ("US", ["us", "usa", "united states", "united states of america", "america", "u s", "u s a"]),
            (
                "GB",
                [
                    "gb", "uk", "gbr", "united kingdom", "great britain", "britain", "england", "scotland", "wales",
                    "northern ireland", "u k",
                ]
            ),
            ("CA", ["ca", "can", "canada"]), ("DE", ["de", "deu", "germany", "deutschland"]),
            ("FR", ["fr", "fra", "france"]), ("ES", ["es", "esp", "spain", "espana"]),
            ("IT", ["it", "ita", "italy", "italia"]), ("BR", ["br", "bra", "brazil", "brasil"]),
            ("MX", ["mx", "mex", "mexico"]), ("AU", ["au", "aus", "australia"]),
            ("NL", ["nl", "nld", "netherlands", "the netherlands", "holland", "nederland"]),
            ("BE", ["be", "bel", "belgium", "belgique", "belgie"]), ("IE", ["ie", "irl", "ireland", "eire"]),
            ("NZ", ["nz", "nzl", "new zealand"]), ("IN", ["in", "ind", "india"]), ("JP", ["jp", "jpn", "japan"]),
            ("CN", ["cn", "chn", "china"]), ("CH", ["ch", "che", "switzerland", "schweiz", "suisse"]),
            ("AT", ["at", "aut", "austria", "osterreich"]), ("SE", ["se", "swe", "sweden", "sverige"]),
            ("NO", ["no", "nor", "norway", "norge"]), ("DK", ["dk", "dnk", "denmark", "danmark"]),
            ("FI", ["fi", "fin", "finland", "suomi"]), ("PT", ["pt", "prt", "portugal"]),
            ("PL", ["pl", "pol", "poland", "polska"]), ("ZA", ["za", "zaf", "south africa"]),
            ("SG", ["sg", "sgp", "singapore"]), ("AR", ["ar", "arg", "argentina"]),
        ]
        for (code, names) in groups { for name in names { table[name] = code } }
        return table
    }()

    static let regions: [String: String] = {
        let pairs = """
            alabama:al alaska:ak arizona:az arkansas:ar california:ca colorado:co connecticut:ct delaware:de florida:fl
            georgia:ga hawaii:hi idaho:id illinois:il indiana:in iowa:ia kansas:ks kentucky:ky louisiana:la maine:me
            maryland:md massachusetts:ma michigan:mi minnesota:mn mississippi:ms missouri:mo montana:mt nebraska:ne
            nevada:nv new_hampshire:nh new_jersey:nj new_mexico:nm new_york:ny north_carolina:nc north_dakota:nd ohio:oh
            oklahoma:ok oregon:or pennsylvania:pa rhode_island:ri south_carolina:sc south_dakota:sd tennessee:tn texas:tx
            utah:ut vermont:vt virginia:va washington:wa west_virginia:wv wisconsin:wi wyoming:wy
            district_of_columbia:dc washington_dc:dc puerto_rico:pr alberta:ab british_columbia:bc manitoba:mb
            new_brunswick:nb newfoundland_and_labrador:nl newfoundland:nl nova_scotia:ns ontario:on
            prince_edward_island:pe quebec:qc saskatchewan:sk northwest_territories:nt nunavut:nu yukon:yt
            new_south_wales:nsw victoria:vic queensland:qld western_australia:wa south_australia:sa tasmania:tas
            australian_capital_territory:act northern_territory:nt
            """
        var table: [String: String] = [:]
        for pair in pairs.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let parts = pair.split(separator: ":")
            table[parts[0].replacingOccurrences(of: "_", with: " ")] = String(parts[1])
        }
        return table
    }()

    /// ISO alpha-2 code for a country name or code; the folded text if unknown, `""` if empty.
    ///
    /// Example: `country("U.S.A.")` → `"US"`, `country("Brasil")` → `"BR"`.
    public static func country(_ raw: String) -> String {
        let folded = TextFolding.foldedString(raw)
        if folded.isEmpty { return "" }
        return countries[folded] ?? folded
    }

    /// Region abbreviation or folded region name.
    ///
    /// Example: `region("California")` → `"ca"`, `region("CA")` → `"ca"`.
    public static func region(_ raw: String) -> String {
        let folded = TextFolding.foldedString(raw)
        return regions[folded] ?? folded
    }

    /// Postcode without case, spaces or punctuation: `" sw1a 1aa "` → `"sw1a1aa"`.
    public static func postcode(_ raw: String) -> String {
        String(decoding: TextFolding.fold(raw, separator: 0), as: UTF8.self)
    }

    /// Date of birth as `yyyymmdd`, or `""` if it cannot be read.
    ///
    /// Example: `dateOfBirth("29/12/1915")` → `"19151229"`, `dateOfBirth("19151229")` → `"19151229"`.
    public static func dateOfBirth(_ raw: String) -> String {
        let parts = raw.split(whereSeparator: { !$0.isNumber }).map(String.init)
        if parts.count == 3 {
            let (a, b, c) = (parts[0], parts[1], parts[2])
            func pad(_ text: String) -> String { text.count == 1 ? "0" + text : text }
            if a.count == 4 { return a + pad(b) + pad(c) }
            if c.count == 4 {
                // Day first unless the first part cannot be a day but the second can (US style m/d/y).
                if let first = Int(a), first <= 12, let second = Int(b), second > 12 { return c + pad(a) + pad(b) }
                return c + pad(b) + pad(a)
            }
        }
        let digits = String(decoding: TextFolding.digits(raw), as: UTF8.self)
        return digits.count == 8 ? digits : (digits.isEmpty ? "" : digits)
    }
}
