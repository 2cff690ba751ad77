import ArgumentParser
import CoxswainHTTP
import CoxswainServices
import CoxswainStorage
import Hummingbird
import Logging

/// `coxswain serve`: the HTTP API and dashboard over an existing database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the JSON API (/api/v1, /openapi.json) and the dashboard (/).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var server: ServerOptions

    func run() async throws {
        let logger = makeLogger()
        let handle = try await database.open(logger: logger)
        try await Self.serve(handle: handle, server: server, logger: logger)
    }

    /// Runs the server until SIGINT/SIGTERM, then closes the database.
    static func serve(handle: any DatabaseHandle, server: ServerOptions, logger: Logger) async throws {
        let services = AppServices(records: RecordService(store: SQLRecordStore(handle: handle)), engine: handle.engine)
        var appLogger = logger
        appLogger.logLevel = max(logger.logLevel, .notice) == .notice ? .notice : logger.logLevel
        let app = try await buildApplication(
            services: services,
            configuration: HTTPConfiguration(
                host: server.host, port: server.port, maxBodyBytes: server.maxBodyBytes, secureCookies: server.secureCookies),
            logger: appLogger)
        note("Serving on http://\(server.host):\(server.port)  (dashboard /, API /api/v1, spec /openapi.json) — Ctrl-C to stop")
        do {
            try await app.runService()
        } catch {
            try? await handle.close()
            throw error
        }
        try await handle.close()
    }
}

/// Where to listen.
struct ServerOptions: ParsableArguments {
    @Option(help: "Interface to listen on (use 0.0.0.0 to accept remote connections).")
    var host: String = "127.0.0.1"

    @Option(help: "TCP port.")
    var port: Int = 8080

    @Option(name: .customLong("max-body-bytes"), help: "Largest accepted request body; bigger ones get 413.")
    var maxBodyBytes: Int = 2 * 1024 * 1024

    @Flag(name: .customLong("secure-cookies"), help: "Mark the session cookie Secure (when served behind HTTPS).")
    var secureCookies = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1–65535") }
        guard maxBodyBytes > 0 else { throw ValidationError("--max-body-bytes must be positive") }
    }
}
