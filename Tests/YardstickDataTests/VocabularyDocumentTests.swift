import Foundation
import Testing
import YardstickTestSupport

@testable import YardstickData

@Suite struct VocabularyDocumentTests {
    @Test func checkedInVocabularyDocMatchesTheCode() throws {
        let path = RepositoryRoot.path + "/docs/vocabulary.md"
        let checkedIn = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            checkedIn == VocabularyDocument.markdown(),
            "docs/vocabulary.md is stale: run `swift run yardstick vocabulary > docs/vocabulary.md`")
    }

    @Test func everyReferenceNamesAVocabularyEntity() {
        let names = Set(CRMVocabulary.entities.map(\.name))
        for entity in CRMVocabulary.entities {
            #expect(entity.fields.first?.name == "id")
            for field in entity.fields {
                if let target = field.referencedEntity { #expect(names.contains(target)) }
            }
        }
    }
}
