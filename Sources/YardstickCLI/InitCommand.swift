import ArgumentParser
import Foundation
import YardstickData
import YardstickLocalization

/// `yardstick init`: writes a commented starter workspace.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a commented starter workspace (yardstick.toml, data/, indicators/).")

    @Argument(help: "The folder to create the workspace in.")
    var directory: String = "."

    @Option(help: "The workspace name.")
    var name: String?

    /// `--locale`: the language of these messages, written as the new workspace's `locale`.
    @OptionGroup var localeOption: LocaleOption

    func run() throws {
        let fileManager = FileManager.default
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        let file = root.appendingPathComponent("yardstick.toml")
        if fileManager.fileExists(atPath: file.path) {
            throw CommandFailure.usage(tr("%@ already exists; not overwriting it", file.path))
        }
        try fileManager.createDirectory(
            at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
        try fileManager.createDirectory(
            at: root.appendingPathComponent("indicators"), withIntermediateDirectories: true)
        var written: [String] = []
        // Sample files are written only where nothing is yet: an export already in data/ stays.
        for (path, text) in StarterWorkspace.sampleFiles
        where !fileManager.fileExists(atPath: root.appendingPathComponent(path).path) {
            try Data(text.utf8).write(to: root.appendingPathComponent(path), options: .atomic)
            written.append(path)
        }
        let text = StarterWorkspace.toml(
            name: name ?? root.lastPathComponent, locale: Localization.language.localeIdentifier)
        try Data(text.utf8).write(to: file, options: .atomic)
        let ignoresCache = try Self.ignoreCacheFolder(in: root)
        print(tr("Created %@", file.path))
        if !written.isEmpty { print(tr("with sample data and an indicator: %@", written.joined(separator: ", "))) }
        if ignoresCache { print(tr(".gitignore keeps the snapshot cache (.yardstick/) out of version control")) }
        print(tr("Try it:"))
        print("  yardstick check --workspace \(directory)")
        print("  yardstick run --workspace \(directory) --period 2026-Q3")
        print(tr("Then put your CRM export in %@ and edit the mapping in", root.appendingPathComponent("data").path))
        print(tr("yardstick.toml; its comments show sales, service and marketing mappings."))
    }

    /// Adds `.yardstick/` (the snapshot cache's folder) to the workspace's `.gitignore`, creating
    /// it when missing; a file that already names the folder is left alone.
    ///
    /// - Returns: Whether the line was added.
    static func ignoreCacheFolder(in root: URL) throws -> Bool {
        let file = root.appendingPathComponent(".gitignore")
        let existing = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let lines = existing.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        if lines.contains(where: { [".yardstick", ".yardstick/", "/.yardstick", "/.yardstick/"].contains($0) }) {
            return false
        }
        let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
        let text =
            existing + separator + "# Yardstick's snapshot cache (docs/workspace.md#snapshot-cache)\n.yardstick/\n"
        try Data(text.utf8).write(to: file, options: .atomic)
        return true
    }
}
