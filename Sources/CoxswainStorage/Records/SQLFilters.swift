import CoxswainDomain
import CoxswainServices
import Foundation
import SQLKit

/// Turns ``ListFilter``s into SQL predicates (portable: `LOWER(col) LIKE` for case-insensitive contains).
enum SQLFilters {
    static func apply(_ filters: [ListFilter], schema: EntitySchema, to select: SQLSelectBuilder) throws -> SQLSelectBuilder {
        var select = select
        for filter in filters {
            guard let spec = schema.field(filter.field) else { throw StoreError.invalidQuery("\(schema.name) has no field \(filter.field)") }
            let column = SQLIdentifier(ColumnCodec.column(spec))
            let probe = Record(schema: schema)
            func bind(_ v: FieldValue) -> any SQLExpression { ColumnCodec.bind(v, spec, in: probe) }
            switch filter.op {
            case .eq: select = select.where(column, .equal, bind(filter.values[0]))
            case .ne: select = select.where(SQLQueryString("(\(column) IS NULL OR \(column) <> \(bind(filter.values[0])))"))
            case .lt: select = select.where(column, .lessThan, bind(filter.values[0]))
            case .lte: select = select.where(column, .lessThanOrEqual, bind(filter.values[0]))
            case .gt: select = select.where(column, .greaterThan, bind(filter.values[0]))
            case .gte: select = select.where(column, .greaterThanOrEqual, bind(filter.values[0]))
            case .in:
                if filter.values.isEmpty {
                    select = select.where(SQLRaw("1 = 0"))
                } else {
                    select = select.where(column, .in, SQLGroupExpression(filter.values.map { bind($0) }))
                }
            case .contains:
                let needle = (filter.values.first?.csvText ?? "").lowercased()
                select = select.where(SQLFunction("LOWER", args: column), .like, SQLBind("%" + needle + "%"))
            case .isNull:
                let wantNull = filter.values.first?.bool ?? true
                select = select.where(SQLQueryString("\(column) IS \(unsafeRaw: wantNull ? "NULL" : "NOT NULL")"))
            }
        }
        return select
    }
}

/// Keyset pagination state: the sort value and id of the last row served, encoded as URL-safe base64 JSON.
struct PageCursor: Codable {
    enum Value: Codable, Equatable {
        case null, text(String), int(Int64), bool(Bool)

        init(_ raw: any Encodable & Sendable) {
            switch raw {
            case let s as String: self = .text(s)
            case let i as Int64: self = .int(i)
            case let b as Bool: self = .bool(b)
            case let o as String?: self = o.map(Value.text) ?? .null
            case let o as Int64?: self = o.map(Value.int) ?? .null
            case let o as Bool?: self = o.map(Value.bool) ?? .null
            default: self = .null
            }
        }

        var bind: SQLBind {
            switch self {
            case .null: SQLBind(String?.none)
            case .text(let s): SQLBind(s)
            case .int(let i): SQLBind(i)
            case .bool(let b): SQLBind(b)
            }
        }
    }

    var sort: String
    var descending: Bool
    var value: Value
    var id: String

    init(sort: String, descending: Bool, value: Value, id: String) {
        self.sort = sort
        self.descending = descending
        self.value = value
        self.id = id
    }

    init?(encoded: String) {
        var b64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        guard let data = Data(base64Encoded: b64), let c = try? JSONDecoder().decode(PageCursor.self, from: data) else { return nil }
        self = c
    }

    var encoded: String {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Rows strictly after this cursor in the order `(col IS NULL), col, id` (ascending or descending).
    func condition(column: String) -> any SQLExpression {
        let col = SQLIdentifier(column)
        let idCol = SQLIdentifier("id")
        let cmp = descending ? "<" : ">"
        if value == .null {
            return SQLQueryString("(\(col) IS NULL AND \(idCol) \(unsafeRaw: cmp) \(SQLBind(id)))")
        }
        if column == "id" {
            return SQLQueryString("(\(idCol) \(unsafeRaw: cmp) \(SQLBind(id)))")
        }
        return SQLQueryString(
            "((\(col) \(unsafeRaw: cmp) \(value.bind) OR (\(col) = \(value.bind) AND \(idCol) \(unsafeRaw: cmp) \(SQLBind(id)))) OR \(col) IS NULL)")
    }
}
