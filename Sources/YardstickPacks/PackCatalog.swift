import Foundation

/// Every pack found in a set of locations, with the folders that look like packs but whose
/// manifest does not read.
public struct PackCatalog: Sendable {
    /// The packs, in location order, then by folder name.
    public var packs: [Pack]
    /// Pack folders whose `pack.toml` is not valid, with why.
    public var failures: [PackError]

    /// Creates a catalog.
    ///
    /// - Parameters:
    ///   - packs: The packs found.
    ///   - failures: The folders that did not read.
    public init(packs: [Pack], failures: [PackError] = []) {
        self.packs = packs
        self.failures = failures
    }

    /// Scans each location's sub-folders that hold a `pack.toml`.
    ///
    /// - Parameter locations: Where to look.
    public init(scanning locations: PackLocations) {
        var packs: [Pack] = []
        var failures: [PackError] = []
        let manager = FileManager.default
        for location in locations.locations {
            guard let names = try? manager.contentsOfDirectory(atPath: location.folder) else { continue }
            for name in names.sorted() {
                let folder = (location.folder as NSString).appendingPathComponent(name)
                guard manager.fileExists(atPath: (folder as NSString).appendingPathComponent("pack.toml")) else {
                    continue
                }
                do {
                    packs.append(try Pack.read(folder: folder, source: location.source))
                } catch {
                    failures.append(error)
                }
            }
        }
        self.init(packs: packs, failures: failures)
    }

    /// The packs with a name, most preferred first: earlier locations first, then higher
    /// versions.
    ///
    /// - Parameter name: The pack's name.
    public func candidates(named name: String) -> [Pack] {
        packs.enumerated().filter { $0.element.name == name }
            .sorted { lhs, rhs in
                if lhs.element.source != rhs.element.source { return lhs.element.source < rhs.element.source }
                if lhs.element.manifest.version != rhs.element.manifest.version {
                    return lhs.element.manifest.version > rhs.element.manifest.version
                }
                return lhs.offset < rhs.offset
            }
            .map(\.element)
    }
}
