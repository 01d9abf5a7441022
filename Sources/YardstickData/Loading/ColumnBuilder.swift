/// Parses cell bytes to one field's type and accumulates a ``Column``.
///
/// One builder per field per entity; every source mapping of the entity appends to the same
/// builder, so rows of several files concatenate. A rejected row is rolled back with
/// ``truncate(to:)``.
final class ColumnBuilder {
    let field: FieldDefinition
    private(set) var validity = Validity()
    private var strings: [Int32] = []
    private var integers: [Int64] = []
    private var days: [Int32] = []
    private var booleans: [Bool] = []
    private var enumCodes: [Int8] = []
    private(set) var dictionary = StringDictionary()
    /// Raw enum text → code (or -2 when it names no value), memoised per distinct text.
    private var enumCache = StringDictionary()
    private var enumCacheCodes: [Int8] = []
    private var recentEnumTexts: [[UInt8]] = []
    private var recentEnumCodes: [Int8] = []
    private let enumValues: [String]
    /// Key columns (`id`) append values without lookup; the table indexes them once.
    private let isKey: Bool
    /// Set once a string column proves nearly unique: later values are appended without lookup.
    private var isPlainText = false
    static let plainTextProbe = 4096

    init(field: FieldDefinition, expectedRows: Int = 0) {
        self.field = field
        self.isKey = field.name == "id" && field.type == .string
        if case .enumeration(let values) = field.type {
            enumValues = values.map { $0.lowercased() }
        } else {
            enumValues = []
        }
        switch field.type {
        case .string, .reference:
            strings.reserveCapacity(expectedRows)
            dictionary = StringDictionary(capacity: isKey ? 0 : min(expectedRows, 1 << 16))
        case .integer, .decimal, .datetime: integers.reserveCapacity(expectedRows)
        case .date: days.reserveCapacity(expectedRows)
        case .boolean: booleans.reserveCapacity(expectedRows)
        case .enumeration: enumCodes.reserveCapacity(expectedRows)
        }
    }

    var count: Int { validity.count }

    /// Appends a null.
    func appendNull() {
        validity.append(false)
        switch field.type {
        case .string, .reference: strings.append(-1)
        case .integer, .decimal, .datetime: integers.append(0)
        case .date: days.append(0)
        case .boolean: booleans.append(false)
        case .enumeration: enumCodes.append(-1)
        }
    }

    /// Parses and appends one non-empty value (already trimmed and mapped).
    ///
    /// - Returns: nil on success, or what was expected when the text is not a value of the
    ///   field's type.
    func append(
        _ text: UnsafeRawBufferPointer, formats: ValueFormats, temporal: TemporalFormat?,
        clock: ZoneClock
    ) -> String? {
        switch field.type {
        case .string where isKey || isPlainText:
            strings.append(dictionary.appendWithoutLookup(text))
        case .string:
            strings.append(dictionary.intern(text).code)
            // Text that is nearly unique (names, subjects) is not worth a hash table.
            if strings.count == Self.plainTextProbe && dictionary.count * 2 > strings.count {
                isPlainText = true
            }
        case .string, .reference:
            strings.append(dictionary.intern(text).code)
        case .integer:
            guard let value = Self.parseInteger(text, grouping: formats.groupingSeparator) else {
                return "expected a whole number"
            }
            integers.append(value)
        case .decimal:
            guard
                let value = ExactDecimal.parse(
                    text, decimalSeparator: formats.decimalSeparator,
                    groupingSeparator: formats.groupingSeparator)
            else {
                return "expected a decimal number (at most \(ExactDecimal.scale) decimal places)"
            }
            integers.append(value.scaled)
        case .date:
            let format = temporal ?? formats.date
            guard let parsed = format.parse(text) else { return "expected a date (\(format))" }
            days.append(CivilDate.dayNumber(year: parsed.year, month: parsed.month, day: parsed.day))
        case .datetime:
            let format = temporal ?? formats.datetime
            guard let parsed = format.parse(text) else {
                return "expected a date and time (\(format))"
            }
            integers.append(clock.instant(of: parsed))
        case .boolean:
            let word = String(decoding: text, as: UTF8.self).lowercased()
            if formats.trueWords.contains(where: { $0.lowercased() == word }) {
                booleans.append(true)
            } else if formats.falseWords.contains(where: { $0.lowercased() == word }) {
                booleans.append(false)
            } else {
                return "expected true or false (\((formats.trueWords + formats.falseWords).joined(separator: ", ")))"
            }
        case .enumeration(let values):
            let code = enumCode(of: text)
            guard code >= 0 else {
                return "expected one of \(values.joined(separator: ", ")) (or map it in yardstick.toml)"
            }
            enumCodes.append(code)
        }
        validity.append(true)
        return nil
    }

    /// The enum code of a source text (-2 when it names no value); the few distinct texts of
    /// an enum column are remembered and searched linearly, which beats hashing.
    @inline(__always)
    private func enumCode(of text: UnsafeRawBufferPointer) -> Int8 {
        for (index, known) in recentEnumTexts.enumerated() where known.count == text.count {
            if known.withUnsafeBytes({ $0.elementsEqual(text) }) { return recentEnumCodes[index] }
        }
        let (slot, existed) = enumCache.intern(text)
        if !existed {
            let word = String(decoding: text, as: UTF8.self).lowercased()
            enumCacheCodes.append(Int8(enumValues.firstIndex(of: word) ?? -2))
        }
        let code = enumCacheCodes[Int(slot)]
        if recentEnumTexts.count < 16 {
            recentEnumTexts.append(Array(text))
            recentEnumCodes.append(code)
        }
        return code
    }

    /// Drops rows from the end, to roll back a rejected row.
    func truncate(to rows: Int) {
        guard rows < validity.count else { return }
        var kept = Validity()
        for row in 0..<rows { kept.append(validity.isPresent(row)) }
        validity = kept
        switch field.type {
        case .string, .reference: strings.removeSubrange(rows...)
        case .integer, .decimal, .datetime: integers.removeSubrange(rows...)
        case .date: days.removeSubrange(rows...)
        case .boolean: booleans.removeSubrange(rows...)
        case .enumeration: enumCodes.removeSubrange(rows...)
        }
    }

    /// Appends every row of another builder of the same field (a later segment of a file).
    func append(contentsOf other: ColumnBuilder) {
        validity.append(contentsOf: other.validity)
        switch field.type {
        case .string, .reference:
            let base = Int32(dictionary.count)
            if isKey || isPlainText || !other.dictionary.codesAreUnique {
                isPlainText = isPlainText || field.type == .string && !isKey
                for code in 0..<Int32(other.dictionary.count) {
                    other.dictionary.withBytes(of: code) { _ = dictionary.appendWithoutLookup($0) }
                }
                strings.append(contentsOf: other.strings.lazy.map { $0 < 0 ? -1 : $0 + base })
            } else {
                var remap = [Int32](repeating: -1, count: other.dictionary.count)
                for code in 0..<Int32(other.dictionary.count) {
                    remap[Int(code)] = other.dictionary.withBytes(of: code) { dictionary.intern($0).code }
                }
                strings.append(contentsOf: other.strings.lazy.map { $0 < 0 ? -1 : remap[Int($0)] })
            }
        case .integer, .decimal, .datetime: integers.append(contentsOf: other.integers)
        case .date: days.append(contentsOf: other.days)
        case .boolean: booleans.append(contentsOf: other.booleans)
        case .enumeration: enumCodes.append(contentsOf: other.enumCodes)
        }
    }

    /// The finished column.
    func build() -> Column {
        let storage: Column.Storage
        switch field.type {
        case .string: storage = .string(strings)
        case .reference: storage = .reference(strings)
        case .integer: storage = .integer(integers)
        case .decimal: storage = .decimal(integers)
        case .datetime: storage = .datetime(integers)
        case .date: storage = .date(days)
        case .boolean: storage = .boolean(booleans)
        case .enumeration: storage = .enumeration(enumCodes)
        }
        return Column(field: field, validity: validity, storage: storage, dictionary: dictionary)
    }

    static func parseInteger(_ text: UnsafeRawBufferPointer, grouping: UInt8?) -> Int64? {
        var index = 0
        let count = text.count
        var negative = false
        if index < count, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
            negative = text[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < count else { return nil }
        var value: Int64 = 0
        var digits = 0
        while index < count {
            let byte = text[index]
            index += 1
            if byte >= 0x30 && byte <= 0x39 {
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(Int64(byte - 0x30))
                if o1 || o2 { return nil }
                value = sum
                digits += 1
            } else if let grouping, byte == grouping, digits > 0 {
                continue
            } else if byte == UInt8(ascii: "."), digits > 0 {
                // "12.0" and "12.00" are whole numbers as written by spreadsheets.
                while index < count, text[index] == 0x30 { index += 1 }
                guard index == count else { return nil }
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        return negative ? -value : value
    }
}
