import YardstickScorecard
import YardstickTestSupport

/// Model files in a fresh workspace folder, loaded the way `yardstick score` loads them.
struct ModelWorkspace {
    let directory: TemporaryDirectory

    init(_ files: [String: String]) throws {
        directory = try TemporaryDirectory(prefix: "model-file")
        try directory.write(files)
    }

    /// The workspace's models.
    func load() throws(ScorecardError) -> ScorecardModels {
        try ScorecardModels.load(workspace: directory.path)
    }

    /// The only model.
    func model() throws -> ScorecardDefinition {
        try load().model(nil, workspace: directory.path)
    }

    /// The problems loading reports, as `file:line: message` lines (none when it loads).
    func problems() -> [String] {
        do {
            _ = try load()
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }
}
