import Foundation
import FuzzSupport
import YardstickData

/// What must hold when any text is read as `yardstick.toml`.
///
/// - Opening either gives a workspace or throws a ``WorkspaceError`` (typed by the API) that
///   names a file and has a message, and a line ≥ 1 when it has one.
/// - A workspace has a name, and every entity at least one source mapping with a path.
/// - When every mapped file lies inside the workspace folder (so a fuzzed `path = "/dev"`
///   cannot send the load to a device), loading gives tables or a ``LoadFailure`` whose
///   problems each name a file and have a message, and `check` runs to completion.
///
/// The folder holds small CSV, JSON and NDJSON files of each common entity, named as the seed
/// corpus names them, so fuzzed mappings reach the loader and the value parsers.
enum WorkspaceProperties {
    static let folder: ScratchFolder = {
        let folder = ScratchFolder("workspace")
        for (name, text) in WorkspaceFiles.data {
            folder.write(name, text: text)
        }
        return folder
    }()

    static func check(_ bytes: [UInt8]) {
        folder.write("yardstick.toml", bytes)
        let workspace: Workspace
        do {
            workspace = try Workspace.open(directory: folder.path)
        } catch {
            require(!error.file.isEmpty, "a workspace error without a file: \(error)")
            require(!error.message.isEmpty, "a workspace error without a message: \(error)")
            if let line = error.line { require(line >= 1, "a workspace error on line \(line): \(error)") }
            _ = error.description
            return
        }
        for mapping in workspace.entities {
            require(!mapping.parts.isEmpty, "entity \(mapping.entity.name) has no source mapping")
            for part in mapping.parts {
                require(!part.path.isEmpty, "entity \(mapping.entity.name) maps an empty path")
            }
        }
        let root = URL(fileURLWithPath: folder.path).standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let inside = workspace.entities.allSatisfy { mapping in
            mapping.parts.allSatisfy { part in
                URL(fileURLWithPath: part.path).standardizedFileURL.resolvingSymlinksInPath().path.hasPrefix(root)
            }
        }
        guard inside else { return }
        let loaded: (dataset: Dataset, report: LoadReport)
        do {
            loaded = try DataLoader(workspace: workspace, options: LoadOptions(lenient: true, parallel: false)).load()
        } catch {
            for entity in error.report.entities.values {
                for problem in entity.problems + entity.fileErrors {
                    require(!problem.file.isEmpty, "a load problem without a file: \(problem)")
                    require(!problem.message.isEmpty, "a load problem without a message: \(problem)")
                }
            }
            _ = error.description
            return
        }
        let report = WorkspaceChecker(workspace: workspace).check(dataset: loaded.dataset, report: loaded.report)
        _ = report
    }
}
