import Foundation

/// Why a merge request cannot be carried out (nothing is changed).
public enum MergeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A merge needs at least one duplicate besides the survivor.
    case noDuplicates(survivorID: String)
    /// The same record was named twice (or the survivor also as a duplicate).
    case repeatedRecord(id: String)
    /// The records are of different entities.
    case mixedEntities(expected: String, got: String, id: String)
    /// A policy names a field the entity does not have.
    case unknownField(entity: String, field: String)
    /// A manual pin names a record that is not part of the merge.
    case pinOutsideGroup(field: String, recordID: String)
    /// The record was already merged away into `survivorID` by merge `mergeID`.
    case alreadyMerged(id: String, survivorID: String, mergeID: String)
    /// The merge event was already undone.
    case alreadyUndone(mergeID: String)
    /// A review candidate was already merged or dismissed.
    case candidateClosed(id: String, status: String)

    public var description: String {
        switch self {
        case .noDuplicates(let id): "merging \(id) needs at least one duplicate"
        case .repeatedRecord(let id): "record \(id) is named more than once in the merge"
        case .mixedEntities(let expected, let got, let id): "record \(id) is a \(got), not a \(expected)"
        case .unknownField(let entity, let field): "\(entity) has no field \(field) to choose a surviving value for"
        case .pinOutsideGroup(let field, let id): "\(field) is pinned to record \(id), which is not part of the merge"
        case .alreadyMerged(let id, let survivor, let merge): "record \(id) was already merged into \(survivor) (merge \(merge))"
        case .alreadyUndone(let merge): "merge \(merge) was already undone"
        case .candidateClosed(let id, let status): "candidate \(id) is already \(status)"
        }
    }
}

/// Why a merge cannot be undone any more: the records it touched changed since, and restoring the
/// before-images would silently throw those changes away. Each conflict names the record and field.
public struct MergeUndoConflict: Error, Sendable, Hashable, CustomStringConvertible {
    /// One reason.
    public enum Reason: Sendable, Hashable {
        /// The survivor was deleted after the merge.
        case survivorMissing(id: String)
        /// The survivor was edited after the merge: these fields differ from the merged values.
        case survivorChanged(id: String, fields: [String])
        /// A re-parented record was deleted after the merge.
        case linkMissing(entity: String, id: String)
        /// A re-parented record's link now points elsewhere.
        case linkMoved(entity: String, id: String, field: String, now: String?)
    }

    public var mergeID: String
    public var reasons: [Reason]

    public init(mergeID: String, reasons: [Reason]) {
        self.mergeID = mergeID
        self.reasons = reasons
    }

    public var description: String {
        "merge \(mergeID) cannot be undone: "
            + reasons.map { reason in
                switch reason {
                case .survivorMissing(let id): "the surviving record \(id) was deleted"
                case .survivorChanged(let id, let fields):
                    "the surviving record \(id) was edited after the merge (\(fields.joined(separator: ", "))); revert those edits or undo later merges first"
                case .linkMissing(let entity, let id): "\(entity) \(id) was deleted after the merge"
                case .linkMoved(let entity, let id, let field, let now): "\(entity) \(id).\(field) now points to \(now ?? "nothing")"
                }
            }.joined(separator: "; ")
    }
}
