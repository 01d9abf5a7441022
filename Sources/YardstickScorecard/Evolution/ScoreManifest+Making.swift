import Foundation
import YardstickData
import YardstickEngine
import YardstickLocalization

extension ScoreManifest {
    /// The manifest of a run: reads and hashes the workspace file, every data file its mappings
    /// name, the model's file and its bases' files, takes the indicator files' text as run, and
    /// hashes every other `.lua` file in the sets' module folders (what `require` can load).
    ///
    /// - Parameters:
    ///   - workspace: The workspace the run opened.
    ///   - models: The workspace's models (``ScorecardModels/definitions``), where the bases
    ///     `definition` extends are looked up; a base not among them is left out.
    ///   - definition: The model scored.
    ///   - selection: The indicator sets the run had.
    ///   - options: The run's options.
    ///   - results: The bytes of the results as `--format csv` writes them.
    ///   - toolVersion: The program's version.
    /// - Returns: The manifest.
    /// - Throws: ``ScorecardError`` naming each file that cannot be read.
    public static func make(
        workspace: Workspace, models: [ScorecardDefinition], definition: ScorecardDefinition,
        selection: IndicatorSelection, options: ScoreRunOptions, results: [UInt8],
        toolVersion: String = ScoreManifest.unreleasedToolVersion
    ) throws(ScorecardError) -> ScoreManifest {
        var problems: [ScorecardProblem] = []
        func fingerprint(path: String, shown: String) -> FileFingerprint {
            guard let (hex, size) = SHA256.file(at: path) else {
                problems.append(
                    ScorecardProblem(file: shown, line: nil, message: tr("cannot read the file to fingerprint it")))
                return FileFingerprint(path: shown, size: 0, sha256: "")
            }
            return FileFingerprint(path: shown, size: size, sha256: hex)
        }
        func inWorkspace(_ file: String) -> String {
            file.hasPrefix("/") ? file : (workspace.directory as NSString).appendingPathComponent(file)
        }

        let configuration = fingerprint(path: inWorkspace("yardstick.toml"), shown: "yardstick.toml")
        var seenData: Set<String> = []
        var dataFiles: [FileFingerprint] = []
        for part in workspace.entities.flatMap(\.parts) where seenData.insert(part.path).inserted {
            dataFiles.append(fingerprint(path: part.path, shown: part.displayPath))
        }
        var modelFiles: [ModelFingerprint] = []
        var next: ScorecardDefinition? = definition
        var seenModels: Set<String> = []
        while let model = next, seenModels.insert(model.id).inserted {
            modelFiles.append(
                ModelFingerprint(
                    id: model.id, version: model.version,
                    file: fingerprint(path: model.sourcePath ?? inWorkspace(model.file), shown: model.file)))
            next = model.extends.flatMap { base in models.first { $0.id == base } }
        }
        var indicatorFiles: [FileFingerprint] = []
        for set in selection.sets {
            let loaded = set.sources.map { source in
                let bytes = Array(source.text.utf8)
                return FileFingerprint(path: source.file, size: bytes.count, sha256: SHA256.hex(of: bytes))
            }
            indicatorFiles += loaded
            // The modules `require` can reach (`indicators/lib/util.lua`) shape results too.
            guard let modules = set.modules else { continue }
            let known = Set(loaded.map(\.path))
            let found = (FileManager.default.subpaths(atPath: modules.path) ?? []).filter { $0.hasSuffix(".lua") }
            for relative in found.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let shown = modules.displayPrefix + "/" + relative
                guard !known.contains(shown) else { continue }
                indicatorFiles.append(fingerprint(path: modules.path + "/" + relative, shown: shown))
            }
        }
        guard problems.isEmpty else { throw ScorecardError(problems) }
        return ScoreManifest(
            tool: ToolInfo(version: toolVersion),
            workspace: WorkspaceFingerprint(name: workspace.name, configuration: configuration),
            data: DataFingerprint(files: dataFiles), models: modelFiles, indicators: indicatorFiles,
            options: options, results: ResultsDigest(bytes: results))
    }

    /// The manifest as JSON: keys sorted, two-space indentation, a final line break.
    public var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Writes the manifest as JSON to `path`, atomically (a reader never sees half a file).
    ///
    /// - Parameter path: The file to create or replace; its folder must exist.
    /// - Throws: ``ScorecardError`` naming the file and why it cannot be written.
    public func write(to path: String) throws(ScorecardError) {
        do {
            try AtomicFile.write(jsonText, to: path)
        } catch {
            throw ScorecardError([ScorecardProblem(file: path, line: nil, message: error.description)])
        }
    }

    /// Reads a manifest written by ``write(to:)``.
    ///
    /// - Parameter path: The manifest file.
    /// - Returns: The manifest.
    /// - Throws: ``ScorecardError`` when the file cannot be read or is not a manifest.
    public static func read(from path: String) throws(ScorecardError) -> ScoreManifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScorecardError([ScorecardProblem(file: path, line: nil, message: tr("cannot read the manifest"))])
        }
        do {
            return try JSONDecoder().decode(ScoreManifest.self, from: data)
        } catch {
            throw ScorecardError([
                ScorecardProblem(file: path, line: nil, message: tr("not a score manifest: %@", error))
            ])
        }
    }

    /// What differs between this manifest and `other` (a re-run's), one line per difference,
    /// inputs first and the results last; empty when the two runs match.
    ///
    /// - Parameter other: The manifest to compare with.
    /// - Returns: Lines such as `data file data/sales.csv: sha256 3f2a… → 91bc…`.
    public func differences(from other: ScoreManifest) -> [String] {
        var lines: [String] = []
        func short(_ hex: String) -> String { String(hex.prefix(12)) + (hex.count > 12 ? "…" : "") }
        func compare(_ what: String, _ old: String, _ new: String) {
            if old != new { lines.append("\(what): \(old) → \(new)") }
        }
        func compareFiles(_ kind: String, _ old: [FileFingerprint], _ new: [FileFingerprint]) {
            let newByPath = Dictionary(new.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            let oldPaths = Set(old.map(\.path))
            for file in old {
                guard let counterpart = newByPath[file.path] else {
                    lines.append("\(kind) \(file.path): no longer read")
                    continue
                }
                if file.sha256 != counterpart.sha256 || file.size != counterpart.size {
                    lines.append(
                        "\(kind) \(file.path): sha256 \(short(file.sha256)) (\(file.size) bytes) → "
                            + "\(short(counterpart.sha256)) (\(counterpart.size) bytes)")
                }
            }
            for file in new where !oldPaths.contains(file.path) { lines.append("\(kind) \(file.path): newly read") }
        }
        compare("tool version", tool.version, other.tool.version)
        compare("workspace", workspace.name, other.workspace.name)
        compareFiles("workspace file", [workspace.configuration], [other.workspace.configuration])
        compareFiles("data file", data.files, other.data.files)
        compare("models", models.map(\.id).joined(separator: " ← "), other.models.map(\.id).joined(separator: " ← "))
        compareFiles("model file", models.map(\.file), other.models.map(\.file))
        compareFiles("indicator file", indicators, other.indicators)
        compare("model", options.model, other.options.model)
        compare("periods", options.periods.joined(separator: ", "), other.options.periods.joined(separator: ", "))
        compare("as of", options.asOf, other.options.asOf)
        compare("per", options.per.joined(separator: ","), other.options.per.joined(separator: ","))
        compare("max instructions", "\(options.maxInstructions)", "\(other.options.maxInstructions)")
        compare("max memory", "\(options.maxMemoryBytes)", "\(other.options.maxMemoryBytes)")
        compare("max seconds", "\(options.maxSeconds)", "\(other.options.maxSeconds)")
        if results != other.results {
            lines.append(
                "results (\(results.format)): sha256 \(short(results.sha256)) (\(results.size) bytes) → "
                    + "\(short(other.results.sha256)) (\(other.results.size) bytes)")
        }
        return lines
    }
}
