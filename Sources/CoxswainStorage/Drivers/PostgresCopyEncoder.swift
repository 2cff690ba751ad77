import CoxswainDomain
import CoxswainServices
import Foundation
import NIOCore

/// Encodes rows in PostgreSQL's `COPY … FROM STDIN` text format: tab-separated columns, `\N` for null, and
/// backslash, tab, newline and carriage return escaped (`a\tb` → `a\\tb`), one row per line.
struct PostgresCopyEncoder {
    var buffer = ByteBuffer()

    mutating func appendNull() { buffer.writeStaticString("\\N") }

    mutating func append(_ value: Int64) { buffer.writeString(String(value)) }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var plain = bytes.startIndex
            for i in bytes.indices {
                let escape: UInt8
                switch bytes[i] {
                case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
                case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
                case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
                case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
                default: continue
                }
                buffer.writeBytes(UnsafeBufferPointer(rebasing: bytes[plain..<i]))
                buffer.writeInteger(UInt8(ascii: "\\"))
                buffer.writeInteger(escape)
                plain = i + 1
            }
            buffer.writeBytes(UnsafeBufferPointer(rebasing: bytes[plain..<bytes.endIndex]))
        }
    }

    mutating func append(_ text: String?) { if let text { append(text) } else { appendNull() } }

    mutating func separator() { buffer.writeInteger(UInt8(ascii: "\t")) }
    mutating func endRow() { buffer.writeInteger(UInt8(ascii: "\n")) }

    /// Appends one record's columns in schema order.
    mutating func append(_ record: Record, kinds: [BulkColumn]) {
        let specs = record.schema.fields
        for (i, kind) in kinds.enumerated() {
            if i > 0 { separator() }
            let value = record.values[i]
            switch (kind, value) {
            case (_, .null): appendNull()
            case (.text, .text(let s)): append(s)
            case (.integer, .integer(let v)): append(v)
            case (.timestamp, .timestamp(let t)): append(BulkColumn.millis(t))
            case (.customFields, .object(let o)) where o.isEmpty: buffer.writeStaticString("{}")
            default:
                switch ColumnCodec.value(value, specs[i], in: record) {
                case let s as String: append(s)
                case let v as Int64: append(v)
                case let b as Bool: buffer.writeStaticString(b ? "t" : "f")
                default: appendNull()
                }
            }
        }
        endRow()
    }

    /// Appends one `audit_log` row (`at, actor, action, entity, record_id, before_json, after_json`).
    mutating func append(_ e: AuditEntry) {
        append(BulkColumn.millis(e.at))
        for text in [e.actor, e.action, e.entity, e.recordID] as [String] {
            separator()
            append(text)
        }
        separator()
        append(e.before)
        separator()
        append(e.after)
        endRow()
    }

    /// Appends one `opportunity_stage_history` row (columns as in ``BulkColumn/stageColumns``).
    mutating func append(_ c: OpportunityStageChange) {
        append(c.opportunityID)
        separator()
        append(c.fromStage)
        separator()
        append(c.toStage)
        separator()
        append(c.amount.rounded().minorUnits)
        separator()
        append(c.amount.currency.code)
        separator()
        append(Int64(c.probability))
        separator()
        append(c.closeDate.description)
        separator()
        append(c.forecastCategory.rawValue)
        separator()
        append(BulkColumn.millis(c.changedAt))
        separator()
        append(c.changedBy)
        endRow()
    }
}
