/// A per-key view as a value: the rows of a view split by a key, with per-key aggregates, then
/// filtered on the key and those aggregates or combined with other key views by key value.
///
/// Key views are data, like ``QueryPlan``s: the prelude records one per call site, the host
/// evaluates it for every subject and period (``KeyEvaluator``), and equal key views built by
/// different indicators share their cached per-key tables.
package indirect enum KeyView: Sendable, Hashable, CustomStringConvertible {
    /// `view:per(key, aggregates)`: one row per distinct non-null key value among the source's
    /// rows, with the named aggregates of that key's rows.
    case per(KeySource, key: FieldPath, columns: [KeyColumn])
    /// A filter on the key rows (`where`, `during`, `before`, `between` on the key or a
    /// per-key aggregate), whose period filters read the period of `slot`.
    case filtered(KeyView, QueryFilter, slot: Int)
    /// Two key views combined by key value; the result keeps the left view's fields.
    case combined(KeyView, KeySetOperation, KeyView)

    /// The field names of the key rows: `key`, then the per-key aggregates of the leftmost
    /// `per`.
    package var fieldNames: [String] {
        switch self {
        case .per(_, _, let columns): ["key"] + columns.map(\.name)
        case .filtered(let view, _, _): view.fieldNames
        case .combined(let left, _, _): left.fieldNames
        }
    }

    /// The slot of the leftmost source: the period that `during` on this view reads.
    package var slot: Int {
        switch self {
        case .per(let source, _, _): source.slot
        case .filtered(_, _, let slot): slot
        case .combined(let left, _, _): left.slot
        }
    }

    /// The key view in words, for `explain` and errors.
    package var description: String {
        switch self {
        case .per(let source, let key, let columns):
            let named = columns.map { "\($0.name) = \($0.aggregate)" }.joined(separator: ", ")
            let scope = source.slot == 0 ? "" : " (scope slot \(source.slot))"
            return "\(source.plan.entity)\(scope) per \(key)" + (named.isEmpty ? "" : " with \(named)")
        case .filtered(let view, let filter, _): return "\(view) where \(filter)"
        case .combined(let left, let operation, let right): return "(\(left)) \(operation.rawValue) (\(right))"
        }
    }
}
