import Foundation
import Testing
import YardstickTestSupport

@testable import YardstickLocalization

/// The Chinese catalog and the `tr` calls in the sources agree: every key has a translation,
/// every translation has a key, and each translation takes the arguments its key takes.
@Suite struct CatalogCompletenessTests {
    /// The literal keys of every `tr("…"` call under Sources (outside YardstickLocalization),
    /// unescaped, with the file each first appears in.
    static let sourceKeys: [String: String] = {
        var keys: [String: String] = [:]
        let root = RepositoryRoot.path("Sources")
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            // The catalog's own module documents `tr` with examples that are no messages.
            guard relative.hasSuffix(".swift"), !relative.hasPrefix("YardstickLocalization/"),
                let text = try? String(contentsOfFile: root + "/" + relative, encoding: .utf8)
            else { continue }
            for key in TrCallScanner.keys(in: text) where keys[key] == nil { keys[key] = relative }
        }
        return keys
    }()

    @Test func theScannerFindsKeysInTheSources() {
        #expect(Self.sourceKeys.count > 100)
        #expect(Self.sourceKeys["error: %@"] != nil)
    }

    @Test func everyMessageInTheSourcesHasAChineseTranslation() {
        let missing = Self.sourceKeys.keys.filter { ChineseCatalog.entries[$0] == nil }.sorted()
        #expect(missing.isEmpty, "no zh entry for: \(missing.map { "\($0) (\(Self.sourceKeys[$0] ?? ""))" })")
    }

    @Test func everyCatalogEntryIsUsedBySomeSource() {
        let unused = ChineseCatalog.entries.keys.filter { Self.sourceKeys[$0] == nil }.sorted()
        #expect(unused.isEmpty, "catalog entries no source uses: \(unused)")
    }

    @Test func noMessageIsTranslatedInTwoAreas() {
        var seen: [String: Int] = [:]
        for part in ChineseCatalog.parts { for key in part.keys { seen[key, default: 0] += 1 } }
        let twice = seen.filter { $0.value > 1 }.keys.sorted()
        #expect(twice.isEmpty, "translated in two areas: \(twice)")
    }

    @Test func everyTranslationTakesTheArgumentsOfItsKey() {
        for (key, chinese) in ChineseCatalog.entries {
            #expect(
                MessageTemplate.argumentCount(key) == MessageTemplate.argumentCount(chinese),
                "\(key) → \(chinese)")
            #expect(!chinese.isEmpty, "empty translation of \(key)")
        }
    }

    @Test func everyTranslationIsChinese() {
        // A translation holds at least one CJK character, or is a rewritten layout whose only
        // words are the key's identifiers and options (`--by %1$@：%2$@`, a location
        // `%1$@:%2$@（%3$@）：%4$@`); a copy of the English fails.
        for (key, chinese) in ChineseCatalog.entries {
            let hasHan = chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
            let keyWords = Set(Self.asciiWords(key))
            let foreign = Self.asciiWords(chinese).filter { !keyWords.contains($0) }
            #expect(hasHan || (chinese != key && foreign.isEmpty), "not translated: \(key) → \(chinese)")
        }
    }

    /// The runs of ASCII letters in `text`.
    static func asciiWords(_ text: String) -> [String] {
        text.split { !($0.isASCII && $0.isLetter) }.map(String.init)
    }
}
