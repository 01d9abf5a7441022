import Foundation

/// Resolves reference keys to rows and builds the reference and date indexes of a dataset.
enum ReferenceResolver {
    private enum Job: Sendable {
        case reference(table: String, column: String, target: String)
        case date(table: String, column: String)
    }

    private enum Outcome: Sendable {
        case reference(table: String, column: String, rows: [Int32], index: ReferenceIndex)
        case date(table: String, column: String, index: DateIndex)
    }

    /// Indexes every table's ids, resolves every reference to rows and builds the reference
    /// and date indexes.
    ///
    /// - Returns: Per table with an `id` column, how its ids were indexed.
    @discardableResult
    static func resolve(_ dataset: inout Dataset, parallel: Bool) -> [String: StringDictionary.IndexPath] {
        // Index the ids of every table once, before resolving references: big tables one at
        // a time on all cores, the others side by side (nested concurrentPerform calls would
        // run serially).
        let cores = parallel ? ProcessInfo.processInfo.activeProcessorCount : 1
        var paths: [String: StringDictionary.IndexPath] = [:]
        let big = dataset.tables.keys.sorted().filter {
            cores > 1 && (dataset.tables[$0]?.rowCount ?? 0) >= StringDictionary.parallelIndexThreshold
        }
        for name in big {
            guard var table = dataset.tables.removeValue(forKey: name) else { continue }
            paths[name] = table.buildKeyIndex(parts: cores)
            dataset.tables[name] = table
        }
        let names = dataset.tables.keys.sorted().filter { !big.contains($0) }
        let indexed = ResultSlots<(Table, StringDictionary.IndexPath?)>(count: names.count)
        let unindexed = dataset
        let index: @Sendable (Int) -> Void = { slot in
            guard var table = unindexed.tables[names[slot]] else { return }
            let path = table.buildKeyIndex()
            indexed.set(slot, (table, path))
        }
        if parallel {
            DispatchQueue.concurrentPerform(iterations: names.count, execute: index)
        } else {
            for slot in names.indices { index(slot) }
        }
        for (table, path) in indexed.values {
            dataset.tables[table.entity.name] = table
            paths[table.entity.name] = path
        }
        releaseFreeMemory()
        var jobs: [Job] = []
        for (name, table) in dataset.tables.sorted(by: { $0.key < $1.key }) {
            for (columnName, column) in table.columns.sorted(by: { $0.key < $1.key }) {
                switch column.field.type {
                case .reference(let target) where dataset.tables[target] != nil:
                    jobs.append(.reference(table: name, column: columnName, target: target))
                case .date, .datetime:
                    jobs.append(.date(table: name, column: columnName))
                default: break
                }
            }
        }
        let snapshot = dataset
        let jobList = jobs
        let outcomes = ResultSlots<Outcome>(count: jobs.count)
        let work: @Sendable (Int) -> Void = { index in
            outcomes.set(index, run(jobList[index], snapshot))
        }
        if parallel {
            DispatchQueue.concurrentPerform(iterations: jobs.count, execute: work)
        } else {
            for index in jobs.indices { work(index) }
        }
        for outcome in outcomes.values {
            switch outcome {
            case .reference(let table, let column, let rows, let index):
                dataset.tables[table]?.columns[column]?.referencedRows = rows
                dataset.tables[table]?.referenceIndexes[column] = index
            case .date(let table, let column, let index):
                dataset.tables[table]?.dateIndexes[column] = index
            }
        }
        return paths
    }

    private static func run(_ job: Job, _ dataset: Dataset) -> Outcome {
        switch job {
        case .reference(let tableName, let columnName, let targetName):
            let column = dataset.tables[tableName]!.columns[columnName]!
            let target = dataset.tables[targetName]!
            // Resolve each distinct key once, then map rows through the codes.
            // Looked up by bytes, as `target.row(forKey:)` does with the same text.
            var rowOfCode = [Int32](repeating: -2, count: column.dictionary.count)
            if let id = target.columns["id"], id.dictionary.isIndexed {
                let keyRows = target.keyRows
                let count = column.dictionary.count
                var touched: UInt64 = 0
                for code in 0..<Int32(count) {
                    if code % 64 == 0 {
                        // A batch's slot and byte reads first, together.
                        touched ^= id.dictionary.touch(
                            valuesOf: column.dictionary, Int(code)..<min(Int(code) + 64, count))
                    }
                    let row = column.dictionary.withBytes(of: code) { key in
                        id.dictionary.code(of: key).map { keyRows[Int($0)] } ?? -1
                    }
                    if row >= 0 { rowOfCode[Int(code)] = row }
                }
                StringDictionary.keep(touched)
            }
            guard case .reference(let codes) = column.storage else { fatalError("not a reference") }
            // Through buffer pointers: no bounds check per row of millions (codes are checked
            // against the dictionary's count once).
            let rows = [Int32](unsafeUninitializedCapacity: codes.count) { rows, initialized in
                codes.withUnsafeBufferPointer { codes in
                    rowOfCode.withUnsafeBufferPointer { rowOfCode in
                        let distinct = rowOfCode.count
                        for (row, code) in codes.enumerated() {
                            let known = UInt(bitPattern: Int(code)) < UInt(distinct)
                            rows.initializeElement(at: row, to: known ? rowOfCode[Int(code)] : -1)
                        }
                    }
                }
                initialized = codes.count
            }
            return .reference(
                table: tableName, column: columnName, rows: rows,
                index: ReferenceIndex(referencedRows: rows, targetCount: target.rowCount))
        case .date(let tableName, let columnName):
            let column = dataset.tables[tableName]!.columns[columnName]!
            let days: [Int32]
            switch column.storage {
            case .date(let values): days = values
            case .datetime(let instants):
                let clock = ZoneClock(timeZone: dataset.timeZone)
                days = instants.map { clock.localDay(ofInstant: $0) }
            default: days = []
            }
            return .date(
                table: tableName, column: columnName,
                index: DateIndex(days: days, validity: column.validity))
        }
    }
}
