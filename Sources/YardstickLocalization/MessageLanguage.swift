/// A language Yardstick writes its messages in: English or Simplified Chinese.
///
/// Read from a locale text with ``init(localeIdentifier:)`` (`en`, `zh-CN`, `zh_CN.UTF-8`) or
/// from the environment with ``init(environment:)``.
public enum MessageLanguage: String, Sendable, Hashable, CaseIterable {
    /// English, the language of the source strings.
    case english = "en"
    /// Simplified Chinese (`zh-CN`).
    case chinese = "zh-CN"

    /// The language a locale identifier names, or nil for one Yardstick does not speak.
    ///
    /// Anything starting with `zh` is Chinese (`zh`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans`), and
    /// anything starting with `en` (or the POSIX locales `C` and `POSIX`) is English.
    ///
    /// - Parameter localeIdentifier: A locale such as `zh-CN` or a POSIX `LANG` value.
    public init?(localeIdentifier: String) {
        let text = localeIdentifier.lowercased()
        if text.hasPrefix("zh") {
            self = .chinese
        } else if text.hasPrefix("en") || text == "c" || text.hasPrefix("c.") || text == "posix" {
            self = .english
        } else {
            return nil
        }
    }

    /// The language the POSIX locale variables ask for: the first of `LC_ALL`, `LC_MESSAGES`
    /// and `LANG` that is set and not empty decides (as for any POSIX program); Chinese when it
    /// starts with `zh`, else English. Nil when none is set.
    ///
    /// - Parameter environment: The process environment (`ProcessInfo.processInfo.environment`).
    public init?(environment: [String: String]) {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            self = value.lowercased().hasPrefix("zh") ? .chinese : .english
            return
        }
        return nil
    }

    /// The workspace `locale` value of this language (`en` or `zh-CN`).
    public var localeIdentifier: String { rawValue }
}
