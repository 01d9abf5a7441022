/// The Simplified Chinese of every message: English source string (the key ``tr(_:_:)`` is
/// called with) → translation.
///
/// Kept in one file per area (`ChineseCatalog+Data.swift` …) so that a module's messages and
/// their translations are reviewed together. A test fails when a `tr` key in the sources has no
/// entry here, when an entry has no `tr` key left in the sources, and when a translation's
/// placeholders do not match its key's.
///
/// Terms follow the report labels: 指标 (indicator), 评分 (score), 目标 (target), 完成率
/// (completion), 周期 (period), 主体 (subject), 数据文件 (data file), 第 N 行 (row N), 列
/// (column), 字段 (field), 工作区 (workspace), 实体 (entity), 映射 (mapping), 插件包 (pack),
/// 模型 (model), 维度 (dimension). Identifiers, file names, field names, options and values
/// stay as they are.
package enum ChineseCatalog {
    /// Every entry, from all areas.
    package static let entries: [String: String] = {
        var all: [String: String] = [:]
        for part in parts { all.merge(part) { first, _ in first } }
        return all
    }()

    /// The areas' tables, for the test that no key is translated twice.
    package static let parts: [[String: String]] = [cli, data, engine, scorecard, packs, lua, sources]
}
