import CoxswainCharts
import Testing

struct FormatTests {
    @Test func compactCurrencyUsesSymbolAndOneDecimalBelowTen() {
        // Given amounts in common currencies
        // When formatted compactly
        // Then they abbreviate with the local symbol
        #expect(ValueFormat.currency(code: "USD").format(1_234_567) == "$1.2M")
        #expect(ValueFormat.currency(code: "EUR").format(950_000) == "€950K")
        #expect(ValueFormat.currency(code: "GBP").format(12_000) == "£12K")
        #expect(ValueFormat.currency(code: "USD").format(12_345_678) == "$12M")
        #expect(ValueFormat.currency(code: "USD").format(1_000_000) == "$1M")
        #expect(ValueFormat.currency(code: "USD").format(2_500_000_000) == "$2.5B")
        #expect(ValueFormat.currency(code: "USD").format(950) == "$950")
    }

    @Test func compactCurrencyRoundsUpIntoTheNextUnit() {
        // Given a value just below one million
        // When formatted compactly
        // Then it reads as 1M, not 1000K
        #expect(ValueFormat.currency(code: "USD").format(999_960) == "$1M")
    }

    @Test func unknownCurrencyCodePrintsTheCode() {
        // Given a code outside the symbol table
        // When formatted
        // Then the code and a space precede the number
        #expect(ValueFormat.currency(code: "SEK").format(12_000) == "SEK 12K")
        #expect(ValueFormat.currency(code: "chf").format(12_000) == "CHF 12K")
        #expect(CurrencySymbol(code: "NOK").prefix == "NOK ")
    }

    @Test func commonCurrencyCodesHaveSymbols() {
        // Given the codes sales teams use most
        // When looked up
        // Then each maps to its symbol
        let expected = [
            "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "CA$", "AUD": "A$", "INR": "₹", "BRL": "R$",
        ]
        for (code, symbol) in expected {
            #expect(CurrencySymbol(code: code).prefix == symbol)
        }
    }

    @Test func fullCurrencyGroupsThousands() {
        // Given amounts with and without cents
        let usd = ValueFormat.currency(code: "USD", style: .full)

        // When formatted in full
        // Then thousands are grouped with commas and cents appear only when present
        #expect(usd.format(1_234_567) == "$1,234,567")
        #expect(usd.format(1_234.5) == "$1,234.50")
        #expect(usd.format(0) == "$0")
        #expect(ValueFormat.currency(code: "JPY", style: .full).format(1_234_567.4) == "¥1,234,567")
    }

    @Test func negativeCurrencyPutsMinusBeforeSymbol() {
        // Given negative amounts
        // When formatted
        // Then the minus sign leads
        #expect(ValueFormat.currency(code: "USD").format(-300_000) == "-$300K")
        #expect(ValueFormat.currency(code: "SEK", style: .full).format(-1_500) == "-SEK 1,500")
    }

    @Test func percentFormatsFractions() {
        // Given fractions
        // When formatted as percent
        // Then they scale by 100 with the requested decimals
        #expect(ValueFormat.percent().format(0.45) == "45%")
        #expect(ValueFormat.percent(decimals: 1).format(0.4531) == "45.3%")
        #expect(ValueFormat.percent().format(1.32) == "132%")
        #expect(ValueFormat.percent().exact(0.4531) == "45.31%")
    }

    @Test func plainNumbersGroupAndRoundDeterministically() {
        // Given plain numbers
        // When formatted
        // Then grouping and rounding do not depend on the locale
        #expect(ValueFormat.number().format(12_345.6) == "12,346")
        #expect(ValueFormat.number(decimals: 2).format(-0.5) == "-0.50")
        #expect(ValueFormat.number().format(-0.4) == "0")
        #expect(ValueFormat.compactNumber.format(48_200) == "48K")
    }

    @Test func nonFiniteValuesRenderAsDash() {
        // Given NaN and infinity
        // When formatted
        // Then a dash is shown instead of garbage
        #expect(ValueFormat.currency(code: "USD").format(.nan) == "—")
        #expect(ValueFormat.percent().format(.infinity) == "—")
    }

    @Test func axisTicksKeepQuarterStepsDistinct() {
        // Given ticks a quarter million apart
        let usd = ValueFormat.currency(code: "USD")

        // When formatted as tick labels
        let labels = [0, 250_000, 1_000_000, 1_250_000].map { usd.tick($0, step: 250_000) }

        // Then each label is exact enough to differ from its neighbour
        #expect(labels == ["$0", "$250K", "$1M", "$1.25M"])
        #expect(ValueFormat.percent().tick(0.025, step: 0.025) == "2.5%")
        #expect(ValueFormat.number().tick(0.5, step: 0.5) == "0.5")
    }

    @Test func xmlEscapeCoversAllMetacharacters() {
        // Given text with every XML metacharacter
        // When escaped
        // Then each becomes an entity
        #expect(xmlEscape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &apos; f")
    }
}
