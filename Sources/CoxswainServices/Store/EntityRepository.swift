import CoxswainDomain
import Foundation

/// A typed repository for one entity over any ``RecordStore`` — what engines use to load and save
/// `Lead`s, `Opportunity`s … without touching records. Storage provides `LeadSQLRepository` etc. as this
/// type over the SQL store; tests can use it over any store.
///
/// ```swift
/// let leads = EntityRepository<Lead>(store: store)
/// let open = try await leads.list(ListQuery(filters: [.eq("status", .text("working"))]))
/// ```
public struct EntityRepository<E: Entity>: Sendable {
    public let store: any RecordStore

    public init(store: any RecordStore) { self.store = store }

    /// The entity with `id`, or nil.
    public func get(_ id: String) async throws -> E? {
        try await store.read { try await $0.get(E.schema, id: id) }.map(E.init(record:))
    }

    /// One page of entities.
    public func list(_ query: ListQuery = ListQuery()) async throws -> (items: [E], nextCursor: String?) {
        let page = try await store.read { try await $0.list(E.schema, query) }
        return (page.records.map(E.init(record:)), page.nextCursor)
    }

    /// Every entity matching `filters`, in id order (streams in batches; mind the size of what you ask for).
    public func all(filters: [ListFilter] = []) async throws -> [E] {
        let collector = Collector<E>()
        try await store.read { r in
            try await r.scan(E.schema, filters: filters, batchSize: 5000) { records in collector.add(records.map(E.init(record:))) }
        }
        return collector.items
    }

    /// Number of entities matching `filters`.
    public func count(filters: [ListFilter] = []) async throws -> Int {
        try await store.read { try await $0.count(E.schema, filters: filters) }
    }
}

private final class Collector<E: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [E] = []
    func add(_ more: [E]) {
        lock.lock()
        storage += more
        lock.unlock()
    }
    var items: [E] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
