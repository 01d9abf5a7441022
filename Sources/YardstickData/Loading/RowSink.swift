import Foundation
import YardstickLocalization

/// Turns the cells of source records into typed rows of one entity, checking each value.
///
/// A sink is prepared per source mapping (it knows which cell feeds which field, the value
/// maps, defaults and formats) and appends to the entity's column builders. The per-cell path
/// reads a plain plan per field (no reference counting) and calls the builder's typed append.
final class RowSink {
    /// How one fed field gets its text (a class, so the hot loop does not copy it).
    final class Feed {
        let builder: ColumnBuilder
        /// The source column index, or nil for a constant.
        let column: Int?
        let columnName: String
        let constant: [UInt8]?
        let defaultValue: [UInt8]?
        let mapKeys: StringDictionary
        let mapValues: [[UInt8]]
        let temporal: TemporalFormat?
        /// The source columns of a field built from several (`columns`, `date` + `time`), in
        /// order; empty otherwise (then ``column`` is the only one).
        let parts: [Int]
        /// The bytes between the cells of ``parts``.
        let separator: [UInt8]
        /// Cell texts read as null for this field only.
        let nullWords: [[UInt8]]

        init(
            builder: ColumnBuilder, column: Int?, columnName: String, constant: [UInt8]?,
            defaultValue: [UInt8]?, mapKeys: StringDictionary, mapValues: [[UInt8]],
            temporal: TemporalFormat?, parts: [Int] = [], separator: [UInt8] = [],
            nullWords: [[UInt8]] = []
        ) {
            self.builder = builder
            self.column = column
            self.columnName = columnName
            self.constant = constant
            self.defaultValue = defaultValue
            self.mapKeys = mapKeys
            self.mapValues = mapValues
            self.temporal = temporal
            self.parts = parts
            self.separator = separator
            self.nullWords = nullWords
        }

        /// The same feed writing into another builder.
        func rebound(to builder: ColumnBuilder) -> Feed {
            Feed(
                builder: builder, column: column, columnName: columnName, constant: constant,
                defaultValue: defaultValue, mapKeys: mapKeys, mapValues: mapValues,
                temporal: temporal, parts: parts, separator: separator, nullWords: nullWords)
        }
    }

    /// A `drop` or `keep` filter resolved to a source column.
    struct Filter {
        let column: Int
        let values: StringDictionary
        /// Whether matching records are kept (`keep`) rather than dropped (`drop`).
        let keep: Bool

        init(column: Int, filter: RowFilter) {
            self.column = column
            var values = StringDictionary()
            for value in filter.values { values.intern(value) }
            self.values = values
            keep = filter.action == .keep
        }
    }

    /// What the per-cell path needs of a feed, without reference-counted members.
    private struct Plan {
        let unmanaged: Unmanaged<ColumnBuilder>
        /// The source column, or -1 for a constant.
        let column: Int
        let kind: ColumnBuilder.Kind
        let layout: TemporalFormat.FastLayout
        /// No constant, value map, column list or null words of its own: the cell is parsed
        /// as is.
        let direct: Bool
        /// An integer field that also reads durations (`2:23`, `PT2M23S`).
        let duration: Bool
        /// An empty cell is a null: the field has no default and is not required.
        let plainNull: Bool
    }

    let feeds: [Feed]
    let unfed: [ColumnBuilder]
    let formats: ValueFormats
    let clock: ZoneClock
    let file: String
    let distinct: Bool
    private let plans: UnsafeMutableBufferPointer<Plan>
    /// The date or datetime format of each feed.
    private let temporalFormats: [TemporalFormat]
    private let decimalSeparator: UInt8
    private let groupingSeparator: UInt8?
    private let trueWords: [String]
    private let falseWords: [String]
    @exclusivity(unchecked) private var seen = StringDictionary()
    @exclusivity(unchecked) private var distinctKey: [UInt8] = []
    private let nullWords: [[UInt8]]
    /// The file's header, for the column names of NUL-byte problems (kept here so the
    /// per-record closure captures no reference-counted value).
    var header: [String] = []
    private let hasNullWords: Bool
    @exclusivity(unchecked) private(set) var keptRows = 0
    /// Where kept rows' source locations go (`fileIndex | line` per row), when recorded.
    var sourceRows: ColumnBuilder? {
        didSet { sourceRowsHandle = sourceRows.map { Unmanaged.passUnretained($0) } }
    }
    /// ``sourceRows`` unretained, so the per-row path touches no reference count.
    private var sourceRowsHandle: Unmanaged<ColumnBuilder>?
    /// The index of this file among the entity's mappings, shifted left by 32 bits.
    var fileIndex: Int64 = 0
    /// Empty cells appended as nulls through the plan, without reading the feed (the loader's
    /// statistics: a test checks that empty cells of a plain nullable field take this path).
    @exclusivity(unchecked) private(set) var plainNullCells = 0
    /// Records left out by the mapping's `drop` and `keep` filters.
    @exclusivity(unchecked) private(set) var droppedRows = 0
    private let filters: [Filter]
    private let hasFilters: Bool
    /// The joined cells of a field built from several columns.
    @exclusivity(unchecked) private var joined: [UInt8] = []

    init(
        feeds: [Feed], unfed: [ColumnBuilder], formats: ValueFormats, clock: ZoneClock,
        file: String, distinct: Bool, filters: [Filter] = []
    ) {
        self.filters = filters
        self.hasFilters = !filters.isEmpty
        self.feeds = feeds
        self.unfed = unfed
        self.formats = formats
        self.clock = clock
        self.file = file
        self.distinct = distinct
        self.nullWords = formats.nullWords.map { Array($0.utf8) }
        self.hasNullWords = !formats.nullWords.isEmpty
        self.decimalSeparator = formats.decimalSeparator
        self.groupingSeparator = formats.groupingSeparator
        self.trueWords = formats.trueWords.map { $0.lowercased() }
        self.falseWords = formats.falseWords.map { $0.lowercased() }
        let temporalFormats = feeds.map { feed in
            feed.temporal ?? (feed.builder.kind == .date ? formats.date : formats.datetime)
        }
        self.temporalFormats = temporalFormats
        plans = .allocate(capacity: feeds.count)
        for (index, feed) in feeds.enumerated() {
            let kind = feed.builder.kind
            plans.initializeElement(
                at: index,
                to: Plan(
                    unmanaged: Unmanaged.passUnretained(feed.builder), column: feed.column ?? -1, kind: kind,
                    layout: kind == .date || kind == .datetime ? temporalFormats[index].fastLayout : .none,
                    direct: feed.constant == nil && feed.mapKeys.count == 0 && feed.parts.isEmpty
                        && feed.nullWords.isEmpty,
                    duration: kind == .integer && DurationText.isDurationField(feed.builder.field),
                    plainNull: feed.defaultValue == nil && !feed.builder.field.isRequired))
        }
    }

    deinit { plans.deallocate() }

    /// Consumes one record.
    ///
    /// - Returns: The problem that rejected the row, or nil when it was kept (or skipped as a
    ///   duplicate of a `distinct` mapping).
    @inline(__always)
    func consume<Cells: RecordRow & ~Copyable>(line: Int, cells: borrowing Cells) -> SourceError? {
        if hasFilters, isFilteredOut(cells) {
            droppedRows += 1
            return nil
        }
        if distinct, isDuplicate(cells) { return nil }
        for index in 0..<plans.count {
            let plan = plans[index]
            let problem: SourceError?
            if plan.direct {
                let text = Self.trim(cells.cell(plan.column))
                if text.isEmpty || hasNullWords && isNull(text) {
                    problem = appendNull(index, line: line)
                } else {
                    problem = parse(text, original: text, plan: plan, index: index, line: line)
                }
            } else {
                problem = appendIndirect(index, cells: cells, line: line)
            }
            if let problem {
                for done in 0..<index {
                    let builder = feeds[done].builder
                    builder.truncate(to: builder.count - 1)
                }
                return problem
            }
        }
        keptRows += 1
        if let sourceRowsHandle {
            sourceRowsHandle._withUnsafeGuaranteedRef { $0.appendInteger(fileIndex | Int64(line)) }
        }
        return nil
    }

    /// The problem of a record whose number of fields differs from the header's.
    @inline(never)
    func widthProblem(line: Int, found: Int, expected: Int) -> SourceError {
        SourceError(
            file: file, row: line, message: tr("expected %@ fields as in the header, found %@", expected, found))
    }

    /// Whether a `drop` filter matches the record or a `keep` filter does not.
    @inline(never)
    private func isFilteredOut<Cells: RecordRow & ~Copyable>(_ cells: borrowing Cells) -> Bool {
        for filter in filters {
            let matches = filter.values.code(of: Self.trim(cells.cell(filter.column))) != nil
            if matches != filter.keep { return true }
        }
        return false
    }

    private func isDuplicate<Cells: RecordRow & ~Copyable>(_ cells: borrowing Cells) -> Bool {
        distinctKey.removeAll(keepingCapacity: true)
        for feed in feeds {
            if !feed.parts.isEmpty {
                for column in feed.parts {
                    distinctKey.append(contentsOf: Self.trim(cells.cell(column)))
                    distinctKey.append(0x1E)
                }
            } else if let column = feed.column {
                distinctKey.append(contentsOf: Self.trim(cells.cell(column)))
            }
            distinctKey.append(0x1F)
        }
        return distinctKey.withUnsafeBytes { seen.intern($0).existed }
    }

    /// Appends nulls to the builders of fields this file does not feed.
    func finish() {
        for builder in unfed {
            for _ in 0..<keptRows { builder.appendNull() }
        }
    }

    /// A feed with a constant or a value map.
    @inline(never)
    private func appendIndirect<Cells: RecordRow & ~Copyable>(
        _ index: Int, cells: borrowing Cells, line: Int
    ) -> SourceError? {
        let feed = feeds[index]
        if let constant = feed.constant {
            return constant.withUnsafeBytes { appendText($0, index: index, line: line) }
        }
        if !feed.parts.isEmpty {
            joined.removeAll(keepingCapacity: true)
            for (position, column) in feed.parts.enumerated() {
                let part = Self.trim(cells.cell(column))
                if isNull(part) || isFieldNull(part, feed: feed) { return appendNull(index, line: line) }
                if position > 0 { joined.append(contentsOf: feed.separator) }
                joined.append(contentsOf: part)
            }
            let text = joined
            return text.withUnsafeBytes { appendMapped($0, index: index, line: line) }
        }
        let text = Self.trim(cells.cell(feed.column ?? 0))
        if isFieldNull(text, feed: feed) { return appendNull(index, line: line) }
        return appendText(text, index: index, line: line)
    }

    /// Whether a cell is one of the field's own null words.
    private func isFieldNull(_ text: UnsafeRawBufferPointer, feed: Feed) -> Bool {
        for word in feed.nullWords where word.count == text.count {
            if word.withUnsafeBytes({ $0.elementsEqual(text) }) { return true }
        }
        return false
    }

    private func appendText(_ text: UnsafeRawBufferPointer, index: Int, line: Int) -> SourceError? {
        if isNull(text) { return appendNull(index, line: line) }
        return appendMapped(text, index: index, line: line)
    }

    /// An empty or null cell: the default, a null, or a problem when the field is required.
    @inline(never)
    private func appendNull(_ index: Int, line: Int) -> SourceError? {
        // Through the plan: reading the feed (a class) and its field (a struct of strings)
        // retained and released them per empty cell.
        let plan = plans[index]
        if plan.plainNull {
            plan.unmanaged._withUnsafeGuaranteedRef { $0.appendNull() }
            plainNullCells &+= 1
            return nil
        }
        let feed = feeds[index]
        if let fallback = feed.defaultValue {
            return fallback.withUnsafeBytes { appendMapped($0, index: index, line: line) }
        }
        if feed.builder.field.isRequired {
            return problem(index, line: line, tr("required field is empty"))
        }
        feed.builder.appendNull()
        return nil
    }

    private func appendMapped(_ text: UnsafeRawBufferPointer, index: Int, line: Int) -> SourceError? {
        let feed = feeds[index]
        if feed.mapKeys.count > 0, let code = feed.mapKeys.code(of: text) {
            let replacement = feed.mapValues[Int(code)]
            if replacement.isEmpty {
                feed.builder.appendNull()
                return nil
            }
            return replacement.withUnsafeBytes {
                parse($0, original: text, plan: plans[index], index: index, line: line)
            }
        }
        return parse(text, original: text, plan: plans[index], index: index, line: line)
    }

    /// Parses a non-empty value to the field's type and appends it.
    @inline(__always)
    private func parse(
        _ text: UnsafeRawBufferPointer, original: UnsafeRawBufferPointer, plan: Plan, index: Int,
        line: Int
    ) -> SourceError? {
        plan.unmanaged._withUnsafeGuaranteedRef { builder in
            parse(text, original: original, plan: plan, builder: builder, index: index, line: line)
        }
    }

    @inline(__always)
    private func parse(
        _ text: UnsafeRawBufferPointer, original: UnsafeRawBufferPointer, plan: Plan,
        builder: ColumnBuilder, index: Int, line: Int
    ) -> SourceError? {
        switch plan.kind {
        case .key, .text, .reference:
            builder.appendString(text)
        case .integer:
            guard let value = ColumnBuilder.parseInteger(text, grouping: groupingSeparator) else {
                return integerFallback(text, original: original, plan: plan, index: index, line: line)
            }
            builder.appendInteger(value)
        case .decimal:
            guard
                let value = ExactDecimal.parse(
                    text, decimalSeparator: decimalSeparator, groupingSeparator: groupingSeparator)
            else { return decimalFallback(text, original: original, builder: builder, index: index, line: line) }
            builder.appendInteger(value.scaled)
        case .date:
            if plan.layout != .none, let fixed = TemporalFormat.parseFixed(text, layout: plan.layout),
                fixed.valid
            {
                let parsed = fixed.parsed
                builder.appendDay(CivilDate.dayNumber(year: parsed.year, month: parsed.month, day: parsed.day))
                return nil
            }
            return parseTemporal(text, original: original, index: index, line: line)
        case .datetime:
            if plan.layout != .none, let fixed = TemporalFormat.parseFixed(text, layout: plan.layout),
                fixed.valid
            {
                builder.appendInteger(clock.instant(of: fixed.parsed))
                return nil
            }
            return parseTemporal(text, original: original, index: index, line: line)
        case .boolean:
            return parseBoolean(text, original: original, builder: builder, index: index, line: line)
        case .enumeration:
            guard builder.appendEnumeration(text) else {
                guard case .enumeration(let values) = builder.field.type else { return nil }
                return rejected(
                    index, text: text, original: original, line: line,
                    tr("expected one of %@ (or map it in yardstick.toml)", values.joined(separator: ", ")))
            }
        }
        return nil
    }

    /// A date or datetime through its full pattern.
    @inline(never)
    private func parseTemporal(
        _ text: UnsafeRawBufferPointer, original: UnsafeRawBufferPointer, index: Int, line: Int
    ) -> SourceError? {
        let format = temporalFormats[index]
        let builder = feeds[index].builder
        if builder.kind == .date {
            guard let parsed = format.parse(text) else {
                return rejected(index, text: text, original: original, line: line, tr("expected a date (%@)", format))
            }
            builder.appendDay(CivilDate.dayNumber(year: parsed.year, month: parsed.month, day: parsed.day))
        } else {
            guard let parsed = format.parse(text) else {
                return rejected(
                    index, text: text, original: original, line: line, tr("expected a date and time (%@)", format))
            }
            builder.appendInteger(clock.instant(of: parsed))
        }
        return nil
    }

    // The rarer cases live out of line: keeping `parse` small is what lets the compiler inline
    // the common appends (`appendString` above all) into it.

    /// A decimal that is not in the file's own notation: a value-map target (always written
    /// 1234.5 whatever the file's separators), else a problem.
    @inline(never)
    private func decimalFallback(
        _ text: UnsafeRawBufferPointer, original: UnsafeRawBufferPointer, builder: ColumnBuilder, index: Int,
        line: Int
    ) -> SourceError? {
        if text.baseAddress != original.baseAddress,
            let value = ExactDecimal.parse(text, decimalSeparator: UInt8(ascii: "."), groupingSeparator: nil)
        {
            builder.appendInteger(value.scaled)
            return nil
        }
        return rejected(
            index, text: text, original: original, line: line,
            tr("expected a decimal number (at most %@ decimal places)", ExactDecimal.scale))
    }

    /// A boolean: one of the workspace's true or false words (value-map targets are `true` or
    /// `false` whatever those words are).
    @inline(never)
    private func parseBoolean(
        _ text: UnsafeRawBufferPointer, original: UnsafeRawBufferPointer, builder: ColumnBuilder, index: Int,
        line: Int
    ) -> SourceError? {
        let word = String(decoding: text, as: UTF8.self).lowercased()
        let mapped = text.baseAddress != original.baseAddress
        if trueWords.contains(word) || mapped && word == "true" {
            builder.appendBoolean(true)
        } else if falseWords.contains(word) || mapped && word == "false" {
            builder.appendBoolean(false)
        } else {
            return rejected(
                index, text: text, original: original, line: line,
                tr("expected true or false (%@)", (formats.trueWords + formats.falseWords).joined(separator: ", ")))
        }
        return nil
    }

    /// An integer that is not a plain whole number: a duration in a `…_seconds` field, or a
    /// value-map target (always written without grouping), else a problem.
    @inline(never)
    private func integerFallback(
        _ text: UnsafeRawBufferPointer, original: UnsafeRawBufferPointer, plan: Plan, index: Int,
        line: Int
    ) -> SourceError? {
        let builder = feeds[index].builder
        if plan.duration, let seconds = DurationText.seconds(text) {
            builder.appendInteger(seconds)
            return nil
        }
        if text.baseAddress != original.baseAddress,
            let value = ColumnBuilder.parseInteger(text, grouping: nil)
        {
            builder.appendInteger(value)
            return nil
        }
        let expected =
            plan.duration
            ? tr("expected a duration (seconds, M:SS, H:MM:SS or ISO 8601 such as PT2M23S)")
            : tr("expected a whole number")
        return rejected(index, text: text, original: original, line: line, expected)
    }

    /// The problem of a value that is not of its field's type. A value that a value map
    /// replaced shows both: `found "maybe" (mapped from "M")`.
    @inline(never)
    private func rejected(
        _ index: Int, text: UnsafeRawBufferPointer, original: UnsafeRawBufferPointer, line: Int,
        _ expected: String
    ) -> SourceError {
        let found = "\"" + DisplayText.example(bytes: text) + "\""
        var error: SourceError
        if text.baseAddress != original.baseAddress {
            let raw = "\"" + DisplayText.example(bytes: original) + "\""
            error = problem(index, line: line, tr("%@, found %@ (mapped from %@)", expected, found, raw))
        } else {
            error = problem(index, line: line, tr("%@, found %@", expected, found))
        }
        error.value = String(decoding: original.prefix(SourceError.valueLimit), as: UTF8.self)
        return error
    }

    private func problem(_ index: Int, line: Int, _ message: String) -> SourceError {
        let feed = feeds[index]
        return SourceError(
            file: file, row: line, column: feed.column == nil ? nil : feed.columnName,
            field: feed.builder.field.name, message: message)
    }

    /// The problem of a record holding a NUL byte in source column `column`, or nil when it
    /// holds none (checked only in files where the encoding scan saw a NUL).
    @inline(never)
    func nulProblem<Cells: RecordRow & ~Copyable>(line: Int, cells: borrowing Cells) -> SourceError? {
        for column in header.indices {
            let cell = cells.cell(column)
            guard let base = cell.baseAddress, memchr(base, 0, cell.count) != nil else { continue }
            let field = feeds.first { $0.column == column }?.builder.field.name
            return SourceError(
                file: file, row: line, column: header[column], field: field,
                value: String(decoding: cell.prefix(SourceError.valueLimit), as: UTF8.self),
                message: tr("a NUL byte in the value \"%@\"", DisplayText.example(bytes: cell)))
        }
        return nil
    }

    private func isNull(_ text: UnsafeRawBufferPointer) -> Bool {
        if text.isEmpty { return true }
        for word in nullWords where word.count == text.count {
            if word.withUnsafeBytes({ $0.elementsEqual(text) }) { return true }
        }
        return false
    }

    /// The bytes without surrounding spaces and tabs.
    @inline(__always)
    static func trim(_ text: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard let base = text.baseAddress, text.count > 0 else { return text }
        let first = base.load(as: UInt8.self)
        let last = base.load(fromByteOffset: text.count - 1, as: UInt8.self)
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return text }
        var start = 0
        var end = text.count
        while start < end, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
        while end > start, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: text[start..<end])
    }
}
