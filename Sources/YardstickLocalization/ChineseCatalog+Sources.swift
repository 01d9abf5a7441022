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

        // PostgreSQL source problems.
        "the environment variable %@ (password_env) is not set":
            "环境变量 %@（password_env）未设置",
        "the server asks for a password; name the environment variable that holds it with password_env":
            "服务器要求密码；请用 password_env 指明保存密码的环境变量",
        "cannot connect to the server: %@":
            "无法连接到服务器：%@",
        "authentication failed: %@":
            "身份验证失败：%@",
        "no such database: %@":
            "没有这个数据库：%@",
        "no table or view named %@ in the database (%@)":
            "数据库中没有名为 %1$@ 的表或视图（%2$@）",
        "no column %@ in the result; its columns are %@":
            "结果中没有列 %1$@；它的列是 %2$@",
        "the column is %@ in the database; field %@ is %@":
            "该列在数据库中是 %1$@；字段 %2$@ 是 %3$@",
        "PostgreSQL error %@: %@":
            "PostgreSQL 错误 %1$@：%2$@",
        "the rows could not be read: %@":
            "无法读取这些行：%@",
        "the server did not prove that it knows the password":
            "服务器未能证明它知道该密码",
        "unexpected from the server: %@":
            "服务器发来意外内容：%@",
        "the server's SCRAM nonce does not extend the client's":
            "服务器的 SCRAM 随机数没有延续客户端的随机数",
        "the server's SCRAM salt is not base64":
            "服务器的 SCRAM 盐值不是 base64",
        "the server's SCRAM iteration count is not a positive number":
            "服务器的 SCRAM 迭代次数不是正数",
        "the COPY data is malformed: %@":
            "COPY 数据格式错误：%@",
        "(yardstick.toml, sources.%@: %@; entity %@)":
            "（yardstick.toml，sources.%1$@：%2$@；实体 %3$@）",
    ]
}
