import CoxswainDomain
import Foundation
import SQLKit

/// How each ``FieldKind`` is stored: the single place that knows column names and SQL representations.
///
/// Money `amount` is stored as integer minor units in `amount_minor` (1,234.50 USD → 123450); timestamps as
/// UTC epoch milliseconds; dates as `YYYY-MM-DD`; lists, date ranges and custom fields as JSON text.
enum ColumnCodec {
    /// Database column of a field.
    static func column(_ spec: FieldSpec) -> String {
        if case .money = spec.kind { return spec.name + "_minor" }
        return spec.name
    }

    /// The SQL expression storing `value` of `spec` in `record` (the record supplies a money field's currency):
    /// a bound parameter, or the literal `NULL`. Nulls are never bound as Swift optionals — both drivers send
    /// optionals through their slow `Encodable` path, and an untyped `NULL` literal takes the column's type.
    static func bind(_ value: FieldValue, _ spec: FieldSpec, in record: Record) -> any SQLExpression {
        guard let raw = self.value(value, spec, in: record) else { return SQLLiteral.null }
        return SQLBind(raw)
    }

    /// The stored representation of `value` (String, Int64 or Bool), or nil for null.
    static func value(_ value: FieldValue, _ spec: FieldSpec, in record: Record) -> (any Encodable & Sendable)? {
        switch spec.kind {
        case .integer:
            return value.integer
        case .money(let currencyField):
            guard let amount = value.decimal else { return nil }
            let currency = record.text(currencyField).flatMap { Currency(code: $0) } ?? .usd
            return Money(amount, currency).rounded().minorUnits
        case .timestamp:
            return value.timestamp.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
        case .bool:
            return value.bool
        case .decimal:
            return value.decimal.map { $0.description }
        case .date:
            return value.date.map(\.description)
        case .list, .dateRanges, .customFields:
            if value.isNull { return nil }
            return value.json.serialized()
        case .id, .text, .email, .phone, .url, .currency, .choice, .reference, .timeOfDay, .timeZone:
            return value.text
        }
    }

    /// Reads a whole record from a row.
    static func decode(_ row: any SQLRow, schema: EntitySchema) throws -> Record {
        var record = Record(schema: schema)
        var moneyFields: [Int] = []
        for (i, spec) in schema.fields.enumerated() {
            if case .money = spec.kind {
                moneyFields.append(i)
                continue
            }
            record.values[i] = try decode(row, spec)
        }
        for i in moneyFields {
            let spec = schema.fields[i]
            guard case .money(let currencyField) = spec.kind else { continue }
            let col = column(spec)
            if try row.decodeNil(column: col) { continue }
            let minor = try row.decode(column: col, as: Int64.self)
            let currency = record.text(currencyField).flatMap { Currency(code: $0) } ?? .usd
            record.values[i] = .decimal(Money(minorUnits: minor, currency: currency).amount)
        }
        return record
    }

    private static func decode(_ row: any SQLRow, _ spec: FieldSpec) throws -> FieldValue {
        let col = spec.name
        if try row.decodeNil(column: col) {
            if case .customFields = spec.kind { return .object([:]) }
            return .null
        }
        switch spec.kind {
        case .integer:
            return .integer(try row.decode(column: col, as: Int64.self))
        case .timestamp:
            return .timestamp(Date(timeIntervalSince1970: Double(try row.decode(column: col, as: Int64.self)) / 1000))
        case .bool:
            return .bool(try row.decode(column: col, as: Bool.self))
        case .decimal:
            let text = try row.decode(column: col, as: String.self)
            return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")).map(FieldValue.decimal) ?? .null
        case .date:
            return FieldValue(LocalDate(parsing: try row.decode(column: col, as: String.self)))
        case .list:
            let json = try JSONValue.parse(Data(try row.decode(column: col, as: String.self).utf8))
            guard case .array(let items) = json else { return .list([]) }
            return .list(items.compactMap { if case .string(let s) = $0 { s } else { nil } })
        case .dateRanges:
            let json = try JSONValue.parse(Data(try row.decode(column: col, as: String.self).utf8))
            guard case .array(let items) = json else { return .dateRanges([]) }
            return .dateRanges(
                items.compactMap { item in
                    guard case .string(let s)? = item["start"], case .string(let e)? = item["end"],
                        let a = LocalDate(parsing: s), let b = LocalDate(parsing: e), a <= b
                    else { return nil }
                    return a...b
                })
        case .customFields:
            let json = try JSONValue.parse(Data(try row.decode(column: col, as: String.self).utf8))
            return .object(customValues(json))
        case .money:
            preconditionFailure("money decoded separately")
        case .id, .text, .email, .phone, .url, .currency, .choice, .reference, .timeOfDay, .timeZone:
            return .text(try row.decode(column: col, as: String.self))
        }
    }

    /// Custom-field JSON back into canonical values (strings, decimals, booleans, string lists).
    static func customValues(_ json: JSONValue) -> [String: FieldValue] {
        guard case .object(let pairs) = json else { return [:] }
        var out: [String: FieldValue] = [:]
        for (k, v) in pairs {
            switch v {
            case .string(let s): out[k] = .text(s)
            case .number(let d): out[k] = .decimal(d)
            case .bool(let b): out[k] = .bool(b)
            case .array(let a): out[k] = .list(a.compactMap { if case .string(let s) = $0 { s } else { nil } })
            default: continue
            }
        }
        return out
    }
}
