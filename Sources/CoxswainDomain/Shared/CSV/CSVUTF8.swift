/// Allocation-free UTF-8 validation used by the parser and by ``CSVRecord/string(at:)``.
enum CSVUTF8 {
    /// Whether `byte` is a UTF-8 continuation byte (`10xxxxxx`).
    @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }

    /// Whether the bytes are well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
    static func isValid(_ start: UnsafePointer<UInt8>, count: Int) -> Bool {
        var index = 0
        @inline(__always) func continuation(_ at: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            at < count && start[at] >= low && start[at] <= high
        }
        let raw = UnsafeRawPointer(start)
        while index < count {
            // ASCII fast path, eight bytes at a time.
            while index + 8 <= count,
                raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
            }
            guard index < count else { break }
            let lead = start[index]
            if lead < 0x80 {
                index += 1
            } else if lead >= 0xC2 && lead <= 0xDF {
                guard continuation(index + 1) else { return false }
                index += 2
            } else if lead >= 0xE0 && lead <= 0xEF {
                let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
                let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
                guard continuation(index + 1, low, high), continuation(index + 2) else { return false }
                index += 3
            } else if lead >= 0xF0 && lead <= 0xF4 {
                let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
                let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
                guard continuation(index + 1, low, high), continuation(index + 2), continuation(index + 3) else {
                    return false
                }
                index += 4
            } else {
                return false
            }
        }
        return true
    }
}
