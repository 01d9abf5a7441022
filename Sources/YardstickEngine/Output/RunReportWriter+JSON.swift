/// The JSON form of a run report; docs/run-output.md documents the shape.
extension RunReportWriter {
    /// The whole report as pretty-printed JSON with sorted keys.
    ///
    /// Integers and floating-point values are JSON numbers (floating-point rounded as in
    /// ``ResultValue/plainText``); exact decimals are JSON strings (`"1054.5"`) so that no
    /// reader turns money into binary floating point, as are non-finite numbers (`"NaN"`).
    /// Missing and failed values are `null` with a `reason`. Optional fields that are absent
    /// are left out rather than written as `null`.
    ///
    /// - Parameters:
    ///   - report: The run's report.
    ///   - statistics: Whether to add the report's ``RunReport/statistics`` as `evaluation`
    ///     (`--timings`); they hold times, so the output is then not reproducible.
    /// - Returns: The JSON text, two-space indented, ending with a newline.
    public static func json(_ report: RunReport, statistics: Bool = false) -> String {
        var fields: [String: JSONText] = [
            "workspace": .string(report.workspace),
            "generated_at": .string(report.generatedAt),
            "periods": .array(report.periods.map(periodJSON)),
            "indicators": .array(report.indicators.map(indicatorJSON)),
            "results": .array(report.results.map(resultJSON)),
            "errors": .array(report.errors.map(failureJSON)),
        ]
        if statistics, let evaluation = report.statistics { fields["evaluation"] = statisticsJSON(evaluation) }
        return JSONText.object(fields).rendered() + "\n"
    }

    private static func statisticsJSON(_ statistics: EvaluationStatistics) -> JSONText {
        func seconds(_ value: Double) -> JSONText { .number(ResultValue.number(value).plainText) }
        return .object([
            "figures": figurePathsJSON(statistics.figures),
            "figures_by_indicator": .object(statistics.figuresByIndicator.mapValues(figurePathsJSON)),
            "queries": .object([
                "grouped": .number(String(statistics.partitionQueries)),
                "grouped_ahead": .number(String(statistics.partitionQueriesAhead)),
                "one_subject": .number(String(statistics.subjectQueries)),
                "discovered": .number(String(statistics.discoveredQueries)),
            ]),
            "discovery_seconds": seconds(statistics.discoverySeconds),
            "prefill_seconds": seconds(statistics.prefillSeconds),
        ])
    }

    private static func figurePathsJSON(_ paths: FigurePaths) -> JSONText {
        .object([
            "column_mode": .number(String(paths.columnMode)), "prefetched": .number(String(paths.prefetched)),
            "per_subject": .number(String(paths.perSubject)), "alone": .number(String(paths.alone)),
            "not_run": .number(String(paths.notRun)), "failed": .number(String(paths.failed)),
            "stopped_by_limits": .number(String(paths.stoppedByLimits)), "total": .number(String(paths.total)),
        ])
    }

    private static func periodJSON(_ period: Period) -> JSONText {
        .object([
            "label": .string(period.label), "kind": .string(period.kind.rawValue),
            "start": .string(period.firstDate), "end": .string(period.lastDate),
        ])
    }

    private static func indicatorJSON(_ info: IndicatorInfo) -> JSONText {
        var fields: [String: JSONText] = [
            "id": .string(info.id), "title": .string(info.title), "unit": .string(info.unit.rawValue),
            "better": .string(info.better.rawValue), "description": .string(info.description),
            "source_file": .string(info.sourceFile),
        ]
        if let titleZH = info.titleZH { fields["title_zh"] = .string(titleZH) }
        return .object(fields)
    }

    /// A result row's fields, built in key order (no dictionary to hash and sort per row).
    private static func resultJSON(_ result: IndicatorResult) -> JSONText {
        var fields: [(String, JSONText)] = [
            ("grain", .string(result.grain.rawValue)), ("indicator", .string(result.indicatorID)),
            ("period", .string(result.period.label)),
        ]
        let value: JSONText
        switch result.value {
        case .integer(let number): value = .number(String(number))
        case .number(let number):
            let text = result.value.plainText
            value = number.isFinite ? .number(text) : .string(text)
        case .decimal(let decimal): value = .string(decimal.description)
        case .missing(let reason), .failed(let reason):
            value = .null
            fields.append(("reason", .string(reason)))
        }
        fields += [
            ("status", .string(result.value.status.rawValue)), ("subject_id", .string(result.subjectID)),
            ("subject_name", .string(result.subjectName)), ("unit", .string(result.unit.rawValue)), ("value", value),
        ]
        return .orderedObject(fields)
    }

    private static func failureJSON(_ failure: IndicatorFailure) -> JSONText {
        var fields: [String: JSONText] = [
            "indicator": .string(failure.indicatorID), "message": .string(failure.message),
            "file": .string(failure.file),
        ]
        if let subjectID = failure.subjectID { fields["subject_id"] = .string(subjectID) }
        if let periodLabel = failure.periodLabel { fields["period"] = .string(periodLabel) }
        if let line = failure.line { fields["line"] = .number(String(line)) }
        return .object(fields)
    }
}

/// A JSON value ready to print; numbers are kept as the text to write.
enum JSONText {
    case object([String: JSONText])
    /// An object whose fields are already in key byte order.
    case orderedObject([(String, JSONText)])
    case array([JSONText])
    case string(String)
    case number(String)
    case null

    /// The value pretty-printed with two-space indentation and keys in byte order.
    func rendered(indent: String = "") -> String {
        var bytes: [UInt8] = []
        render(into: &bytes, indent: Array(indent.utf8))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the pretty-printed value's UTF-8 to `bytes` (one growing buffer).
    func render(into bytes: inout [UInt8], indent: [UInt8]) {
        switch self {
        case .object(let fields):
            let sorted = fields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            JSONText.orderedObject(sorted.map { ($0.key, $0.value) }).render(into: &bytes, indent: indent)
        case .orderedObject(let fields):
            guard !fields.isEmpty else {
                bytes += Array("{}".utf8)
                return
            }
            let inner = indent + [0x20, 0x20]
            bytes.append(UInt8(ascii: "{"))
            bytes.append(0x0A)
            for (index, (key, value)) in fields.enumerated() {
                if index > 0 {
                    bytes.append(UInt8(ascii: ","))
                    bytes.append(0x0A)
                }
                bytes += inner
                Self.appendQuoted(key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                bytes.append(0x20)
                value.render(into: &bytes, indent: inner)
            }
            bytes.append(0x0A)
            bytes += indent
            bytes.append(UInt8(ascii: "}"))
        case .array(let items):
            guard !items.isEmpty else {
                bytes += Array("[]".utf8)
                return
            }
            let inner = indent + [0x20, 0x20]
            bytes.append(UInt8(ascii: "["))
            bytes.append(0x0A)
            for (index, item) in items.enumerated() {
                if index > 0 {
                    bytes.append(UInt8(ascii: ","))
                    bytes.append(0x0A)
                }
                bytes += inner
                item.render(into: &bytes, indent: inner)
            }
            bytes.append(0x0A)
            bytes += indent
            bytes.append(UInt8(ascii: "]"))
        case .string(let value): Self.appendQuoted(value, to: &bytes)
        case .number(let value): bytes += value.utf8
        case .null: bytes += Array("null".utf8)
        }
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` as a JSON string; UTF-8 other than quotes, backslashes and control
    /// characters is copied as it is.
    static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "n"))
            case 0x0D:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "r"))
            case 0x09:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "t"))
            case ..<0x20:
                let hex = String(byte, radix: 16)
                bytes += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
