import Foundation
import Testing
import YardstickTestSupport

@testable import YardstickData

/// Regressions found by the workspace fuzz harness: a table header that does not start with a
/// key made TOMLKit's toml++ 3.4.0 abort the process (`yardstick check` exited 134 on a
/// `yardstick.toml` of `[{`), where it must be a `WorkspaceError` with the line.
@Suite struct TableHeaderCheckTests {
    /// The error `Workspace.open` throws for a workspace file, as rendered.
    private func openError(_ toml: String) throws -> String? {
        let workspace = try TemporaryWorkspace(toml: toml)
        do {
            _ = try workspace.open()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: [
        ("[{", 1, "\"{\""),
        ("[[=", 1, "\"=\""),
        ("[&", 1, "\"&\""),
        ("[[[a]]]", 1, "\"[\""),
        ("[workspace]\nname = \"x\"\n\n[ {a = 1}]", 4, "\"{\""),
        ("[workspace]\n[\n", 2, "the end of the line"),
        ("\u{FEFF}[{", 1, "\"{\""),
        ("a = \"\"\"x \\\n y\"\"\"\n[%", 3, "\"%\""),
    ])
    func aHeaderThatDoesNotStartWithAKeyIsAnErrorWithItsLine(toml: String, line: Int, found: String) throws {
        let message = try openError(toml)
        #expect(
            message?.hasSuffix(":\(line): not valid TOML: a table header must start with a key, found \(found)") == true
        )
    }

    @Test func validFilesWithBracketsInValuesStringsAndCommentsAreNotRefused() {
        let text = """
            # [{ a comment
            [workspace] # [{
            name = "[{ not a header"
            description = '''
            [{ inside a multi-line string
            '''
            note = \"\"\"
            [& also inside \\\"\"\" still inside
            [{\"\"\"
            nested = [
              [1, 2],
              [{ a = 1 }],
            ]
            [[entities.users]]
            file = "users.csv"
            [ "quoted key" ]
            x = { y = [1] }
            """
        #expect(TableHeaderCheck.firstBadHeader(in: text) == nil)
        #expect(throws: Never.self) { try ConfigValue.parse(toml: text, file: "yardstick.toml") }
    }

    @Test func theMavenExampleWorkspaceHasNoBadHeader() throws {
        let text = try String(
            contentsOfFile: RepositoryRoot.path + "/examples/maven-sales/yardstick.toml", encoding: .utf8)
        #expect(TableHeaderCheck.firstBadHeader(in: text) == nil)
    }
}
