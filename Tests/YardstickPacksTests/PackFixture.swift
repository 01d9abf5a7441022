import Foundation
import YardstickTestSupport

@testable import YardstickPacks

/// Packs and workspaces written into temporary folders for the tests.
enum PackFixture {
    /// A valid manifest, with lines to add at the top level or after it.
    static func manifest(
        name: String, version: String = "1.0.0", hostAPI: String = "^1.0", dependencies: [String: String] = [:],
        extra: String = ""
    ) -> String {
        var text = """
            name = "\(name)"
            version = "\(version)"
            host_api = "\(hostAPI)"
            licence = "MIT"
            authors = ["Test"]
            title = { en = "\(name) title", zh = "\(name) 标题" }
            description = { en = "About \(name)", zh = "关于 \(name)" }
            needs = ["opportunities.stage", "opportunities.closed_at", "opportunities.amount"]
            \(extra)

            """
        if !dependencies.isEmpty {
            text += "[dependencies]\n"
            for (dependency, range) in dependencies.sorted(by: { $0.key < $1.key }) {
                text += "\(dependency) = \"\(range)\"\n"
            }
        }
        return text
    }

    /// An indicator file that returns a constant (or any Lua expression).
    static func indicator(id: String, value: String, title: String? = nil) -> String {
        """
        return indicator {
          id = "\(id)",
          title = { en = "\(title ?? id + " title")", zh = "\(id) 标题" },
          unit = "number",
          per = "user",
          value = function(s, k) return \(value) end,
        }

        """
    }

    /// Writes a pack into `folder/name` with its indicator files (by file name).
    @discardableResult
    static func writePack(
        in directory: TemporaryDirectory, at folder: String, manifest: String, indicators: [String: String] = [:],
        lib: [String: String] = [:]
    ) throws -> String {
        _ = try directory.write(manifest, to: "\(folder)/pack.toml")
        for (file, text) in indicators { _ = try directory.write(text, to: "\(folder)/indicators/\(file)") }
        for (file, text) in lib { _ = try directory.write(text, to: "\(folder)/lib/\(file)") }
        return directory.path(folder)
    }

    /// The small sales workspace of `plugins new`'s fixture, with extra `yardstick.toml` text.
    static func writeWorkspace(in directory: TemporaryDirectory, at folder: String = "ws", toml extra: String = "")
        throws -> String
    {
        for (path, text) in PackScaffold.files(name: "scaffold") where path.hasPrefix("tests/basic/") {
            let relative = String(path.dropFirst("tests/basic/".count))
            if relative == "expected.csv" { continue }
            _ = try directory.write(relative == "yardstick.toml" ? text + extra : text, to: "\(folder)/\(relative)")
        }
        return directory.path(folder)
    }
}
