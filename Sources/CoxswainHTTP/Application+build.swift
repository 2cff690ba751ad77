import CoxswainDomain
import CoxswainServices
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Builds the router: JSON API for every entity, system routes, OpenAPI document and dashboard.
/// Returns the route table too, so tests can check the OpenAPI document covers every route.
public func buildRouter(services: AppServices, configuration: HTTPConfiguration) async throws -> (Router<AppRequestContext>, RouteTable) {
    let router = Router(context: AppRequestContext.self)
    router.middlewares.add(SecurityHeadersMiddleware())
    router.middlewares.add(ProblemMiddleware())
    router.middlewares.add(AuthMiddleware(access: services.access, maxBodyBytes: configuration.maxBodyBytes))
    let table = RouteTable()
    for schema in EntityCatalog.all {
        RecordController(schema: schema, services: services, maxBodyBytes: configuration.maxBodyBytes).register(on: router, table: table)
    }
    SystemController(services: services, maxBodyBytes: configuration.maxBodyBytes).register(on: router, table: table)
    DedupController(services: services, maxBodyBytes: configuration.maxBodyBytes).register(on: router, table: table)
    let dashboard = try await DashboardController.load(services: services)
    dashboard.register(on: router, table: table)
    ReviewPagesController(dashboard: dashboard).register(on: router, table: table)
    AccessController(services: services, maxBodyBytes: configuration.maxBodyBytes).register(on: router, table: table)
    let throttle = LoginThrottle(
        perAccount: configuration.loginAttemptsPerAccount, perIP: configuration.loginAttemptsPerIP, window: configuration.loginWindow)
    LoginController(services: services, templates: dashboard.templates, configuration: configuration, throttle: throttle)
        .register(on: router, table: table)
    AnalyticsPagesController(services: services, templates: dashboard.templates).register(on: router, table: table)
    AnalyticsController(services: services).register(on: router, table: table)
    let document = OpenAPIDocument.build(routes: table.entries).serialized()
    table.on(router, .get, "/openapi.json") { _, _ in Reply.text(document, contentType: "application/json; charset=utf-8") }
    return (router, table)
}

/// The Hummingbird application for `services`, listening on `configuration.host:port`.
public func buildApplication(services: AppServices, configuration: HTTPConfiguration, logger: Logger) async throws -> some ApplicationProtocol {
    let (router, _) = try await buildRouter(services: services, configuration: configuration)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "coxswain"),
        logger: logger)
}
