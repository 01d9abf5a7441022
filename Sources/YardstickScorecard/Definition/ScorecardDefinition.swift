import YardstickEngine
import YardstickScoring

/// A scorecard model as a workspace declares it (`model.lua`, `scorecards/*.lua`): the weighted
/// tree scoring needs (``model``) plus everything the host needs around it — which subjects it
/// scores, who they are compared with, where each indicator's target comes from, the rollups
/// and the alerts.
///
/// The Lua model file is read into this value (``ScorecardModels``); a model that
/// `extends` another is stored already merged, with ``extends`` naming its base.
public struct ScorecardDefinition: Sendable {
    /// The model's id (`maven-sales-coarse`), unique within a workspace.
    public var id: String
    /// The English title.
    public var title: String
    /// The Chinese title, if given.
    public var titleZH: String?
    /// The model's version as declared (`1.2`), if any.
    public var version: String?
    /// The file it was declared in, relative to the workspace (`scorecards/sales.lua`).
    public var file: String
    /// Where ``file`` is on disk when it is not in the workspace (a pack's model,
    /// `saas/scorecards/default.lua`); nil when ``file`` is relative to the workspace.
    public var sourcePath: String?
    /// The id of the model it extends, if any (already merged into this value).
    public var extends: String?
    /// The grain of the subjects it scores.
    public var per: Grain
    /// Which subjects of that grain it scores (all of them when empty).
    public var filter: SubjectFilter
    /// The groups subjects are compared within (ranks, percentiles, peer means, forced
    /// distribution).
    public var peers: PeerGrouping
    /// The weighted tree, cap, grades and forced distribution.
    public var model: ScoringModel
    /// Per indicator id: where its target comes from and what else the host needs.
    public var indicators: [String: IndicatorSettings]
    /// The coarser grains rolled up (team, department, company), in the order declared.
    public var rollups: [Grain]
    /// The alerts to raise, if the model declares any.
    public var alerts: AlertSettings?

    /// Creates a definition.
    public init(
        id: String, title: String, titleZH: String? = nil, version: String? = nil, file: String,
        extends: String? = nil, per: Grain = .user, filter: SubjectFilter = SubjectFilter(),
        peers: PeerGrouping = .all, model: ScoringModel, indicators: [String: IndicatorSettings] = [:],
        rollups: [Grain] = [], alerts: AlertSettings? = nil
    ) {
        self.id = id
        self.title = title
        self.titleZH = titleZH
        self.version = version
        self.file = file
        self.extends = extends
        self.per = per
        self.filter = filter
        self.peers = peers
        self.model = model
        self.indicators = indicators
        self.rollups = rollups
        self.alerts = alerts
    }

    /// The title in a locale (`zh-CN` uses the Chinese title when there is one).
    public func title(locale: String) -> String {
        locale.hasPrefix("zh") ? (titleZH ?? title) : title
    }

    /// The settings of an indicator the model scores (empty settings when none were given).
    public func settings(of indicatorID: String) -> IndicatorSettings {
        indicators[indicatorID] ?? IndicatorSettings(indicatorID)
    }
}
