import Foundation
import LuaRuntime
import Testing

@testable import YardstickEngine

/// The prelude's files and the parts the module embeds agree: none is left out of the load
/// order, and the embedded text is the file's.
@Suite struct PreludePartsTests {
    static let folder = LuaAPIDocumentTests.root + "/Sources/YardstickEngine/Prelude"

    @Test func everyPreludeFileIsTheEntryOrAPartLoadedOnce() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".lua") }
        let loaded = [Prelude.entry.file] + Prelude.parts.map(\.file)
        #expect(Set(loaded).count == loaded.count, "a part is listed twice")
        #expect(Set(files) == Set(loaded))
    }

    @Test func theEmbeddedTextIsTheFilesText() throws {
        for part in [Prelude.entry] + Prelude.parts {
            let text = try String(contentsOfFile: Self.folder + "/" + part.file, encoding: .utf8)
            #expect(part.source == text, "\(part.file) differs from its embedded copy: rebuild")
        }
    }

    @Test func eachPartIsAChunkNamedAfterItsFile() {
        for part in Prelude.parts {
            #expect(part.chunkName == "=yardstick/prelude/" + part.file)
            // Chunks the session treats as the prelude's (moving their errors to the script).
            #expect(String(part.chunkName.dropFirst()).hasPrefix(EvaluationSession.preludePrefix))
        }
    }

    @Test func thePreludeLoadsInABareVMAndReturnsItsRunnerAndAPI() throws {
        let names = try LuaThread.run { () throws -> [String] in
            let vm = try LuaVM()
            let results = try Prelude.load(into: vm)
            let runner = try #require(results.first?.tableValue)
            for name in ["register", "focus", "run", "order", "task", "columns"] {
                #expect(runner[name].functionValue != nil, "runner.\(name)")
            }
            let published = try #require(results.dropFirst().first?.tableValue)
            return published["globals"].tableValue?.array.compactMap(\.stringValue) ?? []
        }
        #expect(
            names == [
                "indicator", "ratio", "missing", "is_missing", "days", "hours", "date", "field", "cohort",
                "quantile_bins", "threshold_bins", "param",
            ])
    }
}
