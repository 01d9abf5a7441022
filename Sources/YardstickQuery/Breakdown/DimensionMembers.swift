import Foundation
import YardstickData
import YardstickLocalization

/// The members of a breakdown dimension in a dataset, and the member of every row of each
/// entity that has the dimension's path.
///
/// Members are numbered in label order (sorted by text, so cohort months come in time order);
/// the empty member (a null path, a reference naming no row, a key without a first event) comes
/// last, at ``noneIndex``. Built once per dimension and engine (see
/// ``QueryEngine/members(of:)``): a breakdown then restricts or partitions rows by comparing
/// small integers.
package final class DimensionMembers: Sendable {
    /// The dimension.
    package let dimension: BreakdownDimension
    /// The labels of the non-empty members, sorted.
    package let labels: [String]
    /// Per entity that has the path: per row, its member's index.
    private let memberOfRow: [String: [Int32]]
    private let indexOfLabel: [String: Int32]

    /// The number of members, the empty one included.
    package var count: Int { labels.count + 1 }

    /// The index of the empty member (after every labelled one).
    package var noneIndex: Int32 { Int32(labels.count) }

    /// The entities that have the path, sorted.
    package var entities: [String] { memberOfRow.keys.sorted() }

    /// Per row of `entity`, its member's index; nil when the entity does not have the path (its
    /// rows are then not restricted).
    package func members(of entity: String) -> [Int32]? { memberOfRow[entity] }

    /// The index of a member (nil: the empty member); nil when no row has that member.
    package func index(of member: String?) -> Int32? {
        guard let member else { return noneIndex }
        return indexOfLabel[member]
    }

    /// The member at an index as a restriction's member: its label, or nil for the empty member.
    package func member(at index: Int) -> String? { index < labels.count ? labels[index] : nil }

    /// Resolves a dimension on every table of `dataset`.
    ///
    /// - Throws: ``QueryError`` when no mapped entity has the path (for a cohort: no entity has
    ///   both the key and a date field `first`).
    package init(_ dimension: BreakdownDimension, in dataset: Dataset) throws(QueryError) {
        self.dimension = dimension
        var interner = Interner()
        var local: [String: [Int32]] = [:]
        let tables = dataset.tables.keys.sorted().compactMap { dataset[$0] }
        switch dimension {
        case .path(let path):
            for table in tables {
                if let codes = Self.resolve(table, path.names[...], dataset, &interner) {
                    local[table.entity.name] = codes
                }
            }
            guard !local.isEmpty else {
                throw QueryError(
                    tr(
                        "no mapped entity has the field %@ to break figures down by (mapped: %@)", path,
                        tables.map(\.entity.name).joined(separator: ", ")))
            }
        case .cohort(let cohort):
            local = try Self.cohorts(cohort, tables, dataset, &interner)
        }
        // Number the members in label order; the empty member last.
        let order = interner.labels.indices.sorted { interner.labels[$0] < interner.labels[$1] }
        var rank = [Int32](repeating: 0, count: order.count)
        for (position, code) in order.enumerated() { rank[code] = Int32(position) }
        labels = order.map { interner.labels[$0] }
        let none = Int32(order.count)
        memberOfRow = local.mapValues { codes in codes.map { $0 < 0 ? none : rank[Int($0)] } }
        indexOfLabel = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, Int32($0)) })
    }

    /// Texts numbered in the order first met.
    struct Interner {
        var labels: [String] = []
        var codes: [String: Int32] = [:]

        mutating func code(_ text: String) -> Int32 {
            if let code = codes[text] { return code }
            let code = Int32(labels.count)
            labels.append(text)
            codes[text] = code
            return code
        }
    }

    /// Per row of `table`, the interned text at the end of the path (-1 for null); nil when the
    /// table does not have the path.
    static func resolve(_ table: Table, _ names: ArraySlice<String>, _ dataset: Dataset, _ interner: inout Interner)
        -> [Int32]?
    {
        guard let name = names.first, let column = table[name] else { return nil }
        if names.count == 1 { return terminal(column, table.rowCount, &interner) }
        guard let target = column.field.referencedEntity, let next = dataset[target],
            column.referencedRows.count == table.rowCount,
            let inner = resolve(next, names.dropFirst(), dataset, &interner)
        else { return nil }
        return column.referencedRows.map { $0 >= 0 && Int($0) < inner.count ? inner[Int($0)] : -1 }
    }

    /// Per row, the interned text of a column's value (-1 for null).
    private static func terminal(_ column: Column, _ rowCount: Int, _ interner: inout Interner) -> [Int32] {
        var codes = [Int32](repeating: -1, count: rowCount)
        switch column.storage {
        case .string(let stored), .reference(let stored):
            var cache = [Int32](repeating: -2, count: column.dictionary.count)
            for row in 0..<rowCount where column.validity.isPresent(row) {
                let code = stored[row]
                guard code >= 0, Int(code) < cache.count else { continue }
                if cache[Int(code)] == -2 { cache[Int(code)] = interner.code(column.dictionary[code]) }
                codes[row] = cache[Int(code)]
            }
        default:
            for row in 0..<rowCount where column.validity.isPresent(row) {
                codes[row] = interner.code(column.value(at: row).description)
            }
        }
        return codes
    }

    /// Per row of each entity with the cohort's key, the interned label of its key's cohort.
    private static func cohorts(
        _ cohort: BreakdownDimension.Cohort, _ tables: [Table], _ dataset: Dataset, _ interner: inout Interner
    ) throws(QueryError) -> [String: [Int32]] {
        var keys = Interner()
        var keyCodes: [String: [Int32]] = [:]
        for table in tables {
            if let codes = resolve(table, cohort.key.names[...], dataset, &keys) {
                keyCodes[table.entity.name] = codes
            }
        }
        // The first event of each key, over every entity that has the key and the date field.
        var firstDay = [Int32](repeating: .max, count: keys.labels.count)
        var dated = false
        for table in tables {
            guard let codes = keyCodes[table.entity.name], let column = table[cohort.first],
                let index = table.dateIndexes[cohort.first]
            else { continue }
            dated = true
            for row in 0..<table.rowCount where codes[row] >= 0 && column.validity.isPresent(row) {
                firstDay[Int(codes[row])] = min(firstDay[Int(codes[row])], index.localDays[row])
            }
        }
        guard dated else {
            throw QueryError(
                tr(
                    "no mapped entity has both %@ and the date field %@ to find each key's first event (mapped: %@)",
                    cohort.key, cohort.first, tables.map(\.entity.name).joined(separator: ", ")))
        }
        let cohortOfKey = firstDay.map { $0 == .max ? -1 : interner.code(cohort.label(ofDay: $0)) }
        return keyCodes.mapValues { codes in codes.map { $0 >= 0 ? cohortOfKey[Int($0)] : -1 } }
    }
}
