import Foundation
import LuaRuntime
import YardstickData
import YardstickEngine

/// The record of one `yardstick score` run, enough to reproduce its numbers and to audit them:
/// the tool's version, the workspace file, a fingerprint of every data file, the model files
/// (bases included) and indicator files, the options, and a digest of the results.
///
/// Two runs with the same inputs give byte-identical manifests: nothing in it reads a clock
/// (the as-of day, which fixes "today" for to-date views, pace and alerts, is an option). All
/// digests are SHA-256 in lower-case hexadecimal, so a file can be checked with `sha256sum`.
///
/// ```swift
/// let csv = ScoreCSVWriter().write(report)           // the bytes `--format csv` writes
/// let manifest = try ScoreManifest.make(
///     workspace: workspace, models: models.definitions, definition: definition,
///     selection: selection, options: options, results: csv)
/// try manifest.write(to: "runs/2017-10.manifest.json")
/// ```
public struct ScoreManifest: Sendable, Hashable, Codable {
    /// The version of this manifest's layout (``currentLayout``).
    public var layout: Int
    /// The tool that made it.
    public var tool: ToolInfo
    /// The workspace: its name and its `yardstick.toml`.
    public var workspace: WorkspaceFingerprint
    /// Every data file the workspace's mappings load, and one digest over all of them.
    public var data: DataFingerprint
    /// The model scored, then each model it extends, nearest first.
    public var models: [ModelFingerprint]
    /// Every indicator file available to the run, in load order, each set's other module files
    /// (what `require` can load) after its indicators.
    public var indicators: [FileFingerprint]
    /// The options the run was made with.
    public var options: ScoreRunOptions
    /// The digest of the results as `--format csv` writes them.
    public var results: ResultsDigest

    /// The layout version this code writes.
    public static let currentLayout = 1

    /// The version recorded when no release version is known (the project has no release yet).
    public static let unreleasedToolVersion = "unreleased"

    /// Creates a manifest from its parts (``make(workspace:models:definition:selection:options:results:toolVersion:)``
    /// computes them from a run).
    public init(
        layout: Int = ScoreManifest.currentLayout, tool: ToolInfo, workspace: WorkspaceFingerprint,
        data: DataFingerprint, models: [ModelFingerprint], indicators: [FileFingerprint], options: ScoreRunOptions,
        results: ResultsDigest
    ) {
        self.layout = layout
        self.tool = tool
        self.workspace = workspace
        self.data = data
        self.models = models
        self.indicators = indicators
        self.options = options
        self.results = results
    }
}

/// The program that made a manifest.
public struct ToolInfo: Sendable, Hashable, Codable {
    /// `yardstick`.
    public var name: String
    /// Its version.
    public var version: String

    /// Creates tool information.
    public init(name: String = "yardstick", version: String) {
        self.name = name
        self.version = version
    }
}

/// One file's identity: its path, size and SHA-256.
public struct FileFingerprint: Sendable, Hashable, Codable {
    /// The path as shown (relative to the workspace when the file is inside it).
    public var path: String
    /// The size in bytes.
    public var size: Int
    /// The SHA-256 of its bytes, lower-case hexadecimal.
    public var sha256: String

    /// Creates a fingerprint.
    public init(path: String, size: Int, sha256: String) {
        self.path = path
        self.size = size
        self.sha256 = sha256
    }
}

/// The workspace a run read.
public struct WorkspaceFingerprint: Sendable, Hashable, Codable {
    /// The workspace's display name.
    public var name: String
    /// Its `yardstick.toml` (sources, mappings, calendar, locale).
    public var configuration: FileFingerprint

    /// Creates a workspace fingerprint.
    public init(name: String, configuration: FileFingerprint) {
        self.name = name
        self.configuration = configuration
    }
}

/// The data a run read: each file, and one digest over all of them.
public struct DataFingerprint: Sendable, Hashable, Codable {
    /// The SHA-256 of the lines `<sha256>  <size>  <path>\n`, one per file in ``files`` order:
    /// any changed byte, renamed file, or file added or removed changes it.
    public var sha256: String
    /// The data files, by path.
    public var files: [FileFingerprint]

    /// Creates a data fingerprint over `files` (sorted by path, the digest computed).
    public init(files: [FileFingerprint]) {
        let sorted = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        self.files = sorted
        sha256 = SHA256.hex(of: Array(sorted.map { "\($0.sha256)  \($0.size)  \($0.path)\n" }.joined().utf8))
    }
}

/// A model file of a run.
public struct ModelFingerprint: Sendable, Hashable, Codable {
    /// The model's id.
    public var id: String
    /// Its declared version, if any.
    public var version: String?
    /// The file declaring it.
    public var file: FileFingerprint

    /// Creates a model fingerprint.
    public init(id: String, version: String?, file: FileFingerprint) {
        self.id = id
        self.version = version
        self.file = file
    }
}

/// The options of a `yardstick score` run.
public struct ScoreRunOptions: Sendable, Hashable, Codable {
    /// The model's id.
    public var model: String
    /// The periods scored, as labels (`2017-10`), in the order asked.
    public var periods: [String]
    /// The as-of day (ISO 8601 date): "today" for to-date windows, pace and alerts.
    public var asOf: String
    /// The grains scored (`user`, `team`, `company`).
    public var per: [String]
    /// Lua instructions one indicator call may run.
    public var maxInstructions: Int
    /// Memory one indicator's Lua state may use, in bytes.
    public var maxMemoryBytes: Int
    /// Wall-clock seconds one indicator call may take.
    public var maxSeconds: Double

    /// Creates options.
    ///
    /// - Parameters:
    ///   - model: The model's id.
    ///   - periods: The periods scored.
    ///   - asOf: The as-of day number.
    ///   - per: The grains scored.
    ///   - limits: The indicator limits the run used.
    public init(model: String, periods: [Period], asOf: Int32, per: [Grain], limits: LuaLimits) {
        self.model = model
        self.periods = periods.map(\.label)
        self.asOf = CivilDate.isoString(ofDay: asOf)
        self.per = per.map(\.rawValue)
        maxInstructions = limits.instructionsPerCall
        maxMemoryBytes = limits.memoryBytes
        maxSeconds = limits.secondsPerCall
    }
}

/// The digest of a run's results.
public struct ResultsDigest: Sendable, Hashable, Codable {
    /// The format digested: `csv` (the long CSV of `yardstick score --format csv`).
    public var format: String
    /// Its size in bytes.
    public var size: Int
    /// Its SHA-256.
    public var sha256: String

    /// The digest of `bytes` in `format`.
    public init(format: String = "csv", bytes: [UInt8]) {
        self.format = format
        size = bytes.count
        sha256 = SHA256.hex(of: bytes)
    }
}
