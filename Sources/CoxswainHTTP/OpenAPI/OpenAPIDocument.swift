import CoxswainDomain
import Foundation

/// Builds the OpenAPI 3.1 document from the entity schemas — the same declarations that validate requests —
/// so the document cannot drift from the behaviour.
enum OpenAPIDocument {
    static func build(routes: [RouteTable.Entry]) -> JSONValue {
        var paths: [(String, [(String, JSONValue)])] = []
        func add(_ path: String, _ method: String, _ op: JSONValue) {
            if let i = paths.firstIndex(where: { $0.0 == path }) { paths[i].1.append((method, op)) } else { paths.append((path, [(method, op)])) }
        }
        for schema in EntityCatalog.all {
            let base = "/api/v1/\(schema.plural)"
            let name = typeName(schema)
            add(
                base, "get",
                operation(
                    "list\(name)s", "List \(schema.plural)", tag: schema.plural,
                    parameters: listParameters(schema),
                    responses: [
                        (
                            "200",
                            response(
                                "A page of \(schema.plural)",
                                .object([
                                    ("type", .string("object")), ("required", .array([.string("data"), .string("next_cursor")])),
                                    (
                                        "properties",
                                        .object([
                                            ("data", .object([("type", .string("array")), ("items", ref(name))])),
                                            ("next_cursor", .object([("type", .array([.string("string"), .string("null")]))])),
                                        ])
                                    ),
                                ]))
                        )
                    ] + problems(["400"])))
            add(
                base, "post",
                operation(
                    "create\(name)", "Create a \(schema.name)", tag: schema.plural,
                    parameters: [
                        .object([
                            ("name", .string("Idempotency-Key")), ("in", .string("header")), ("required", .bool(false)),
                            ("schema", .object([("type", .string("string")), ("maxLength", .number(255))])),
                        ])
                    ],
                    body: ref(name + "Input"),
                    responses: [("201", response("Created", ref(name)))] + problems(["400", "409", "413", "422"])))
            let idParam: JSONValue = .object([
                ("name", .string("id")), ("in", .string("path")), ("required", .bool(true)),
                ("schema", .object([("type", .string("string"))])),
            ])
            add(
                base + "/{id}", "get",
                operation(
                    "get\(name)", "Get a \(schema.name)", tag: schema.plural, parameters: [idParam],
                    responses: [("200", response("The \(schema.name)", ref(name)))] + problems(["404"])))
            add(
                base + "/{id}", "patch",
                operation(
                    "update\(name)", "Change fields of a \(schema.name)", tag: schema.plural,
                    parameters: [idParam], body: ref(name + "Input"),
                    responses: [("200", response("Updated", ref(name)))] + problems(["400", "404", "409", "413", "422"])))
            add(
                base + "/{id}", "delete",
                operation(
                    "delete\(name)", "Delete a \(schema.name)", tag: schema.plural, parameters: [idParam],
                    responses: [("204", .object([("description", .string("Deleted"))]))] + problems(["404", "409"])))
        }
        let free: JSONValue = .object([("type", .string("object"))])
        add(
            "/health", "get",
            operation(
                "health", "Liveness and database check", tag: "system",
                responses: [("200", response("Healthy", free)), ("503", response("Database unavailable", free))]))
        add(
            "/api/v1/settings", "get",
            operation(
                "getSettings", "Organisation settings", tag: "system",
                responses: [("200", response("Settings", ref("Settings")))]))
        add(
            "/api/v1/settings", "patch",
            operation(
                "updateSettings", "Change organisation settings", tag: "system",
                body: ref("Settings"), responses: [("200", response("Settings", ref("Settings")))] + problems(["400", "422"])))
        add(
            "/api/v1/audit", "get",
            operation(
                "listAudit", "Query the audit log (newest first)", tag: "system",
                parameters: ["entity", "record_id", "actor", "from", "to", "limit", "before"].map { queryParam($0, "string") },
                responses: [("200", response("Audit entries", free))] + problems(["400"])))
        add(
            "/api/v1/opportunities/{id}/history", "get",
            operation(
                "getOpportunityHistory", "Stage and field history of an opportunity", tag: "opportunities",
                parameters: [
                    .object([
                        ("name", .string("id")), ("in", .string("path")), ("required", .bool(true)),
                        ("schema", .object([("type", .string("string"))])),
                    ])
                ],
                responses: [("200", response("History", free))] + problems(["404"])))
        for (path, method, op) in matchingOperations() { add(path, method, op) }
        add("/openapi.json", "get", operation("openAPI", "This document", tag: "system", responses: [("200", response("OpenAPI 3.1", free))]))
        add(
            "/", "get",
            operation(
                "dashboardHome", "Dashboard home page (HTML)", tag: "dashboard",
                responses: [
                    (
                        "200",
                        .object([
                            ("description", .string("HTML page")),
                            ("content", .object([("text/html", .object([("schema", .object([("type", .string("string"))]))]))])),
                        ])
                    )
                ]))
        addAccessPaths(add)
        for (path, method, op) in analyticsOperations() { add(path, method, op) }
        _ = routes
        var schemas: [(String, JSONValue)] = []
        for schema in EntityCatalog.all {
            schemas.append((typeName(schema), entitySchema(schema, input: false)))
            schemas.append((typeName(schema) + "Input", entitySchema(schema, input: true)))
        }
        schemas.append(("Problem", problemSchema))
        schemas.append(
            (
                "Settings",
                .object([
                    ("type", .string("object")),
                    (
                        "properties",
                        .object([
                            ("name", .object([("type", .string("string"))])), ("default_currency", .object([("type", .string("string"))])),
                            ("fiscal_year_start_month", .object([("type", .string("integer")), ("minimum", .number(1)), ("maximum", .number(12))])),
                            (
                                "fiscal_year_naming",
                                .object([("type", .string("string")), ("enum", .array([.string("ending_year"), .string("starting_year")]))])
                            ),
                            ("time_zone", .object([("type", .string("string"))])),
                        ])
                    ),
                ])
            ))
        return .object([
            ("openapi", .string("3.1.0")),
            (
                "info",
                .object([
                    ("title", .string("Coxswain API")), ("version", .string("1.0.0")),
                    ("description", .string("Sales-operations engine: CRM records, validation, audit.")),
                ])
            ),
            ("paths", .object(paths.map { ($0.0, .object($0.1)) })),
            ("security", .array([.object([("bearerToken", .array([]))]), .object([("sessionCookie", .array([]))])])),
            ("components", .object([("schemas", .object(schemas)), ("securitySchemes", securitySchemes)])),
        ])
    }

    static func typeName(_ schema: EntitySchema) -> String {
        schema.name.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func ref(_ name: String) -> JSONValue { .object([("$ref", .string("#/components/schemas/\(name)"))]) }

    static func response(_ description: String, _ schema: JSONValue, type: String = "application/json") -> JSONValue {
        .object([("description", .string(description)), ("content", .object([(type, .object([("schema", schema)]))]))])
    }

    static func problems(_ codes: [String]) -> [(String, JSONValue)] {
        codes.map { ($0, response("Problem", ref("Problem"), type: "application/problem+json")) }
    }

    static func queryParam(_ name: String, _ type: String) -> JSONValue {
        .object([("name", .string(name)), ("in", .string("query")), ("required", .bool(false)), ("schema", .object([("type", .string(type))]))])
    }

    static func listParameters(_ schema: EntitySchema) -> [JSONValue] {
        [queryParam("limit", "integer"), queryParam("cursor", "string"), queryParam("sort", "string"), queryParam("format", "string")]
            + schema.filterableFields.map { queryParam($0, "string") }
    }

    static func operation(
        _ id: String, _ summary: String, tag: String, parameters: [JSONValue] = [], body: JSONValue? = nil,
        responses: [(String, JSONValue)]
    ) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("operationId", .string(id)), ("summary", .string(summary)), ("tags", .array([.string(tag)]))]
        if !parameters.isEmpty { pairs.append(("parameters", .array(parameters))) }
        if let body {
            pairs.append(
                (
                    "requestBody",
                    .object([
                        ("required", .bool(true)),
                        ("content", .object([("application/json", .object([("schema", body)]))])),
                    ])
                ))
        }
        pairs.append(("responses", .object(responses)))
        return .object(pairs)
    }

    static func entitySchema(_ schema: EntitySchema, input: Bool) -> JSONValue {
        var properties: [(String, JSONValue)] = []
        var required: [JSONValue] = []
        for spec in schema.fields {
            if input && spec.access == .system { continue }
            var p = propertySchema(spec.kind)
            if !spec.doc.isEmpty { p.append(("description", .string(spec.doc))) }
            if spec.access == .system { p.append(("readOnly", .bool(true))) }
            properties.append((spec.name, .object(p)))
            if !input || spec.required && spec.defaultValue == nil { if spec.required || !input { required.append(.string(spec.name)) } }
        }
        var pairs: [(String, JSONValue)] = [("type", .string("object")), ("properties", .object(properties))]
        if input { pairs.append(("additionalProperties", .bool(false))) }
        let req =
            input
            ? schema.fields.filter { $0.required && $0.defaultValue == nil && $0.access != .system }.map { JSONValue.string($0.name) } : required
        if !req.isEmpty { pairs.append(("required", .array(req))) }
        return .object(pairs)
    }

    static func propertySchema(_ kind: FieldKind) -> [(String, JSONValue)] {
        func nullable(_ t: String) -> JSONValue { .array([.string(t), .string("null")]) }
        switch kind {
        case .id, .reference, .phone, .timeZone: return [("type", nullable("string"))]
        case .text(let max): return [("type", nullable("string")), ("maxLength", .number(Decimal(max)))]
        case .email: return [("type", nullable("string")), ("format", .string("email"))]
        case .url: return [("type", nullable("string"))]
        case .integer(let lo, let hi):
            var p: [(String, JSONValue)] = [("type", nullable("integer"))]
            if let lo { p.append(("minimum", .number(Decimal(lo)))) }
            if let hi { p.append(("maximum", .number(Decimal(hi)))) }
            return p
        case .decimal: return [("type", nullable("number"))]
        case .money: return [("type", nullable("number")), ("minimum", .number(0))]
        case .currency: return [("type", nullable("string")), ("pattern", .string("^[A-Za-z]{3}$"))]
        case .date: return [("type", nullable("string")), ("format", .string("date"))]
        case .timestamp: return [("type", nullable("string")), ("format", .string("date-time"))]
        case .bool: return [("type", nullable("boolean"))]
        case .choice(let values): return [("type", nullable("string")), ("enum", .array(values.map(JSONValue.string) + [.null]))]
        case .list: return [("type", nullable("array")), ("items", .object([("type", .string("string"))]))]
        case .dateRanges:
            return [
                ("type", nullable("array")),
                (
                    "items",
                    .object([
                        ("type", .string("object")),
                        (
                            "properties",
                            .object([
                                ("start", .object([("type", .string("string")), ("format", .string("date"))])),
                                ("end", .object([("type", .string("string")), ("format", .string("date"))])),
                            ])
                        ),
                    ])
                ),
            ]
        case .timeOfDay: return [("type", nullable("string")), ("pattern", .string("^[0-2][0-9]:[0-5][0-9]$"))]
        case .customFields: return [("type", nullable("object"))]
        }
    }

    static let problemSchema: JSONValue = .object([
        ("type", .string("object")),
        ("required", .array([.string("status"), .string("code"), .string("detail")])),
        (
            "properties",
            .object([
                ("type", .object([("type", .string("string"))])), ("title", .object([("type", .string("string"))])),
                ("status", .object([("type", .string("integer"))])), ("code", .object([("type", .string("string"))])),
                ("detail", .object([("type", .string("string"))])),
                (
                    "errors",
                    .object([
                        ("type", .string("array")),
                        (
                            "items",
                            .object([
                                ("type", .string("object")),
                                (
                                    "properties",
                                    .object([
                                        ("pointer", .object([("type", .string("string"))])), ("code", .object([("type", .string("string"))])),
                                        ("message", .object([("type", .string("string"))])),
                                    ])
                                ),
                            ])
                        ),
                    ])
                ),
            ])
        ),
    ])
}
