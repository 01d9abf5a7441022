import ArgumentParser

/// The process exit codes of `yardstick`, one per way a command can end.
///
/// Every command ends in one of these; ``CommandFailure/Kind/exitStatus`` is the one place that
/// decides which. Usage mistakes that the argument parser itself catches (an unknown option, a
/// missing argument) keep the parser's own code, 64.
enum ExitStatus: Int32, CaseIterable, Sendable {
    /// Everything was computed or checked and nothing is wrong.
    case success = 0
    /// The command finished and wrote its output, but what it found is not all good: some
    /// figures failed (`run`, `explain`) or the data has problems (`check`).
    case findings = 1
    /// The command could not do its work: a usage mistake, an invalid workspace, data that
    /// cannot be loaded, indicators that cannot be evaluated, or output that cannot be written.
    case failure = 2

    /// The argument parser's value for this status, to end a command with.
    var exitCode: ExitCode { ExitCode(rawValue) }
}
