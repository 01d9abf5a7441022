import YardstickTestSupport

/// A temporary workspace folder holding one `yardstick.toml`.
enum TemporaryDirectoryHelper {
    /// A new folder whose `yardstick.toml` is `toml`.
    static func make(_ toml: String) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory(prefix: "postgres-offline")
        _ = try folder.write(toml, to: "yardstick.toml")
        return folder
    }
}
