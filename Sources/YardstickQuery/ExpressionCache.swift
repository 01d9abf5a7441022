import Foundation
import YardstickData

/// The arithmetic measures a ``QueryEngine`` has evaluated, by entity and measure: the plans and
/// aggregates of every indicator and worker that use one expression share its column, computed
/// once. The key is the whole ``Measure``, so two different expressions never share a column.
final class ExpressionCache: @unchecked Sendable {
    private struct Key: Hashable {
        let entity: String
        let measure: Measure
    }

    private let lock = NSLock()
    private var columns: [Key: ExpressionColumn] = [:]
    private var evaluations = 0

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
        lock.unlock()
        let column = try ExpressionColumn.evaluate(measure, on: table, dataset: dataset)
        lock.lock()
        defer { lock.unlock() }
        if let raced = columns[key] { return raced }
        columns[key] = column
        evaluations += 1
        return column
    }
}
