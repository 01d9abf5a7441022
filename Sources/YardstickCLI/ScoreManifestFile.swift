import LuaRuntime
import YardstickData
import YardstickEngine
import YardstickLocalization
import YardstickScorecard

/// `score --manifest FILE` and `score --verify-manifest FILE`: the run manifest of a score run,
/// written beside its output or compared with one recorded earlier.
///
/// `ScoreCommand` calls these after it has the report and the bytes of its CSV form (the
/// results digest is always over the CSV, whatever `--format` printed).
enum ScoreManifestFile {
    /// The manifest of a score run.
    ///
    /// - Throws: ``CommandFailure`` of kind `data` naming each input file that cannot be read.
    static func manifest(
        workspace: Workspace, models: ScorecardModels, definition: ScorecardDefinition, selection: IndicatorSelection,
        periods: [Period], asOf: Int32, grains: [Grain], limits: LuaLimits, csv: [UInt8]
    ) throws(CommandFailure) -> ScoreManifest {
        let options = ScoreRunOptions(model: definition.id, periods: periods, asOf: asOf, per: grains, limits: limits)
        do {
            return try ScoreManifest.make(
                workspace: workspace, models: models.definitions, definition: definition, selection: selection,
                options: options, results: csv)
        } catch {
            throw CommandFailure(.data, cause: error)
        }
    }

    /// Writes `manifest` to `path`, atomically.
    ///
    /// - Throws: ``CommandFailure`` of kind `output` when the file cannot be written.
    static func write(_ manifest: ScoreManifest, to path: String) throws(CommandFailure) {
        do {
            try manifest.write(to: path)
        } catch {
            throw CommandFailure(.output, cause: error)
        }
    }

    /// Compares this run's manifest with the one recorded at `path`: prints `manifest: same
    /// inputs and results as <path>` on standard error, or each difference as `manifest: …`.
    ///
    /// - Returns: Whether the run reproduced the recorded one (no difference).
    /// - Throws: ``CommandFailure`` of kind `usage` when the recorded manifest cannot be read.
    static func verify(_ current: ScoreManifest, against path: String) throws(CommandFailure) -> Bool {
        let recorded: ScoreManifest
        do {
            recorded = try ScoreManifest.read(from: path)
        } catch {
            throw CommandFailure(.usage, cause: error)
        }
        let differences = recorded.differences(from: current)
        if differences.isEmpty {
            printError(tr("manifest: same inputs and results as %@", path))
        } else {
            for line in differences { printError(tr("manifest: %@", line)) }
        }
        return differences.isEmpty
    }
}
