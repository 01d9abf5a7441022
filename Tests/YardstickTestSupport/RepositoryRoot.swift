import Foundation

/// The repository's root folder (the one holding `Package.swift`), found from this file's path,
/// so that tests can read the examples, fixtures and docs wherever the suite runs from.
public enum RepositoryRoot {
    /// The root's absolute path, without a trailing slash.
    public static let path: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
        }
        return FileManager.default.currentDirectoryPath
    }()

    /// The root as a file URL.
    public static var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// The absolute path of `relativePath` inside the repository.
    public static func path(_ relativePath: String) -> String { path + "/" + relativePath }
}
