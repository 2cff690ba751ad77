import CoxswainDomain
import Foundation

/// A company that leads come from but that is not (yet) an account.
struct DemoProspect: Sendable {
    var name: DemoCompanyName
    /// `name.full` and `www.` + domain, built once so every lead of the company shares the same string storage.
    var fullName: String
    var website: String
    var region: UInt8
    var country: UInt8
    var place: UInt8
    var industry: UInt8
    var employees: Int32
}

/// Leads: originals spread over the history window, then ~12% near-duplicates of them.
extension DemoOrgBuilder {
    /// Lead sources with their share of leads and their lead-to-account conversion rates: referrals and partner
    /// leads convert best, paid search and cold outbound worst (typical B2B funnel benchmarks).
    static let leadSources: [(name: String, weight: Double, conversion: Double)] = [
        ("web", 0.30, 0.08), ("paid search", 0.15, 0.05), ("event", 0.12, 0.10), ("partner", 0.08, 0.18),
        ("outbound", 0.25, 0.06), ("referral", 0.10, 0.25),
    ]

    /// Creates `plan.leads` leads: `(1 − duplicateShare)` originals, then duplicates of randomly chosen originals
    /// (see ``makeDuplicate(of:phone:)``). Creation days follow the window with 5% growth per quarter, a heavier
    /// fiscal Q4 (events season) and quiet weekends. A quarter of originals work at existing accounts; the rest
    /// come from a pool of prospect companies (about three leads per company).
    mutating func buildLeads(progress: (Double) -> Void) {
        let total = plan.leads
        let duplicateCount = Int((Double(total) * plan.duplicateShare).rounded())
        let originalCount = total - duplicateCount
        leads.reserveCapacity(total)
        var phones: [DemoPhone?] = []
        phones.reserveCapacity(originalCount)
        let prospects = makeProspects(count: max(50, total / 3))
        let days = Array(windowStartDay...asOfDay)
        let dayTable = DemoWeightedTable(
            days.map { day in
                let date = LocalDate(dayNumber: day)
                let quarter = calendar.quarter(containing: date)
                let growth = 1 + 0.05 * Double(quarters.firstIndex(of: quarter) ?? 0)
                return growth * (quarter.number == 4 ? 1.15 : 1) * (DemoTime.isWeekend(day) ? 0.3 : 1)
            })
        let sdrs = DemoGeography.regions.indices.map { repsWith(.sdr, region: $0) }
        let allSDRs = sdrs.flatMap { $0 }
        let sourceTable = DemoWeightedTable(Self.leadSources.map(\.weight))
        let step = max(1, total / 20)
        for i in 0..<originalCount {
            if i % step == 0 { progress(Double(i) / Double(total)) }
            let day = days[dayTable.sample(&rng)]
            let createdMs = Int64(day) * DemoTime.dayMs + Int64(rng.int(0..<(day == asOfDay ? 64_800_000 : 86_400_000)))
            let source = sourceTable.sample(&rng)
            var convertedMs: Int64?
            if rng.chance(Self.leadSources[source].conversion) {
                let at = createdMs + Int64(rng.int(2...45)) * DemoTime.dayMs + Int64(rng.int(0..<36_000_000))
                if at < nowMs { convertedMs = at }
            }
            var account: Int?
            if convertedMs != nil || rng.chance(0.25) {
                for _ in 0..<6 {
                    let a = rng.int(0..<accounts.count)
                    if accountInfo[a].createdMs <= (convertedMs ?? createdMs) { account = a; break }
                }
            }
            if account == nil { convertedMs = nil }
            let f = rng.int(0..<DemoNames.first.count)
            let l = rng.int(0..<DemoNames.last.count)
            var lead: Lead
            var phone: DemoPhone?
            if let a = account {
                let info = accountInfo[a]
                let country = DemoGeography.countries[info.country]
                let place = country.places.first { $0.city == accounts[a].city } ?? country.places[0]
                phone = rng.chance(0.7) ? DemoPhone.random(country: info.country, place: place, &rng) : nil
                let domain = info.domain
                lead = Lead(
                    meta: RecordMeta(id: "", createdAt: DemoTime.date(createdMs)), company: accounts[a].name,
                    website: rng.chance(0.6) ? accounts[a].website : nil, industry: accounts[a].industry,
                    employees: rng.chance(0.4) ? accounts[a].employees : nil, city: accounts[a].city,
                    state: accounts[a].state, postcode: rng.chance(0.4) ? accounts[a].postcode : nil,
                    country: accounts[a].country, region: accounts[a].region)
                lead.email = rng.chance(0.85) ? Self.workEmail(f, l, domain: domain, &rng) : freeMail(f, l)
            } else {
                let p = prospects[rng.int(0..<prospects.count)]
                let country = DemoGeography.countries[Int(p.country)]
                let place = country.places[Int(p.place)]
                phone = rng.chance(0.7) ? DemoPhone.random(country: Int(p.country), place: place, &rng) : nil
                lead = Lead(
                    meta: RecordMeta(id: "", createdAt: DemoTime.date(createdMs)), company: p.fullName,
                    website: rng.chance(0.6) ? p.website : nil,
                    industry: rng.chance(0.6) ? DemoCompanies.industries[Int(p.industry)].0 : nil,
                    employees: rng.chance(0.4) ? Int(p.employees) : nil,
                    city: rng.chance(0.7) ? place.city : nil, state: place.state,
                    postcode: rng.chance(0.4) ? DemoGeography.postcode(country, place, &rng) : nil,
                    country: rng.chance(0.9) ? country.name : nil, region: DemoGeography.regions[Int(p.region)])
                lead.email = rng.chance(0.7) ? Self.workEmail(f, l, domain: p.name.domain, &rng) : freeMail(f, l)
            }
            lead.meta.id = rng.uuid(at: createdMs)
            lead.firstName = DemoNames.first[f]
            lead.lastName = DemoNames.last[l]
            lead.phone = phone?.format(rng.int(0..<DemoPhone.styleCount))
            lead.title = rng.chance(0.85) ? DemoNames.titles[rng.int(0..<DemoNames.titles.count)] : nil
            lead.source = Self.leadSources[source].name
            let region = DemoGeography.regions.firstIndex(of: lead.region ?? "") ?? 0
            let owners = sdrs[region].isEmpty ? allSDRs : sdrs[region]
            lead.ownerID = owners.isEmpty ? nil : reps[owners[rng.int(0..<owners.count)]].meta.id
            if let convertedMs, let a = account {
                lead.status = .converted
                lead.convertedAt = DemoTime.date(convertedMs)
                lead.convertedAccountID = accounts[a].meta.id
                lead.meta.updatedAt = DemoTime.date(convertedMs)
            } else {
                lead.status = status(ageDays: asOfDay - day)
            }
            leads.append(lead)
            phones.append(phone)
        }
        let ownersByRegion = sdrs.map { $0.map { reps[$0].meta.id } }
        duplicateOf.reserveCapacity(duplicateCount)
        for i in 0..<duplicateCount {
            if i % step == 0 { progress(Double(originalCount + i) / Double(total)) }
            let o = rng.int(0..<originalCount)
            let original = leads[o]
            let originalMs = original.meta.createdAt.demoMilliseconds
            let gap = min(Int64(rng.logNormal(median: 20, sigma: 1.2) * Double(DemoTime.dayMs)), nowMs - originalMs - 1)
            let createdMs = originalMs + max(1_000, gap)
            var copy = makeDuplicate(of: original, phone: phones[o])
            copy.meta = RecordMeta(id: rng.uuid(at: createdMs), createdAt: DemoTime.date(createdMs))
            copy.status = status(ageDays: asOfDay - DemoTime.utcDay(of: createdMs))
            copy.convertedAt = nil
            copy.convertedAccountID = nil
            if rng.chance(0.4) { copy.source = Self.leadSources[sourceTable.sample(&rng)].name }
            let region = DemoGeography.regions.firstIndex(of: original.region ?? "") ?? 0
            if rng.chance(0.5), !ownersByRegion[region].isEmpty { copy.ownerID = rng.pick(ownersByRegion[region]) }
            duplicateOf[copy.meta.id] = original.meta.id
            leads.append(copy)
        }
        progress(1)
    }

    /// Lead status consistent with age: fresh leads are new, a month in most are being worked, and old leads
    /// have settled into nurturing or unqualified.
    mutating func status(ageDays: Int) -> Lead.Status {
        let options: [Lead.Status]
        let weights: [Double]
        switch ageDays {
        case ..<3: (options, weights) = ([.new, .working], [0.9, 0.1])
        case ..<30:
            (options, weights) = ([.new, .working, .nurturing, .unqualified, .qualified], [0.25, 0.5, 0.1, 0.1, 0.05])
        case ..<90:
            (options, weights) = ([.new, .working, .nurturing, .unqualified, .qualified], [0.05, 0.2, 0.35, 0.35, 0.05])
        default: (options, weights) = ([.new, .working, .nurturing, .unqualified], [0.02, 0.03, 0.4, 0.55])
        }
        return options[rng.weighted(weights)]
    }

    /// A personal address at a free-mail provider: `first.last`, `firstlast` or `first.last` plus digits.
    mutating func freeMail(_ f: Int, _ l: Int) -> String {
        let first = DemoNames.firstSlugs[f]
        let last = DemoNames.lastSlugs[l]
        let local: String =
            switch rng.int(0..<3) {
            case 0: "\(first).\(last)"
            case 1: "\(first)\(last)"
            default: "\(first).\(last)\(rng.int(1...99))"
            }
        return "\(local)@\(DemoCompanies.freeMail[rng.weighted([6, 3, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1])])"
    }

    /// The pool of prospect companies, distributed over regions like accounts.
    mutating func makeProspects(count: Int) -> [DemoProspect] {
        var pool: [DemoProspect] = []
        pool.reserveCapacity(count)
        for _ in 0..<count {
            let region = rng.weighted(DemoGeography.regionWeights)
            let c = DemoGeography.countriesByRegion[region][DemoGeography.countryTables[region].sample(&rng)]
            let country = DemoGeography.countries[c]
            let name = DemoCompanies.name(country: country, &rng)
            pool.append(
                DemoProspect(
                    name: name, fullName: name.full, website: "www.\(name.domain)", region: UInt8(region),
                    country: UInt8(c),
                    place: UInt8(rng.int(0..<country.places.count)),
                    industry: UInt8(DemoCompanies.industryTable.sample(&rng)),
                    employees: Int32(max(2, min(400_000, rng.logNormal(median: 60, sigma: 1.6))))))
        }
        return pool
    }
}
