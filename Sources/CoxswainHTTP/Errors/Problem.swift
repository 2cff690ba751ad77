import CoxswainDomain
import CoxswainServices
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An RFC 9457 problem document (`application/problem+json`) with a stable `code` and, for validation
/// failures, one `{pointer, code, message}` per field problem.
///
/// ```json
/// {"type":"about:blank","title":"Unprocessable Content","status":422,"code":"validation_failed",
///  "detail":"invalid opportunity: amount: must not be negative (got -5)",
///  "errors":[{"pointer":"/amount","code":"out_of_range","message":"must not be negative (got -5)"}]}
/// ```
public struct Problem: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var detail: String
    public var issues: [FieldIssue]

    public init(_ status: HTTPResponse.Status, code: String, detail: String, issues: [FieldIssue] = []) {
        self.status = status
        self.code = code
        self.detail = detail
        self.issues = issues
    }

    /// JSON pointer for a field name: `custom_fields.tier` → `/custom_fields/tier`.
    static func pointer(_ field: String) -> String {
        field.isEmpty ? "" : "/" + field.replacingOccurrences(of: ".", with: "/")
    }

    var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("type", .string("about:blank")), ("title", .string(status.reasonPhrase)),
            ("status", .number(Decimal(status.code))), ("code", .string(code)), ("detail", .string(detail)),
        ]
        if !issues.isEmpty {
            pairs.append(
                (
                    "errors",
                    .array(
                        issues.map {
                            .object([("pointer", .string(Self.pointer($0.field))), ("code", .string($0.code)), ("message", .string($0.message))])
                        })
                ))
        }
        return .object(pairs)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: json.serialized())))
    }
}

extension Problem {
    /// The one exhaustive mapping from errors to HTTP problems. Unknown errors become a generic 500 whose
    /// details are logged, never shown.
    static func from(_ error: any Error) -> Problem? {
        switch error {
        case let p as Problem: return p
        case let v as ValidationFailure:
            return Problem(.unprocessableContent, code: "validation_failed", detail: v.description, issues: v.issues)
        case is Unauthenticated:
            return Problem(.unauthorized, code: "unauthenticated", detail: "valid credentials are required")
        case let d as AccessDenied:
            return Problem(
                .forbidden, code: d.code, detail: d.description,
                issues: d.field.map { [FieldIssue(code: d.code, field: $0, message: d.message)] } ?? [])
        case let n as RecordNotFound:
            return Problem(.notFound, code: "not_found", detail: n.description)
        case let s as StoreError:
            switch s {
            case .conflict(_, let field, let message):
                return Problem(
                    .conflict, code: "conflict", detail: s.description,
                    issues: [FieldIssue(code: "duplicate", field: field, message: message)])
            case .referenceViolation: return Problem(.conflict, code: "reference_violation", detail: s.description)
            case .invalidQuery: return Problem(.badRequest, code: "invalid_query", detail: s.description)
            case .unavailable: return Problem(.serviceUnavailable, code: "unavailable", detail: "the database is unavailable")
            }
        case let m as MergeError: return Problem(m.status, code: m.code, detail: m.description)
        case let c as MergeUndoConflict:
            return Problem(.conflict, code: "merge_undo_conflict", detail: c.description, issues: c.issues)
        case let d as DuplicateLeadError:
            return Problem(
                .conflict, code: "duplicate_lead", detail: d.description,
                issues: d.existing.map { FieldIssue(code: "duplicate_of", field: "", message: $0.id) })
        case let j as JSONValueError:
            return Problem(.badRequest, code: "malformed_json", detail: "the request body is not valid JSON: \(j.message)")
        case is NIOTooManyBytesError:
            return Problem(.contentTooLarge, code: "body_too_large", detail: "the request body exceeds the configured limit")
        case let h as HTTPError:
            return Problem(h.status, code: h.status == .notFound ? "not_found" : "http_error", detail: h.body ?? h.status.reasonPhrase)
        default: return nil
        }
    }
}
