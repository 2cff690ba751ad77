import CoxswainDomain
import CoxswainServices
import HTTPTypes

extension MergeError {
    /// Every merge refusal is a conflict with the current state (409), except malformed requests (422).
    var status: HTTPResponse.Status {
        switch self {
        case .alreadyMerged, .alreadyUndone, .candidateClosed: .conflict
        case .noDuplicates, .repeatedRecord, .mixedEntities, .unknownField, .pinOutsideGroup: .unprocessableContent
        }
    }

    /// Stable problem code.
    var code: String {
        switch self {
        case .alreadyMerged: "already_merged"
        case .alreadyUndone: "already_undone"
        case .candidateClosed: "candidate_closed"
        case .noDuplicates: "no_duplicates"
        case .repeatedRecord: "repeated_record"
        case .mixedEntities: "mixed_entities"
        case .unknownField: "unknown_field"
        case .pinOutsideGroup: "pin_outside_group"
        }
    }
}

extension MergeUndoConflict {
    /// One issue per conflicting record/field.
    var issues: [FieldIssue] {
        reasons.map { reason in
            switch reason {
            case .survivorMissing(let id): FieldIssue(code: "survivor_missing", field: "", message: "survivor \(id) was deleted")
            case .survivorChanged(let id, let fields):
                FieldIssue(code: "survivor_changed", field: fields.first ?? "", message: "survivor \(id) changed: \(fields.joined(separator: ", "))")
            case .linkMissing(let entity, let id): FieldIssue(code: "link_missing", field: "", message: "\(entity) \(id) was deleted")
            case .linkMoved(let entity, let id, let field, let now):
                FieldIssue(code: "link_moved", field: field, message: "\(entity) \(id) now points to \(now ?? "nothing")")
            }
        }
    }
}
