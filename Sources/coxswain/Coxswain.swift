import ArgumentParser

/// The `coxswain` command: every engine over a database or over a CRM's CSV export.
@main
struct Coxswain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coxswain",
        abstract: "Sales operations engine: keeps CRM data clean and gives sales ops real engines.",
        discussion: """
            Start with `coxswain demo`: it builds a realistic demo organisation into SQLite and serves the \
            dashboard on http://127.0.0.1:8080. Point `serve` at your own database with --db or --postgres, \
            and load your CRM's CSV exports with `coxswain import`.
            """,
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, ServeCommand.self, MigrateCommand.self, ImportCommand.self, ExportCommand.self,
            DedupeCommand.self, RouteCommand.self, AnalyticsCommand.self, BenchCommand.self, UsersCommand.self, TokensCommand.self,
        ])
}
