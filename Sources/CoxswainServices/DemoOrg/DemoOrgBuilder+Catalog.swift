import CoxswainDomain
import Foundation

/// Products, price books and quotas.
extension DemoOrgBuilder {
    /// Approximate FX rates (units per USD) used to price EUR and GBP deals and price-book entries.
    static let usdRate: [String: Double] = ["USD": 1, "EUR": 0.92, "GBP": 0.79]

    /// Twelve products in four families; each has a Standard price-book entry in USD, EUR and GBP
    /// (list prices are annual, per unit, in whole currency units). One legacy product is inactive.
    static let catalog: [(name: String, sku: String, family: String, usd: Int, description: String)] = [
        ("Coxswain Core", "CX-CORE", "Platform", 6_000, "Pipeline, forecasting and analytics for one team."),
        ("Coxswain Professional", "CX-PRO", "Platform", 18_000, "Core plus routing, territories and hygiene."),
        ("Coxswain Enterprise", "CX-ENT", "Platform", 60_000, "Professional plus SSO, sandboxes and audit export."),
        ("Forecast AI", "CX-FAI", "Add-on", 9_000, "Statistical forecast with P10/P50/P90 ranges."),
        ("Territory Planner", "CX-TERR", "Add-on", 7_500, "Territory carving and balancing scenarios."),
        ("Compensation", "CX-COMP", "Add-on", 12_000, "Commission plans, statements and payouts."),
        ("Lead Matching", "CX-MATCH", "Add-on", 4_800, "Duplicate detection and merge review."),
        ("Data Enrichment Credits", "CX-DATA-10K", "Data", 2_500, "10,000 firmographic enrichment lookups."),
        ("Onboarding Package", "CX-SVC-ONB", "Services", 5_000, "Guided setup and data migration."),
        ("Premium Support", "CX-SVC-PREM", "Services", 8_000, "24x7 support with a named engineer."),
        ("Admin Training", "CX-SVC-TRN", "Services", 1_500, "Two-day administrator course."),
        ("Coxswain Classic (legacy)", "CX-CLASSIC", "Platform", 4_000, "Retired edition kept for renewals."),
    ]

    mutating func buildProducts() {
        let createdMs = Int64(windowStartDay - 900) * DemoTime.dayMs + 15 * 3_600_000
        for (i, item) in Self.catalog.enumerated() {
            let at = createdMs + Int64(i) * 3_600_000
            let product = Product(
                meta: RecordMeta(id: rng.uuid(at: at), createdAt: DemoTime.date(at)), name: item.name,
                sku: item.sku, family: item.family, description: item.description, active: i < Self.catalog.count - 1)
            products.append(product)
            for currency in [Currency.usd, .eur, .gbp] {
                let price = (Double(item.usd) * (Self.usdRate[currency.code] ?? 1) / 10).rounded() * 10
                let entryAt = at + 60_000
                priceBookEntries.append(
                    PriceBookEntry(
                        meta: RecordMeta(id: rng.uuid(at: entryAt), createdAt: DemoTime.date(entryAt)),
                        productID: product.meta.id, unitPrice: Money(Decimal(Int(price)), currency),
                        active: product.active))
            }
        }
    }

    /// Quarterly bookings quotas for every AE and AM for each quarter they were employed in, from the first of
    /// the eight history quarters through the next quarter.
    ///
    /// The full quota of a role and segment is set so that ramped reps attain about 85% on average: the mean
    /// quarterly bookings (USD-equivalent) of ramped reps in complete past quarters ÷ 0.85, rounded to $5,000.
    /// New hires get a ramped quota — 25% for a quarter they join more than a month into, 50% when they join in
    /// its first month, 75% for their first full quarter — which ramps faster than their productivity (see
    /// ``DemoRepInfo/ramp(on:)``), so their attainment runs lower, as in real orgs.
    mutating func buildQuotas() {
        let carriers = reps.indices.filter { [.ae, .am].contains(repInfo[$0].role) }
        let complete = quarters.filter { $0.end < asOf }
        var bookings: [Int: [Int: Double]] = [:]  // rep → quarter index → USD
        for (i, opp) in opportunities.enumerated() where opp.isWon {
            guard let q = complete.firstIndex(where: { $0.contains(opp.closeDate) }) else { continue }
            let rep = opportunityPlans[i].creditRep
            let usd = opp.amount.doubleValue / (Self.usdRate[opp.amount.currency.code] ?? 1)
            bookings[rep, default: [:]][q, default: 0] += usd
        }
        var sums: [String: (Double, Int)] = [:]
        for r in carriers {
            for (q, period) in complete.enumerated() {
                let info = repInfo[r]
                guard info.employed(on: period.start.dayNumber), info.employed(on: period.end.dayNumber),
                    period.start.dayNumber - info.hireDay > 180
                else { continue }
                let key = "\(info.role.rawValue)-\(info.segment?.rawValue ?? "")"
                let value = bookings[r]?[q] ?? 0
                sums[key, default: (0, 0)] = (sums[key, default: (0, 0)].0 + value, sums[key, default: (0, 0)].1 + 1)
            }
        }
        let fallback: [Segment: Double] = [.smb: 120_000, .midMarket: 250_000, .enterprise: 500_000]
        for r in carriers {
            let info = repInfo[r]
            let key = "\(info.role.rawValue)-\(info.segment?.rawValue ?? "")"
            var full = fallback[info.segment ?? .midMarket] ?? 200_000
            if let (total, n) = sums[key], n > 0, total > 0 { full = total / Double(n) / 0.85 }
            full = max(5_000, (full / 5_000).rounded() * 5_000)
            for period in quarters + [nextQuarter] {
                let start = period.start.dayNumber
                let end = period.end.dayNumber
                guard end >= info.hireDay, info.leftDay.map({ $0 >= start }) ?? true else { continue }
                let tenureAtStart = start - info.hireDay
                let share: Double = tenureAtStart < -30 ? 0.25 : tenureAtStart < 0 ? 0.5 : tenureAtStart < 90 ? 0.75 : 1
                let amount = (full * share / 1_000).rounded() * 1_000
                let at = max(Int64(start - 20) * DemoTime.dayMs, reps[r].meta.createdAt.demoMilliseconds) + 3_600_000
                quotas.append(
                    Quota(
                        meta: RecordMeta(id: rng.uuid(at: at), createdAt: DemoTime.date(at)), repID: reps[r].meta.id,
                        periodStart: period.start, periodEnd: period.end, amount: Money(Decimal(Int(amount)), .usd)))
            }
        }
    }
}

extension Date {
    /// Unix milliseconds, rounded.
    var demoMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}
