import CoxswainDomain
import Foundation

/// Accounts and their contacts.
extension DemoOrgBuilder {
    /// Creates `plan.accounts` companies.
    ///
    /// Head count is log-normal (median 150, σ = 1.9), which gives about 56% SMB (< 200 employees), 35%
    /// mid-market and 9% enterprise (≥ 2,000) through ``Segment/forEmployees(_:)``. Revenue is head count × a
    /// log-normal revenue per employee (median $180k). Three quarters of accounts predate the history window.
    /// Owners are AEs of the account's region and segment; a quarter of mid-market and enterprise accounts
    /// (existing customers) belong to the region's AM for that segment. A leaver's accounts pass to their
    /// successor, recorded as an `owner_id` field change on the day they left.
    mutating func buildAccounts() {
        var names: Set<String> = []
        names.reserveCapacity(plan.accounts)
        var enterpriseByRegion: [[Int]] = [[], [], []]
        accounts.reserveCapacity(plan.accounts)
        accountInfo.reserveCapacity(plan.accounts)
        for _ in 0..<plan.accounts {
            let region = rng.weighted(DemoGeography.regionWeights)
            let countryIndex = DemoGeography.countriesByRegion[region][DemoGeography.countryTables[region].sample(&rng)]
            let country = DemoGeography.countries[countryIndex]
            let place = rng.pick(country.places)
            let employees = Int(max(2, min(400_000, rng.logNormal(median: 150, sigma: 1.9))).rounded())
            let segment = Segment.forEmployees(Int64(employees))
            var name = DemoCompanies.name(country: country, &rng)
            var tries = 0
            while names.contains(name.core.lowercased()) && tries < 20 {
                name = DemoCompanies.name(country: country, &rng)
                tries += 1
            }
            if tries == 20 { name.core += " \(place.city)" }
            names.insert(name.core.lowercased())
            let currency: Currency = country.currency.map { rng.chance(0.8) ? $0 : .usd } ?? .usd
            let revenueUSD = Double(employees) * rng.logNormal(median: 180_000, sigma: 0.5)
            let revenue = max(10_000, (revenueUSD * (Self.usdRate[currency.code] ?? 1) / 10_000).rounded() * 10_000)
            let createdDay =
                rng.chance(0.75)
                ? windowStartDay - rng.int(1...1_200)
                : rng.int(windowStartDay...(asOfDay - 10))
            let createdMs = Int64(createdDay) * DemoTime.dayMs + Int64(rng.int(8 * 3_600...20 * 3_600)) * 1000
            let owner = accountOwner(region: region, segment: segment)
            var finalOwner = owner
            if let successor = repInfo[owner].successor { finalOwner = successor }
            var parent: String?
            if segment != .enterprise, rng.chance(0.03), !enterpriseByRegion[region].isEmpty {
                parent = accounts[rng.pick(enterpriseByRegion[region])].meta.id
            }
            let id = rng.uuid(at: createdMs)
            let phone = DemoPhone.random(country: countryIndex, place: place, &rng)
            let account = Account(
                meta: RecordMeta(id: id, createdAt: DemoTime.date(createdMs)), name: name.full,
                website: rng.chance(0.5) ? "https://www.\(name.domain)" : "www.\(name.domain)",
                industry: DemoCompanies.industries[DemoCompanies.industryTable.sample(&rng)].0, employees: employees,
                annualRevenue: Money(Decimal(Int(revenue)), currency), phone: phone.format(rng.int(0..<3)),
                city: place.city, state: place.state, postcode: DemoGeography.postcode(country, place, &rng),
                country: country.name, region: DemoGeography.regions[region], segment: segment,
                ownerID: reps[finalOwner].meta.id, parentAccountID: parent,
                territory: "\(DemoGeography.regions[region]) \(Self.segmentTeamNames[segment] ?? segment.rawValue)")
            if segment == .enterprise { enterpriseByRegion[region].append(accounts.count) }
            books[owner].append(accounts.count)
            accountInfo.append(
                DemoAccountInfo(
                    region: region, country: countryIndex, segment: segment,
                    createdMs: createdMs, originalOwner: owner, currency: currency,
                    domain: name.domain))
            accounts.append(account)
            if owner != finalOwner, let left = repInfo[owner].leftDay {
                let at = max(createdMs, time.instant(day: left + 1, minuteOfDay: 10 * 60, zone: repInfo[owner].zone))
                accounts[accounts.count - 1].meta.updatedAt = DemoTime.date(at)
                fieldChanges.append(
                    FieldChange(
                        entity: "account", recordID: id, field: "owner_id",
                        oldValue: reps[owner].meta.id, newValue: reps[finalOwner].meta.id,
                        changedAt: DemoTime.date(at), changedBy: systemActor))
            }
        }
    }

    /// An AE (or, for a quarter of mid-market/enterprise accounts, an AM) of the region and segment.
    mutating func accountOwner(region: Int, segment: Segment) -> Int {
        let ams = repsWith(.am, region: region, segment: segment)
        if segment != .smb, !ams.isEmpty, rng.chance(0.25) { return rng.pick(ams) }
        var aes = repsWith(.ae, region: region, segment: segment)
        if aes.isEmpty { aes = repsWith(.ae, region: region) }
        if aes.isEmpty { aes = reps.indices.filter { repInfo[$0].role == .ae } }
        return rng.pick(aes)
    }

    /// One to four contacts for every account that has opportunities (more for larger companies), created
    /// before the account's first deal, owned by the account owner.
    mutating func buildContacts(firstDeal: [Int64]) {
        contactRanges = Array(repeating: 0..<0, count: accounts.count)
        for a in accounts.indices where firstDeal[a] != Int64.max {
            let info = accountInfo[a]
            let range: ClosedRange<Int> =
                switch info.segment {
                case .smb: 1...2
                case .midMarket: 1...3
                case .enterprise: 2...4
                }
            let count = rng.int(range)
            let start = contacts.count
            let domain = info.domain
            let country = DemoGeography.countries[info.country]
            for _ in 0..<count {
                let f = rng.int(0..<DemoNames.first.count)
                let l = rng.int(0..<DemoNames.last.count)
                let earliest = info.createdMs
                let latest = max(earliest + 60_000, firstDeal[a] - 60_000)
                let at = earliest + Int64(rng.nextUnit() * Double(latest - earliest))
                let place = rng.pick(country.places)
                contacts.append(
                    Contact(
                        meta: RecordMeta(id: rng.uuid(at: at), createdAt: DemoTime.date(at)), firstName: DemoNames.first[f],
                        lastName: DemoNames.last[l], email: Self.workEmail(f, l, domain: domain, &rng),
                        phone: rng.chance(0.8)
                            ? DemoPhone.random(country: info.country, place: place, &rng)
                                .format(rng.int(0..<DemoPhone.styleCount)) : nil,
                        title: rng.pick(DemoNames.titles), accountID: accounts[a].meta.id, ownerID: accounts[a].ownerID,
                        leadSource: rng.pick(Self.leadSources.map(\.name))))
            }
            contactRanges[a] = start..<contacts.count
        }
    }

    /// A work e-mail in one of the common corporate patterns: `first.last`, `flast`, `first`, `firstl`,
    /// `first_last`.
    static func workEmail(_ f: Int, _ l: Int, domain: String, _ rng: inout SeededGenerator) -> String {
        let first = DemoNames.firstSlugs[f]
        let last = DemoNames.lastSlugs[l]
        let local: String =
            switch rng.weighted([0.5, 0.2, 0.1, 0.1, 0.1]) {
            case 0: "\(first).\(last)"
            case 1: "\(first.prefix(1))\(last)"
            case 2: first
            case 3: "\(first)\(last.prefix(1))"
            default: "\(first)_\(last)"
            }
        return "\(local)@\(domain)"
    }
}
