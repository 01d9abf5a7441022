import Foundation
import LuaRuntime
import YardstickData
import YardstickQuery

/// Where `require` finds an indicator pack's own modules: `a.b` → `FOLDER/a/b.lua`, nowhere else
/// (the runtime has already rejected names that are not `[A-Za-z0-9_]` words joined by dots).
public struct ModuleFolder: Sendable, Hashable {
    /// The folder on disk.
    public var path: String
    /// How chunk names start (`indicators`), so messages read `indicators/a/b.lua:3: …`.
    public var displayPrefix: String

    /// Creates a module folder.
    public init(path: String, displayPrefix: String) {
        self.path = path
        self.displayPrefix = displayPrefix
    }

    /// The source and chunk name of a module, if the folder has it.
    func resolve(_ name: String) -> (source: String, chunkName: String)? {
        let relative = name.split(separator: ".").joined(separator: "/") + ".lua"
        guard !relative.contains(".."), let text = try? String(contentsOfFile: path + "/" + relative, encoding: .utf8)
        else { return nil }
        return (text, displayPrefix + "/" + relative)
    }
}
