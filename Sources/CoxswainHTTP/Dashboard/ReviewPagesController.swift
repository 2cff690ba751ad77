import CoxswainDomain
import CoxswainServices
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The duplicate review queue (`/review`): open candidate clusters side by side with field-level differences
/// and match explanations, a merge form (survivor and per-field picks), dismissal, and undo on recent merges.
/// Plain HTML forms (POST, then 303 back to the queue with a notice); each form carries a `csrf_token` field.
struct ReviewPagesController: Sendable {
    let dashboard: DashboardController
    var services: AppServices { dashboard.services }

    func register(on router: Router<AppRequestContext>, table: RouteTable) {
        table.on(router, .get, "/review", page)
        table.on(router, .post, "/review/jobs", startJob)
        table.on(router, .post, "/review/candidates/:id/merge", merge)
        table.on(router, .post, "/review/candidates/:id/dismiss", dismiss)
        table.on(router, .post, "/review/merges/:id/undo", undo)
    }

    /// Fields shown in the side-by-side table.
    static let fields = [
        "first_name", "last_name", "email", "phone", "company", "title", "website", "city", "state", "postcode", "country", "source", "status",
    ]

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        try AccessRules.require(.dedupe, context.principal)
        let matching = services.leadMatching
        let settings = try await services.store.read { try await OrgSettings.load(from: $0) }
        let open = try await matching.jobs.candidates(jobID: nil, status: "open", limit: 25, as: context.principal)
        var clusters: [[String: Any]] = []
        for c in open.records {
            let json = try await DedupController(services: services, maxBodyBytes: 0).candidateJSON(c)
            let records = json["records"]?.arrayItems ?? []
            let present = records.compactMap { r -> JSONValue? in if case .null = r { nil } else { r } }
            guard present.count >= 2 else { continue }
            let ids = present.map { $0["id"]?.text ?? "" }
            let rows: [[String: Any]] = Self.fields.map { field -> [String: Any] in
                let values = present.map { $0[field]?.text ?? "" }
                let differs = Set(values).count > 1
                return [
                    "field": field, "differs": differs,
                    "cells": values.enumerated().map { i, v -> [String: Any] in ["value": v, "recordID": ids[i], "checked": i == 0, "field": field] },
                ]
            }
            let pairs: [[String: Any]] = (json["pairs"]?.arrayItems ?? []).map { p -> [String: Any] in
                [
                    "a": p["a"]?.text ?? "", "b": p["b"]?.text ?? "", "probability": p["probability"]?.text ?? "",
                    "fields": (p["fields"]?.arrayItems ?? []).map { f in
                        "\(f["field"]?.text ?? ""): \(f["level"]?.text ?? "") (\(f["weight"]?.text ?? ""))"
                    }
                    .joined(separator: " · "),
                ]
            }
            clusters.append([
                "id": c.id, "score": c["score"].csvText, "size": ids.count,
                "ids": ids.enumerated().map { i, id -> [String: Any] in ["id": id, "first": i == 0] }, "rows": rows,
                "pairs": pairs,
            ])
        }
        let recent = try await matching.merges.list(limit: 15, as: context.principal).merges.map { m -> [String: Any] in
            [
                "id": m.id, "survivor": m.event.survivorID, "merged": m.event.mergedIDs.joined(separator: ", "), "at": Timestamp.iso8601(m.at),
                "actor": m.actor, "undone": m.undoneAt != nil,
            ]
        }
        let mode = try await matching.duplicates.settings().mode.rawValue
        let page: [String: Any] = [
            "title": "Duplicate review", "orgName": settings.name, "navReview": true, "asOf": Timestamp.iso8601(services.records.environment.now()),
            "quarter": "", "clusters": clusters, "empty": clusters.isEmpty, "merges": recent, "mode": mode,
            "notice": request.uri.queryParameters["notice"].map(String.init) ?? "",
        ]
        return try dashboard.render("review", page, context: context)
    }

    @Sendable func startJob(_ request: Request, context: AppRequestContext) async throws -> Response {
        try AccessRules.require(.dedupe, context.principal)
        let form = try await Self.form(request)
        let schema = form["entity"].flatMap { EntityCatalog.schema(named: $0) } ?? Lead.schema
        guard DedupJobService.entities.contains(where: { $0 === schema }) else { return Self.back("Only leads and contacts can be de-duplicated.") }
        let job = try await services.leadMatching.jobs.start(schema, by: context.principal)
        return Self.back("De-duplication job \(job.id) started; reload in a moment.")
    }

    @Sendable func merge(_ request: Request, context: AppRequestContext) async throws -> Response {
        try AccessRules.require(.dedupe, context.principal)
        let id = try context.parameters.require("id")
        let form = try await Self.form(request)
        var policy = SurvivorshipPolicy()
        for (key, value) in form where key.hasPrefix("pick.") { policy.fields[String(key.dropFirst(5))] = .pin(recordID: value) }
        do {
            let merge = try await services.leadMatching.jobs.mergeCandidate(
                id, survivorID: form["survivor_id"], policy: policy, by: context.principal)
            return Self.back("Merged into \(merge.event.survivorID) (merge \(merge.id)).")
        } catch let error as MergeError {
            return Self.back(error.description)
        }
    }

    @Sendable func dismiss(_ request: Request, context: AppRequestContext) async throws -> Response {
        try AccessRules.require(.dedupe, context.principal)
        _ = try await services.leadMatching.jobs.dismiss(try context.parameters.require("id"), by: context.principal)
        return Self.back("Candidate dismissed.")
    }

    @Sendable func undo(_ request: Request, context: AppRequestContext) async throws -> Response {
        try AccessRules.require(.dedupe, context.principal)
        let id = try context.parameters.require("id")
        do {
            _ = try await services.leadMatching.merges.unmerge(id, by: context.principal)
            return Self.back("Merge \(id) undone.")
        } catch let error as MergeUndoConflict {
            return Self.back(error.description)
        } catch let error as MergeError {
            return Self.back(error.description)
        }
    }

    /// 303 back to the queue with a notice.
    static func back(_ notice: String) -> Response {
        let encoded = notice.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return Response(status: .seeOther, headers: [.location: "/review?notice=\(encoded)"])
    }

    /// An `application/x-www-form-urlencoded` body as a dictionary (last value wins).
    static func form(_ request: Request) async throws -> [String: String] {
        var request = request
        let buffer = try await request.collectBody(upTo: 64 * 1024)
        var out: [String: String] = [:]
        for pair in String(buffer: buffer).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            if let key = parts.first, !key.isEmpty { out[key] = parts.count > 1 ? parts[1] : "" }
        }
        return out
    }
}

extension JSONValue {
    /// Items of an array (empty otherwise).
    var arrayItems: [JSONValue] { if case .array(let a) = self { a } else { [] } }
    /// Scalar as display text (nil for null, arrays and objects).
    var text: String? {
        switch self {
        case .string(let s): s
        case .number(let n): n.description
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }
}
