import Foundation
import YardstickData
import YardstickLocalization

/// Why a command stopped early, by kind, with the error behind it.
///
/// Commands throw these; ``YardstickCommand/main()`` prints the cause as `error: …` on standard
/// error and exits with the kind's ``ExitStatus``. Errors whose type says what went wrong (an
/// invalid workspace, a failed load, a usage mistake) are classified by
/// ``init(_:otherwise:)``; the others take the kind of the step that threw them.
struct CommandFailure: Error, CustomStringConvertible {
    /// What went wrong, from the user's side.
    enum Kind: String, CaseIterable, Sendable {
        /// A usage mistake the argument parser cannot see: a bad period, an unknown grain, an
        /// option that needs another, an indicators folder that does not exist.
        case usage
        /// `yardstick.toml` is missing or invalid.
        case workspace
        /// The workspace's data could not be loaded (a file as a whole, or bad rows in a
        /// strict load).
        case data
        /// The indicators could not be evaluated at all (as opposed to some figures failing).
        case evaluation
        /// The output (report, rejects file, starter workspace) could not be written.
        case output
        /// The command ran to the end, wrote its output and reported what it found; it
        /// fails so that scripts notice.
        case findings

        /// The exit status of a command that stops for this reason.
        var exitStatus: ExitStatus {
            switch self {
            case .usage, .workspace, .data, .evaluation, .output: .failure
            case .findings: .findings
            }
        }
    }

    /// What went wrong.
    var kind: Kind
    /// The error to show, or nil when the command already reported everything (findings).
    var cause: (any Error)?

    /// Wraps an error, classified by its type when that says what went wrong, else as
    /// `otherwise` (the kind of the step that threw it).
    init(_ error: any Error, otherwise: Kind) {
        if let failure = error as? CommandFailure {
            self = failure
            return
        }
        switch error {
        case is WorkspaceError: kind = .workspace
        case is LoadFailure: kind = .data
        case is CLIError: kind = .usage
        default: kind = otherwise
        }
        cause = error
    }

    /// A failure of `kind` caused by `cause`.
    init(_ kind: Kind, cause: (any Error)?) {
        self.kind = kind
        self.cause = cause
    }

    /// A usage mistake described by `message`.
    static func usage(_ message: String) -> CommandFailure {
        CommandFailure(.usage, cause: CLIError(message))
    }

    /// The end of a command that reported its findings itself.
    static var findings: CommandFailure { CommandFailure(.findings, cause: nil) }

    /// The exit status this failure ends the process with.
    var exitStatus: ExitStatus { kind.exitStatus }

    /// The cause's text (empty for findings).
    var description: String { cause.map { "\($0)" } ?? "" }

    /// Writes the cause to standard error as `error: …` (nothing for findings).
    func report() {
        if let cause { printError(tr("error: %@", cause)) }
    }
}
