import ArgumentParser
import Foundation
import YardstickData

/// `yardstick init`: writes a commented starter workspace.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a commented starter workspace (yardstick.toml, data/, indicators/).")

    @Argument(help: "The folder to create the workspace in.")
    var directory: String = "."

    @Option(help: "The workspace name.")
    var name: String?

    func run() throws {
        let fileManager = FileManager.default
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        let file = root.appendingPathComponent("yardstick.toml")
        if fileManager.fileExists(atPath: file.path) {
            throw CommandFailure.usage("\(file.path) already exists; not overwriting it")
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
        let text = StarterWorkspace.toml(name: name ?? root.lastPathComponent)
        try Data(text.utf8).write(to: file, options: .atomic)
        print("Created \(file.path)")
        if !written.isEmpty { print("with sample data and an indicator: \(written.joined(separator: ", "))") }
        print("Try it:")
        print("  yardstick check --workspace \(directory)")
        print("  yardstick run --workspace \(directory) --period 2026-Q3")
        print("Then put your CRM export in \(root.appendingPathComponent("data").path) and edit the mapping in")
        print("yardstick.toml; its comments show sales, service and marketing mappings.")
    }
}
