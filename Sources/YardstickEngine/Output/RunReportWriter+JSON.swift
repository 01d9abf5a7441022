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
    /// - Parameter report: The run's report.
    /// - Returns: The JSON text, two-space indented, ending with a newline.
    public static func json(_ report: RunReport) -> String {
        let document = JSONText.object([
            "workspace": .string(report.workspace),
            "generated_at": .string(report.generatedAt),
            "periods": .array(report.periods.map(periodJSON)),
            "indicators": .array(report.indicators.map(indicatorJSON)),
            "results": .array(report.results.map(resultJSON)),
            "errors": .array(report.errors.map(failureJSON)),
        ])
        return document.rendered() + "\n"
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

    private static func resultJSON(_ result: IndicatorResult) -> JSONText {
        var fields: [String: JSONText] = [
            "period": .string(result.period.label), "grain": .string(result.grain.rawValue),
            "subject_id": .string(result.subjectID), "subject_name": .string(result.subjectName),
            "indicator": .string(result.indicatorID), "unit": .string(result.unit.rawValue),
            "status": .string(result.value.status.rawValue),
        ]
        switch result.value {
        case .integer(let value): fields["value"] = .number(String(value))
        case .number(let value):
            let text = result.value.plainText
            fields["value"] = value.isFinite ? .number(text) : .string(text)
        case .decimal(let value): fields["value"] = .string(value.description)
        case .missing(let reason), .failed(let reason):
            fields["value"] = .null
            fields["reason"] = .string(reason)
        }
        return .object(fields)
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
    case array([JSONText])
    case string(String)
    case number(String)
    case null

    /// The value pretty-printed with two-space indentation and keys in byte order.
    func rendered(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .object(let fields):
            guard !fields.isEmpty else { return "{}" }
            let sorted = fields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            let lines = sorted.map { inner + Self.quoted($0.key) + ": " + $0.value.rendered(indent: inner) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + indent + "}"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            let lines = items.map { inner + $0.rendered(indent: inner) }
            return "[\n" + lines.joined(separator: ",\n") + "\n" + indent + "]"
        case .string(let text): return Self.quoted(text)
        case .number(let text): return text
        case .null: return "null"
        }
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
