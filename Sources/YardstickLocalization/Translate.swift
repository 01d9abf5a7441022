/// The message `english` in the current language (``Localization/language``), with its `%@`
/// placeholders replaced by `arguments` in order.
///
/// `english` is both the English text and the catalog key (gettext style): a new message is
/// written where it is used, and ``ChineseCatalog`` gives its Chinese. A translation may take
/// the arguments in another order with `%1$@`, `%2$@` … (`%%` is a literal `%` in both).
/// The key is a `StaticString` so that the catalog test can find every key in the sources.
///
/// ```swift
/// tr("expected a date, found %@", value)
/// ```
///
/// - Parameters:
///   - english: The English message, a literal.
///   - arguments: The values of its placeholders, in English order.
/// - Returns: The message to show.
package func tr(_ english: StaticString, _ arguments: Any...) -> String {
    let key = english.description
    let values = arguments.map { "\($0)" }
    guard Localization.isChinese, let chinese = ChineseCatalog.entries[key] else {
        return MessageTemplate.fill(key, with: values)
    }
    return MessageTemplate.fill(chinese, with: values)
}
