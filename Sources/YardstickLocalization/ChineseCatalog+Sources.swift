extension ChineseCatalog {
    /// The messages of the Sources area.
    static let sources: [String: String] = [
        "no history recorded yet (record with `run --record` or `score --record`)":
            "尚未记录历史（用 `run --record` 或 `score --record` 记录）",
        "interrupted after %@ figures (test hook)":
            "在 %@ 个数值后中断（测试钩子）",
        "SQLite could not read the row: %@":
            "SQLite 无法读取该行：%@",
        "database file not found":
            "找不到数据库文件",
        "no table or view named %@ in the database":
            "数据库中没有名为 %@ 的表或视图",
        "the query would write to the database; a source only reads":
            "该查询会写入数据库；数据源只能读取",
        "looked up as %@":
            "按 %@ 查找",
        "the server closed the connection":
            "服务器关闭了连接",
    ]
}
