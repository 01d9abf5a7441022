import Foundation
import Testing
import YardstickTestSupport

/// The C boundary as source structure: Swift sees only the shim's entry points, every other
/// C function is `static` or a hidden internal shared between the shim's own files, and no
/// entry point or internal is dead.
@Suite struct ShimBoundaryTests {
    /// The functions Swift may call: each runs its Lua work under `lua_pcall` and never raises.
    static let entryPoints: Set<String> = [
        "ys_newstate", "ys_close", "ys_budget_of", "ys_buf_append", "ys_setup", "ys_load",
        "ys_call", "ys_dump",
    ]

    static let root = RepositoryRoot.url

    static let shim = root.appendingPathComponent("Sources/CLuaShim")

    static func text(_ relativePath: String, in directory: URL = shim) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// The shim's .c files by name.
    static func sources() throws -> [String: String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: shim.path)
            .filter { $0.hasSuffix(".c") }
        return try Dictionary(uniqueKeysWithValues: names.map { ($0, try text($0)) })
    }

    /// Names of functions declared (prototype ending in `;`) at the start of a line.
    static func declarations(in text: String, prefix: String = "") throws -> Set<String> {
        let pattern = "^\(prefix)[A-Za-z_][A-Za-z_ ]*?[ *]+(ys_[a-z_]+)\\([^;{]*\\);"
        return try names(matching: pattern, in: text)
    }

    /// Names of functions defined (body opened with `{`) at the start of a line, not `static`.
    static func exportedDefinitions(in text: String) throws -> Set<String> {
        let pattern = "^(?!static )[A-Za-z_][A-Za-z_ ]*?[ *]+(ys_[a-z_]+)\\([^;{]*\\) \\{"
        return try names(matching: pattern, in: text)
    }

    static func names(matching pattern: String, in text: String) throws -> Set<String> {
        let regex = try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        let range = NSRange(text.startIndex..., in: text)
        return Set(
            regex.matches(in: text, range: range).compactMap { match in
                Range(match.range(at: 1), in: text).map { String(text[$0]) }
            })
    }

    /// Every `ys_` identifier in `text`: calls, and functions passed as values.
    static func uses(in text: String) throws -> Set<String> {
        try names(matching: "(?<![A-Za-z_])(ys_[a-z_]+)(?![A-Za-z_])", in: text)
    }

    @Test func publicHeaderDeclaresExactlyTheEntryPoints() throws {
        let header = try Self.text("include/yardstick_lua.h")
        #expect(try Self.declarations(in: header) == Self.entryPoints)
        #expect(!header.contains("#include <lua"), "the public header must not expose the Lua C API")
    }

    @Test func everyEntryPointIsCalledFromSwift() throws {
        let runtime = Self.root.appendingPathComponent("Sources/LuaRuntime")
        let files = try FileManager.default.contentsOfDirectory(atPath: runtime.path)
            .filter { $0.hasSuffix(".swift") }
        let swift = try files.map { try Self.text($0, in: runtime) }.joined(separator: "\n")
        let uncalled = Self.entryPoints.filter { !swift.contains("\($0)(") }
        #expect(uncalled.isEmpty, "entry points nobody calls: \(uncalled.sorted())")
    }

    @Test func everyOtherFunctionIsStaticOrADeclaredInternal() throws {
        let internals = try Self.declarations(in: try Self.text("internal.h"), prefix: "YS_INTERNAL ")
        let sources = try Self.sources()
        var exported = Set<String>()
        for source in sources.values { exported.formUnion(try Self.exportedDefinitions(in: source)) }
        #expect(exported.subtracting(Self.entryPoints).subtracting(internals).isEmpty)
        #expect(Self.entryPoints.subtracting(exported).isEmpty, "entry points without a definition")
        #expect(internals.subtracting(exported).isEmpty, "internals without a definition")
    }

    @Test func everyInternalIsUsedOutsideItsOwnFile() throws {
        let internals = try Self.declarations(in: try Self.text("internal.h"), prefix: "YS_INTERNAL ")
        let sources = try Self.sources()
        for name in internals.sorted() {
            let home = try #require(
                try sources.first { try Self.exportedDefinitions(in: $0.value).contains(name) },
                "\(name) has no definition")
            let elsewhere = try sources.filter {
                try $0.key != home.key && Self.uses(in: $0.value).contains(name)
            }
            #expect(!elsewhere.isEmpty, "\(name) is used only in \(home.key); make it static there")
        }
    }
}
