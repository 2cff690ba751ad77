import CoxswainDomain
import CoxswainServices
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// JSON CRUD for one entity under `/api/v1/<plural>`: list (filters, sort, cursor pagination, `format=csv`),
/// create (honouring `Idempotency-Key`), read, patch, delete. All validation and auditing happens in
/// ``RecordService``; this type only translates HTTP.
struct RecordController: Sendable {
    let schema: EntitySchema
    let services: AppServices
    let maxBodyBytes: Int

    func register(on router: Router<AppRequestContext>, table: RouteTable) {
        let base = "/api/v1/\(schema.plural)"
        table.on(router, .get, base, list)
        table.on(router, .post, base, create)
        table.on(router, .get, base + "/:id", get)
        table.on(router, .patch, base + "/:id", update)
        table.on(router, .delete, base + "/:id", delete)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = try ListQueryParser.parse(request.queryPairs, schema: schema)
        let page = try await services.records.list(schema, query, as: context.principal)
        if request.uri.queryParameters["format"] == "csv" {
            return Reply.csv(ExportService.csv(page.records, schema: schema), filename: "\(schema.plural).csv")
        }
        var body: [(String, JSONValue)] = [("data", .array(page.records.map(\.json)))]
        body.append(("next_cursor", page.nextCursor.map(JSONValue.string) ?? .null))
        return Reply.json(.object(body))
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        return Reply.json(try await services.records.get(schema, id: id, as: context.principal).json)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: maxBodyBytes)
        let key = request.headers[HTTPField.Name("Idempotency-Key")!]
        let hash = SHA256.hash(data: Data(body.readableBytesView)).map { String(format: "%02x", $0) }.joined()
        if let key {
            guard !key.isEmpty, key.utf8.count <= 255 else {
                throw Problem(.badRequest, code: "invalid_idempotency_key", detail: "Idempotency-Key must be 1–255 characters")
            }
            let actor = context.principal.id
            if let stored = try await services.store.read({ try await $0.idempotentResponse(key: key, actor: actor) }) {
                guard stored.requestHash == hash else {
                    throw Problem(
                        .unprocessableContent, code: "idempotency_key_reused",
                        detail: "this Idempotency-Key was already used with a different request body")
                }
                var headers = HTTPFields()
                headers[HTTPField.Name("Idempotent-Replayed")!] = "true"
                return Reply.json(try JSONValue.parse(Data(stored.body.utf8)), status: .init(code: stored.status), headers: headers)
            }
        }
        let pairs = try Self.object(from: body)
        let screening = try await services.leadMatching.screen(schema, pairs)  // lead duplicate check (LeadDuplicateGuard)
        let created = try await services.records.create(schema, .object(pairs), by: context.principal)
        let (record, duplicates, _) = try await services.leadMatching.admit(created, screening, by: context.principal)
        let json = DedupController.withWarnings(record.json, duplicates)
        if let key {
            let response = StoredResponse(
                key: key, actor: context.principal.id, requestHash: hash, status: 201,
                body: json.serialized(), createdAt: services.records.environment.now())
            try? await services.store.write { try await $0.saveResponse(response) }
        }
        var headers = HTTPFields()
        headers[.location] = "/api/v1/\(schema.plural)/\(record.id)"
        if !duplicates.isEmpty { headers[DedupController.duplicateHeader] = duplicates.map(\.id).joined(separator: ", ") }
        return Reply.json(json, status: .created, headers: headers)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        var request = request
        let pairs = try await request.jsonObject(limit: maxBodyBytes)
        let record = try await services.records.update(schema, id: id, .object(pairs), by: context.principal)
        return Reply.json(record.json)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        try await services.records.delete(schema, id: id, by: context.principal)
        return Response(status: .noContent)
    }

    static func object(from buffer: ByteBuffer) throws -> [(String, JSONValue)] {
        guard buffer.readableBytes > 0 else {
            throw Problem(.badRequest, code: "malformed_json", detail: "the request body is empty; send a JSON object")
        }
        let json = try JSONValue.parse(Data(buffer.readableBytesView))
        guard case .object(let pairs) = json else {
            throw Problem(.badRequest, code: "malformed_json", detail: "the request body must be a JSON object, got \(json.kindName)")
        }
        return pairs
    }
}
