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
        // A translation holds at least one CJK character or is only placeholders and
        // punctuation (a location such as `%1$@:%2$@（%3$@）：%4$@`).
        for (key, chinese) in ChineseCatalog.entries {
            let letters = chinese.unicodeScalars.filter { $0.properties.isAlphabetic && $0.isASCII }
            let hasHan = chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
            #expect(hasHan || letters.isEmpty || chinese == key, "not translated: \(key) → \(chinese)")
        }
    }
}
