import Foundation
import LuaRuntime
import YardstickEngine
import YardstickLocalization

/// The scorecard models of a workspace: `model.lua` at its top and every `scorecards/*.lua`.
///
/// Each file is Lua returning one `scorecard { … }` (see docs/model-file.md). Files run in a
/// sandbox like indicators (no io, os, debug, bytecode, file `require`), under the limits of
/// ``defaultLimits`` or the ones given, in one Lua VM kept on a thread of its own: the Lua
/// target and scoring functions of the definitions call into it, and keep it alive.
///
/// ```swift
/// let models = try ScorecardModels.load(workspace: "examples/maven-sales")
/// let sales = try models.model("maven-sales", workspace: "examples/maven-sales")
/// ```
public struct ScorecardModels: Sendable {
    /// The models found, in file order (`model.lua` first), each merged with its base.
    public var definitions: [ScorecardDefinition]
    /// The declarations as read, in file order (the bases of a model given by its path).
    let declarations: [ModelDeclaration]
    /// The VM the files ran in.
    let vm: ModelVM
    /// The files of the packs' models, as shown (`saas/scorecards/default.lua`).
    var packFiles: Set<String> = []

    /// The limits of each model-file load and each call of a model's Lua function: 10 million
    /// instructions, 64 MiB, 5 seconds.
    public static let defaultLimits = LuaLimits(
        instructionsPerCall: 10_000_000, memoryBytes: 64 << 20, secondsPerCall: 5)

    /// The workspace's model files, relative to it: `model.lua` when present, then
    /// `scorecards/*.lua` sorted by name.
    ///
    /// - Parameter directory: The workspace folder.
    /// - Returns: The relative paths.
    public static func files(workspace directory: String) -> [String] {
        let manager = FileManager.default
        var files: [String] = []
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: directory + "/model.lua", isDirectory: &isFolder), !isFolder.boolValue {
            files.append("model.lua")
        }
        let entries = (try? manager.contentsOfDirectory(atPath: directory + "/scorecards")) ?? []
        for name in entries.sorted() where name.hasSuffix(".lua") && !name.hasPrefix(".") {
            files.append("scorecards/" + name)
        }
        return files
    }

    /// Loads every model of the workspace at `directory` in the sandbox.
    ///
    /// - Throws: ``ScorecardError`` listing every problem with its `file:line`.
    public static func load(workspace directory: String) throws(ScorecardError) -> ScorecardModels {
        try load(workspace: directory, limits: defaultLimits)
    }

    /// Loads every model of the workspace at `directory` in the sandbox, under `limits`.
    ///
    /// Every file is read and checked before anything is reported: a problem in one file does
    /// not hide those of the others. Duplicate ids across files, unknown bases and `extends`
    /// cycles are problems too.
    ///
    /// - Parameters:
    ///   - directory: The workspace folder.
    ///   - limits: The limits of each file's run and each later call of its Lua functions.
    /// - Returns: The models.
    /// - Throws: ``ScorecardError`` listing every problem with its `file:line`.
    public static func load(workspace directory: String, limits: LuaLimits) throws(ScorecardError) -> ScorecardModels {
        try load(workspace: directory, packs: [], limits: limits)
    }

    /// Loads every model of the workspace at `directory` and the default models of `packs`, in
    /// the sandbox, under `limits`.
    ///
    /// A pack's models are named by the pack (``PackModels``): a workspace model `extends` one
    /// by its qualified id, and `score --model` picks it.
    ///
    /// - Parameters:
    ///   - directory: The workspace folder.
    ///   - packs: The packs of the run whose `scorecards/*.lua` are models too.
    ///   - limits: The limits of each file's run and each later call of its Lua functions.
    /// - Returns: The models: the workspace's, then each pack's.
    /// - Throws: ``ScorecardError`` listing every problem with its `file:line`.
    public static func load(workspace directory: String, packs: [PackModels], limits: LuaLimits = defaultLimits)
        throws(ScorecardError) -> ScorecardModels
    {
        let vm = ModelVM(limits: limits)
        var problems: [ScorecardProblem] = []
        var declarations: [ModelDeclaration] = []
        var flawedFiles: Set<String> = []
        var sources = files(workspace: directory).map { (path: directory + "/" + $0, shown: $0, pack: String?.none) }
        for pack in packs {
            sources += pack.files.map { (path: $0.path, shown: $0.shown, pack: pack.name) }
        }
        for source in sources {
            let (read, found) = read(path: source.path, as: source.shown, vm: vm)
            problems += found
            guard var declaration = read else { continue }
            if let pack = source.pack { declaration = PackModels.qualify(declaration, pack: pack) }
            declarations.append(declaration)
            if !found.isEmpty { flawedFiles.insert(source.shown) }
        }
        var firstByID: [String: ModelDeclaration] = [:]
        for declaration in declarations {
            guard let id = declaration.id else { continue }
            if let first = firstByID[id] {
                problems.append(
                    ScorecardProblem(
                        file: declaration.file, line: declaration.line,
                        message: tr("the model id \"%@\" is already used by %@", id, first.location)))
            } else {
                firstByID[id] = declaration
            }
        }
        var definitions: [ScorecardDefinition] = []
        for declaration in declarations {
            if flawedFiles.contains(declaration.file) {
                // Checked on its own for more problems; a model built on a flawed file is not.
                if declaration.extends == nil { _ = ModelAssembler.assemble(declaration, problems: &problems) }
                continue
            }
            guard let merged = resolve(declaration, among: declarations, problems: &problems) else { continue }
            if mergedFromFlawed(declaration, among: declarations, flawedFiles) { continue }
            if let definition = ModelAssembler.assemble(merged, problems: &problems) {
                definitions.append(definition)
            }
        }
        guard problems.isEmpty else { throw ScorecardError(inFileOrder(problems, files: sources.map(\.shown))) }
        let packPaths = Dictionary(
            sources.filter { $0.pack != nil }.map { ($0.shown, $0.path) }, uniquingKeysWith: { first, _ in first })
        for index in definitions.indices { definitions[index].sourcePath = packPaths[definitions[index].file] }
        return ScorecardModels(
            definitions: definitions, declarations: declarations, vm: vm,
            packFiles: Set(sources.filter { $0.pack != nil }.map(\.shown)))
    }

    /// The model `argument` names: an id among ``definitions``, or a file path (loaded with
    /// the workspace's models as possible bases); nil picks the only model.
    ///
    /// A path is tried as given (relative to the current folder, or absolute), then relative to
    /// the workspace. A model given by path may reuse the id of a workspace model (a new
    /// version of it, for `compare-models`).
    ///
    /// - Throws: ``ScorecardError`` when nothing or several match, or the file fails to load.
    public func model(_ argument: String?, workspace directory: String) throws(ScorecardError) -> ScorecardDefinition {
        let ids = definitions.map(\.id).joined(separator: ", ")
        guard let argument else {
            // The workspace's own models come first; a pack's default model is the default only
            // for a workspace with no model of its own.
            let own = definitions.filter { !packFiles.contains($0.file) }
            let candidates = own.isEmpty ? definitions : own
            if candidates.count == 1, let only = candidates.first { return only }
            // The workspace's own scorecard (`model.lua`) is the default among several.
            if let main = definitions.first(where: { $0.file == "model.lua" }) { return main }
            let message =
                definitions.isEmpty
                ? "the workspace has no scorecard model: write model.lua or scorecards/*.lua"
                : "the workspace has \(definitions.count) models and no model.lua; choose one with --model: \(ids)"
            throw ScorecardError([ScorecardProblem(file: "model.lua", line: nil, message: message)])
        }
        if let found = definitions.first(where: { $0.id == argument }) { return found }
        let manager = FileManager.default
        let candidates = [argument, directory + "/" + argument]
        guard argument.hasSuffix(".lua"), let path = candidates.first(where: { manager.fileExists(atPath: $0) }) else {
            let known = definitions.isEmpty ? "the workspace has none" : "models: \(ids)"
            throw ScorecardError([
                ScorecardProblem(
                    file: argument, line: nil,
                    message: tr("no model \"%@\" (%@; or give a model file's path)", argument, known))
            ])
        }
        let shown = Self.relative(path, to: directory)
        if let own = definitions.first(where: { $0.file == shown }) { return own }
        let (declared, found) = Self.read(path: path, as: shown, vm: vm)
        var problems = found
        guard let declaration = declared, problems.isEmpty,
            let merged = Self.resolve(declaration, among: declarations, problems: &problems),
            let definition = ModelAssembler.assemble(merged, problems: &problems)
        else { throw ScorecardError(problems) }
        return definition
    }

    /// The problems grouped by file in the workspace's file order (each file's in the order
    /// found), so a file's problems read together.
    static func inFileOrder(_ problems: [ScorecardProblem], files: [String]) -> [ScorecardProblem] {
        let position = Dictionary(
            files.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        return problems.enumerated().sorted { left, right in
            let leftFile = position[left.element.file] ?? files.count
            let rightFile = position[right.element.file] ?? files.count
            return leftFile != rightFile ? leftFile < rightFile : left.offset < right.offset
        }.map(\.element)
    }

    /// `path` relative to the workspace when it is inside it, else as given.
    static func relative(_ path: String, to directory: String) -> String {
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path + "/"
        return full.hasPrefix(root) ? String(full.dropFirst(root.count)) : path
    }

    /// Reads and runs one model file on the VM.
    static func read(path: String, as file: String, vm: ModelVM) -> (ModelDeclaration?, [ScorecardProblem]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, [ScorecardProblem(file: file, line: nil, message: tr("cannot read the file"))])
        }
        guard let source = String(data: data, encoding: .utf8) else {
            return (nil, [ScorecardProblem(file: file, line: nil, message: tr("the file is not UTF-8 text"))])
        }
        let outcome: (ModelDeclaration?, [ScorecardProblem])
        do throws(ScorecardProblem) {
            outcome = try vm.perform { state in
                guard case .success(let state) = state else {
                    if case .failure(let error) = state {
                        return (
                            nil,
                            [
                                ScorecardProblem(
                                    file: file, line: nil, message: tr("the model VM did not start: %@", error))
                            ]
                        )
                    }
                    return (nil, [])
                }
                do throws(ScorecardProblem) {
                    let value = try state.run(source, file: file)
                    var reader = ModelFileReader(file: file, source: source, vm: vm, state: state)
                    let declaration = reader.read(value)
                    return (declaration, reader.problems)
                } catch {
                    return (nil, [error])
                }
            }
        } catch {
            outcome = (nil, [error])
        }
        return outcome
    }

    /// Whether a base in the declaration's `extends` chain had problems of its own (already
    /// reported; the extending model is not checked on top of them).
    static func mergedFromFlawed(
        _ declaration: ModelDeclaration, among declarations: [ModelDeclaration], _ flawedFiles: Set<String>
    ) -> Bool {
        var current = declaration
        var seen: Set<String> = [declaration.file]
        while let baseID = current.extends,
            let base = declarations.first(where: { $0.id == baseID && !seen.contains($0.file) })
        {
            if flawedFiles.contains(base.file) { return true }
            seen.insert(base.file)
            current = base
        }
        return false
    }

    /// The declaration merged with its bases (`extends`, to any depth), or nil with problems
    /// for an unknown base or a cycle.
    static func resolve(
        _ declaration: ModelDeclaration, among declarations: [ModelDeclaration], problems: inout [ScorecardProblem]
    ) -> ModelDeclaration? {
        var chain: [ModelDeclaration] = [declaration]
        var current = declaration
        while let baseID = current.extends {
            let id = current.id ?? "?"
            let candidates = declarations.filter { $0.id == baseID && $0.file != current.file }
            guard let base = candidates.first else {
                let known = declarations.compactMap(\.id).filter { $0 != id }
                let listed =
                    known.isEmpty ? "the workspace has no other model" : "models: " + known.joined(separator: ", ")
                problems.append(
                    ScorecardProblem(
                        file: current.file, line: current.line,
                        message: tr(
                            "model \"%@\" extends \"%@\", which is no model of the workspace (%@)", id, baseID, listed)
                    ))
                return nil
            }
            if chain.contains(where: { $0.file == base.file }) {
                let path = (chain.compactMap(\.id) + [baseID]).joined(separator: " → ")
                problems.append(
                    ScorecardProblem(
                        file: declaration.file, line: declaration.line,
                        message: tr("model \"%@\" extends itself in a cycle: %@", declaration.id ?? "?", path)))
                return nil
            }
            chain.append(base)
            current = base
        }
        var merged = chain.removeLast()
        while let overlay = chain.popLast() {
            merged = ModelMerge.merge(base: merged, overlay: overlay, problems: &problems)
        }
        return merged
    }
}
