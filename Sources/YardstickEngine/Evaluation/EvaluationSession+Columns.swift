import LuaRuntime
import YardstickData
import YardstickLocalization
import YardstickQuery

/// Column mode: a session evaluates indicators for every subject of a grain at once.
extension EvaluationSession {
    /// Evaluates indicators for every subject of a grain in one period at once ("column
    /// mode"): each value function runs once, its queries give one value per subject.
    ///
    /// Only for indicators ``ColumnEligibility`` allows; an indicator that uses a value in a way
    /// column mode cannot follow, or fails, is left out of the result (evaluate it per subject).
    /// An indicator a limit stops here is left out of column mode for the rest of the session
    /// (per subject, the limit stops it once for the whole run; see ``LimitStops``), and the
    /// others are evaluated again without it.
    ///
    /// - Parameter subjects: The partition's subjects, in its order (peer bins are read by
    ///   subject).
    /// An indicator that read peer bins not computed yet is pending for every subject: it is
    /// returned as failed with the per-subject path's error, in ``ColumnBlockValues/pending``.
    ///
    /// - Returns: Per indicator computed, one value per subject in the order of the partition.
    func evaluateColumns(_ ids: [String], period: Period, runs: PartitionRuns, subjects: [SubjectInfo])
        -> ColumnBlockValues
    {
        let size = runs.partition.count
        var ids = ids.filter { !columnStopped.contains($0) && stops.error(for: $0) == nil }
        guard !ids.isEmpty, size > 0 else { return ColumnBlockValues() }
        setFocus(.column(runs), period)
        taskPeriod = nil
        derivedColumns = []
        columnSubjects = subjects
        defer {
            derivedColumns = []
            columnSubjects = []
        }
        var eligible = LuaTable()
        for id in columnEligible { eligible[.string(id)] = .boolean(true) }
        for id in imported.readableIDs { eligible[.string(id)] = .boolean(true) }
        var output: [LuaValue] = []
        while true {
            do throws(LuaError) {
                output = try vm.call(
                    columnsFunction,
                    [
                        .integer(Int64(size)), periodTable(.none), .table(LuaTable(array: ids.map { .string($0) })),
                        .table(eligible),
                    ])
                break
            } catch {
                // The indicator running when a limit struck is the last one started.
                let started = vm.lastCallStatistics.units
                guard LimitStops.isLimit(error), (1...ids.count).contains(started) else { return ColumnBlockValues() }
                columnStopped.insert(ids.remove(at: started - 1))
                if ids.isEmpty { return ColumnBlockValues() }
            }
        }
        guard case .table(let flat)? = output.first else { return ColumnBlockValues() }
        return columnResults(flat.array, ids: ids, size: size)
    }

    /// The results of a column run: per indicator of `ids` whose pair of `pairs` (result kinds,
    /// values) reads as a column of `size` results (or one result for all), those results; per
    /// indicator whose pair is a pending failure ("f" and its message), that failure for all.
    private func columnResults(_ pairs: [LuaValue], ids: [String], size: Int) -> ColumnBlockValues {
        var block = ColumnBlockValues()
        for (index, id) in ids.enumerated() where 2 * index + 1 < pairs.count {
            guard case .string(let kinds) = pairs[2 * index], case .table(let valuesTable) = pairs[2 * index + 1]
            else { continue }
            let values = valuesTable.array
            if kinds == "f" {
                guard values.count == 1, let error = pendingFailure(kind: UInt8(ascii: "f"), value: values[0], id)
                else { continue }
                block.values[id] = Array(repeating: .failed(message: error.description), count: size)
                block.pending[id] = error
                continue
            }
            if kinds == "@" {
                // A query's column returned as it is: its values come from the engine directly.
                guard values.count == 2, let aggregate = values[0].integerValue, let slot = values[1].integerValue,
                    let column = queryColumn(ColumnReference(aggregate: Int(aggregate), slot: Int(slot))),
                    column.count == size
                else { continue }
                block.values[id] = column
                continue
            }
            let letters = Array(kinds.utf8)
            guard letters.count == values.count, letters.count == 1 || letters.count == size else { continue }
            var column: [ResultValue] = []
            column.reserveCapacity(letters.count)
            for (letter, value) in zip(letters, values) {
                guard let result = ValueBridge.result(kind: letter, value: value) else { break }
                column.append(result)
            }
            guard column.count == letters.count else { continue }
            block.values[id] = column.count == 1 ? Array(repeating: column[0], count: size) : column
        }
        return block
    }

    /// A column's values: an aggregate's for every subject of the focused grain in the period
    /// of a shifted period (id ≥ 0), or a column computed here (id < 0, see ``ratioColumn``).
    func columnQueryValues(_ column: ColumnReference) throws(QueryError) -> [QueryValue] {
        let id = column.aggregate
        if id < 0 {
            guard derivedColumns.indices.contains(-id - 1) else { throw QueryError(tr("unknown column")) }
            return derivedColumns[-id - 1]
        }
        guard let member = mode.member, let shifted = shiftedPeriod(column.shift), aggregates.indices.contains(id)
        else {
            throw QueryError(tr("no grain in focus"))
        }
        if column.shift == .none { touchedPlans?.insert(aggregates[id].plan.plan) }
        return try member.runs.values(of: aggregates[id], in: shifted.queryDays, common: true)
    }

    /// A column's values as indicator results, as ``ValueBridge/result(_:)`` would make them;
    /// nil when a value is not a scalar.
    func queryColumn(_ column: ColumnReference) -> [ResultValue]? {
        guard let values = try? columnQueryValues(column) else { return nil }
        var column: [ResultValue] = []
        column.reserveCapacity(values.count)
        for value in values {
            switch value {
            case .integer(let number): column.append(.integer(number))
            case .number(let number): column.append(ValueBridge.result(.number(number)))
            case .decimal(let decimal): column.append(.decimal(decimal))
            case .missing(let reason): column.append(.missing(reason: reason))
            default: return nil
            }
        }
        return column
    }

    /// `ratio` of two columns element by element, by the prelude's scalar rule (a missing
    /// operand is the result; numbers and decimals divide as doubles; a zero divisor gives
    /// `whenZero`, or missing "division by zero" without one), kept here; returns the new
    /// column's id (negative).
    ///
    /// - Throws: ``QueryError`` when an element is not a number, decimal or missing value
    ///   (the prelude then leaves column mode).
    func ratioColumn(_ a: ColumnReference, _ b: ColumnReference, whenZero: QueryValue? = nil) throws(QueryError)
        -> Int
    {
        let left = try columnQueryValues(a)
        let right = try columnQueryValues(b)
        guard left.count == right.count else { throw QueryError(tr("columns of different lengths")) }
        let number = ColumnArithmetic.double
        var column: [QueryValue] = []
        column.reserveCapacity(left.count)
        for (x, y) in zip(left, right) {
            if case .missing = x {
                column.append(x)
            } else if case .missing = y {
                column.append(y)
            } else if let p = number(x), let q = number(y) {
                column.append(q == 0 ? whenZero ?? .missing("division by zero") : .number(p / q))
            } else {
                throw QueryError(tr("ratio of a non-number"))
            }
        }
        derivedColumns.append(column)
        return -derivedColumns.count
    }

    /// `a` op `b` element by element by the prelude's scalar rules (``ColumnArithmetic``), kept
    /// here; returns the new column's id (negative), or nil when some element has no host rule
    /// (the prelude then computes the column itself, raising the rule's error).
    ///
    /// - Throws: ``QueryError`` when a column cannot be read or the columns' lengths differ.
    func arithmeticColumn(
        _ operation: ColumnArithmetic, _ a: ColumnOperand, _ b: ColumnOperand
    ) throws(QueryError) -> Int? {
        func values(_ operand: ColumnOperand) throws(QueryError) -> [QueryValue] {
            switch operand {
            case .column(let reference): try columnQueryValues(reference)
            case .constant(let value): [value]
            }
        }
        let left = try values(a)
        let right = try values(b)
        let size = max(left.count, right.count)
        guard left.count == size || left.count == 1, right.count == size || right.count == 1 else {
            throw QueryError(tr("columns of different lengths"))
        }
        var column: [QueryValue] = []
        column.reserveCapacity(size)
        for index in 0..<size {
            let x = left.count == 1 ? left[0] : left[index]
            let y = right.count == 1 ? right[0] : right[index]
            guard let value = operation.apply(x, y) else { return nil }
            column.append(value)
        }
        derivedColumns.append(column)
        hostArithmeticColumns += 1
        return -derivedColumns.count
    }

    /// The peer bins of indicator `id` for every subject of the column run, kept here as a new
    /// column (like ``arithmeticColumn(_:_:_:)``'s results): returns its id (negative), so that
    /// arithmetic on bins (a weighted RFM score) runs in the host and the bins never cross into
    /// Lua one by one. A bin that is missing or failed is missing with its reason, as the
    /// per-subject path gives it. Nil while some subject's bin is not computed (the bins are
    /// pending: bins.lua fails the reader, and a later stage evaluates it again).
    func peerBinColumn(_ id: String) -> Int? {
        guard case .column = mode, let period, !columnSubjects.isEmpty,
            let bins = peerBins.column(of: id, subjects: columnSubjects, period: period)
        else { return nil }
        var column: [QueryValue] = []
        column.reserveCapacity(bins.count)
        for bin in bins {
            switch bin {
            case .integer(let bin): column.append(.integer(bin))
            case .missing(let reason), .failed(let reason): column.append(.missing(reason))
            case .number, .decimal: return nil
            }
        }
        derivedColumns.append(column)
        return -derivedColumns.count
    }

    /// A column's values (see ``columnQueryValues(_:)``) for Lua: a string with one letter per
    /// subject (n: a number, d: a decimal as its scaled integer, m: missing, as its reason, t: a
    /// date as its day number) and the values in subject order.
    func columnValues(_ column: ColumnReference) throws(QueryError) -> [LuaValue] {
        let values = try columnQueryValues(column)
        var kinds: [UInt8] = []
        var items: [LuaValue] = []
        kinds.reserveCapacity(values.count)
        items.reserveCapacity(values.count)
        for value in values {
            guard let (kind, item) = ValueBridge.flat(value, dates: true) else {
                throw QueryError(tr("a query gives a table per subject"))
            }
            kinds.append(kind)
            items.append(item)
        }
        return [.string(String(decoding: kinds, as: UTF8.self)), .table(LuaTable(array: items))]
    }
}
