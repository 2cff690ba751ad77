import Foundation

/// Where a surviving value came from and why.
public struct FieldProvenance: Hashable, Sendable {
    /// Why the value won.
    public enum Reason: String, Hashable, Sendable, CaseIterable {
        /// System field kept from the survivor (`id`, `external_id`, `created_at`) or set by the merge (`updated_at`).
        case system
        /// The survivor's own value (rule `survivor_first`).
        case survivor
        /// The survivor had none; the first duplicate with a value filled it (rule `survivor_first`).
        case filledGap = "filled_gap"
        case mostRecent = "most_recent"
        case mostComplete = "most_complete"
        case sourcePriority = "source_priority"
        case longest
        /// A manual pick.
        case pinned
        /// The currency of a money amount follows the amount's record.
        case followsAmount = "follows_amount"
        /// No record had a value.
        case allEmpty = "all_empty"
    }

    /// Field name, or `custom_fields.<key>`.
    public var field: String
    /// The record the value came from.
    public var recordID: String
    public var reason: Reason
    /// The surviving value.
    public var value: FieldValue

    public init(field: String, recordID: String, reason: Reason, value: FieldValue) {
        self.field = field
        self.recordID = recordID
        self.reason = reason
        self.value = value
    }
}

/// One record of another entity whose reference to a merged-away record was moved to the survivor.
public struct LinkChange: Hashable, Sendable {
    /// The record before the merge, exactly as stored.
    public var before: Record
    /// The record after re-parenting.
    public var after: Record
    /// The reference fields that changed (e.g. `lead_id`).
    public var fields: [String]

    public init(before: Record, after: Record, fields: [String]) {
        self.before = before
        self.after = after
        self.fields = fields
    }
}

/// A reversible merge: everything needed to carry it out and to undo it exactly.
///
/// ``before`` holds full snapshots of the survivor (first) and every merged-away record; ``links`` the full
/// before/after images of every re-parented record. Undo (``LeadMerger/reversal(of:mergeID:currentSurvivor:currentLinks:asOf:)``)
/// writes the before-images back.
public struct MergeEvent: Hashable, Sendable {
    /// Entity name (`lead`, `contact`).
    public var entity: String
    public var survivorID: String
    /// Ids of the merged-away records, in the order given.
    public var mergedIDs: [String]
    /// Snapshots before the merge: survivor first, then each merged-away record.
    public var before: [Record]
    /// The survivor after the merge.
    public var after: Record
    public var links: [LinkChange]
    /// One entry per field of the merged record (custom fields one per key).
    public var provenance: [FieldProvenance]
    public var policy: SurvivorshipPolicy
    /// When the merge happened.
    public var at: Date

    public init(
        entity: String, survivorID: String, mergedIDs: [String], before: [Record], after: Record, links: [LinkChange],
        provenance: [FieldProvenance], policy: SurvivorshipPolicy, at: Date
    ) {
        self.entity = entity
        self.survivorID = survivorID
        self.mergedIDs = mergedIDs
        self.before = before
        self.after = after
        self.links = links
        self.provenance = provenance
        self.policy = policy
        self.at = at
    }
}

/// What undoing a merge writes.
public struct MergeReversal: Hashable, Sendable {
    /// The survivor as it was before the merge.
    public var survivor: Record
    /// The merged-away records, to insert again exactly as they were.
    public var restored: [Record]
    /// Re-parented records with their links pointed back (the full before-image when the record was not
    /// touched since; otherwise only the link fields are restored, keeping later edits).
    public var links: [Record]
}
