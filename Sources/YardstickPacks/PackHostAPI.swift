/// The version of the host API packs are written against: the Lua indicator API
/// (docs/lua-api.md) and the pack format.
///
/// A pack's `host_api` range must contain it. The major version changes when a script written
/// for the previous one may stop working; the minor when functions are added (`param` came
/// with 1.0).
public enum PackHostAPI {
    /// The host API this Yardstick provides.
    public static let version = SemanticVersion(1, 1, 0)
}
