import CoxswainServices
import Hummingbird

/// Per-request context: Hummingbird's core storage plus the acting principal (set by authentication).
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Who is making the request. Until access control lands every request acts as `api:anonymous`.
    public var principal: Principal

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.principal = Principal(kind: .user, id: "api:anonymous")
    }
}

/// Everything the HTTP layer needs from the composition root.
public struct AppServices: Sendable {
    public var records: RecordService
    /// Database engine name for `/health` ("sqlite", "postgresql").
    public var engine: String
    /// Team analytics (dashboards and `/api/v1/analytics`), caching its snapshot across requests.
    public var analytics: AnalyticsService

    public init(records: RecordService, engine: String, analytics: AnalyticsService? = nil) {
        self.records = records
        self.engine = engine
        self.analytics = analytics ?? AnalyticsService(store: records.store, environment: records.environment)
    }

    public var store: any RecordStore { records.store }
}

/// HTTP settings chosen at start-up.
public struct HTTPConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Request bodies above this many bytes are answered with 413.
    public var maxBodyBytes: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 2 * 1024 * 1024) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
    }
}
