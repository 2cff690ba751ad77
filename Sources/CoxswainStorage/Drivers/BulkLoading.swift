import CoxswainServices

/// A database handle with a faster path for ``BulkInsert``s than SQLKit's generic inserts (a capability, so
/// the store never branches on the engine's name).
protocol BulkLoading: Sendable {
    /// Writes `batch` in one transaction; returns false, having done nothing, when the fast path is unavailable
    /// for this database (the caller then uses the portable path).
    func insertBulk(_ batch: BulkInsert) async throws -> Bool
}
