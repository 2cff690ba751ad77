/// Deterministic, lead-like CSV data for benchmarks and tests (`coxswain bench csv`).
///
/// Twelve Salesforce-style columns; about one company in six contains a comma (so it is quoted), one name in ten
/// is non-ASCII and one title in twenty contains a doubled quote. Rows are a pure function of `(seed, row index)`,
/// so a large file can be generated in batches without holding it in memory.
///
/// ```swift
/// var bytes: [UInt8] = []
/// CSVLeadFixture.appendHeader(to: &bytes)
/// CSVLeadFixture.appendRows(0..<1_000, seed: 42, to: &bytes)
/// ```
public enum CSVLeadFixture {
    /// Column names of the generated data.
    public static let header = [
        "Id", "FirstName", "LastName", "Email", "Company", "Title",
        "Phone", "Country", "City", "LeadSource", "AnnualRevenue", "CreatedDate",
    ]

    private static let firstNames = [
        "Ada", "Grace", "Alan", "Linus", "Margaret", "Dennis", "Barbara", "Ken",
        "Frances", "John", "José", "Zoë", "Søren", "Håkon", "Łukasz", "美咲",
    ]
    private static let lastNames = [
        "Lovelace", "Hopper", "Turing", "Torvalds", "Hamilton", "Ritchie", "Liskov",
        "Thompson", "Allen", "Backus", "Müller", "O'Neil", "Łęcka", "山田",
    ]
    private static let companies = [
        "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries",
        "Wayne Enterprises", "Acme, Inc.", "Soylent", "Vandelay Industries",
        "Cyberdyne Systems", "Tyrell, Corp.",
    ]
    private static let titles = [
        "CEO", "CTO", "VP Sales", "Head of Operations", "Account Executive",
        "Sales Development Rep", "Procurement Manager", "The \"Closer\"",
        "Director, Revenue Operations", "Founder", "Engineer", "Analyst",
        "Marketing Lead", "CFO", "COO", "Consultant", "Buyer", "Office Manager",
        "Partner", "Intern",
    ]
    private static let places = [
        ("FR", "Paris"), ("DE", "Berlin"), ("US", "New York"), ("GB", "London"),
        ("ES", "Madrid"), ("JP", "Tokyo"), ("BR", "São Paulo"), ("CA", "Montréal"),
    ]
    private static let sources = ["Web", "Referral", "Trade Show", "Cold Call", "Partner", "Advertisement"]

    /// Appends the header row.
    public static func appendHeader(to output: inout [UInt8], writer: CSVWriter = CSVWriter()) {
        writer.appendRow(header, to: &output)
    }

    /// Appends the data rows with the given indices.
    public static func appendRows(
        _ rows: Range<Int>, seed: UInt64, to output: inout [UInt8], writer: CSVWriter = CSVWriter()
    ) {
        for row in rows {
            var state = (seed ^ 0x5851_F42D_4C95_7F2D) &+ UInt64(row) &* 0xD1B5_4A32_D192_ED03
            state = mix(&state)
            func next() -> Int { Int(truncatingIfNeeded: mix(&state) >> 1) }
            let first = firstNames[next() % firstNames.count]
            let last = lastNames[next() % lastNames.count]
            let place = places[next() % places.count]
            let revenue = next() % 50_000_000
            let month = 1 + next() % 12
            let fields: [String] = [
                "00Q" + String(UInt64(row) &+ 0x1000_0000_0000, radix: 36, uppercase: true),
                first,
                last,
                "lead\(row)@example\(next() % 997).com",
                companies[next() % companies.count],
                titles[next() % titles.count],
                "+33 1 \(10 + next() % 90) \(10 + next() % 90) \(10 + next() % 90) \(10 + next() % 90)",
                place.0,
                place.1,
                sources[next() % sources.count],
                "\(revenue / 100).\(revenue % 100 < 10 ? "0" : "")\(revenue % 100)",
                "2025-\(month < 10 ? "0" : "")\(month)-1\(next() % 10)T10:2\(next() % 10):00Z",
            ]
            writer.appendRow(fields, to: &output)
        }
    }

    private static func mix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
