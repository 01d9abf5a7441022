import LuaRuntime
import YardstickData
import YardstickLocalization
import YardstickQuery

/// What an indicator file declares: identity, titles, unit, direction, grain and needs. The
/// value function stays in the Lua VM that loaded it.
public struct IndicatorDefinition: Sendable, Hashable {
    /// The id (`win_rate`).
    public var id: String
    /// English title.
    public var title: String
    /// Chinese title, if given.
    public var titleZH: String?
    /// What it measures.
    public var description: String
    /// The unit of its values.
    public var unit: IndicatorUnit
    /// Whether higher values are better.
    public var higherIsBetter: Bool
    /// The finest grain it applies to.
    public var per: Grain
    /// `entity.field` names it reads, checked before running.
    public var needs: [String]
    /// The file it came from, relative to the workspace.
    public var file: String
    /// Whether the indicator reads a snapshot (`snapshot = true` or `snapshot = "2024-01-31"`):
    /// nil for an indicator evaluated per period.
    public var snapshot: IndicatorSnapshot? = nil

    /// The breakdowns it declares (`breakdown = …`): its figures are also given per member of
    /// each (see `BreakdownDimension`).
    public var breakdowns: [BreakdownDimension] = []

    /// For `value = quantile_bins(…)` or `threshold_bins(…)`: the bins the host computes as its
    /// value (see ``PeerBins``); nil for an indicator whose value function computes it.
    package var peerBins: PeerBins? = nil

    /// The title in a locale (`zh-CN` uses the Chinese title when there is one).
    public func title(locale: String) -> String {
        locale.hasPrefix("zh") ? (titleZH ?? title) : title
    }
}

/// An indicator file that could not be loaded or declared.
public struct IndicatorLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, relative to the workspace.
    public var file: String
    /// The line, when known.
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// `file:line: message`.
    public var description: String {
        message.hasPrefix(file) ? message : file + (line.map { ":\($0)" } ?? "") + ": " + message
    }
}

extension IndicatorDefinition {
    /// Reads the declaration table returned by an indicator file.
    static func parse(_ table: LuaTable, file: String) throws(IndicatorLoadError) -> IndicatorDefinition {
        func fail(_ message: String) -> IndicatorLoadError {
            IndicatorLoadError(file: file, line: nil, message: message)
        }
        guard let id = table["id"].stringValue else { throw fail(tr("the declaration has no id")) }
        var title = id
        var titleZH: String?
        switch table["title"] {
        case .string(let text): title = text
        case .table(let titles):
            title = titles["en"].stringValue ?? id
            titleZH = titles["zh"].stringValue ?? titles["zh-CN"].stringValue
        case .nil: break
        default: throw fail(tr("title must be a string or { en = …, zh = … }"))
        }
        let unitName = table["unit"].stringValue ?? "number"
        guard let unit = IndicatorUnit(rawValue: unitName) else {
            throw fail(
                tr(
                    "unit \"%@\" is not one of %@", unitName,
                    IndicatorUnit.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        let better = table["better"].stringValue ?? "higher"
        guard better == "higher" || better == "lower" else { throw fail(tr("better must be \"higher\" or \"lower\"")) }
        let perName = table["per"].stringValue ?? "user"
        guard Self.isGrainName(perName) else {
            throw fail(tr("per \"%@\" is not a grain name (user, team, account, product, supplier…)", perName))
        }
        let per = Grain(rawValue: perName) ?? Grain(perName)
        var needs: [String] = []
        if case .table(let list) = table["needs"] {
            for item in list.array {
                guard let name = item.stringValue, name.split(separator: ".").count >= 2 else {
                    throw fail(tr("needs lists \"entity.field\" names"))
                }
                needs.append(name)
            }
        }
        var snapshot: IndicatorSnapshot?
        switch table["snapshot"] {
        case .nil, .boolean(false): break
        case .boolean(true): snapshot = .workspaceDate
        case .string(let text):
            guard let day = SnapshotDeclaration.day(iso: text) else {
                throw fail(tr("snapshot must be true or an as-of date written \"2024-01-31\", found \"%@\"", text))
            }
            snapshot = .asOf(day)
        default: throw fail(tr("snapshot must be true or an as-of date written \"2024-01-31\""))
        }
        var definition = IndicatorDefinition(
            id: id, title: title, titleZH: titleZH, description: table["description"].stringValue ?? "",
            unit: unit, higherIsBetter: better == "higher", per: per, needs: needs, file: file, snapshot: snapshot)
        definition.breakdowns = try breakdowns(table["breakdown"], fail: fail)
        if case .table(let bins) = table["peer_bins"] {
            definition.peerBins = try PeerBins.parse(bins, of: id, file: file)
        }
        return definition
    }

    /// Whether `name` can name a grain: a lowercase word (letters, digits, `_`).
    static func isGrainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The dimensions of a `breakdown` declaration: a path, `cohort{…}`, or a list of them.
    private static func breakdowns(_ value: LuaValue, fail: (String) -> IndicatorLoadError)
        throws(IndicatorLoadError) -> [BreakdownDimension]
    {
        func dimension(_ value: LuaValue) throws(IndicatorLoadError) -> BreakdownDimension {
            switch value {
            case .string(let path):
                guard BreakdownDimension.isPath(path) else {
                    throw fail(tr("breakdown \"%@\" is not a field path such as \"product.family\"", path))
                }
                return .path(FieldPath(path))
            case .table(let table) where table["cohort"] == .boolean(true):
                guard let key = table["key"].stringValue, let first = table["first"].stringValue,
                    let unit = BreakdownDimension.Cohort.Unit(rawValue: table["by"].stringValue ?? "month")
                else { throw fail(tr("cohort{ key, first, by }: bad cohort")) }
                return .cohort(BreakdownDimension.Cohort(key: FieldPath(key), first: first, unit: unit))
            default:
                throw fail(
                    tr("breakdown takes a field path (\"product.family\"), cohort{ key, first, by } or a list of them"))
            }
        }
        switch value {
        case .nil: return []
        case .table(let table) where table["cohort"] != .boolean(true):
            var dimensions: [BreakdownDimension] = []
            for item in table.array {
                let next = try dimension(item)
                if !dimensions.contains(next) { dimensions.append(next) }
            }
            return dimensions
        default: return [try dimension(value)]
        }
    }
}
