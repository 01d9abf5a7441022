import Foundation
import YardstickData
import YardstickEngine
import YardstickLocalization

/// `yardstick.lock`: the packs a workspace runs with, each with its version, where it was found
/// and a SHA-256 of each of its files, so that what runs is exactly what was reviewed.
///
/// `yardstick lock` writes it; `run`, `score` and `explain` check the resolved packs against it
/// and refuse to run when a pack's version or files differ, naming the file (`--ignore-lock`
/// runs anyway). The digests cover ``Pack/lockedFiles`` (the manifest, indicators, modules
/// and scorecards), so editing a pack's README or tests does not break the lock.
public struct PackLock: Sendable, Hashable {
    /// One locked pack.
    public struct Entry: Sendable, Hashable {
        /// The pack's name.
        public var name: String
        /// Its version.
        public var version: SemanticVersion
        /// Where it was found.
        public var source: PackSource
        /// The SHA-256 of each locked file, by path relative to the pack's folder.
        public var files: [String: String]

        /// Creates an entry.
        ///
        /// - Parameters:
        ///   - name: The pack's name.
        ///   - version: Its version.
        ///   - source: Where it was found.
        ///   - files: The file digests by relative path.
        public init(name: String, version: SemanticVersion, source: PackSource, files: [String: String]) {
            self.name = name
            self.version = version
            self.source = source
            self.files = files
        }

        /// One SHA-256 over the pack's file list and digests, for display and quick comparison.
        public var digest: String {
            SHA256.hex(
                of: Array(files.sorted { $0.key < $1.key }.map { "\($0.key)  \($0.value)\n" }.joined().utf8))
        }

        /// The entry for a pack as it is on disk now.
        ///
        /// - Parameter pack: The pack.
        /// - Throws: ``PackError`` when a file cannot be read.
        public init(pack: Pack) throws(PackError) {
            var files: [String: String] = [:]
            for relative in pack.lockedFiles {
                let path = (pack.folder as NSString).appendingPathComponent(relative)
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw PackError(.fileSystem, tr("cannot read"), file: path)
                }
                files[relative] = SHA256.hex(of: data)
            }
            self.init(name: pack.name, version: pack.manifest.version, source: pack.source, files: files)
        }
    }

    /// The lock file's name in a workspace.
    public static let fileName = "yardstick.lock"

    /// The locked packs, by name.
    public var entries: [Entry]

    /// Creates a lock.
    ///
    /// - Parameter entries: The locked packs.
    public init(entries: [Entry]) {
        self.entries = entries.sorted { $0.name < $1.name }
    }

    /// The lock of resolved packs as they are on disk now.
    ///
    /// - Parameter packs: The resolved packs.
    /// - Throws: ``PackError`` when a file cannot be read.
    public init(locking packs: [ResolvedPack]) throws(PackError) {
        var entries: [Entry] = []
        for resolved in packs { entries.append(try Entry(pack: resolved.pack)) }
        self.init(entries: entries)
    }

    /// The lock file's text (TOML).
    public var text: String {
        var lines = [
            "# yardstick.lock: the packs this workspace runs with, written by `yardstick lock`; do not edit.",
            "# `run`, `score` and `explain` refuse to run when a pack's files no longer match",
            "# (`--ignore-lock` runs anyway). Commit it with the workspace.",
            "lock_version = 1",
        ]
        for entry in entries {
            lines += [
                "", "[[pack]]", "name = \(quoted(entry.name))", "version = \(quoted(entry.version.description))",
                "source = \(quoted(entry.source.rawValue))", "sha256 = \(quoted(entry.digest))", "[pack.files]",
            ]
            for (path, digest) in entry.files.sorted(by: { $0.key < $1.key }) {
                lines.append("\(quoted(path)) = \(quoted(digest))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses a lock file.
    ///
    /// - Parameters:
    ///   - text: The file's text.
    ///   - file: Its name as messages show it.
    /// - Throws: ``PackError`` (``PackError/Code/invalidLock``) located at the key at fault.
    public init(parsing text: String, file: String) throws(PackError) {
        do throws(WorkspaceError) {
            let root = try WorkspaceTable.document(text, file: file)
            try root.allowOnly(["lock_version", "pack"])
            guard try root.integer("lock_version") == 1 else {
                throw root.error(at: "lock_version", tr("this Yardstick reads lock_version = 1"))
            }
            var entries: [Entry] = []
            for table in try root.tables("pack") ?? [] {
                try table.allowOnly(["name", "version", "source", "sha256", "files"])
                guard let name = try table.string("name") else { throw table.error(at: "name", tr("missing")) }
                guard let versionText = try table.string("version"), let version = SemanticVersion(versionText) else {
                    throw table.error(at: "version", tr("missing or not a semantic version"))
                }
                guard let sourceText = try table.string("source"), let source = PackSource(rawValue: sourceText) else {
                    throw table.error(at: "source", tr("missing or not one of workspace, path, user, shipped"))
                }
                var files: [String: String] = [:]
                if let list = try table.table("files") {
                    for path in list.keys { files[path] = try list.string(path) }
                }
                entries.append(Entry(name: name, version: version, source: source, files: files))
            }
            self.init(entries: entries)
        } catch {
            throw PackError(.invalidLock, error)
        }
    }

    /// Reads a workspace's lock file; nil when it has none.
    ///
    /// - Parameter workspace: The workspace folder.
    /// - Throws: ``PackError`` when the file is not valid.
    public static func read(workspace: String) throws(PackError) -> PackLock? {
        let path = (workspace as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw PackError(.fileSystem, tr("cannot read as UTF-8 text"), file: fileName)
        }
        return try PackLock(parsing: text, file: fileName)
    }

    /// Writes the lock file into a workspace, atomically.
    ///
    /// - Parameter workspace: The workspace folder.
    /// - Throws: ``PackError`` when it cannot be written.
    public func write(workspace: String) throws(PackError) {
        let path = (workspace as NSString).appendingPathComponent(Self.fileName)
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            throw PackError(.fileSystem, tr("cannot write: %@", error), file: path)
        }
    }

    /// Checks resolved packs against the lock.
    ///
    /// - Parameter packs: The packs about to run.
    /// - Throws: ``PackError`` (``PackError/Code/lockMismatch``) naming the first pack that is not
    ///   locked, whose version differs, or whose file changed, appeared or disappeared.
    public func verify(_ packs: [ResolvedPack]) throws(PackError) {
        for resolved in packs {
            let name = resolved.name
            guard let locked = entries.first(where: { $0.name == name }) else {
                throw mismatch(tr("pack %@ is not in %@ (run `yardstick lock` to add it)", name, Self.fileName))
            }
            let now = try Entry(pack: resolved.pack)
            if now.version != locked.version {
                throw mismatch(tr("pack %@ is %@ but %@ locks %@", name, now.version, Self.fileName, locked.version))
            }
            for (path, digest) in now.files.sorted(by: { $0.key < $1.key }) {
                guard let lockedDigest = locked.files[path] else {
                    throw mismatch(
                        tr("pack %@: %@ is new since %@ was written", name, path, Self.fileName), pack: resolved.pack,
                        path: path)
                }
                if lockedDigest != digest {
                    throw mismatch(
                        tr("pack %@: %@ changed since %@ was written", name, path, Self.fileName), pack: resolved.pack,
                        path: path)
                }
            }
            if let gone = locked.files.keys.sorted().first(where: { now.files[$0] == nil }) {
                throw mismatch(tr("pack %@: %@ was removed since %@ was written", name, gone, Self.fileName))
            }
        }
    }

    private func mismatch(_ message: String, pack: Pack? = nil, path: String? = nil) -> PackError {
        let file = pack.flatMap { pack in path.map { (pack.folder as NSString).appendingPathComponent($0) } }
        return PackError(
            .lockMismatch,
            tr("%@; check the change, then run `yardstick lock` again, or pass --ignore-lock", message),
            file: file ?? Self.fileName)
    }

    private func quoted(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            default: escaped.append(character)
            }
        }
        return "\"" + escaped + "\""
    }
}
