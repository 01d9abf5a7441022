import Foundation

/// The figures of a run, addressable by subject, indicator and period.
///
/// A table is a collection of ``IndicatorResult`` in a defined order — the long-format order
/// of the outputs: periods as requested, then grains as requested, then subjects in catalog
/// order, then indicators in the report's order — and an index over it, so that consumers
/// (report writers, scoring) ask for a figure by what it is rather than by where it sits:
///
/// ```swift
/// let won = report.results[subject: SubjectKey(.user, "u17"), indicator: "deals_won", period: october]
/// for row in report.results.rows where row.grain == .team { … }
/// ```
///
/// The figures of one subject in one period form a ``ResultRow``; rows keep the order in which
/// their subject first appears. Any array of figures makes a table (they need not be a full
/// grid); when the same subject, indicator and period appear twice, the subscripts answer the
/// first and iteration yields both.
public struct ResultTable: RandomAccessCollection, Sendable, Equatable {
    /// Where one row's figures are: a run of positions, and any positions of the same subject
    /// and period that came later, apart from the run.
    private struct RowEntry: Sendable {
        var key: RowKey
        var run: Range<Int>
        var scattered: [Int] = []

        /// The row's positions in the table, in order.
        var positions: [Int] { Array(run) + scattered }
    }

    /// A row's identity: the period (by label) and the subject.
    private struct RowKey: Hashable, Sendable {
        var periodLabel: String
        var subject: SubjectKey
    }

    private let figures: Figures
    private let index: LazyIndex

    /// The rows and columns of the figures: made on the first question that needs them, so a
    /// table only iterated (a stage of a run with peer bins, a CSV written in order) never
    /// hashes its row keys.
    private final class LazyIndex: @unchecked Sendable {
        struct Built {
            var entries: [RowEntry] = []
            var rowNumbers: [RowKey: Int] = [:]
            var columnNumbers: [String: Int] = [:]
            var indicatorIDs: [String] = []
        }

        private let lock = NSLock()
        private var built: Built?

        /// Whether the index was made.
        var isBuilt: Bool {
            lock.lock()
            defer { lock.unlock() }
            return built != nil
        }

        /// The index of `figures`, made on first use.
        func get(_ figures: Figures) -> Built {
            lock.lock()
            defer { lock.unlock() }
            if let built { return built }
            let made = Self.make(figures)
            built = made
            return made
        }

        private static func make(_ figures: Figures) -> Built {
            var index = Built()
            var seenParts: Set<ObjectIdentifier> = []
            var current = -1
            for (position, figure) in figures.enumerated() {
                if current >= 0, index.entries[current].run.upperBound == position,
                    figures[position - 1].sharesSubjectPart(with: figure)
                {
                    index.entries[current].run = index.entries[current].run.lowerBound..<(position + 1)
                } else {
                    let key = RowKey(
                        periodLabel: figure.period.label, subject: SubjectKey(figure.grain, figure.subjectID))
                    if let number = index.rowNumbers[key] {
                        let entry = index.entries[number]
                        if entry.run.upperBound == position && entry.scattered.isEmpty {
                            index.entries[number].run = entry.run.lowerBound..<(position + 1)
                        } else {
                            index.entries[number].scattered.append(position)
                        }
                        current = number
                    } else {
                        index.rowNumbers[key] = index.entries.count
                        current = index.entries.count
                        index.entries.append(RowEntry(key: key, run: position..<(position + 1)))
                    }
                }
                // Figures of one indicator share a part: its id is looked at once per part.
                if seenParts.insert(ObjectIdentifier(figure.sharedIndicatorPart)).inserted,
                    index.columnNumbers[figure.indicatorID] == nil
                {
                    index.columnNumbers[figure.indicatorID] = index.indicatorIDs.count
                    index.indicatorIDs.append(figure.indicatorID)
                }
            }
            return index
        }
    }

    private var entries: [RowEntry] { index.get(figures).entries }

    /// Whether the table's index of rows and columns has been made (tests pin that iterating
    /// does not make it).
    package var isIndexed: Bool { index.isBuilt }

    /// The indicator ids of the figures, in the order each first appears.
    public var indicatorIDs: [String] { index.get(figures).indicatorIDs }

    /// Creates a table of `figures`, kept in their order.
    ///
    /// - Parameter figures: The figures, usually in long-format order (see ``ResultTable``).
    public init(_ figures: [IndicatorResult] = []) {
        self.figures = Figures(storage: .rows(figures))
        index = LazyIndex()
    }

    /// Creates a table of a run's figures laid out as a grid: per task, one figure per
    /// indicator, `values` task by task, with the task's subject part (one per task) and the
    /// indicators' parts (one per column). The rows are made when read, so a run of many
    /// subjects does not hold one row object per figure.
    package init(
        values: [ResultValue], subjects: [IndicatorResult.SubjectPart], indicators: [IndicatorResult.IndicatorPart]
    ) {
        precondition(values.count == subjects.count * indicators.count, "one value per subject and indicator")
        figures = Figures(storage: .grid(values: values, subjects: subjects, indicators: indicators))
        index = LazyIndex()
    }

    /// The position of the first figure.
    public var startIndex: Int { figures.startIndex }

    /// The position after the last figure.
    public var endIndex: Int { figures.endIndex }

    /// The figure at `position`, in long-format order.
    public subscript(position: Int) -> IndicatorResult { figures[position] }

    /// The figure of one indicator for one subject in one period, if the table has it.
    ///
    /// - Parameters:
    ///   - subject: The subject: its grain and id.
    ///   - indicator: The indicator id (`win_rate`, or `pack.win_rate` for a pack's indicator).
    ///   - period: The period; periods are matched by label.
    public subscript(subject subject: SubjectKey, indicator indicator: String, period period: Period)
        -> IndicatorResult?
    {
        position(periodLabel: period.label, subject: subject, indicator: indicator).map { figures[$0] }
    }

    /// The figures of one subject in one period, if the table has any.
    ///
    /// - Parameters:
    ///   - subject: The subject: its grain and id.
    ///   - period: The period; periods are matched by label.
    public subscript(subject subject: SubjectKey, period period: Period) -> ResultRow? {
        let built = index.get(figures)
        return built.rowNumbers[RowKey(periodLabel: period.label, subject: subject)].map { row(built.entries[$0]) }
    }

    /// The positions of one subject's figures in one period when they lie together, in the
    /// order of ``indicatorIDs`` (a full row of the run): for readers that take a row's figures
    /// by column without building a ``ResultRow``. Nil when the table has no such row or its
    /// figures are not one full run (then use the subscripts).
    ///
    /// - Parameters:
    ///   - subject: The subject: its grain and id.
    ///   - period: The period; periods are matched by label.
    package func fullRow(subject: SubjectKey, period: Period) -> Range<Int>? {
        let built = index.get(figures)
        guard let number = built.rowNumbers[RowKey(periodLabel: period.label, subject: subject)] else { return nil }
        let entry = built.entries[number]
        guard entry.scattered.isEmpty, entry.run.count == built.indicatorIDs.count else { return nil }
        return entry.run
    }

    /// Every subject's figures in each period, in the order the subjects first appear.
    public var rows: [ResultRow] { entries.map(row) }

    /// The rows of one period (by label) and grain, in order.
    ///
    /// - Parameters:
    ///   - periodLabel: The period's label (`2026-10`).
    ///   - grain: The grain.
    public func rows(periodLabel: String, grain: Grain) -> [ResultRow] {
        entries.filter { $0.key.periodLabel == periodLabel && $0.key.subject.grain == grain }.map(row)
    }

    /// One indicator's figures for every subject of a grain in a period, in row order: what a
    /// ranking or a peer comparison reads.
    ///
    /// - Parameters:
    ///   - indicator: The indicator id.
    ///   - period: The period; periods are matched by label.
    ///   - grain: The subjects' grain.
    /// - Returns: One figure per subject that has one (the first, should a subject have two).
    public func figures(of indicator: String, period: Period, grain: Grain) -> [IndicatorResult] {
        index.get(figures).entries.compactMap { entry in
            guard entry.key.periodLabel == period.label, entry.key.subject.grain == grain else { return nil }
            return position(periodLabel: entry.key.periodLabel, subject: entry.key.subject, indicator: indicator)
                .map { figures[$0] }
        }
    }

    /// The labels of the periods the figures cover, in the order each first appears.
    public var periodLabels: [String] {
        var seen: Set<String> = []
        return entries.map(\.key.periodLabel).filter { seen.insert($0).inserted }
    }

    /// Equal when the figures, in order, are equal.
    public static func == (a: ResultTable, b: ResultTable) -> Bool { a.figures == b.figures }

    /// Where the figure of `indicator` for `subject` in a period is: straight from the column
    /// number when the row is a full grid row in column order, else by looking along the row.
    private func position(periodLabel: String, subject: SubjectKey, indicator: String) -> Int? {
        let built = index.get(figures)
        guard let number = built.rowNumbers[RowKey(periodLabel: periodLabel, subject: subject)] else { return nil }
        let entry = built.entries[number]
        if let column = built.columnNumbers[indicator], entry.run.count == built.indicatorIDs.count,
            entry.scattered.isEmpty
        {
            let position = entry.run.lowerBound + column
            if figures[position].indicatorID == indicator { return position }
        }
        return entry.positions.first { figures[$0].indicatorID == indicator }
    }

    private func row(_ entry: RowEntry) -> ResultRow {
        let first = figures[entry.run.lowerBound]
        return ResultRow(
            period: first.period, grain: first.grain, subjectID: first.subjectID, subjectName: first.subjectName,
            figures: entry.positions.map { figures[$0] })
    }
}

extension ResultTable {
    /// The figures of a table: the rows as they were given, or a grid of values whose rows are
    /// made when read (see ``init(values:subjects:indicators:)``).
    fileprivate struct Figures: RandomAccessCollection, Sendable, Equatable {
        enum Storage: Sendable {
            case rows([IndicatorResult])
            case grid(
                values: [ResultValue], subjects: [IndicatorResult.SubjectPart],
                indicators: [IndicatorResult.IndicatorPart])
        }

        let storage: Storage

        var startIndex: Int { 0 }

        var endIndex: Int {
            switch storage {
            case .rows(let rows): rows.count
            case .grid(let values, _, _): values.count
            }
        }

        subscript(position: Int) -> IndicatorResult {
            switch storage {
            case .rows(let rows):
                return rows[position]
            case .grid(let values, let subjects, let indicators):
                let (task, column) = position.quotientAndRemainder(dividingBy: indicators.count)
                return IndicatorResult(subject: subjects[task], indicator: indicators[column], value: values[position])
            }
        }

        static func == (a: Figures, b: Figures) -> Bool { a.elementsEqual(b) }
    }
}

extension ResultTable {
    /// One table with the indicators of several side by side.
    ///
    /// Each row of the result holds the row's figures from every table, table by table (so a
    /// row's indicators keep the tables' order); rows come in the order their subject and
    /// period first appear, in the first table, then the second, and so on. Used to put
    /// together the results of indicator sets evaluated apart over the same subjects and
    /// periods.
    ///
    /// - Parameter tables: The tables, in indicator order.
    /// - Returns: The joined table.
    package static func joiningIndicators(of tables: [ResultTable]) -> ResultTable {
        guard tables.count > 1 else { return tables.first ?? ResultTable() }
        var order: [RowKey] = []
        var parts: [RowKey: [[Int]]] = [:]
        for (number, table) in tables.enumerated() {
            for entry in table.entries {
                if parts[entry.key] == nil {
                    order.append(entry.key)
                    parts[entry.key] = Array(repeating: [], count: tables.count)
                }
                parts[entry.key]?[number] = entry.positions
            }
        }
        var figures: [IndicatorResult] = []
        figures.reserveCapacity(tables.reduce(0) { $0 + $1.count })
        for key in order {
            for (number, positions) in (parts[key] ?? []).enumerated() {
                figures += positions.map { tables[number].figures[$0] }
            }
        }
        return ResultTable(figures)
    }

    /// The same figures with indicator ids rewritten by `rename` (pack ids namespaced, say);
    /// figures of one indicator keep sharing their labels.
    ///
    /// - Parameter rename: The new id for an id.
    /// - Returns: The renamed table.
    package func renamingIndicators(_ rename: (String) -> String) -> ResultTable {
        var renamed: [ObjectIdentifier: IndicatorResult.IndicatorPart] = [:]
        return ResultTable(
            figures.map { figure in
                let part = figure.sharedIndicatorPart
                let key = ObjectIdentifier(part)
                if let done = renamed[key] { return figure.withIndicatorPart(done) }
                let new = IndicatorResult.IndicatorPart(id: rename(part.id), title: part.title, unit: part.unit)
                renamed[key] = new
                return figure.withIndicatorPart(new)
            })
    }
}
