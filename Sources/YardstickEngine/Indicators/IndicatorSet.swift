/// A group of indicator files evaluated together in their own Lua environment: the workspace's
/// own indicators, or (next) a plugin pack's.
///
/// A set is the unit of isolation between indicator authors. Each set gets its own Lua states
/// (one per evaluation worker), so two sets never see each other's globals, modules or
/// indicators, even when they use the same names; within a set, files share one state as they
/// always have. Ids are namespaced by set: the workspace's own indicators keep their plain ids
/// (`win_rate`), a pack's are prefixed with the pack's id (`sales-core.win_rate`), which is
/// how reports, `--indicators` and `explain` name them.
public struct IndicatorSet: Sendable, Hashable {
    /// The set's id, which prefixes its indicators' ids; nil for the workspace's own
    /// indicators, whose ids stay unprefixed.
    public let id: String?
    /// The indicator files, in the order they load (and their indicators are reported).
    public var sources: [Evaluator.Source]
    /// Where `require` finds the set's own modules (nil: `require` finds nothing).
    public var modules: ModuleFolder?
    /// The values scripts of the set read with `param(name)` (a pack's parameters); empty for
    /// the workspace's own indicators, whose `param` calls are errors.
    public var parameters: [String: IndicatorParameter] = [:]
    /// The sets whose figures this set's scripts may read with `k("set.id")`: for a pack, the
    /// packs it depends on (none by default); nil for the workspace's own indicators, which may
    /// read every pack of the run. A run evaluates the sets a set reads before it.
    public var reads: Set<String>?

    /// Creates a set.
    ///
    /// - Parameters:
    ///   - id: The set's id: letters, digits, `_` and `-`, no dot (a dot separates it from the
    ///     indicator id); nil or empty for the workspace's own indicators.
    ///   - sources: The indicator files, in load order.
    ///   - modules: Where `require` finds the set's modules.
    /// - Throws: ``IndicatorSetError`` when the id is not a valid set id.
    public init(id: String?, sources: [Evaluator.Source], modules: ModuleFolder?) throws(IndicatorSetError) {
        if let id, !id.isEmpty {
            let allowed = id.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                    || $0 == "-"
            }
            guard allowed else { throw .invalidSetID(id) }
            self.id = id
        } else {
            self.id = nil
        }
        self.sources = sources
        self.modules = modules
        self.reads = self.id == nil ? nil : []
    }

    /// The workspace's own indicators: unprefixed ids.
    ///
    /// - Parameters:
    ///   - sources: The indicator files, in load order.
    ///   - modules: Where `require` finds their modules.
    public static func workspace(sources: [Evaluator.Source], modules: ModuleFolder?) -> IndicatorSet {
        IndicatorSet(unprefixedSources: sources, modules: modules)
    }

    private init(unprefixedSources: [Evaluator.Source], modules: ModuleFolder?) {
        id = nil
        sources = unprefixedSources
        self.modules = modules
    }

    /// Whether the set's ids are unprefixed (the workspace's own indicators).
    public var isWorkspaceSet: Bool { id == nil }

    /// An indicator's id as reports name it: `setID.localID`, or `localID` for the workspace.
    ///
    /// - Parameter localID: The id the indicator file declares.
    public func qualifiedID(_ localID: String) -> String {
        id.map { $0 + "." + localID } ?? localID
    }
}
