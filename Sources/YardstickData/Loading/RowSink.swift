/// Turns the cells of source records into typed rows of one entity, checking each value.
///
/// A sink is prepared per source mapping (it knows which cell feeds which field, the value
/// maps, defaults and formats) and appends to the entity's shared column builders.
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

        init(
            builder: ColumnBuilder, column: Int?, columnName: String, constant: [UInt8]?,
            defaultValue: [UInt8]?, mapKeys: StringDictionary, mapValues: [[UInt8]],
            temporal: TemporalFormat?
        ) {
            self.builder = builder
            self.column = column
            self.columnName = columnName
            self.constant = constant
            self.defaultValue = defaultValue
            self.mapKeys = mapKeys
            self.mapValues = mapValues
            self.temporal = temporal
        }

        /// The same feed writing into another builder.
        func rebound(to builder: ColumnBuilder) -> Feed {
            Feed(
                builder: builder, column: column, columnName: columnName, constant: constant,
                defaultValue: defaultValue, mapKeys: mapKeys, mapValues: mapValues,
                temporal: temporal)
        }
    }

    let feeds: [Feed]
    let unfed: [ColumnBuilder]
    let formats: ValueFormats
    let clock: ZoneClock
    let file: String
    let distinct: Bool
    private var seen = StringDictionary()
    private var distinctKey: [UInt8] = []
    private let nullWords: [[UInt8]]
    private(set) var keptRows = 0

    init(
        feeds: [Feed], unfed: [ColumnBuilder], formats: ValueFormats, clock: ZoneClock,
        file: String, distinct: Bool
    ) {
        self.feeds = feeds
        self.unfed = unfed
        self.formats = formats
        self.clock = clock
        self.file = file
        self.distinct = distinct
        self.nullWords = formats.nullWords.map { Array($0.utf8) }
    }

    /// Consumes one record; `cell(i)` gives the bytes of source column `i`.
    ///
    /// - Returns: The problem that rejected the row, or nil when it was kept (or skipped as a
    ///   duplicate of a `distinct` mapping).
    func consume(line: Int, cell: (Int) -> UnsafeRawBufferPointer) -> SourceError? {
        if distinct {
            distinctKey.removeAll(keepingCapacity: true)
            for feed in feeds {
                if let column = feed.column {
                    distinctKey.append(contentsOf: Self.trim(cell(column)))
                }
                distinctKey.append(0x1F)
            }
            let isDuplicate = distinctKey.withUnsafeBytes { seen.intern($0).existed }
            if isDuplicate { return nil }
        }
        for (index, feed) in feeds.enumerated() {
            if let problem = append(feed, cell: cell, line: line) {
                for done in feeds[..<index] { done.builder.truncate(to: done.builder.count - 1) }
                return problem
            }
        }
        keptRows += 1
        return nil
    }

    /// Appends nulls to the builders of fields this file does not feed.
    func finish() {
        for builder in unfed {
            for _ in 0..<keptRows { builder.appendNull() }
        }
    }

    private func append(_ feed: Feed, cell: (Int) -> UnsafeRawBufferPointer, line: Int)
        -> SourceError?
    {
        let raw: UnsafeRawBufferPointer
        if let constant = feed.constant {
            return constant.withUnsafeBytes { appendText($0, feed: feed, line: line) }
        }
        raw = Self.trim(cell(feed.column ?? 0))
        return appendText(raw, feed: feed, line: line)
    }

    private func appendText(_ text: UnsafeRawBufferPointer, feed: Feed, line: Int) -> SourceError? {
        if isNull(text) {
            if let fallback = feed.defaultValue {
                return fallback.withUnsafeBytes { appendMapped($0, feed: feed, line: line) }
            }
            if feed.builder.field.isRequired {
                return problem(feed, line: line, "required field is empty")
            }
            feed.builder.appendNull()
            return nil
        }
        return appendMapped(text, feed: feed, line: line)
    }

    private func appendMapped(_ text: UnsafeRawBufferPointer, feed: Feed, line: Int) -> SourceError? {
        if feed.mapKeys.count > 0, let code = feed.mapKeys.code(of: text) {
            let replacement = feed.mapValues[Int(code)]
            if replacement.isEmpty {
                feed.builder.appendNull()
                return nil
            }
            return replacement.withUnsafeBytes { parse($0, original: text, feed: feed, line: line) }
        }
        return parse(text, original: text, feed: feed, line: line)
    }

    private func parse(
        _ text: UnsafeRawBufferPointer, original: UnsafeRawBufferPointer, feed: Feed, line: Int
    ) -> SourceError? {
        guard
            let expected = feed.builder.append(
                text, formats: formats, temporal: feed.temporal, clock: clock)
        else { return nil }
        let found = String(decoding: original.prefix(80), as: UTF8.self)
        return problem(feed, line: line, "\(expected), found \"\(found)\"")
    }

    private func problem(_ feed: Feed, line: Int, _ message: String) -> SourceError {
        SourceError(
            file: file, row: line, column: feed.column == nil ? nil : feed.columnName,
            field: feed.builder.field.name, message: message)
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
        var start = 0
        var end = text.count
        while start < end, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
        while end > start, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
        if start == 0 && end == text.count { return text }
        return UnsafeRawBufferPointer(rebasing: text[start..<end])
    }
}
