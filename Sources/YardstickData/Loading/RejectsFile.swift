import Foundation

/// The rows a lenient load skipped, as the CSV of `run --rejects FILE`.
///
/// One line per skipped row, in entity-name then file order, under the header
/// `file,row,column,field,value,message`: the file (relative to the workspace), the line the
/// record starts on, the source column and vocabulary field at fault (empty when the whole
/// record is, e.g. a wrong number of fields), the value as it stands in the file (its first
/// 4 KiB, control characters escaped as `\n`, `\0`…) and what was expected.
package enum RejectsFile {
    /// The header line's names.
    package static let header = ["file", "row", "column", "field", "value", "message"]

    /// The CSV text listing every problem of the report (each skipped row once).
    package static func csv(_ report: LoadReport) -> String {
        csv(report.rejectedProblems)
    }

    /// The CSV text listing these problems.
    package static func csv(_ problems: [SourceError]) -> String {
        var out = header.joined(separator: ",") + "\n"
        for problem in problems {
            let cells = [
                problem.file, problem.row.map(String.init) ?? "", problem.column ?? "", problem.field ?? "",
                problem.value.map(DisplayText.escaped) ?? "", problem.message,
            ]
            out += cells.map(quoted).joined(separator: ",") + "\n"
        }
        return out
    }

    /// A cell quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
