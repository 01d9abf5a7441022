import Foundation
import YardstickData
import YardstickLocalization

/// Which language the command line writes in: `--locale`, else the workspace's `locale`, else
/// the environment (`LC_ALL`, `LC_MESSAGES`, `LANG` starting with `zh`), else English.
///
/// The choice is process-wide (``Localization/setProcessLanguage(_:)``): made from the
/// environment when the process starts, from `--locale` once the command line is parsed, and
/// from the workspace when it is opened unless `--locale` was given. Messages raised before the
/// workspace is read therefore follow `--locale` or the environment.
enum LanguageChoice {
    /// The `--locale` value, behind a lock (set once while parsing, read on any thread).
    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value: MessageLanguage?

        var language: MessageLanguage? {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }

    private static let flag = Flag()

    /// The language by the rule, from the three places it may come from.
    static func resolve(
        flag: MessageLanguage?, workspace: MessageLanguage?, environment: MessageLanguage?
    ) -> MessageLanguage {
        flag ?? workspace ?? environment ?? .english
    }

    /// The language a `--locale` value names: `en` or `zh-CN` (`zh` and `zh-Hans` too).
    static func language(named text: String) -> MessageLanguage? {
        switch text.lowercased() {
        case "en", "en-us", "en-gb": .english
        case "zh", "zh-cn", "zh-hans", "zh-hans-cn": .chinese
        default: nil
        }
    }

    /// The environment's language, or nil when the locale variables are unset.
    static var environmentLanguage: MessageLanguage? {
        MessageLanguage(environment: ProcessInfo.processInfo.environment)
    }

    /// Starts the process in the environment's language (English when it names none).
    static func start() {
        Localization.setProcessLanguage(resolve(flag: nil, workspace: nil, environment: environmentLanguage))
    }

    /// Records `--locale`: it wins over the workspace and the environment.
    static func choose(flag language: MessageLanguage) {
        flag.language = language
        Localization.setProcessLanguage(language)
    }

    /// The workspace in the chosen language: its `locale` replaced by `--locale` when given, or
    /// by the environment's language when `yardstick.toml` sets none; the process's messages
    /// follow it from now on.
    static func apply(to workspace: Workspace) -> Workspace {
        var workspace = workspace
        let declared = workspace.declaresLocale ? MessageLanguage(localeIdentifier: workspace.locale) : nil
        let language = resolve(flag: flag.language, workspace: declared, environment: environmentLanguage)
        workspace.locale = language.localeIdentifier
        Localization.setProcessLanguage(language)
        return workspace
    }
}
