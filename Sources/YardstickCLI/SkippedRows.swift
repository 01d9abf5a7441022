import YardstickData
import YardstickEngine
import YardstickLocalization

/// Telling the user which rows a lenient load skipped.
enum SkippedRows {
    /// Writes the skipped rows to `rejects` (atomically, even when none were skipped) or lists
    /// them on standard error, then a summary line.
    ///
    /// - Throws: ``CommandFailure`` of kind `output` when the rejects file cannot be written.
    static func report(_ report: LoadReport, rejects: String?, listing: Bool) throws(CommandFailure) {
        let count = report.rejectedRows
        let skipped = count == 1 ? tr("1 bad row was skipped") : tr("%@ bad rows were skipped", count)
        if let rejects {
            do {
                try AtomicFile.write(RejectsFile.csv(report), to: rejects)
            } catch {
                throw CommandFailure(.output, cause: error)
            }
            if count > 0 { printError(tr("warning: %@; listed in %@", skipped, rejects)) }
            return
        }
        guard count > 0 else { return }
        if listing {
            for problem in report.rejectedProblems {
                printError(tr("skipped: %@", DisplayText.escaped(problem.description)))
            }
        }
        printError(listing ? tr("warning: %@", skipped) : tr("warning: %@ (see yardstick check)", skipped))
    }
}
