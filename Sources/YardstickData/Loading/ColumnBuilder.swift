import Foundation

/// Parses cell bytes to one field's type and accumulates a ``Column``.
///
/// One builder per field per entity and per file segment; the segments of a file and the files
/// of an entity are concatenated with ``append(contentsOf:)``. A rejected row is rolled back
/// with ``truncate(to:)``. Values go to manually managed buffers (see ``GrowableBuffer``) and
/// become arrays once, in ``build()``.
final class ColumnBuilder {
    /// How values are stored, decided once from the field.
    enum Kind {
        /// An `id`: every value gets its own code; the table indexes them once.
        case key
        /// Free text, interned until it proves nearly unique.
        case text
        case reference, integer, decimal, date, datetime, boolean, enumeration
    }

    let field: FieldDefinition
    let kind: Kind
    @exclusivity(unchecked) private(set) var validity: ValidityBuilder
    /// String and reference codes, or day numbers.
    @exclusivity(unchecked) private var codes: GrowableBuffer<Int32>
    @exclusivity(unchecked) private var integers: GrowableBuffer<Int64>
    @exclusivity(unchecked) private var booleans: GrowableBuffer<Bool>
    @exclusivity(unchecked) private var enumCodes: GrowableBuffer<Int8>
    @exclusivity(unchecked) private(set) var dictionary: StringDictionary
    /// Raw enum text → code (or -2 when it names no value), memoised per distinct text.
    @exclusivity(unchecked) private var enumCache = StringDictionary()
    @exclusivity(unchecked) private var enumCacheCodes: [Int8] = []
    private let enumValues: [String]
    /// Set once a string column proves nearly unique: later values are appended without lookup.
    @exclusivity(unchecked) private var isPlainText = false
    static let plainTextProbe = 4096
    /// Reference values of at most 8 bytes waiting to be interned as one batch; their rows
    /// hold a placeholder code until then.
    @exclusivity(unchecked) private var pending = PendingKeys()
    /// Reference values of 9 to 24 bytes and their codes, each value whole in its slot, in
    /// front of ``dictionary`` while rows are appended (freed when they are complete).
    @exclusivity(unchecked) private var inlineKeys = InlineKeyTable()
    /// The rows this builder expects (from the source's size), for reserving storage once.
    private let expectedRows: Int
    /// After this many ids appended without lookup, the dictionary's storage is reserved for
    /// all expected rows at the bytes per value seen so far.
    static let reserveProbe = 1024
    /// Times the storage of values appended without lookup was reserved for the rows still
    /// expected (the loader's statistics: tests check that big id and plain-text columns take
    /// this path instead of growing by doubling).
    private(set) var dictionaryReservations = 0
    /// The byte capacity of the dictionary right after the last reservation.
    private(set) var reservedByteCapacity = 0

    init(field: FieldDefinition, expectedRows: Int = 0) {
        self.field = field
        let isKey = field.name == "id" && field.type == .string
        if case .enumeration(let values) = field.type {
            enumValues = values.map { $0.lowercased() }
        } else {
            enumValues = []
        }
        let kind: Kind
        switch field.type {
        case .string: kind = isKey ? .key : .text
        case .reference: kind = .reference
        case .integer: kind = .integer
        case .decimal: kind = .decimal
        case .date: kind = .date
        case .datetime: kind = .datetime
        case .boolean: kind = .boolean
        case .enumeration: kind = .enumeration
        }
        self.kind = kind
        self.expectedRows = expectedRows
        validity = ValidityBuilder(capacity: expectedRows)
        let usesCodes = kind == .key || kind == .text || kind == .reference || kind == .date
        codes = GrowableBuffer(capacity: usesCodes ? expectedRows : 0)
        let usesIntegers = kind == .integer || kind == .decimal || kind == .datetime
        integers = GrowableBuffer(capacity: usesIntegers ? expectedRows : 0)
        booleans = GrowableBuffer(capacity: kind == .boolean ? expectedRows : 0)
        enumCodes = GrowableBuffer(capacity: kind == .enumeration ? expectedRows : 0)
        switch kind {
        case .key: dictionary = StringDictionary(capacity: 0)
        // A small table that grows with the distinct values: one sized for 65,536 values was
        // 2 MiB of fresh pages per text or reference builder (per file segment), zeroed by
        // the kernel, for columns with a few hundred distinct values or none worth a table.
        case .text, .reference: dictionary = StringDictionary(capacity: min(expectedRows, Self.initialDistinct))
        default: dictionary = StringDictionary(capacity: 0)
        }
    }

    deinit {
        release()
        pending.free()
    }

    /// Frees the buffers (after the rows were copied elsewhere).
    func release() {
        pending.count = 0
        pending.holdsLong = false
        pending.holdsInline = false
        pending.longByteCount = 0
        inlineKeys.free()
        validity.free()
        codes.free()
        integers.free()
        booleans.free()
        enumCodes.free()
        dictionary = StringDictionary(capacity: 0)
    }

    var count: Int { validity.count }

    /// Appends a null.
    func appendNull() {
        validity.append(false)
        switch kind {
        case .key, .text, .reference: codes.append(-1)
        case .integer, .decimal, .datetime: integers.append(0)
        case .date: codes.append(0)
        case .boolean: booleans.append(false)
        case .enumeration: enumCodes.append(-1)
        }
    }

    // MARK: Typed appends of one non-empty value (already trimmed and mapped)

    @inline(__always)
    func appendString(_ text: UnsafeRawBufferPointer) {
        if kind == .reference && text.count <= 8 && dictionary.acceptsShortBatch {
            // Looked up a batch at a time: a reference to one of many keys (an account) misses
            // the cache on its slot, and the misses of a batch overlap.
            if pending.holdsLong || pending.holdsInline { resolvePending() }
            let index = pending.count
            pending.words[index] = StringDictionary.packedShort(text)
            pending.lengths[index] = UInt8(truncatingIfNeeded: text.count)
            pending.positions[index] = codes.count
            pending.count = index + 1
            codes.append(-1)
            validity.append(true)
            if index + 1 == PendingKeys.capacity { resolvePending() }
            return
        }
        if kind == .reference && text.count <= PendingKeys.longLength && dictionary.acceptsLongBatch {
            // One unsigned compare: 9 ... 24 bytes.
            if UInt(bitPattern: text.count &- InlineKeyTable.minLength)
                <= UInt(InlineKeyTable.maxLength - InlineKeyTable.minLength)
            {
                // Keys of 9 to 24 bytes (Salesforce ids, long integers) the same way, found in
                // a table that holds each value whole in its slot: no stored bytes to read.
                appendInline(text)
                return
            }
            // Longer keys (GUIDs) the same way; their stored bytes are read early too.
            if pending.count > 0 && !pending.holdsLong { resolvePending() }
            appendLong(text)
            return
        }
        if pending.count > 0 { resolvePending() }
        if kind == .key || isPlainText {
            codes.append(dictionary.appendWithoutLookup(text))
            if codes.count == Self.reserveProbe && kind == .key { reserveDictionary() }
        } else {
            // Resolving the pending values may have started an inline table that deferred the
            // index of an empty dictionary.
            indexDictionary()
            codes.append(dictionary.intern(text).code)
            // Text that is nearly unique (names, subjects) is not worth a hash table.
            if kind == .text && codes.count == Self.plainTextProbe && dictionary.count * 2 > codes.count {
                isPlainText = true
                reserveDictionary()
            }
        }
        validity.append(true)
    }

    /// The distinct values a text or reference builder's table is first sized for.
    static let initialDistinct = 1 << 12

    /// Reserves the dictionary's storage for the rows still expected, every one a new value
    /// somewhat longer than the average so far (ids numbered from 0 grow a digit now and then):
    /// growing by doubling would copy the values several times, each copy into fresh pages the
    /// kernel zeroes first. Reserved pages that are never written cost no memory.
    @inline(never)
    private func reserveDictionary() {
        let remaining = expectedRows - codes.count
        guard remaining > 0, dictionary.count > 0 else { return }
        let values = remaining + remaining / 8
        let average = (dictionary.totalByteCount + dictionary.count - 1) / dictionary.count
        let bytesPerValue = average + average / 2 + 2
        dictionary.reserve(values: values, byteCount: values * bytesPerValue)
        dictionaryReservations += 1
        reservedByteCapacity = dictionary.byteCapacity
    }

    @inline(__always)
    func appendInteger(_ value: Int64) {
        integers.append(value)
        validity.append(true)
    }

    @inline(__always)
    func appendDay(_ day: Int32) {
        codes.append(day)
        validity.append(true)
    }

    @inline(__always)
    func appendBoolean(_ value: Bool) {
        booleans.append(value)
        validity.append(true)
    }

    /// Queues a reference value of 9 to ``PendingKeys/longLength`` bytes for a batched intern.
    @inline(__always)
    private func appendLong(_ text: UnsafeRawBufferPointer) {
        let index = pending.count
        pending.holdsLong = true
        pending.words[index] = UInt64(pending.longByteCount)
        (pending.longBytes + pending.longByteCount).update(
            from: text.baseAddress!.assumingMemoryBound(to: UInt8.self), count: text.count)
        pending.longByteCount += text.count
        pending.lengths[index] = UInt8(truncatingIfNeeded: text.count)
        pending.positions[index] = codes.count
        pending.count = index + 1
        codes.append(-1)
        validity.append(true)
        if index + 1 == PendingKeys.capacity { resolvePending() }
    }

    /// Queues a reference value of 9 to ``InlineKeyTable/maxLength`` bytes, as three words, for
    /// a batched intern through ``inlineKeys``. Out of line: the row loop is at the size where
    /// the compiler stops inlining into it, and ``appendString(_:)`` must stay inlined there.
    @inline(never)
    private func appendInline(_ text: UnsafeRawBufferPointer) {
        if pending.count > 0 && !pending.holdsInline { resolvePending() }
        let index = pending.count
        pending.holdsInline = true
        let words = pending.inlineWords + 3 &* index
        (words[0], words[1], words[2]) = InlineKeyTable.words(of: text)
        pending.lengths[index] = UInt8(truncatingIfNeeded: text.count)
        pending.positions[index] = codes.count
        pending.count = index + 1
        codes.append(-1)
        validity.append(true)
        if index + 1 == PendingKeys.capacity { resolvePending() }
    }

    /// Indexes the dictionary if its index waited behind ``inlineKeys`` (see
    /// ``StringDictionary/deferIndex()``): before anything but the inline table looks it up (a
    /// batch of short keys or GUIDs among Salesforce ids, a segment merge interning another
    /// segment's values in it) or it is handed to a column.
    private func indexDictionary() {
        guard dictionary.awaitsIndex else { return }
        distinctBeforeIndex += dictionary.count
        dictionary.indexUnique()
    }

    /// Distinct reference values that reached the dictionary while its index waited behind
    /// ``inlineKeys`` (counted when it is indexed): the loader's statistics, so that tests
    /// notice when a reference column of Salesforce ids stops deferring its index.
    private(set) var distinctBeforeIndex = 0

    /// Reference values interned in batches of short (at most 8 bytes) and of long values: the
    /// loader's fast paths, counted so that tests notice when one stops being taken.
    private(set) var batchedShortValues = 0
    private(set) var batchedLongValues = 0
    /// Reference values of 9 to 24 bytes interned in batches through ``inlineKeys`` (not
    /// counted in ``batchedLongValues``).
    private(set) var batchedInlineValues = 0

    /// Interns the pending reference values and writes their codes.
    @inline(never)
    private func resolvePending() {
        guard pending.count > 0 else {
            pending.holdsLong = false
            pending.holdsInline = false
            pending.longByteCount = 0
            return
        }
        if pending.holdsInline {
            inlineKeys.intern(
                pending.inlineWords, lengths: pending.lengths, hashes: pending.hashes, count: pending.count,
                codes: codes.base, positions: pending.positions, into: &dictionary,
                initialCapacity: min(expectedRows, Self.initialDistinct))
            batchedInlineValues += pending.count
        } else if pending.holdsLong {
            // Queued before inline values resolved in between deferred the dictionary's index.
            indexDictionary()
            dictionary.internLong(
                pending.longBytes, starts: pending.words, lengths: pending.lengths, hashes: pending.hashes,
                count: pending.count, codes: codes.base, positions: pending.positions)
            batchedLongValues += pending.count
        } else {
            indexDictionary()
            dictionary.internShort(
                pending.words, lengths: pending.lengths, hashes: pending.hashes, count: pending.count,
                codes: codes.base, positions: pending.positions)
            batchedShortValues += pending.count
        }
        pending.count = 0
        pending.holdsLong = false
        pending.holdsInline = false
        pending.longByteCount = 0
    }

    /// Interns the pending reference values and frees ``inlineKeys``: no more rows come.
    private func finishAppending() {
        resolvePending()
        inlineKeys.free()
    }

    /// Appends an enum value; false when the text names no value of the enum.
    @inline(__always)
    func appendEnumeration(_ text: UnsafeRawBufferPointer) -> Bool {
        let code = enumCode(of: text)
        guard code >= 0 else { return false }
        enumCodes.append(code)
        validity.append(true)
        return true
    }

    /// The enum code of a source text (-2 when it names no value); the few distinct texts of
    /// an enum column are remembered.
    @inline(__always)
    private func enumCode(of text: UnsafeRawBufferPointer) -> Int8 {
        let (slot, existed) = enumCache.intern(text)
        if !existed {
            let word = String(decoding: text, as: UTF8.self).lowercased()
            enumCacheCodes.append(Int8(enumValues.firstIndex(of: word) ?? -2))
        }
        return enumCacheCodes.withUnsafeBufferPointer { $0[Int(slot)] }
    }

    /// Drops rows from the end, to roll back a rejected row.
    func truncate(to rows: Int) {
        guard rows < validity.count else { return }
        let dropped = validity.count - rows
        while pending.count > 0 && pending.positions[pending.count - 1] >= rows { pending.dropLast() }
        validity.truncate(to: rows)
        switch kind {
        case .key, .text, .reference, .date: codes.removeLast(dropped)
        case .integer, .decimal, .datetime: integers.removeLast(dropped)
        case .boolean: booleans.removeLast(dropped)
        case .enumeration: enumCodes.removeLast(dropped)
        }
    }

    /// Takes over the rows and buffers of another builder of the same field while this one is
    /// still empty: the same rows as ``append(contentsOf:)`` gives, without copying them.
    /// `other` is left empty.
    func adopt(_ other: ColumnBuilder) {
        precondition(count == 0 && kind == other.kind)
        // The dictionaries are swapped: neither table may outlive the one it fronts.
        finishAppending()
        other.finishAppending()
        swap(&validity, &other.validity)
        swap(&codes, &other.codes)
        swap(&integers, &other.integers)
        swap(&booleans, &other.booleans)
        swap(&enumCodes, &other.enumCodes)
        swap(&dictionary, &other.dictionary)
        // As append(contentsOf:) decides: text appended without lookup stays plain text.
        isPlainText = kind == .text && !dictionary.codesAreUnique
        other.release()
    }

    /// Appends every row of another builder of the same field (a later segment of a file).
    func append(contentsOf other: ColumnBuilder) {
        finishAppending()
        other.finishAppending()
        // The other segment's dictionary is only read (its values by code): its index may wait.
        indexDictionary()
        validity.append(contentsOf: other.validity)
        switch kind {
        case .key, .text, .reference:
            let base = Int32(dictionary.count)
            if kind == .key || isPlainText || !other.dictionary.codesAreUnique {
                isPlainText = isPlainText || kind == .text
                dictionary.appendWithoutLookup(contentsOf: other.dictionary)
                codes.reserve(codes.count + other.codes.count)
                for code in other.codes.buffer { codes.append(code < 0 ? -1 : code + base) }
            } else {
                let count = other.dictionary.count
                var remap = [Int32](repeating: -1, count: count)
                var touched: UInt64 = 0
                for code in 0..<Int32(count) {
                    if code % 64 == 0 {
                        // A batch's slot and byte reads first, together.
                        touched ^= dictionary.touch(valuesOf: other.dictionary, Int(code)..<min(Int(code) + 64, count))
                    }
                    remap[Int(code)] = other.dictionary.withBytes(of: code) { dictionary.intern($0).code }
                }
                StringDictionary.keep(touched)
                codes.reserve(codes.count + other.codes.count)
                remap.withUnsafeBufferPointer { remap in
                    for code in other.codes.buffer { codes.append(code < 0 ? -1 : remap[Int(code)]) }
                }
            }
        case .date: codes.append(contentsOf: other.codes.buffer)
        case .integer, .decimal, .datetime: integers.append(contentsOf: other.integers.buffer)
        case .boolean: booleans.append(contentsOf: other.booleans.buffer)
        case .enumeration: enumCodes.append(contentsOf: other.enumCodes.buffer)
        }
    }

    /// Makes room for the rows of `pieces`, appended next with ``append(contentsOf:)``: one
    /// allocation instead of one per piece (for ids and plain text, of their values too).
    func reserve(for pieces: some Collection<ColumnBuilder>) {
        reserve(rows: pieces.reduce(0) { $0 + $1.count })
        if kind == .key || isPlainText {
            dictionary.reserve(
                values: pieces.reduce(0) { $0 + $1.dictionary.count },
                byteCount: pieces.reduce(0) { $0 + $1.dictionary.totalByteCount })
            dictionaryReservations += 1
            reservedByteCapacity = dictionary.byteCapacity
        }
    }

    /// Makes room for `rows` more rows.
    func reserve(rows: Int) {
        switch kind {
        case .key, .text, .reference, .date: codes.reserve(codes.count + rows)
        case .integer, .decimal, .datetime: integers.reserve(integers.count + rows)
        case .boolean: booleans.reserve(booleans.count + rows)
        case .enumeration: enumCodes.reserve(enumCodes.count + rows)
        }
    }

    /// The finished column; the builder's buffers are freed.
    func build() -> Column {
        finishAppending()
        indexDictionary()
        let storage: Column.Storage
        switch field.type {
        case .string: storage = .string(codes.array())
        case .reference: storage = .reference(codes.array())
        case .integer: storage = .integer(integers.array())
        case .decimal: storage = .decimal(integers.array())
        case .datetime: storage = .datetime(integers.array())
        case .date: storage = .date(codes.array())
        case .boolean: storage = .boolean(booleans.array())
        case .enumeration: storage = .enumeration(enumCodes.array())
        }
        let column = Column(field: field, validity: validity.build(), storage: storage, dictionary: dictionary)
        release()
        return column
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
        // Accumulated as a negative number, whose range reaches one further: -9223372036854775808
        // (Int64.min, what PostgreSQL's bigint holds) parses.
        var value: Int64 = 0
        var digits = 0
        while index < count {
            let byte = text[index]
            index += 1
            if byte >= 0x30 && byte <= 0x39 {
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.subtractingReportingOverflow(Int64(byte - 0x30))
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
        guard digits > 0, negative || value != .min else { return nil }
        return negative ? value : -value
    }
}
