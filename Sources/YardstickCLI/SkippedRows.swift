import YardstickData
import YardstickEngine

/// Telling the user which rows a lenient load skipped.
enum SkippedRows {
    /// Writes the skipped rows to `rejects` (atomically, even when none were skipped) or lists
    /// them on standard error, then a summary line.
    ///
    /// - Throws: ``CommandFailure`` of kind `output` when the rejects file cannot be written.
    static func report(_ report: LoadReport, rejects: String?, listing: Bool) throws(CommandFailure) {
        let count = report.rejectedRows
        let skipped = count == 1 ? "1 bad row was skipped" : "\(count) bad rows were skipped"
        if let rejects {
            do {
                try AtomicFile.write(RejectsFile.csv(report), to: rejects)
            } catch {
                throw CommandFailure(.output, cause: error)
            }
            if count > 0 { printError("warning: \(skipped); listed in \(rejects)") }
            return
        }
        guard count > 0 else { return }
        if listing {
            for problem in report.rejectedProblems {
                printError("skipped: \(DisplayText.escaped(problem.description))")
            }
        }
        printError("warning: \(skipped)" + (listing ? "" : " (see yardstick check)"))
    }
}
