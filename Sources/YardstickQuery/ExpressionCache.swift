import Foundation
import YardstickData
import YardstickLocalization

/// The arithmetic measures a ``QueryEngine`` has evaluated, by entity and measure: the plans and
/// aggregates of every indicator and worker that use one expression share its column, computed
/// once. The key is the whole ``Measure``, so two different expressions never share a column.
///
/// The columns live as long as the engine, and scripts are untrusted: a script making a new
/// expression per subject or per loop turn would otherwise make the host allocate a column
/// each time, outside the Lua memory limit. So the columns share a budget of bytes; an
/// expression that does not fit is an error the script sees at its line.
final class ExpressionCache: @unchecked Sendable {
    private struct Key: Hashable {
        let entity: String
        let measure: Measure
    }

    /// The default budget: 1 GiB of expression columns per engine.
    static let defaultByteBudget = 1 << 30

    private let lock = NSLock()
    private var columns: [Key: ExpressionColumn] = [:]
    private var evaluations = 0
    private var bytes = 0
    private let byteBudget: Int

    /// Creates an empty cache whose columns may take up to `byteBudget` bytes together.
    init(byteBudget: Int = defaultByteBudget) { self.byteBudget = byteBudget }

    /// The number of columns evaluated so far (a cached column asked for again is not counted).
    var evaluated: Int {
        lock.lock()
        defer { lock.unlock() }
        return evaluations
    }

    /// The column of `measure` on `table`, evaluated on first use.
    ///
    /// - Throws: ``QueryError`` from ``ExpressionColumn/evaluate(_:on:dataset:)``.
    func column(_ measure: Measure, on table: Table, dataset: Dataset) throws(QueryError) -> ExpressionColumn {
        let key = Key(entity: table.entity.name, measure: measure)
        lock.lock()
        if let cached = columns[key] {
            lock.unlock()
            return cached
        }
        // Eight bytes of value and one bit of validity per row.
        let size = table.rowCount * 8 + table.rowCount / 8 + 64
        let full = bytes + size > byteBudget
        lock.unlock()
        if full { throw budgetError(table) }
        let column = try ExpressionColumn.evaluate(measure, on: table, dataset: dataset)
        lock.lock()
        defer { lock.unlock() }
        if let raced = columns[key] { return raced }
        guard bytes + size <= byteBudget else { throw budgetError(table) }
        columns[key] = column
        bytes += size
        evaluations += 1
        return column
    }

    private func budgetError(_ table: Table) -> QueryError {
        QueryError(
            tr(
                "too many different field(…) expressions on %@ in this run (their columns would take more than %@ MiB): an expression should not change with the subject; apply per-subject numbers to the aggregate instead (s.orders:sum(\"amount\") * k(\"rate\"))",
                table.entity.name,
                byteBudget >> 20))
    }
}
