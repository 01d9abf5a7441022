import Foundation

/// A pack's default scorecard models: its `scorecards/*.lua`, whose ids the pack's name
/// qualifies (`saas.default`).
///
/// Inside a pack's model file, names are the pack's own unless qualified: `id = "default"` is
/// the model `saas.default`, `kpi "nrr"` the indicator `saas.nrr`, `extends = "base"` the model
/// `saas.base`; a name with a dot (`kpi "sales-core.win_rate"`, `extends = "other.default"`)
/// is used as written. A workspace model builds on a pack's with `extends = "saas.default"`.
public struct PackModels: Sendable, Hashable {
    /// The pack's name, which qualifies its models' ids and indicator names.
    public var name: String
    /// The model files: the path to read and the name errors and outputs show
    /// (`saas/scorecards/default.lua`).
    public var files: [(path: String, shown: String)] {
        let folder = (self.folder as NSString).appendingPathComponent("scorecards")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".lua") && !$0.hasPrefix(".") }.sorted().map { name in
            ((folder as NSString).appendingPathComponent(name), "\(self.name)/scorecards/\(name)")
        }
    }
    /// The pack's folder.
    public var folder: String

    /// The models of the pack `name` in `folder`.
    ///
    /// - Parameters:
    ///   - name: The pack's name.
    ///   - folder: The pack's folder (its `scorecards/` holds the models).
    public init(name: String, folder: String) {
        self.name = name
        self.folder = folder
    }

    /// Two values name the same pack models when name and folder are the same.
    public static func == (left: PackModels, right: PackModels) -> Bool {
        left.name == right.name && left.folder == right.folder
    }

    /// Hashes the name and the folder.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(folder)
    }

    /// A pack model's declaration with its names qualified by the pack (see ``PackModels``).
    static func qualify(_ declaration: ModelDeclaration, pack: String) -> ModelDeclaration {
        func qualified(_ name: String) -> String { name.contains(".") ? name : pack + "." + name }
        var declaration = declaration
        declaration.id = declaration.id.map(qualified)
        declaration.extends = declaration.extends.map(qualified)
        declaration.children = declaration.children.map { qualify($0, with: qualified) }
        return declaration
    }

    /// A node with the indicator names of its KPIs (and their pipelines) qualified.
    private static func qualify(_ node: NodeDeclaration, with qualified: (String) -> String) -> NodeDeclaration {
        var node = node
        if node.kind == .kpi {
            node.id = qualified(node.id)
            node.pipeline = node.pipeline.map(qualified)
        }
        node.children = node.children.map { qualify($0, with: qualified) }
        return node
    }
}
