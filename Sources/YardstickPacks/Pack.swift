import Foundation

/// A pack found on disk: its manifest, its folder and where it was found.
public struct Pack: Sendable, Hashable {
    /// The parsed `pack.toml`.
    public var manifest: PackManifest
    /// The pack's folder (absolute, standardised).
    public var folder: String
    /// Where it was found.
    public var source: PackSource

    /// Creates a pack.
    ///
    /// - Parameters:
    ///   - manifest: The manifest.
    ///   - folder: The folder (absolute).
    ///   - source: Where it was found.
    public init(manifest: PackManifest, folder: String, source: PackSource) {
        self.manifest = manifest
        self.folder = folder
        self.source = source
    }

    /// Reads the pack in a folder.
    ///
    /// - Parameters:
    ///   - folder: The pack's folder.
    ///   - source: Where it was found.
    /// - Throws: ``PackError`` when its manifest is missing or not valid.
    public static func read(folder: String, source: PackSource) throws(PackError) -> Pack {
        let standardized = URL(fileURLWithPath: folder).standardizedFileURL.path
        return Pack(manifest: try PackManifest.read(folder: standardized), folder: standardized, source: source)
    }

    /// The pack's name.
    public var name: String { manifest.name }

    /// `indicators/`, the pack's indicator files.
    public var indicatorsFolder: String { (folder as NSString).appendingPathComponent("indicators") }
    /// `lib/`, the modules its scripts `require`.
    public var libraryFolder: String { (folder as NSString).appendingPathComponent("lib") }
    /// `scorecards/`, its default scorecard models.
    public var scorecardsFolder: String { (folder as NSString).appendingPathComponent("scorecards") }
    /// `tests/`, its fixture workspaces.
    public var testsFolder: String { (folder as NSString).appendingPathComponent("tests") }

    /// The indicator files' paths (absolute), sorted by name.
    public var indicatorFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: indicatorsFolder)) ?? []
        return names.filter { $0.hasSuffix(".lua") }.sorted().map {
            (indicatorsFolder as NSString).appendingPathComponent($0)
        }
    }

    /// Every file of the pack that affects what it computes or how it is described, relative
    /// to its folder and sorted: the manifest and every file under `indicators/`, `lib/` and
    /// `scorecards/` (not tests or documentation). These are what the lock file hashes.
    public var lockedFiles: [String] {
        var files = ["pack.toml"]
        let manager = FileManager.default
        for folderName in ["indicators", "lib", "scorecards"] {
            let root = (folder as NSString).appendingPathComponent(folderName)
            guard let enumerator = manager.enumerator(atPath: root) else { continue }
            while let relative = enumerator.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let path = (root as NSString).appendingPathComponent(relative)
                if manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files.append(folderName + "/" + relative)
                }
            }
        }
        return files.sorted()
    }
}
