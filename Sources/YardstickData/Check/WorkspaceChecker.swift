import Foundation
import YardstickLocalization

/// Validates a workspace's data: files, encodings, types, required fields, references,
/// duplicate ids, dates, the vocabulary's field rules, and how complete each field is.
///
/// Loads everything it can (every bad row and every unloadable file is reported, none is
/// fatal) and inspects the loaded tables.
public struct WorkspaceChecker: Sendable {
    /// The workspace to check.
    public let workspace: Workspace
    /// The day checks are made on (for "more than ten years ahead"); today by default.
    public let today: Int32
    /// Opens the source of each mapping part, as for ``DataLoader``.
    public let opener: any RecordSourceOpener

    /// Creates a checker.
    ///
    /// - Parameters:
    ///   - workspace: The workspace to check.
    ///   - today: The day checks are made on, as a day number; today by default.
    ///   - opener: Where the mappings' records come from; files by default.
    public init(
        workspace: Workspace, today: Int32? = nil, opener: any RecordSourceOpener = FileSourceOpener()
    ) {
        self.workspace = workspace
        self.today = today ?? CivilDate.today
        self.opener = opener
    }

    /// Loads and checks everything.
    public func check() -> CheckReport {
        checkAndLoad().check
    }

    /// Loads and checks everything, and returns what loading found as well: with
    /// `problemSampleSize: .max` its report keeps every rejected row (`check --rejects`).
    public func checkAndLoad(problemSampleSize: Int = 20) -> (check: CheckReport, load: LoadReport) {
        let options = LoadOptions(lenient: true, problemSampleSize: problemSampleSize, recordsRowSources: true)
        let (dataset, report) = DataLoader(workspace: workspace, options: options, opener: opener).loadAll()
        return (check(dataset: dataset, report: report), report)
    }

    /// Checks tables already loaded.
    public func check(dataset: Dataset, report: LoadReport) -> CheckReport {
        var entities: [EntityCheck] = []
        for mapping in workspace.entities {
            let name = mapping.entity.name
            let entityReport = report.entities[name] ?? EntityLoadReport(entity: name)
            entities.append(
                check(mapping: mapping, table: dataset[name], report: entityReport, dataset: dataset))
        }
        return CheckReport(workspace: workspace.name, entities: entities)
    }

    private func check(
        mapping: EntityMapping, table: Table?, report: EntityLoadReport, dataset: Dataset
    ) -> EntityCheck {
        var problems: [CheckProblem] = []
        for error in report.fileErrors {
            problems.append(
                CheckProblem(
                    kind: .unreadableFile, field: error.field, count: 1,
                    message: DisplayText.escaped(error.description), examples: []))
        }
        if report.rejectedRows > 0 {
            problems.append(
                CheckProblem(
                    kind: .badValues, field: nil, count: report.rejectedRows,
                    message: report.rejectedRows == 1
                        ? tr("1 row rejected (bad or missing values)")
                        : tr("%@ rows rejected (bad or missing values)", report.rejectedRows),
                    examples: report.problems.prefix(5).map { DisplayText.escaped($0.description) }))
        }
        var fields: [FieldCheck] = []
        var spanLow = Int64.max
        var spanHigh = Int64.min
        let rows = table?.rowCount ?? 0
        if let table {
            for field in mapping.entity.fields {
                guard let column = table.columns[field.name] else { continue }
                let filled = column.count - column.validity.nullCount
                var fieldCheck = FieldCheck(
                    field: field.name, type: field.type.description, custom: field.isCustom,
                    filled: filled, completeness: rows == 0 ? nil : Double(filled) / Double(rows))
                switch column.storage {
                case .date(let days):
                    if let (low, high, implausible) = dateStats(days.map(Int64.init), column, scale: 1) {
                        fieldCheck.span = DateSpan(
                            first: CivilDate.isoString(ofDay: Int32(low)),
                            last: CivilDate.isoString(ofDay: Int32(high)))
                        spanLow = min(spanLow, low * 86_400)
                        spanHigh = max(spanHigh, high * 86_400)
                        problems += implausibleProblem(field, implausible, days: days.map(Int64.init), column, scale: 1)
                    }
                case .datetime(let instants):
                    if let (low, high, implausible) = dateStats(instants, column, scale: 86_400) {
                        fieldCheck.span = DateSpan(
                            first: CivilDate.isoString(ofInstant: low),
                            last: CivilDate.isoString(ofInstant: high))
                        spanLow = min(spanLow, low)
                        spanHigh = max(spanHigh, high)
                        problems += implausibleProblem(field, implausible, days: instants, column, scale: 86_400)
                    }
                case .reference(let codes):
                    if let target = field.referencedEntity, dataset[target] == nil {
                        problems.append(
                            CheckProblem(
                                kind: .unmappedTarget, field: field.name, count: filled,
                                message:
                                    tr(
                                        "%@ references %@, which the workspace does not map: its %@ values cannot be checked",
                                        field.name, target, filled), examples: []))
                    } else {
                        let unresolved = zip(codes, column.referencedRows).filter { $0.1 == -2 }
                        fieldCheck.unresolved = unresolved.count
                        if !unresolved.isEmpty {
                            let keys = Set(unresolved.map(\.0)).map { column.dictionary[$0] }.sorted()
                            problems.append(
                                CheckProblem(
                                    kind: .unresolvedReferences, field: field.name,
                                    count: unresolved.count,
                                    message:
                                        tr(
                                            "%@ values of %@ name no %@ row (%@ distinct)", unresolved.count,
                                            field.name, field.referencedEntity ?? "", keys.count),
                                    examples: keys.prefix(5).map { "\"\(DisplayText.example($0))\"" }))
                        }
                    }
                    fieldCheck.distinctValues = column.dictionary.count
                case .string:
                    fieldCheck.distinctValues = column.dictionary.count
                default: break
                }
                fields.append(fieldCheck)
            }
            if let duplicate = duplicateIds(table) { problems.append(duplicate) }
            problems += FieldRuleChecker(table: table, report: report).problems(
                CRMVocabulary.rules(for: mapping.entity.name))
        }
        return EntityCheck(
            entity: mapping.entity.name, files: mapping.parts.map(\.displayPath), rows: rows,
            rejectedRows: report.rejectedRows,
            dateSpan: spanLow <= spanHigh
                ? DateSpan(
                    first: CivilDate.isoString(ofDay: Int32(spanLow / 86_400)),
                    last: CivilDate.isoString(ofDay: Int32(spanHigh / 86_400))) : nil,
            fields: fields, problems: problems, unusedColumns: report.unusedColumns,
            encodings: report.encodings,
            droppedRows: mapping.parts.compactMap { part in
                report.droppedRows[part.displayPath].map { rows in
                    DroppedRows(file: part.displayPath, filters: part.rowFilters.map(\.summary), rows: rows)
                }
            })
    }

    private var plausibleDays: ClosedRange<Int64> {
        Int64(CivilDate.dayNumber(year: 1900, month: 1, day: 1))...Int64(today) + 3653
    }

    private func dateStats(_ values: [Int64], _ column: Column, scale: Int64)
        -> (Int64, Int64, Int)?
    {
        var low = Int64.max
        var high = Int64.min
        var implausible = 0
        let plausible = plausibleDays
        for (row, value) in values.enumerated() where column.validity.isPresent(row) {
            low = min(low, value)
            high = max(high, value)
            let day = value >= 0 ? value / scale : (value - scale + 1) / scale
            if !plausible.contains(day) { implausible += 1 }
        }
        return low <= high ? (low, high, implausible) : nil
    }

    private func implausibleProblem(
        _ field: FieldDefinition, _ count: Int, days: [Int64], _ column: Column, scale: Int64
    ) -> [CheckProblem] {
        guard count > 0 else { return [] }
        let plausible = plausibleDays
        var examples: [String] = []
        for (row, value) in days.enumerated() where column.validity.isPresent(row) {
            let day = value >= 0 ? value / scale : (value - scale + 1) / scale
            if !plausible.contains(day) {
                examples.append(DisplayText.example(column.value(at: row).description))
                if examples.count == 3 { break }
            }
        }
        return [
            CheckProblem(
                kind: .implausibleDates, field: field.name, count: count,
                message: tr("%@ values of %@ are before 1900 or more than ten years ahead", count, field.name),
                examples: examples)
        ]
    }

    private func duplicateIds(_ table: Table) -> CheckProblem? {
        var indexed = table
        indexed.buildKeyIndex()  // A no-op when the loader already indexed it.
        guard !indexed.duplicateKeys.isEmpty else { return nil }
        var rowsPerKey: [Int32: Int] = [:]
        for duplicate in indexed.duplicateKeys where duplicate.firstRow >= 0 && duplicate.row >= 0 {
            rowsPerKey[duplicate.firstRow, default: 1] += 1
        }
        guard !rowsPerKey.isEmpty else { return nil }
        let rows = rowsPerKey.values.reduce(0, +)
        let examples = rowsPerKey.keys.sorted().prefix(5).map { row in
            "\"\(DisplayText.example(indexed.key(ofRow: Int(row)) ?? ""))\" ×\(rowsPerKey[row] ?? 0)"
        }
        return CheckProblem(
            kind: .duplicateIds, field: "id", count: rowsPerKey.count,
            message: rowsPerKey.count == 1
                ? tr("1 id appears on more than one row (%@ rows in all)", rows)
                : tr("%@ ids appear on more than one row (%@ rows in all)", rowsPerKey.count, rows),
            examples: Array(examples))
    }
}
