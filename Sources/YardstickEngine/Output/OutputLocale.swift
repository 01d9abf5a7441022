/// The locales the writers know: English and Simplified Chinese.
enum OutputLocale {
    /// Whether `locale` asks for Chinese text (`zh-CN`, `zh`, `zh_Hans`).
    static func isChinese(_ locale: String) -> Bool {
        locale.lowercased().hasPrefix("zh")
    }
}
