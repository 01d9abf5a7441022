import ArgumentParser
import Foundation
import YardstickData
import YardstickEngine
import YardstickLocalization
import YardstickPacks
import YardstickScorecard

/// `yardstick plugins`: pack tooling for consultants — list, info, new, check, test.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List, inspect, create, check and test indicator packs (docs/packs.md).",
        subcommands: [
            PluginsListCommand.self, PluginsInfoCommand.self, PluginsNewCommand.self, PluginsCheckCommand.self,
            PluginsTestCommand.self,
        ])

    /// The locations packs are found in for a workspace folder (its `[packs] paths` when it
    /// has a `yardstick.toml`).
    static func locations(workspace directory: String) throws(CommandFailure) -> PackLocations {
        var paths: [String] = []
        if FileManager.default.fileExists(atPath: directory + "/yardstick.toml") {
            paths = try WorkspaceLoading.open(directory).section(PacksSection.self)?.paths ?? []
        }
        return PackLocations.standard(workspace: directory, paths: paths)
    }

    /// The packs named by arguments: a pack folder (holding `pack.toml`), a folder of pack
    /// folders, or a pack's name (its first candidate in the workspace's locations). No
    /// argument: the current folder when it is a pack.
    static func packs(_ arguments: [String], workspace directory: String) throws(CommandFailure) -> [Pack] {
        let manager = FileManager.default
        let items = arguments.isEmpty ? ["."] : arguments
        var packs: [Pack] = []
        var catalog: PackCatalog?
        for item in items {
            let path = URL(fileURLWithPath: item, relativeTo: URL(fileURLWithPath: manager.currentDirectoryPath))
                .standardizedFileURL.path
            do {
                if manager.fileExists(atPath: path + "/pack.toml") {
                    packs.append(try Pack.read(folder: path, source: .path))
                } else if let names = try? manager.contentsOfDirectory(atPath: path),
                    case let folders = names.sorted().filter({ manager.fileExists(atPath: "\(path)/\($0)/pack.toml") }),
                    !folders.isEmpty
                {
                    for name in folders { packs.append(try Pack.read(folder: "\(path)/\(name)", source: .path)) }
                } else if manager.fileExists(atPath: path) {
                    throw CommandFailure.usage(tr("%@ holds no pack (no pack.toml)", item))
                } else {
                    if catalog == nil { catalog = PackCatalog(scanning: try locations(workspace: directory)) }
                    guard let pack = catalog?.candidates(named: item).first else {
                        throw CommandFailure.usage(tr("no pack named %@ (see yardstick plugins list)", item))
                    }
                    packs.append(pack)
                }
            } catch let error as PackError {
                throw CommandFailure(.workspace, cause: error)
            } catch let failure as CommandFailure {
                throw failure
            } catch {
                throw CommandFailure(error, otherwise: .usage)
            }
        }
        return packs
    }
}

/// `plugins list`: every pack found, with version, source and indicator count.
struct PluginsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the packs found: the workspace's packs/, [packs] paths, the user folder, the shipped packs.")

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        let locations = try PluginsCommand.locations(workspace: workspaceOptions.directory)
        let catalog = PackCatalog(scanning: locations)
        var rows = [[tr("name"), tr("version"), tr("source"), tr("indicators"), tr("title"), tr("folder")]]
        for pack in catalog.packs {
            rows.append([
                pack.name, pack.manifest.version.description, pack.source.rawValue, String(pack.indicatorFiles.count),
                Localization.isChinese ? pack.manifest.titleZH : pack.manifest.title, pack.folder,
            ])
        }
        if catalog.packs.isEmpty {
            print(tr("no packs found in: %@", locations.locations.map(\.folder).joined(separator: ", ")))
        } else {
            print(PluginsText.table(rows))
        }
        for failure in catalog.failures { printError(tr("warning: %@", failure)) }
    }
}

/// `plugins info NAME`: a pack's manifest, parameters, indicators and fields needed.
struct PluginsInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Show a pack: manifest, parameters, indicators (titles, units), fields needed.")

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: "The pack: a name, or its folder.")
    var pack: String

    func run() throws {
        guard let pack = try PluginsCommand.packs([self.pack], workspace: workspaceOptions.directory).first else {
            return
        }
        let manifest = pack.manifest
        var lines = [
            "\(manifest.name) \(manifest.version) — \(manifest.title) / \(manifest.titleZH)",
            "  \(manifest.description)", "  \(manifest.descriptionZH)",
            label(tr("source:")) + "\(pack.source.rawValue) (\(pack.folder))",
            label(tr("authors:")) + manifest.authors.joined(separator: ", "),
            label(tr("licence:")) + manifest.licence,
            label(tr("host API:")) + tr("%@ (this Yardstick: %@)", manifest.hostAPI, PackHostAPI.version),
            label(tr("dependencies:"))
                + (manifest.dependencies.isEmpty
                    ? tr("none")
                    : manifest.dependencies.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
                        separator: ", ")),
            label(tr("needs:")) + manifest.needs.joined(separator: ", "),
        ]
        lines.append("")
        lines.append(tr("parameters:"))
        if manifest.parameters.isEmpty { lines.append("  " + tr("none")) }
        for parameter in manifest.parameters {
            lines.append(
                tr(
                    "  %@ (%@, default %@): %@", parameter.name, parameter.kind.rawValue, parameter.defaultValue,
                    parameter.doc))
            if let zh = parameter.docZH { lines.append("    \(zh)") }
        }
        let checked: (findings: [PackCheckFinding], indicators: [IndicatorDefinition])
        do {
            checked = try PackChecker(pack: pack).check()
        } catch {
            throw CommandFailure(.workspace, cause: error)
        }
        let (findings, definitions) = (checked.findings, checked.indicators)
        lines.append("")
        lines.append(tr("indicators:"))
        var rows = [["id", "title", "标题", tr("unit"), tr("per"), tr("better")]]
        for definition in definitions {
            rows.append([
                "\(manifest.name).\(definition.id)", definition.title, definition.titleZH ?? "",
                definition.unit.rawValue,
                definition.per.rawValue, definition.higherIsBetter ? tr("higher") : tr("lower"),
            ])
        }
        lines.append(PluginsText.table(rows).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        print(lines.joined(separator: "\n"))
        for finding in findings { printError(tr("warning: %@", finding)) }
    }
}

/// `plugins new NAME`: a working skeleton.
struct PluginsNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract:
            "Create a pack skeleton: manifest, one indicator, a fixture workspace and expected values that pass plugins test."
    )

    @Argument(help: "The pack's name: lowercase letters, digits and -, starting with a letter.")
    var name: String

    @Option(name: .customLong("in"), help: "The folder to create it in (default: the current folder).")
    var parent: String = "."

    func run() throws {
        do {
            let folder = try PackScaffold.write(name: name, in: parent)
            print(tr("created %@", folder))
            print(tr("next: yardstick plugins check %@ && yardstick plugins test %@", folder, folder))
        } catch {
            throw CommandFailure(.usage, cause: error)
        }
    }
}

/// `plugins check`: whether packs are fit to ship.
struct PluginsCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Check packs: manifest valid, every file loads in the sandbox, needs in the vocabulary, ids unique, titles in en and zh.",
        discussion: "Exit codes: 0 all packs pass, 1 some pack has problems (listed), 2 a pack cannot be read.")

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: "Packs: folders, folders of packs, or names (default: the current folder).")
    var packs: [String] = []

    func run() throws {
        var failed = false
        for pack in try PluginsCommand.packs(packs, workspace: workspaceOptions.directory) {
            let checked: (findings: [PackCheckFinding], indicators: [IndicatorDefinition])
            do {
                checked = try PackChecker(pack: pack).check()
            } catch {
                throw CommandFailure(.workspace, cause: error)
            }
            let models = Self.checkModels(of: pack, indicators: checked.indicators)
            let (findings, definitions) = (checked.findings + models.findings, checked.indicators)
            let head = "\(pack.name) \(pack.manifest.version)"
            if findings.isEmpty {
                let counted =
                    models.count == 0 ? "" : models.count == 1 ? tr(", 1 model") : tr(", %@ models", models.count)
                print(
                    tr(
                        "✓ %@: %@ indicators, %@ parameters%@", head, definitions.count,
                        pack.manifest.parameters.count, counted))
            } else {
                failed = true
                print(findings.count == 1 ? tr("✗ %@: 1 problem", head) : tr("✗ %@: %@ problems", head, findings.count))
                for finding in findings { print("    \(finding)") }
            }
        }
        if failed { throw CommandFailure.findings }
    }
}

extension PluginsCheckCommand {
    /// Loads a pack's default models (`scorecards/*.lua`) in the sandbox, over an empty
    /// workspace, and checks that every kpi names an indicator of the pack or of a pack it
    /// depends on.
    ///
    /// - Returns: The number of models that loaded, and the problems as findings.
    static func checkModels(of pack: Pack, indicators: [IndicatorDefinition]) -> (
        count: Int, findings: [PackCheckFinding]
    ) {
        let packModels = PackModels(name: pack.name, folder: pack.folder)
        guard !packModels.files.isEmpty else { return (0, []) }
        let empty = NSTemporaryDirectory() + "yardstick-check-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let models: ScorecardModels
        do {
            try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
            models = try ScorecardModels.load(workspace: empty, packs: [packModels])
        } catch let error as ScorecardError {
            return (0, error.problems.map { PackCheckFinding(file: $0.file, line: $0.line, message: $0.message) })
        } catch {
            return (0, [PackCheckFinding(file: pack.folder, message: "\(error)")])
        }
        let dependencies = pack.manifest.dependencies.keys.map { $0 + "." }
        var findings: [PackCheckFinding] = []
        for definition in models.definitions {
            var known = Set(indicators.map { pack.name + "." + $0.id })
            for (_, indicator) in definition.model.indicatorPaths
            where dependencies.contains(where: { indicator.id.hasPrefix($0) }) {
                known.insert(indicator.id)
            }
            findings += definition.indicatorProblems(known: known).map {
                PackCheckFinding(file: $0.file, line: $0.line, message: $0.message)
            }
        }
        return (models.definitions.count, findings)
    }
}

/// `plugins test`: runs packs on their fixtures and compares with the expected values.
struct PluginsTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run packs on their fixture workspaces (tests/*/) and compare with expected.csv.",
        discussion: "Exit codes: 0 every expectation met, 1 some failed (listed), 2 a pack cannot be read.")

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: "Packs: folders, folders of packs, or names (default: the current folder).")
    var packs: [String] = []

    func run() throws {
        var failed = false
        for pack in try PluginsCommand.packs(packs, workspace: workspaceOptions.directory) {
            let outcome = PackTestRunner(pack: pack).run()
            for line in outcome.lines { print(line) }
            if !outcome.passed { failed = true }
        }
        if failed { throw CommandFailure.findings }
    }
}

/// `text` padded to the 14 terminal cells of the `plugins info` labels (`dependencies: `).
private func label(_ text: String) -> String {
    DisplayWidth.pad(text, to: 13) + " "
}
