import CoxswainDomain
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Helpers for JSON and CSV responses built from ``JSONValue`` (exact decimals, ordered keys).
enum Reply {
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: value.serialized())))
    }

    static func text(_ body: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func csv(_ body: String, filename: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(filename)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

extension Request {
    /// Reads the body (up to `limit` bytes) as a JSON object; anything else is a precise 400.
    mutating func jsonObject(limit: Int) async throws -> [(String, JSONValue)] {
        let buffer = try await collectBody(upTo: limit)
        guard buffer.readableBytes > 0 else {
            throw Problem(.badRequest, code: "malformed_json", detail: "the request body is empty; send a JSON object")
        }
        let json = try JSONValue.parse(Data(buffer.readableBytesView))
        guard case .object(let pairs) = json else {
            throw Problem(.badRequest, code: "malformed_json", detail: "the request body must be a JSON object, got \(json.kindName)")
        }
        return pairs
    }

    /// Query parameters in order.
    var queryPairs: [(String, String)] {
        uri.queryParameters.map { (String($0.key), String($0.value)) }
    }
}
