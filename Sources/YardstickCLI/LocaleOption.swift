import ArgumentParser
import YardstickLocalization

/// The `--locale` option: the language of messages and reports for this run.
struct LocaleOption: ParsableArguments {
    @Option(
        name: .long,
        help:
            "The language of messages and reports: en or zh-CN (default: the workspace's locale, else LC_ALL, LC_MESSAGES or LANG)."
    )
    var locale: String?

    /// Records the chosen language as soon as the command line is parsed, so that every
    /// later message uses it.
    func validate() throws {
        guard let locale else { return }
        guard let language = LanguageChoice.language(named: locale) else {
            throw ValidationError(tr("--locale %@: expected en or zh-CN", locale))
        }
        LanguageChoice.choose(flag: language)
    }
}
