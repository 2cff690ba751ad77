import CoxswainServices
import Hummingbird

/// Per-request context: Hummingbird's core storage plus who is asking (set by ``AuthMiddleware``).
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Who is making the request; `anonymous` (no rights) until ``AuthMiddleware`` authenticates it.
    public var principal: Principal
    /// The session's CSRF token, for forms on dashboard pages (nil for API tokens).
    public var csrfToken: String?
    /// Client IP address, for login throttling ("local" in tests).
    public var remoteIP: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.principal = Principal(kind: .user, id: "anonymous", role: .rep, scope: .read, visibleRepIDs: [])
        self.remoteIP = source.channel.remoteAddress?.ipAddress ?? "local"
    }
}

/// Everything the HTTP layer needs from the composition root.
public struct AppServices: Sendable {
    public var records: RecordService
    public var access: AccessService
    /// Database engine name for `/health` ("sqlite", "postgresql").
    public var engine: String
    /// Duplicate checks, merges and de-duplication jobs (one per process: it holds the warm duplicate index).
    public var leadMatching: LeadMatchingServices
    /// Team analytics (dashboards and `/api/v1/analytics`), caching its snapshot across requests.
    public var analytics: AnalyticsService

    public init(
        records: RecordService, access: AccessService? = nil, engine: String, leadMatching: LeadMatchingServices? = nil,
        analytics: AnalyticsService? = nil
    ) {
        self.records = records
        self.access = access ?? AccessService(store: records.store, environment: records.environment)
        self.engine = engine
        self.leadMatching = leadMatching ?? LeadMatchingServices(store: records.store, environment: records.environment)
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
    /// Mark the session cookie `Secure` (set when serving behind HTTPS).
    public var secureCookies: Bool
    /// Failed sign-ins allowed per account, and per client IP, in ``loginWindow`` before answering 429.
    public var loginAttemptsPerAccount: Int
    public var loginAttemptsPerIP: Int
    public var loginWindow: Duration

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 2 * 1024 * 1024, secureCookies: Bool = false,
        loginAttemptsPerAccount: Int = 5, loginAttemptsPerIP: Int = 20, loginWindow: Duration = .seconds(15 * 60)
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.secureCookies = secureCookies
        self.loginAttemptsPerAccount = loginAttemptsPerAccount
        self.loginAttemptsPerIP = loginAttemptsPerIP
        self.loginWindow = loginWindow
    }
}
