import Foundation

/// The folders packs are found in, in the order resolution prefers them: the workspace's
/// `packs/`, the `[packs] paths`, the user's folder, then the packs shipped with Yardstick.
///
/// Each folder holds pack folders (`FOLDER/sales-core/pack.toml`). A folder that does not
/// exist is skipped.
public struct PackLocations: Sendable, Hashable {
    /// One folder and what kind of place it is.
    public struct Location: Sendable, Hashable {
        /// The folder (absolute).
        public var folder: String
        /// What kind of place it is.
        public var source: PackSource

        /// Creates a location.
        ///
        /// - Parameters:
        ///   - folder: The folder (absolute).
        ///   - source: What kind of place it is.
        public init(folder: String, source: PackSource) {
            self.folder = folder
            self.source = source
        }
    }

    /// The folders, most preferred first.
    public var locations: [Location]

    /// Creates locations from a list.
    ///
    /// - Parameter locations: The folders, most preferred first.
    public init(_ locations: [Location]) {
        self.locations = locations
    }

    /// The standard locations of a workspace.
    ///
    /// - The workspace's `packs/` folder.
    /// - The `[packs] paths`, relative to the workspace.
    /// - The user folder: `$YARDSTICK_PACKS`, else `$XDG_DATA_HOME/yardstick/packs`, else
    ///   `~/.local/share/yardstick/packs`.
    /// - The shipped packs: see ``shippedFolder(environment:executable:)``.
    ///
    /// - Parameters:
    ///   - workspace: The workspace folder (absolute).
    ///   - paths: The `[packs] paths`.
    ///   - environment: The process environment.
    ///   - executable: The running program's path, to find the shipped packs.
    public static func standard(
        workspace: String, paths: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String? = Self.executablePath
    ) -> PackLocations {
        var locations = [Location(folder: join(workspace, "packs"), source: .workspace)]
        for path in paths { locations.append(Location(folder: join(workspace, path), source: .path)) }
        locations.append(Location(folder: userFolder(environment: environment), source: .user))
        if let shipped = shippedFolder(environment: environment, executable: executable) {
            locations.append(Location(folder: shipped, source: .shipped))
        }
        return PackLocations(locations)
    }

    /// The user's pack folder.
    ///
    /// - Parameter environment: The process environment.
    public static func userFolder(environment: [String: String]) -> String {
        if let folder = environment["YARDSTICK_PACKS"], !folder.isEmpty { return standardized(folder) }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            return join(standardized(data), "yardstick/packs")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return join(standardized(home), ".local/share/yardstick/packs")
    }

    /// Where the packs shipped with Yardstick are: `$YARDSTICK_PLUGINS` when set; else
    /// `PREFIX/share/yardstick/plugins` next to an installed `PREFIX/bin/yardstick`; else the
    /// `plugins/` folder of the source checkout the program was built in (the first folder
    /// above the executable holding both `Package.swift` and `plugins/`, as for
    /// `.build/debug/yardstick`). Nil when none exists.
    ///
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - executable: The running program's path (symbolic links resolved).
    public static func shippedFolder(environment: [String: String], executable: String?) -> String? {
        if let folder = environment["YARDSTICK_PLUGINS"], !folder.isEmpty { return standardized(folder) }
        guard let executable else { return nil }
        let manager = FileManager.default
        var directory = (URL(fileURLWithPath: executable).resolvingSymlinksInPath().path as NSString)
            .deletingLastPathComponent
        let installed = join(directory, "../share/yardstick/plugins")
        if manager.fileExists(atPath: installed) { return installed }
        for _ in 0..<6 {
            let plugins = join(directory, "plugins")
            if manager.fileExists(atPath: join(directory, "Package.swift")), manager.fileExists(atPath: plugins) {
                return plugins
            }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory { break }
            directory = parent
        }
        return nil
    }

    /// The running program's path (`/proc/self/exe` on Linux), nil when unknown.
    public static var executablePath: String? {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments.first
    }

    static func join(_ base: String, _ path: String) -> String {
        let full = path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
        return standardized(full)
    }

    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
