import Foundation

extension LeadMerger {
    /// What undoing `event` must write, given the current state of the records it touched.
    ///
    /// Business rules (the undo contract):
    /// - the survivor must still hold exactly the merged values (its `updated_at` may differ); if it was
    ///   edited or deleted since, undo is refused with a ``MergeUndoConflict`` naming the fields — restoring
    ///   the before-image would silently discard that edit. Later merges into the same survivor count as edits:
    ///   undo them first (newest first);
    /// - a re-parented record untouched since the merge gets its exact before-image back; one edited in other
    ///   fields keeps those edits and only gets its link fields pointed back; one deleted, or whose link now
    ///   points elsewhere, is a conflict;
    /// - records the merge did not touch are never written, so unrelated later edits survive any undo.
    ///
    /// Example: merge A←B re-parented activity X (lead_id B→A); later X's subject was edited. Undo writes A's
    /// and B's before-images and sets X.lead_id back to B, keeping the new subject.
    public static func reversal(
        of event: MergeEvent, mergeID: String, currentSurvivor: Record?, currentLinks: [String: Record], asOf: Date
    ) throws(MergeUndoConflict) -> MergeReversal {
        var reasons: [MergeUndoConflict.Reason] = []
        if let current = currentSurvivor {
            let changed = current.changedFields(comparedTo: event.after)
            if !changed.isEmpty { reasons.append(.survivorChanged(id: event.survivorID, fields: changed)) }
        } else {
            reasons.append(.survivorMissing(id: event.survivorID))
        }
        var links: [Record] = []
        for link in event.links {
            let key = link.after.schema.name + "/" + link.after.id
            guard let current = currentLinks[key] else {
                reasons.append(.linkMissing(entity: link.after.schema.name, id: link.after.id))
                continue
            }
            if current == link.after {
                links.append(link.before)
                continue
            }
            var restored = current
            for field in link.fields {
                if current.text(field) != event.survivorID {
                    reasons.append(.linkMoved(entity: current.schema.name, id: current.id, field: field, now: current.text(field)))
                }
                restored[field] = link.before[field]
            }
            if restored.schema.index(of: "updated_at") != nil { restored["updated_at"] = .timestamp(asOf) }
            links.append(restored)
        }
        if !reasons.isEmpty { throw MergeUndoConflict(mergeID: mergeID, reasons: reasons) }
        return MergeReversal(survivor: event.before[0], restored: Array(event.before.dropFirst()), links: links)
    }
}
