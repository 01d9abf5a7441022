import Foundation
import YardstickTestSupport

/// Makes a command's output stable for a golden file: what depends on the machine or the clock
/// is replaced by a placeholder, and nothing else is touched (figures stay exact).
///
/// - the repository's absolute path becomes `<repo>`, a case's temporary folder `<tmp>`;
/// - durations in `--timings` output (`load 0.412 s`, `"eval_seconds":0.061`) become `<t>`;
/// - the snapshot cache's line in `--timings` output becomes `cache: <cache>`;
/// - the time of the run in JSON output (`"generated_at": "…"`) becomes `<time>`.
struct GoldenOutputNormalizer {
    /// The case's temporary folder, if it has one.
    var temporaryPath: String?

    /// `text` with the placeholders in.
    func normalize(_ text: String) -> String {
        var text = text
        if let temporaryPath {
            text = text.replacingOccurrences(of: temporaryPath, with: "<tmp>")
        }
        text = text.replacingOccurrences(of: RepositoryRoot.path, with: "<repo>")
        text = Self.replace(#"("[a-z_]+_seconds"\s*:\s*)-?[0-9][0-9.eE+-]*"#, in: text, with: "$1<t>")
        text = Self.replace(#"("generated_at"\s*:\s*)"[^"]*""#, in: text, with: "$1\"<time>\"")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            // Whether the snapshot cache was read or written depends on the runs before.
            if line.hasPrefix("cache: ") { return "cache: <cache>" }
            guard line.hasPrefix("timings:") else { return String(line) }
            return Self.replace(#"[0-9]+(\.[0-9]+)? s\b"#, in: String(line), with: "<t> s")
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with every match of `pattern` replaced by `template` (`$1` for a group).
    static func replace(_ pattern: String, in text: String, with template: String) -> String {
        guard let expression = try? NSRegularExpression(pattern: pattern) else {
            preconditionFailure("not a regular expression: \(pattern)")
        }
        return expression.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
