import YardstickEngine

/// A pack chosen for a run: the pack, and the parameter values its scripts read.
public struct ResolvedPack: Sendable, Hashable {
    /// The pack.
    public var pack: Pack
    /// Its parameters' values: the manifest's defaults with the workspace's overrides.
    public var parameters: [String: IndicatorParameter]

    /// Creates a resolved pack.
    ///
    /// - Parameters:
    ///   - pack: The pack.
    ///   - parameters: The parameter values.
    public init(pack: Pack, parameters: [String: IndicatorParameter]) {
        self.pack = pack
        self.parameters = parameters
    }

    /// The pack's name.
    public var name: String { pack.name }
}
