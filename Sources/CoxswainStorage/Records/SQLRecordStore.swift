import CoxswainDomain
import CoxswainServices
import Foundation
import SQLKit

/// The one SQL implementation of ``RecordStore``: the same code runs on SQLite and PostgreSQL.
///
/// Per-entity repositories (`LeadSQLRepository`, …) are this store viewed through an entity's schema;
/// see ``EntityRepository`` in CoxswainServices.
public struct SQLRecordStore: RecordStore {
    public let handle: any DatabaseHandle

    public init(handle: any DatabaseHandle) { self.handle = handle }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any RecordReading) async throws -> T) async throws -> T {
        try await handle.withReader { db in try await body(SQLRecordSession(db: db)) }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any RecordWriting) async throws -> T) async throws -> T {
        do {
            return try await handle.withTransaction { db in try await body(SQLRecordSession(db: db)) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreErrorMapper.map(error)
        }
    }

    /// Uses the handle's ``BulkLoading`` fast path when it has one, else the portable inserts.
    public func insertBulk(_ batch: BulkInsert) async throws {
        guard !batch.records.isEmpty || !batch.audit.isEmpty else { return }
        do {
            if let loader = handle as? any BulkLoading, try await loader.insertBulk(batch) { return }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreErrorMapper.map(error)
        }
        try await insertBulkPortably(batch)
    }

    public func close() async throws { try await handle.close() }
}

/// Reads and writes on one connection (inside a transaction for writes).
struct SQLRecordSession: RecordWriting {
    let db: any SQLDatabase

    static let bindLimit = 30_000

    func get(_ schema: EntitySchema, id: String) async throws -> Record? {
        guard let row = try await db.select().column("*").from(schema.table).where("id", .equal, SQLBind(id)).first() else {
            return nil
        }
        return try ColumnCodec.decode(row, schema: schema)
    }

    func list(_ schema: EntitySchema, _ query: ListQuery) async throws -> RecordPage {
        guard let sortSpec = schema.field(query.sort) else { throw StoreError.invalidQuery("cannot sort by \(query.sort)") }
        let sortColumn = ColumnCodec.column(sortSpec)
        var select = db.select().column("*").from(schema.table)
        select = try SQLFilters.apply(query.filters, schema: schema, to: select)
        if let cursorText = query.cursor {
            guard let cursor = PageCursor(encoded: cursorText), cursor.sort == query.sort, cursor.descending == query.descending else {
                throw StoreError.invalidQuery("the cursor does not belong to this query; start again without it")
            }
            select = select.where(cursor.condition(column: sortColumn))
        }
        let nullsLast = SQLRaw("CASE WHEN \(sortColumn) IS NULL THEN 1 ELSE 0 END")
        let direction: SQLDirection = query.descending ? .descending : .ascending
        select = select.orderBy(SQLOrderBy(expression: nullsLast, direction: SQLDirection.ascending))
            .orderBy(SQLOrderBy(expression: SQLIdentifier(sortColumn), direction: direction))
        if sortColumn != "id" { select = select.orderBy(SQLOrderBy(expression: SQLIdentifier("id"), direction: direction)) }
        let rows = try await select.limit(query.limit + 1).all()
        var records = try rows.prefix(query.limit).map { try ColumnCodec.decode($0, schema: schema) }
        var next: String?
        if rows.count > query.limit, let last = records.last {
            let raw = ColumnCodec.value(last[sortSpec.name], sortSpec, in: last)
            next = PageCursor(sort: query.sort, descending: query.descending, value: raw.map(PageCursor.Value.init) ?? .null, id: last.id).encoded
        }
        records = Array(records)
        return RecordPage(records: records, nextCursor: next)
    }

    func count(_ schema: EntitySchema, filters: [ListFilter]) async throws -> Int {
        var select = db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(schema.table)
        select = try SQLFilters.apply(filters, schema: schema, to: select)
        guard let row = try await select.first() else { return 0 }
        return Int(try row.decode(column: "n", as: Int64.self))
    }

    func scan(
        _ schema: EntitySchema, filters: [ListFilter], batchSize: Int,
        _ body: @escaping @Sendable ([Record]) async throws -> Void
    ) async throws {
        var lastID: String?
        while true {
            var select = db.select().column("*").from(schema.table)
            select = try SQLFilters.apply(filters, schema: schema, to: select)
            if let lastID { select = select.where("id", .greaterThan, SQLBind(lastID)) }
            let rows = try await select.orderBy("id").limit(batchSize).all()
            if rows.isEmpty { return }
            let records = try rows.map { try ColumnCodec.decode($0, schema: schema) }
            lastID = records.last?.id
            try await body(records)
            if rows.count < batchSize { return }
        }
    }

    func lookup(_ schema: EntitySchema, field: String, values: [String]) async throws -> [String: String] {
        guard let spec = schema.field(field) else { throw StoreError.invalidQuery("\(schema.name) has no field \(field)") }
        let column = ColumnCodec.column(spec)
        var result: [String: String] = [:]
        let unique = Array(Set(values))
        var start = 0
        while start < unique.count {
            let chunk = Array(unique[start..<min(start + 500, unique.count)])
            start += 500
            let rows = try await db.select().column("id").column(SQLIdentifier(column), as: "k").from(schema.table)
                .where(SQLIdentifier(column), .in, SQLBind.group(chunk)).all()
            for row in rows {
                result[try row.decode(column: "k", as: String.self)] = try row.decode(column: "id", as: String.self)
            }
        }
        return result
    }

    func aggregate(_ schema: EntitySchema, groupBy: String?, sumField: String?, filters: [ListFilter]) async throws -> [AggregateRow] {
        var select = db.select()
        var groupColumn: String?
        if let groupBy {
            guard let spec = schema.field(groupBy) else { throw StoreError.invalidQuery("cannot group by \(groupBy)") }
            groupColumn = ColumnCodec.column(spec)
            select = select.column(SQLIdentifier(groupColumn!), as: "k")
        }
        select = select.column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
        if let sumField {
            guard let spec = schema.field(sumField) else { throw StoreError.invalidQuery("cannot sum \(sumField)") }
            select = select.column(SQLRaw("CAST(COALESCE(SUM(\(ColumnCodec.column(spec))), 0) AS BIGINT)"), as: "s")
        }
        select = select.from(schema.table)
        select = try SQLFilters.apply(filters, schema: schema, to: select)
        if let groupColumn { select = select.groupBy(SQLIdentifier(groupColumn)) }
        return try await select.all().map { row in
            AggregateRow(
                key: groupColumn == nil ? nil : try row.decodeNil(column: "k") ? nil : try Self.textish(row, "k"),
                count: Int(try row.decode(column: "n", as: Int64.self)),
                sum: sumField == nil ? 0 : try row.decode(column: "s", as: Int64.self))
        }
    }

    /// Group keys may be text, integers or booleans; present them as text.
    private static func textish(_ row: any SQLRow, _ column: String) throws -> String {
        if let s = try? row.decode(column: column, as: String.self) { return s }
        if let i = try? row.decode(column: column, as: Int64.self) { return String(i) }
        return String(try row.decode(column: column, as: Bool.self))
    }
}
