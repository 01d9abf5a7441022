/// Reads durations as exports write them, into whole seconds.
///
/// Accepted forms (surrounding spaces already trimmed):
/// - seconds: `143`, `143.0` (a fraction must be zero);
/// - clock forms: `2:23` and `02:23` (minutes and seconds), `1:02:23` and `01:02:23` (hours,
///   minutes and seconds; hours may exceed 24), with minutes and seconds of two digits below 60
///   after the first part;
/// - ISO 8601: `PT2M23S`, `PT1H`, `P1DT2H` (a day is 24 hours), `PT0S`, with an optional
///   leading `-`; fractions of seconds are refused.
///
/// Integer fields whose name ends in `_seconds` (`wait_seconds`, `talk_seconds`,
/// `duration_seconds`, and custom fields named so) accept these forms.
enum DurationText {
    /// Whether a field reads durations: an integer field named `…_seconds`.
    static func isDurationField(_ field: FieldDefinition) -> Bool {
        field.type == .integer && field.name.hasSuffix("_seconds")
    }

    /// The number of seconds a text denotes, or nil when it is not a duration.
    static func seconds(_ text: UnsafeRawBufferPointer) -> Int64? {
        guard !text.isEmpty else { return nil }
        if let whole = ColumnBuilder.parseInteger(text, grouping: nil) { return whole }
        var index = 0
        var negative = false
        if text[0] == UInt8(ascii: "-") {
            negative = true
            index = 1
        }
        guard index < text.count else { return nil }
        let magnitude: Int64?
        if text[index] == UInt8(ascii: "P") || text[index] == UInt8(ascii: "p") {
            magnitude = iso(text, from: index + 1)
        } else {
            magnitude = clock(text, from: index)
        }
        guard let magnitude else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// `H:MM:SS` or `M:SS` from `start`.
    private static func clock(_ text: UnsafeRawBufferPointer, from start: Int) -> Int64? {
        var parts: [(value: Int64, digits: Int)] = []
        var value: Int64 = 0
        var digits = 0
        for index in start..<text.count {
            let byte = text[index]
            if byte >= 0x30 && byte <= 0x39 {
                guard digits < 12 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
                digits += 1
            } else if byte == UInt8(ascii: ":") {
                guard digits > 0 else { return nil }
                parts.append((value, digits))
                value = 0
                digits = 0
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        parts.append((value, digits))
        guard parts.count == 2 || parts.count == 3 else { return nil }
        for part in parts.dropFirst() where part.digits != 2 || part.value > 59 { return nil }
        return parts.reduce(0) { $0 * 60 + $1.value }
    }

    /// The rest of an ISO 8601 duration after its `P`: `nD`, then `T` and `nH`, `nM`, `nS`.
    private static func iso(_ text: UnsafeRawBufferPointer, from start: Int) -> Int64? {
        var total: Int64 = 0
        var value: Int64 = 0
        var digits = 0
        var inTime = false
        var units = 0
        // The designators allowed next, in order: D before T; H, M, S after it.
        var order = 0
        for index in start..<text.count {
            let byte = text[index] | 0x20  // lower case
            if text[index] >= 0x30 && text[index] <= 0x39 {
                guard digits < 12 else { return nil }
                value = value * 10 + Int64(text[index] - 0x30)
                digits += 1
                continue
            }
            let multiplier: Int64
            let rank: Int
            switch (byte, inTime) {
            case (UInt8(ascii: "t"), false):
                guard digits == 0 else { return nil }
                inTime = true
                continue
            case (UInt8(ascii: "d"), false): (multiplier, rank) = (86_400, 1)
            case (UInt8(ascii: "h"), true): (multiplier, rank) = (3_600, 2)
            case (UInt8(ascii: "m"), true): (multiplier, rank) = (60, 3)
            case (UInt8(ascii: "s"), true): (multiplier, rank) = (1, 4)
            default: return nil
            }
            guard digits > 0, rank > order else { return nil }
            order = rank
            total += value * multiplier
            value = 0
            digits = 0
            units += 1
        }
        guard digits == 0, units > 0, !(inTime && order < 2) else { return nil }
        return total
    }
}
