import YardstickData
import YardstickEngine
import YardstickLocalization

/// Chooses one version of each pack asked for and of everything they depend on.
///
/// Among the candidates of a name (``PackCatalog/candidates(named:)``: the workspace's own
/// first, then `[packs] paths`, the user folder, the shipped packs; higher versions first
/// within one place), the first that supports this host API and satisfies every range asked
/// of it — by the workspace, by `--plugins` and by the other chosen packs — is taken. Choices
/// are revisited until no new range appears. The result lists dependencies before the packs
/// that need them (by name otherwise), which is the order their indicators are reported in.
public struct PackResolver: Sendable {
    /// The packs available.
    public var catalog: PackCatalog
    /// The host API version packs must support.
    public var hostAPI: SemanticVersion

    /// Creates a resolver.
    ///
    /// - Parameters:
    ///   - catalog: The packs available.
    ///   - hostAPI: The host API version packs must support.
    public init(catalog: PackCatalog, hostAPI: SemanticVersion = PackHostAPI.version) {
        self.catalog = catalog
        self.hostAPI = hostAPI
    }

    /// Resolves the requirements.
    ///
    /// - Parameter requirements: What the workspace or the command line asks for.
    /// - Returns: The chosen packs, dependencies first, with their parameter values.
    /// - Throws: ``PackError`` — ``PackError/Code/missingPack``,
    ///   ``PackError/Code/versionConflict``, ``PackError/Code/hostAPIOutOfRange``,
    ///   ``PackError/Code/dependencyCycle``, or ``PackError/Code/invalidWorkspacePacks`` for an
    ///   unknown parameter or a value of the wrong type.
    public func resolve(_ requirements: [PackRequirement]) throws(PackError) -> [ResolvedPack] {
        var chosen: [String: Pack] = [:]
        for _ in 0..<64 {
            var asked: [String: [PackRequirement]] = [:]
            var order: [String] = []
            func ask(_ requirement: PackRequirement) {
                if asked[requirement.name] == nil { order.append(requirement.name) }
                asked[requirement.name, default: []].append(requirement)
            }
            requirements.forEach(ask)
            var queue = order
            var visited: Set<String> = []
            while let name = queue.first {
                queue.removeFirst()
                guard visited.insert(name).inserted, let pack = chosen[name] else { continue }
                for (dependency, range) in pack.manifest.dependencies.sorted(by: { $0.key < $1.key }) {
                    ask(
                        PackRequirement(
                            name: dependency, range: range, origin: "pack \(pack.name) \(pack.manifest.version)"))
                    queue.append(dependency)
                }
            }
            var next: [String: Pack] = [:]
            for name in order {
                next[name] = try choose(name, asked: asked[name] ?? [])
            }
            if next == chosen { break }
            chosen = next
        }
        try checkCycles(chosen)
        let sorted = topologicalOrder(chosen)
        var resolved: [ResolvedPack] = []
        for pack in sorted {
            let overrides = requirements.filter { $0.name == pack.name }.compactMap(\.parameters)
            resolved.append(
                ResolvedPack(pack: pack, parameters: try Self.parameters(of: pack.manifest, overrides: overrides)))
        }
        return resolved
    }

    /// The manifest's defaults with the workspace's values, checked by name and type.
    ///
    /// - Throws: ``PackError`` (``PackError/Code/invalidWorkspacePacks``) located at the key.
    public static func parameters(of manifest: PackManifest, overrides: [WorkspaceTable]) throws(PackError)
        -> [String: IndicatorParameter]
    {
        var values = manifest.defaultParameters
        for table in overrides {
            for name in table.keys {
                guard let declared = manifest.parameters.first(where: { $0.name == name }) else {
                    let known = manifest.parameters.map(\.name)
                    let list = known.isEmpty ? tr("it declares none") : tr("known: %@", known.joined(separator: ", "))
                    throw PackError(
                        .invalidWorkspacePacks,
                        table.error(at: name, tr("pack %@ has no parameter %@ (%@)", manifest.name, name, list)))
                }
                do {
                    if let value = try PackParameter.value(declared.kind, in: table, at: name) { values[name] = value }
                } catch {
                    var located = PackError(.invalidWorkspacePacks, error)
                    located.message =
                        tr(
                            "parameter %@ of pack %@ is %@: %@", name, manifest.name, article(declared.kind),
                            error.message)
                    throw located
                }
            }
        }
        return values
    }

    private static func article(_ kind: PackParameter.Kind) -> String {
        switch kind {
        case .integer: tr("an integer")
        case .number: tr("a number")
        case .string: tr("a string")
        case .boolean: tr("a boolean")
        case .numbers: tr("an array of numbers")
        }
    }

    /// The first candidate that supports the host API and satisfies every range.
    private func choose(_ name: String, asked: [PackRequirement]) throws(PackError) -> Pack {
        let candidates = catalog.candidates(named: name)
        let askers = asked.map { tr("%@ by %@", $0.range, $0.origin) }.joined(separator: ", ")
        guard !candidates.isEmpty else {
            let known = Set(catalog.packs.map(\.name)).sorted()
            let list = known.isEmpty ? tr("no packs found") : tr("found: %@", known.joined(separator: ", "))
            throw PackError(.missingPack, tr("no pack named %@ (asked %@; %@)", name, askers, list))
        }
        let supported = candidates.filter { $0.manifest.hostAPI.contains(hostAPI) }
        guard !supported.isEmpty else {
            let ranges = candidates.map { tr("%@ needs %@", $0.manifest.version, $0.manifest.hostAPI) }
            throw PackError(
                .hostAPIOutOfRange,
                tr("pack %@ does not support host API %@: %@", name, hostAPI, ranges.joined(separator: ", ")),
                file: candidates[0].folder + "/pack.toml", key: "host_api")
        }
        guard
            let pack = supported.first(where: { pack in asked.allSatisfy { $0.range.contains(pack.manifest.version) } })
        else {
            let versions = supported.map { "\($0.manifest.version) (\($0.source.rawValue))" }.joined(separator: ", ")
            throw PackError(
                .versionConflict, tr("no version of pack %@ satisfies %@ (available: %@)", name, askers, versions))
        }
        return pack
    }

    /// Fails when chosen packs depend on each other in a circle, naming it.
    private func checkCycles(_ chosen: [String: Pack]) throws(PackError) {
        var state: [String: Bool] = [:]  // false: on the path, true: done
        var path: [String] = []
        func visit(_ name: String) -> [String]? {
            if state[name] == true { return nil }
            if state[name] == false {
                let start = path.firstIndex(of: name) ?? 0
                return Array(path[start...]) + [name]
            }
            guard let pack = chosen[name] else { return nil }
            state[name] = false
            path.append(name)
            for dependency in pack.manifest.dependencies.keys.sorted() {
                if let cycle = visit(dependency) { return cycle }
            }
            path.removeLast()
            state[name] = true
            return nil
        }
        for name in chosen.keys.sorted() {
            if let cycle = visit(name) {
                throw PackError(
                    .dependencyCycle, tr("packs depend on each other in a circle: %@", cycle.joined(separator: " → ")))
            }
        }
    }

    /// Dependencies first, names in order otherwise.
    private func topologicalOrder(_ chosen: [String: Pack]) -> [Pack] {
        var done: Set<String> = []
        var result: [Pack] = []
        func visit(_ name: String) {
            guard !done.contains(name), let pack = chosen[name] else { return }
            done.insert(name)
            for dependency in pack.manifest.dependencies.keys.sorted() { visit(dependency) }
            result.append(pack)
        }
        for name in chosen.keys.sorted() { visit(name) }
        return result
    }
}
