extension CSVParser {
    /// The byte-level state machine. Runs of ordinary bytes are found with a tight loop and copied into the record
    /// in one `append`; only delimiters, quotes and line breaks go through the state switch.
    mutating func scan(_ base: UnsafePointer<UInt8>, count: Int, position: inout Int) -> CSVParseResult? {
        var index = position
        defer { position = index }
        let delimiter = options.delimiter.rawValue
        let quote = CSVByte.quote
        let lineFeed = CSVByte.lineFeed
        let carriageReturn = CSVByte.carriageReturn
        let raw = UnsafeRawPointer(base)
        let delimiterWord = CSVSWAR.broadcast(delimiter)

        if let matched = bomMatched {
            guard decideByteOrderMark(base, count: count, index: &index, matched: matched) else { return nil }
        }

        while index < count {
            switch state {
            case .recordStart:
                let byte = base[index]
                if byte == lineFeed {
                    // Blank line (or the LF of a CRLF that ended the previous record): skipped.
                    if !afterCR { line += 1 }
                    afterCR = false
                    index += 1
                    continue
                }
                if byte == carriageReturn {
                    line += 1
                    afterCR = true
                    index += 1
                    continue
                }
                beginRecord()
                state = .fieldStart
                fallthrough

            case .fieldStart:
                if base[index] == quote {
                    state = .quoted
                    index += 1
                    continue
                }
                state = .unquoted
                fallthrough

            case .unquoted:
                let start = index
                index = CSVSWAR.skipOrdinary(raw, from: index, count: count, delimiter: delimiterWord)
                while index < count {
                    let byte = base[index]
                    if byte == delimiter || byte == quote || byte == carriageReturn || byte == lineFeed { break }
                    index += 1
                }
                if index > start, let failure = append(base + start, count: index - start) { return failure }
                if index == count { return nil }
                let byte = base[index]
                index += 1
                if byte == delimiter {
                    state = .fieldStart
                    if let error = endField() { return .failure(error) }
                } else if byte == quote {
                    // Recovery: the quote is taken as an ordinary (discarded) character.
                    if !failed { return fail(.unexpectedQuote) }
                } else {
                    line += 1
                    afterCR = byte == carriageReturn
                    state = .recordStart
                    if let error = endField() { return .failure(error) }
                    if let result = completeRecord() { return result }
                }

            case .quoted:
                let start = index
                index = CSVSWAR.skipOrdinary(raw, from: index, count: count, delimiter: nil)
                while index < count {
                    let byte = base[index]
                    if byte == quote || byte == carriageReturn || byte == lineFeed { break }
                    index += 1
                }
                if index > start {
                    afterCR = false
                    if let failure = append(base + start, count: index - start) { return failure }
                }
                if index == count { return nil }
                let byte = base[index]
                index += 1
                if byte == quote {
                    state = .quoteInQuoted
                    afterCR = false
                    continue
                }
                // A line break inside quotes is field content; CRLF counts as one line.
                if byte == carriageReturn {
                    line += 1
                    afterCR = true
                } else {
                    if !afterCR { line += 1 }
                    afterCR = false
                }
                if let failure = append(base + index - 1, count: 1) { return failure }

            case .quoteInQuoted:
                let byte = base[index]
                if byte == quote {
                    // `""` inside quotes: one literal quote.
                    index += 1
                    state = .quoted
                    if let failure = append(base + index - 1, count: 1) { return failure }
                } else if byte == delimiter {
                    index += 1
                    state = .fieldStart
                    if let error = endField() { return .failure(error) }
                } else if byte == carriageReturn || byte == lineFeed {
                    index += 1
                    line += 1
                    afterCR = byte == carriageReturn
                    state = .recordStart
                    if let error = endField() { return .failure(error) }
                    if let result = completeRecord() { return result }
                } else {
                    // Recovery: continue as an unquoted field whose content is discarded.
                    state = .unquoted
                    if !failed { return fail(.unexpectedCharacterAfterQuote) }
                }
            }
        }
        return nil
    }

    /// Consumes a (possibly partial) UTF-8 BOM at the start of the input. Returns `false` when the chunk ended
    /// before the BOM question could be decided.
    private mutating func decideByteOrderMark(
        _ base: UnsafePointer<UInt8>, count: Int, index: inout Int, matched: Int
    ) -> Bool {
        let bom = CSVByte.byteOrderMark
        var matched = matched
        while matched < 3, index < count {
            let expected = matched == 0 ? bom.0 : (matched == 1 ? bom.1 : bom.2)
            guard base[index] == expected else { break }
            matched += 1
            index += 1
        }
        if matched == 3 {
            bomMatched = nil
        } else if index == count {
            bomMatched = matched
            return false
        } else if matched > 0 {
            // Not a BOM after all: the matched bytes start the first (unquoted) field.
            beginRecord()
            appendBOMPrefix(matched)
            state = .unquoted
        } else {
            bomMatched = nil
        }
        return true
    }
}

/// Word-at-a-time search for the bytes that end a run of ordinary field content.
enum CSVSWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    static let quoteWord = broadcast(CSVByte.quote)
    static let lineFeedWord = broadcast(CSVByte.lineFeed)
    static let carriageReturnWord = broadcast(CSVByte.carriageReturn)

    @inline(__always)
    static func broadcast(_ byte: UInt8) -> UInt64 {
        UInt64(byte) &* ones
    }

    /// High bit set in the lowest byte of `word` equal to the broadcast byte (higher bits may be false positives).
    @inline(__always)
    static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let difference = word ^ pattern
        return (difference &- ones) & ~difference & highBits
    }

    /// Returns the index of the first quote, CR, LF (or `delimiter`, when given) at or after `from`, checking eight
    /// bytes at a time, or the start of the last partial word (the caller finishes with a byte loop).
    @inline(__always)
    static func skipOrdinary(_ raw: UnsafeRawPointer, from: Int, count: Int, delimiter: UInt64?) -> Int {
        var index = from
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            var found = matches(word, quoteWord) | matches(word, lineFeedWord) | matches(word, carriageReturnWord)
            if let delimiter { found |= matches(word, delimiter) }
            if found != 0 { return index + found.trailingZeroBitCount >> 3 }
            index += 8
        }
        return index
    }
}
