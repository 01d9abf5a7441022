import Foundation

/// The language of Yardstick's messages, for the whole process or for one task.
///
/// A command line sets the process-wide language once at start-up (from `--locale`, the
/// workspace or the environment) with ``setProcessLanguage(_:)``; every thread reads it,
/// including the loader's Dispatch threads, which a task-local value alone would not reach.
/// Tests and embedders that need another language for a piece of work use
/// ``withLanguage(_:_:)``, which wins over the process-wide value inside its task.
/// The default is English.
public enum Localization {
    /// The process-wide language behind a lock.
    private final class Shared: @unchecked Sendable {
        private let lock = NSLock()
        private var value = MessageLanguage.english

        var language: MessageLanguage {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }

    private static let shared = Shared()

    @TaskLocal private static var taskLanguage: MessageLanguage?

    /// The language messages are written in now: the task's (``withLanguage(_:_:)``), else the
    /// process's.
    public static var language: MessageLanguage { taskLanguage ?? shared.language }

    /// Whether messages are written in Chinese now.
    package static var isChinese: Bool { language == .chinese }

    /// Sets the language of every message the process writes from now on (outside
    /// ``withLanguage(_:_:)``).
    ///
    /// - Parameter language: The language.
    public static func setProcessLanguage(_ language: MessageLanguage) {
        shared.language = language
    }

    /// Runs `body` with messages in `language` in the current task (and the tasks it creates).
    ///
    /// Work `body` hands to other threads outside Swift concurrency (Dispatch) sees the
    /// process-wide language instead.
    ///
    /// - Parameters:
    ///   - language: The language.
    ///   - body: The work.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    public static func withLanguage<Result>(
        _ language: MessageLanguage, _ body: () throws -> Result
    ) rethrows -> Result {
        try $taskLanguage.withValue(language, operation: body)
    }
}
