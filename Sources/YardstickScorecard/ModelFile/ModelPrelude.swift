/// The trusted Lua half of the model-file DSL (`Sources/YardstickScorecard/ModelPrelude/model.lua`),
/// compiled into the module by SwiftPM's `embedInCode` rule (nothing is read at run time).
///
/// It installs the DSL's globals (`scorecard`, `dimension`, `kpi`, `quota`, the scoring
/// functions), which only record what a model file wrote and the line that wrote it; the host
/// (``ModelFileReader``) checks it all.
enum ModelPrelude {
    /// The Lua source.
    static let source = String(decoding: PackageResources.model_lua, as: UTF8.self)

    /// How the prelude's chunk name starts in Lua's messages (never a model file's name).
    static let chunkPrefix = "yardstick/model"

    /// The chunk name: `=` marks a name Lua shows as it is (model files get `@file`).
    static let chunkName = "=" + chunkPrefix + ".lua"

    /// The globals the prelude gives model files, besides the safe standard library.
    static let globals = [
        "scorecard", "dimension", "kpi", "quota", "linear", "proportional", "steps", "threshold", "pass_fail",
        "rank", "percentile", "relative_to_mean", "relative_to_best",
    ]
}
