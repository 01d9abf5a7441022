import LuaRuntime

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
        guard let id = table["id"].stringValue else { throw fail("the declaration has no id") }
        var title = id
        var titleZH: String?
        switch table["title"] {
        case .string(let text): title = text
        case .table(let titles):
            title = titles["en"].stringValue ?? id
            titleZH = titles["zh"].stringValue ?? titles["zh-CN"].stringValue
        case .nil: break
        default: throw fail("title must be a string or { en = …, zh = … }")
        }
        let unitName = table["unit"].stringValue ?? "number"
        guard let unit = IndicatorUnit(rawValue: unitName) else {
            throw fail(
                "unit \"\(unitName)\" is not one of \(IndicatorUnit.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let better = table["better"].stringValue ?? "higher"
        guard better == "higher" || better == "lower" else { throw fail("better must be \"higher\" or \"lower\"") }
        let perName = table["per"].stringValue ?? "user"
        guard let per = Grain(rawValue: perName) else {
            throw fail("per \"\(perName)\" is not one of \(Grain.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var needs: [String] = []
        if case .table(let list) = table["needs"] {
            for item in list.array {
                guard let name = item.stringValue, name.split(separator: ".").count >= 2 else {
                    throw fail("needs lists \"entity.field\" names")
                }
                needs.append(name)
            }
        }
        var definition = IndicatorDefinition(
            id: id, title: title, titleZH: titleZH, description: table["description"].stringValue ?? "",
            unit: unit, higherIsBetter: better == "higher", per: per, needs: needs, file: file)
        if case .table(let bins) = table["peer_bins"] {
            definition.peerBins = try PeerBins.parse(bins, of: id, file: file)
        }
        return definition
    }
}
