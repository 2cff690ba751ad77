import ArgumentParser
import CoxswainDomain
import CoxswainServices
import CoxswainStorage
import Foundation

/// `coxswain demo`: build a realistic demo organisation into SQLite, print a summary, serve the dashboard.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a realistic demo sales org into SQLite and serve the dashboard.",
        discussion: """
            The org is deterministic for a given --seed and --as-of: ~60 reps in teams across AMER, EMEA and APAC, \
            5,000 accounts, 20,000 leads (~12% duplicates), 10,000 opportunities over 8 fiscal quarters with stage \
            and field history, activities, products, quotas (size medium). The database file is recreated.
            """)

    @Option(help: "Random seed; the same seed and --as-of give the same org.") var seed: UInt64 = 7
    @Option(help: "small (~4k leads), medium (20k leads), large (~1M leads).") var size: DemoOrgSize = .medium
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The demo's 'today' (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var asOf: String?
    @Option(help: "SQLite file to (re)create.") var db: String = "coxswain-demo.sqlite"
    @Flag(name: .customLong("no-serve"), help: "Build the database and exit.") var noServe = false
    @OptionGroup var server: ServerOptions

    func validate() throws {
        if let asOf, LocalDate(parsing: asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD") }
    }

    func run() async throws {
        let started = Date()
        let today = asOf.flatMap { LocalDate(parsing: $0) } ?? LocalDate(Date(), in: TimeZone(identifier: "UTC")!)
        let settings = OrgSettings(
            name: "Northwind Systems (demo)", defaultCurrency: .usd,
            fiscalCalendar: FiscalCalendar(startMonth: 2, naming: .endingYear, timeZoneIdentifier: "America/New_York"))
        let genBar = ProgressBar("generating \(size.rawValue) org")
        let org = DemoOrgGenerator(seed: seed, size: size, asOf: today, calendar: settings.fiscalCalendar)
            .generate { phase, fraction in genBar.update(fraction, detail: phase) }
        genBar.finish()

        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        let logger = makeLogger()
        let handle = try await SQLiteDatabaseHandle.open(path: db, logger: logger)
        try await Migrator(handle: handle).migrate()
        let loadBar = ProgressBar("writing \(db)")
        do {
            try await DemoOrgLoader.load(org, into: SQLRecordStore(handle: handle), settings: settings, now: Date()) { phase, fraction in
                loadBar.update(fraction, detail: phase)
            }
        } catch {
            try? await handle.close()
            throw CLIError("could not write the demo org: \(error)")
        }
        loadBar.finish()
        let logins: [DemoUsers.Login]
        do {
            logins = try await DemoUsers.create(for: org, access: AccessService(store: SQLRecordStore(handle: handle), bcryptCost: 10))
        } catch {
            try? await handle.close()
            throw CLIError("could not create the demo users: \(error)")
        }
        print(
            "Demo org '\(settings.name)' as of \(today) (seed \(seed), \(size.rawValue)) → \(db) in \(String(format: "%.1f", Date().timeIntervalSince(started)))s"
        )
        print(org.summary.description)
        print("Demo sign-ins (demo mode only):")
        for login in logins {
            print("  \(login.role.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(login.email)  password: \(login.password)")
        }
        if noServe {
            try await handle.close()
            return
        }
        try await ServeCommand.serve(handle: handle, server: server, logger: logger)
    }
}

extension DemoOrgSize: ExpressibleByArgument {}
