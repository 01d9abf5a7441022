import Foundation
import LuaRuntime
import Testing
import YardstickData
import YardstickQuery
import YardstickTestSupport

@testable import YardstickEngine

@Suite struct LuaAPIDocumentTests {
    static let root = RepositoryRoot.path

    @Test func checkedInDocMatchesTheDeclarations() throws {
        let text = try String(contentsOfFile: Self.root + "/docs/lua-api.md", encoding: .utf8)
        #expect(
            text == LuaAPI.markdown(), "docs/lua-api.md is stale: run `swift run yardstick lua-api > docs/lua-api.md`")
    }

    @Test func everyPublishedNameIsDeclaredAndEveryDeclaredNameIsPublished() throws {
        let (_, engine, _) = try EngineFixture.workspace()
        let published = try LuaThread.run { () throws -> LuaTable in
            let session = try EvaluationSession(
                engine: engine, calendar: CalendarSettings(), today: 0)
            return session.published
        }
        func names(_ key: String) -> Set<String> {
            Set(published[key].tableValue?.array.compactMap(\.stringValue) ?? [])
        }
        let declared = { (place: LuaAPI.Place) in Set(LuaAPI.entries.filter { $0.place == place }.map(\.name)) }
        #expect(names("globals") == declared(.global))
        #expect(names("view") == declared(.view))
        // A grouped view offers the aggregates of a view.
        #expect(names("grouped").isSubset(of: declared(.view)))
    }
}
