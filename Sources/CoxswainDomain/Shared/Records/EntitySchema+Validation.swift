import Foundation

extension EntitySchema {
    /// Validates raw input into a record, collecting **every** problem rather than stopping at the first.
    ///
    /// On `.create` absent fields take their defaults (`created_at` = now, currencies = the organisation's
    /// default); on `.update` the input is a patch over the existing record. Then required fields and the
    /// entity's cross-field ``rules`` are checked.
    ///
    /// Example: a lead body `{"first_name": "Ada", "emial": "x"}` fails with two issues:
    /// `emial: unknown_field` and `last_name: required`.
    public func validate(
        _ input: RecordInput, mode: ValidationMode, context: ValidationContext
    )
        -> Result<Record, ValidationFailure>
    {
        var record: Record
        switch mode {
        case .create: record = Record(schema: self)
        case .update(let existing): record = existing
        }
        var issues: [FieldIssue] = []
        var provided = [Bool](repeating: false, count: fields.count)
        var pendingMoney: [(Int, FieldParser.Source)] = []

        func accept(_ i: Int, _ source: FieldParser.Source) {
            let spec = fields[i]
            if case .money = spec.kind {
                pendingMoney.append((i, source))
                return
            }
            if case .customFields = spec.kind {
                let existing = record.customFields
                switch CustomFieldValidator.merge(source, into: existing, definitions: context.customFields[name] ?? []) {
                case .success(let merged): record.values[i] = .object(merged)
                case .failure(let found): issues += found.issues
                }
                provided[i] = true
                return
            }
            switch FieldParser.parse(source, spec: spec) {
            case .success(let value):
                if !accessAllows(spec, value: value, current: record.values[i], mode: mode, issues: &issues) { return }
                record.values[i] = value
                provided[i] = true
            case .failure(let issue): issues.append(issue)
            }
        }

        switch input {
        case .object(let pairs):
            var seen = Set<String>()
            for (key, value) in pairs {
                guard let i = index(of: key) else {
                    issues.append(FieldIssue(code: "unknown_field", field: key, message: "is not a field of \(name)"))
                    continue
                }
                guard seen.insert(key).inserted else { continue }
                accept(i, .json(value))
            }
        case .cells(let cells, let custom):
            for (i, cell) in cells.enumerated() where i < fields.count {
                guard let cell, fields[i].access != .system else { continue }
                accept(i, .text(cell))
            }
            if !custom.isEmpty, let i = index(of: "custom_fields") {
                accept(i, .json(.object(custom.map { ($0.0, .string($0.1)) })))
            }
        }

        // Money after currencies are known.
        for (i, source) in pendingMoney {
            guard case .money(let currencyField) = fields[i].kind else { continue }
            let code = record.text(currencyField) ?? context.defaultCurrency.code
            let currency = Currency(code: code) ?? context.defaultCurrency
            switch FieldParser.parseMoney(source, spec: fields[i], currency: currency) {
            case .success(let value):
                record.values[i] = value
                provided[i] = true
            case .failure(let issue): issues.append(issue)
            }
        }

        if mode.isCreate {
            for (i, spec) in fields.enumerated() where record.values[i].isNull {
                if let d = spec.defaultValue {
                    record.values[i] = d
                } else if case .currency = spec.kind {
                    record.values[i] = .text(context.defaultCurrency.code)
                } else if spec.name == "created_at" {
                    record.values[i] = .timestamp(context.now)
                }
            }
        }
        if let i = index(of: "custom_fields"), record.values[i].isNull { record.values[i] = .object([:]) }
        for (i, spec) in fields.enumerated() where spec.required && record.values[i].isNull {
            if !issues.contains(where: { $0.field == spec.name }) { issues.append(.required(spec.name)) }
        }
        issues += CustomFieldValidator.missingRequired(record.customFields, definitions: context.customFields[name] ?? [])
        if issues.isEmpty {
            for rule in rules { issues += rule(&record, context, mode) }
        }
        return issues.isEmpty ? .success(record) : .failure(ValidationFailure(entity: name, issues: issues))
    }

    /// Enforces ``FieldAccess``: system fields may only be echoed back unchanged; create-only fields may not
    /// change on update.
    private func accessAllows(
        _ spec: FieldSpec, value: FieldValue, current: FieldValue, mode: ValidationMode, issues: inout [FieldIssue]
    ) -> Bool {
        switch spec.access {
        case .writable: return true
        case .system:
            if value == current || value.isNull { return false }
            issues.append(FieldIssue(code: "read_only", field: spec.name, message: "is set by Coxswain and cannot be written"))
            return false
        case .createOnly:
            if mode.isCreate { return true }
            if value == current || value.isNull { return false }
            issues.append(FieldIssue(code: "read_only", field: spec.name, message: "can only be set when the record is created"))
            return false
        }
    }
}
