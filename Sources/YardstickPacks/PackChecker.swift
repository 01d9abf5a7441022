import Foundation
import YardstickData
import YardstickEngine
import YardstickLocalization
import YardstickQuery

/// `plugins check`: whether a pack is fit to ship, without data.
///
/// It checks that the manifest is valid (it was read to get here), that every indicator file
/// loads in the sandbox and declares an indicator, that indicator ids are unique, that every
/// indicator has a title in English and in Chinese, that the fields the manifest and each
/// indicator's `needs` name exist in the CRM vocabulary, that each `needs` of an indicator is
/// claimed by the manifest, and that every `param("name")` written in the pack's Lua names a
/// declared parameter.
public struct PackChecker: Sendable {
    /// The pack checked.
    public var pack: Pack

    /// Creates a checker.
    ///
    /// - Parameter pack: The pack.
    public init(pack: Pack) {
        self.pack = pack
    }

    /// What is wrong with the pack (empty: nothing), and the indicators it declares.
    ///
    /// - Throws: ``PackError`` when the check itself cannot run (no temporary folder, Lua that
    ///   cannot start).
    public func check() throws(PackError) -> (findings: [PackCheckFinding], indicators: [IndicatorDefinition]) {
        var findings: [PackCheckFinding] = []
        let manifestFile = "\(pack.name)/pack.toml"
        for need in pack.manifest.needs {
            if let problem = Self.vocabularyProblem(need) {
                findings.append(PackCheckFinding(file: manifestFile, message: tr("needs %@: %@", need, problem)))
            }
        }
        if pack.indicatorFiles.isEmpty {
            findings.append(
                PackCheckFinding(file: "\(pack.name)/indicators", message: tr("no indicator files (*.lua)")))
        }
        let definitions = try declarations(&findings)
        var seen: [String: String] = [:]
        for definition in definitions {
            if let other = seen.updateValue(definition.file, forKey: definition.id) {
                findings.append(
                    PackCheckFinding(
                        file: definition.file,
                        message: tr("indicator id %@ is also declared in %@", definition.id, other)))
            }
            if definition.title.trimmingCharacters(in: .whitespaces).isEmpty || definition.title == definition.id {
                findings.append(
                    PackCheckFinding(
                        file: definition.file,
                        message: tr("%@: give a title in English (title = { en = …, zh = … })", definition.id)))
            }
            if (definition.titleZH ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                findings.append(
                    PackCheckFinding(
                        file: definition.file,
                        message: tr("%@: give a title in Chinese (title = { en = …, zh = … })", definition.id)))
            }
            for need in definition.needs {
                if let problem = Self.vocabularyProblem(need) {
                    findings.append(
                        PackCheckFinding(
                            file: definition.file, message: tr("%@ needs %@: %@", definition.id, need, problem)))
                } else if !pack.manifest.needs.contains(need) {
                    findings.append(
                        PackCheckFinding(
                            file: definition.file,
                            message: tr("%@ needs %@, which pack.toml's needs does not list", definition.id, need)))
                }
            }
        }
        findings += parameterUses()
        return (findings, definitions)
    }

    /// Nil when `entity.field` is in the vocabulary, else why not.
    static func vocabularyProblem(_ need: String) -> String? {
        let parts = need.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { return tr("not entity.field") }
        guard let entity = CRMVocabulary.entity(named: parts[0]) else {
            return tr("the vocabulary has no entity %@", parts[0])
        }
        guard entity.field(named: parts[1]) != nil else {
            return tr("the vocabulary's %@ has no field %@", parts[0], parts[1])
        }
        return nil
    }

    /// Loads the pack's files in the sandbox over an empty workspace; load errors become
    /// findings.
    private func declarations(_ findings: inout [PackCheckFinding]) throws(PackError) -> [IndicatorDefinition] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "yardstick-check-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try "[workspace]\nname = \"plugins check\"\n".write(
                toFile: folder + "/yardstick.toml", atomically: true, encoding: .utf8)
        } catch {
            throw PackError(.fileSystem, tr("cannot make a temporary workspace: %@", error))
        }
        do {
            let workspace = try Workspace.open(directory: folder)
            let (dataset, _) = try DataLoader(workspace: workspace).load()
            let set = try PackIndicatorSet.make(
                ResolvedPack(pack: pack, parameters: pack.manifest.defaultParameters), workspace: nil)
            let evaluator = Evaluator(engine: QueryEngine(dataset: dataset), workspace: workspace, workers: 1)
            let declared = try evaluator.declaredDefinitions(IndicatorSelection(sets: [set]))
            for failure in declared.loadFailures {
                findings.append(PackCheckFinding(file: failure.file, line: failure.line, message: failure.message))
            }
            return declared.definitions
        } catch let error as PackError {
            throw error
        } catch {
            throw PackError(.fileSystem, tr("cannot load the pack's files: %@", error))
        }
    }

    /// `param("x")` calls written in the pack's Lua that name no declared parameter.
    private func parameterUses() -> [PackCheckFinding] {
        let declared = Set(pack.manifest.parameters.map(\.name))
        var findings: [PackCheckFinding] = []
        let files = pack.lockedFiles.filter { $0.hasSuffix(".lua") }
        for relative in files {
            guard let text = try? String(contentsOfFile: "\(pack.folder)/\(relative)", encoding: .utf8) else {
                continue
            }
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var rest = Substring(line)
                while let range = rest.range(of: "param(\"") {
                    let after = rest[range.upperBound...]
                    guard let close = after.firstIndex(of: "\"") else { break }
                    let name = String(after[..<close])
                    if !declared.contains(name) {
                        findings.append(
                            PackCheckFinding(
                                file: "\(pack.name)/\(relative)", line: index + 1,
                                message: tr("param(\"%@\"): pack.toml declares no such parameter", name)))
                    }
                    rest = after[close...]
                }
            }
        }
        return findings
    }
}
