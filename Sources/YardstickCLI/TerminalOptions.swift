import ArgumentParser
import Foundation
import YardstickEngine
import YardstickLocalization
import YardstickScorecard

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The options of `run` and `score` for output people read: the order of the subjects, the
/// width tables fit in, and whether to show progress.
struct TerminalOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Order the subjects by name, or by an indicator's value (descending; ID:asc for ascending), missing values last.",
            discussion: "run: by name by default; score: by rank by default (ties by name).",
            valueName: "name|ID[:asc|:desc]"))
    var sort: String?

    @Option(
        help: ArgumentHelp(
            "Fit --format table into N columns (0: no limit). run splits wide tables into blocks of columns (default: the terminal's width on a terminal, no limit otherwise); score leaves out the rightmost dimension columns (default: the terminal's width on a terminal, 100 otherwise).",
            valueName: "N"))
    var width: Int?

    @Flag(help: "Show no progress bar (it is shown only on a terminal, and never when CI is set).")
    var quiet = false

    /// `--sort` read; nil when not given.
    ///
    /// - Throws: A usage ``CommandFailure`` when the argument is malformed.
    func order() throws(CommandFailure) -> SubjectOrder? {
        guard let sort else { return nil }
        guard let order = SubjectOrder(argument: sort) else {
            throw CommandFailure.usage(tr("--sort %@: expected name, an indicator id, or ID:asc / ID:desc", sort))
        }
        return order
    }

    /// The width the table format fits in (see ``TerminalWidth``), given where the output goes.
    func tableWidth(out: String?) -> Int? {
        TerminalWidth.columns(
            option: width, isTerminal: out == nil && isatty(STDOUT_FILENO) != 0,
            environment: ProcessInfo.processInfo.environment,
            queried: { TerminalWidth.queried(descriptor: STDOUT_FILENO) })
    }

    /// The width `score`'s leaderboard fits in: `--width` (`0`: no limit), else the terminal's
    /// width when standard output is one, else ``ScoreTableWriter/defaultWidth`` (100).
    func leaderboardWidth(out: String?) -> Int {
        if width == 0 { return Int.max }
        return tableWidth(out: out) ?? ScoreTableWriter.defaultWidth
    }

    /// The progress bar of this command: drawn on standard error when it is a terminal, unless
    /// `--quiet` or `CI` is set.
    func progressBar() -> ProgressBar {
        ProgressBar.standardError(quiet: quiet)
    }
}
