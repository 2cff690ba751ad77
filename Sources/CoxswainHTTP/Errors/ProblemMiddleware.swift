import Hummingbird
import Logging

/// Turns every thrown error into `application/problem+json`; unknown errors are logged with a request id
/// and answered with a generic 500 that leaks nothing.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            if let problem = Problem.from(error) { return try problem.response(from: request, context: context) }
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return try Problem(.internalServerError, code: "internal_error", detail: "an unexpected error occurred; it has been logged")
                .response(from: request, context: context)
        }
    }
}
