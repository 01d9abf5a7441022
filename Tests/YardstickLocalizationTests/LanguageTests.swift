import Testing

@testable import YardstickLocalization

@Suite struct LanguageTests {
    @Test(arguments: [
        ("zh-CN", MessageLanguage.chinese), ("zh", .chinese), ("zh_CN.UTF-8", .chinese), ("zh-Hans", .chinese),
        ("en", .english), ("en_US.UTF-8", .english), ("C", .english), ("C.UTF-8", .english), ("POSIX", .english),
    ])
    func aLocaleIdentifierNamesItsLanguage(identifier: String, language: MessageLanguage) {
        #expect(MessageLanguage(localeIdentifier: identifier) == language)
    }

    @Test func aLocaleYardstickDoesNotSpeakIsNil() {
        #expect(MessageLanguage(localeIdentifier: "fr-FR") == nil)
    }

    @Test func theFirstSetLocaleVariableDecidesAsForAnyPOSIXProgram() {
        #expect(MessageLanguage(environment: ["LANG": "zh_CN.UTF-8"]) == .chinese)
        #expect(MessageLanguage(environment: ["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"]) == .english)
        #expect(MessageLanguage(environment: ["LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"]) == .chinese)
        #expect(MessageLanguage(environment: ["LC_ALL": "", "LANG": "zh_TW.UTF-8"]) == .chinese)
        #expect(MessageLanguage(environment: ["LANG": "fr_FR.UTF-8"]) == .english)
        #expect(MessageLanguage(environment: [:]) == nil)
    }

    @Test func aTaskLanguageWinsOverTheProcessLanguageInsideItsTask() {
        #expect(Localization.language == .english)
        let inside = Localization.withLanguage(.chinese) { tr("error: %@", "x") }
        #expect(inside == "错误：x")
        #expect(tr("error: %@", "x") == "error: x")
    }

    @Test func anUntranslatedKeyFallsBackToTheEnglishText() {
        // A key that is no message: what a catalog miss would show.
        let text = Localization.withLanguage(.chinese) { MessageTemplate.fill("%@ only", with: ["english"]) }
        #expect(text == "english only")
    }
}
