extension ChineseCatalog {
    /// The messages of the Data area.
    static let data: [String: String] = [
        "expected %@ fields as in the header, found %@":
            "应有 %1$@ 个字段（与表头一致），实际为 %2$@ 个",
        "expected one of %@ (or map it in yardstick.toml)":
            "应为以下之一：%@（或在 yardstick.toml 中映射）",
        "expected a date (%@)":
            "应为日期（%@）",
        "expected a date and time (%@)":
            "应为日期时间（%@）",
        "expected a decimal number (at most %@ decimal places)":
            "应为小数（最多 %@ 位小数）",
        "expected true or false (%@)":
            "应为真或假（%@）",
        "expected a duration (seconds, M:SS, H:MM:SS or ISO 8601 such as PT2M23S)":
            "应为时长（秒数、M:SS、H:MM:SS 或 ISO 8601，如 PT2M23S）",
        "expected a whole number":
            "应为整数",
        "%@, found %@ (mapped from %@)":
            "%1$@，实际为 %2$@（由 %3$@ 映射而来）",
        "%@, found %@":
            "%1$@，实际为 %2$@",
        "a NUL byte in the value \"%@\"":
            "值 \"%@\" 中含有 NUL 字节",
        "cannot read the file":
            "无法读取该文件",
        "the file is neither UTF-8 nor GB18030 (bad byte on line %@)":
            "该文件既不是 UTF-8 也不是 GB18030 编码（第 %@ 行有无效字节）",
        "a quoted field opened on line %@ is never closed":
            "第 %@ 行开始的带引号字段没有闭合",
        "the file is empty (no header row)":
            "该文件为空（没有表头行）",
        "the file is neither UTF-8 nor GB18030 text":
            "该文件既不是 UTF-8 也不是 GB18030 文本",
        "a NUL byte at character %@: this is not a text file":
            "第 %@ 个字符处有 NUL 字节：这不是文本文件",
        "the file is empty (no header line)":
            "该文件为空（没有表头行）",
        "file not found":
            "找不到文件",
        "line is not a JSON object":
            "该行不是 JSON 对象",
        "not valid JSON: %@":
            "不是有效的 JSON：%@",
        "expected an array of objects (or an object holding one)":
            "应为对象数组（或包含对象数组的对象）",
        "record is not an object":
            "记录不是对象",
        "required field %@ is not mapped":
            "必填字段 %@ 未映射",
        "cannot write the snapshot cache: %@":
            "无法写入快照缓存：%@",
        "… and %@ more bad rows in %@":
            "……%2$@ 中还有 %1$@ 个错误行",
        "1 file could not be loaded":
            "1 个数据文件无法加载",
        "%@ files could not be loaded":
            "%@ 个数据文件无法加载",
        "%@; nothing was loaded. Fix the file or the mapping (--lenient skips bad rows, never whole files).":
            "%@；未加载任何数据。请修正文件或映射（--lenient 只跳过错误行，不会跳过整个文件）。",
        "%@; nothing was loaded. Fix the file or the mapping.":
            "%@；未加载任何数据。请修正文件或映射。",
        "%@ bad rows; nothing was loaded. Fix the data or the mapping, or pass --lenient to load the good rows.":
            "%@ 个错误行；未加载任何数据。请修正数据或映射，或加上 --lenient 只加载正确的行。",
        "%@ (row with id %@)":
            "%1$@（id 为 %2$@ 的行）",
        "%@:%@:%@ (%@): %@":
            "%1$@ 第 %2$@ 行，列 %3$@（字段 %4$@）：%5$@",
        "%@:%@:%@: %@":
            "%1$@ 第 %2$@ 行，列 %3$@：%4$@",
        "%@:%@ (%@): %@":
            "%1$@:%2$@（%3$@）：%4$@",
        "%@:%@: %@":
            "%1$@ 第 %2$@ 行：%3$@",
        "%@ (%@): %@":
            "%1$@（字段 %2$@）：%3$@",
        "%@: %@":
            "%1$@：%2$@",
        "not valid TOML: a table header must start with a key, found %@":
            "不是有效的 TOML：表头必须以键开头，实际为 %@",
        "not valid TOML: %@":
            "不是有效的 TOML：%@",
        "no yardstick.toml here; run `yardstick init` to create a starter workspace":
            "此处没有 yardstick.toml；运行 `yardstick init` 创建一个入门工作区",
        "yardstick.toml must be UTF-8 text":
            "yardstick.toml 必须是 UTF-8 文本",
        "entity names are lower-case letters, digits and _ (like deals_2026)":
            "实体名只能由小写字母、数字和 _ 组成（如 deals_2026）",
        "declared twice with different types":
            "以不同类型声明了两次",
        "an enum field lists its values":
            "枚举字段须列出其取值",
        "an enum has at most 126 values":
            "枚举最多有 126 个取值",
        "a reference field names the entity it references":
            "引用字段须指明所引用的实体",
        "no entity named %@":
            "没有名为 %@ 的实体",
        "no source named %@ under [sources]":
            "[sources] 下没有名为 %@ 的数据源",
        "several sources are declared: say which one feeds this entity":
            "声明了多个数据源：请指明哪一个为该实体提供数据",
        "%@ is for database sources; source %@ is a folder":
            "%1$@ 用于数据库数据源；数据源 %2$@ 是文件夹",
        "name the file in source %@ that feeds %@":
            "请指明数据源 %1$@ 中为 %2$@ 提供数据的文件",
        "format must be csv, json, ndjson, whitespace or fixed":
            "format 必须是 csv、json、ndjson、whitespace 或 fixed",
        "%@ is for files; source %@ is a %@ database":
            "%1$@ 用于文件；数据源 %2$@ 是 %3$@ 数据库",
        "the table name is empty":
            "表名为空",
        "the query is empty":
            "查询为空",
        "give a table or a query for %@, not both":
            "请为 %@ 指定表或查询，不能同时指定",
        "say which column feeds %@ (column = \"…\")":
            "请指明为 %@ 提供数据的列（column = \"…\"）",
        "format applies to date and datetime fields only":
            "format 只适用于 date 和 datetime 字段",
        "give only one of %@ (a field has one origin)":
            "%@ 只能指定其一（一个字段只有一个来源）",
        "separator applies to columns = [...] only":
            "separator 只适用于 columns = [...]",
        "date and time go together: date = \"date column\", time = \"time column\"":
            "date 与 time 须同时指定：date = \"日期列\"，time = \"时间列\"",
        "columns lists two or more column names (use column = \"…\" for one)":
            "columns 须列出两个或更多列名（单列请用 column = \"…\"）",
        "date and time build a datetime; %@ is not a datetime field":
            "date 与 time 组合成日期时间；%@ 不是 datetime 字段",
        "\"%@\" is not a target of boolean field %@ (write true or false)":
            "\"%1$@\" 不是布尔字段 %2$@ 的映射目标（请写 true 或 false）",
        "\"%@\" is not a target of integer field %@ (write a whole number)":
            "\"%1$@\" 不是整数字段 %2$@ 的映射目标（请写整数）",
        "widths apply to format = \"fixed\" only":
            "widths 只适用于 format = \"fixed\"",
        "widths are whole numbers of characters, 1 or more":
            "widths 为字符数，须为不小于 1 的整数",
        "a fixed-width file lists its column widths: widths = [6, 9, 3, 8]":
            "定宽文件须列出各列宽度：widths = [6, 9, 3, 8]",
        "column_names apply to whitespace and fixed files only":
            "column_names 只适用于 whitespace 和 fixed 文件",
        "%@ column names for %@ widths":
            "%1$@ 个列名对应 %2$@ 个宽度",
        "list the values to %@":
            "请列出要 %@ 的值",
        "a subject's name is a lowercase word such as \"supplier\" (letters, digits, _)":
            "主体名须为小写单词，如 \"supplier\"（字母、数字、_）",
        "%@ has no field %@":
            "%1$@ 没有字段 %2$@",
        "%@ is not a mapped entity":
            "%@ 不是已映射的实体",
        "a snapshot needs the day it was taken: as_of = \"2024-01-31\"":
            "快照须给出其日期：as_of = \"2024-01-31\"",
        "expected a date written 2024-01-31, found \"%@\"":
            "应为形如 2024-01-31 的日期，实际为 \"%@\"",
        "unknown time zone \"%@\" (use an IANA name such as Asia/Shanghai)":
            "未知时区 \"%@\"（请使用 IANA 名称，如 Asia/Shanghai）",
        "locale must be \"en\" or \"zh-CN\"":
            "locale 必须是 \"en\" 或 \"zh-CN\"",
        "expected a table, found %@":
            "应为表，实际为 %@",
        "must be a month, 1 to 12":
            "必须是月份，1 到 12",
        "must be a day name such as monday":
            "必须是星期名称，如 monday",
        "unknown source kind \"%@\" (supported: folder, file, sqlite, postgres)":
            "未知数据源类型 \"%@\"（支持：folder、file、sqlite、postgres）",
        "a source needs a path":
            "数据源需要 path",
        "a postgres source needs a url such as \"postgresql://user@host:5432/database\"":
            "postgres 数据源需要 url，如 \"postgresql://user@host:5432/database\"",
        "must name an environment variable, such as CRM_PASSWORD":
            "必须是环境变量名，如 CRM_PASSWORD",
        "unknown key (expected one of: %@)":
            "未知的键（应为以下之一：%@）",
        "unknown encoding \"%@\" (utf-8, gb18030, auto)":
            "未知编码 \"%@\"（utf-8、gb18030、auto）",
        "must be a single character":
            "必须是单个字符",
        "expected %@, found %@":
            "应为 %1$@，实际为 %2$@",
        "%@ values of %@ are before 1900 or more than ten years ahead":
            "%2$@ 有 %1$@ 个值早于 1900 年或晚于十年之后",
        "%@ the rule %@":
            "%1$@违反规则 %2$@",
        "a database source needs a program that reads databases (YardstickSQLite's or YardstickPostgres's opener)":
            "数据库数据源需要能读取数据库的程序（YardstickSQLite 或 YardstickPostgres 的打开器）",
        "\"%@\" is not a value of %@ (%@)":
            "\"%1$@\" 不是 %2$@ 的取值（%3$@）",
        "\"%@\" is not a target of decimal field %@ (write a number such as 12.5)":
            "\"%1$@\" 不是小数字段 %2$@ 的映射目标（请写数字，如 12.5）",
        "%@ already has a field %@; map it under [fields] instead":
            "%1$@ 已有字段 %2$@；请改在 [fields] 下映射",
        "a NUL byte in the header, in column %@ (\"%@\")":
            "表头第 %1$@ 列（\"%2$@\"）中有 NUL 字节",
        "the header names column \"%@\" twice (columns %@ and %@); rename one":
            "表头中列名 \"%1$@\" 出现了两次（第 %2$@ 列和第 %3$@ 列）；请重命名其一",
        "%@ is a built-in grain and cannot be redeclared (declarable: product, campaign and the workspace's own entities)":
            "%@ 是内置粒度，不能重新声明（可声明：product、campaign 以及工作区自己的实体）",
        "%@ is not a mapped entity (mapped: %@); name it with entity = \"…\"":
            "%1$@ 不是已映射的实体（已映射：%2$@）；请用 entity = \"…\" 指明",
        "%@.%@ does not reference %@ (declare it as a custom field with references = \"%@\")":
            "%1$@.%2$@ 没有引用 %3$@（请将其声明为自定义字段并写 references = \"%4$@\"）",
        "expected \"workspace\" (every indicator) or \"indicators\" (those declaring snapshot = true), found \"%@\"":
            "应为 \"workspace\"（所有指标）或 \"indicators\"（声明了 snapshot = true 的指标），实际为 \"%@\"",
        "unsupported directive %@ in \"%@\" (supported: %%Y %%y %%m %%b %%d %%H %%M %%S %%z, or \"auto\")":
            "\"%2$@\" 中的格式指令 %1$@ 不受支持（支持：%%Y %%y %%m %%b %%d %%H %%M %%S %%z，或 \"auto\"）",
        "unknown type \"%@\" (string, integer, decimal, boolean, date, datetime, enum, reference)":
            "未知类型 \"%@\"（string、integer、decimal、boolean、date、datetime、enum、reference）",
        "%@ has no field %@; declare it under [%@.custom] with a type":
            "%1$@ 没有字段 %2$@；请在 [%3$@.custom] 下声明它及其类型",
        "name the table (table = \"…\") or the query (query = \"SELECT …\") in source %@ that feeds %@":
            "请指明数据源 %1$@ 中为 %2$@ 提供数据的表（table = \"…\"）或查询（query = \"SELECT …\"）",
        "%@ references %@, which the workspace does not map: its %@ values cannot be checked":
            "%1$@ 引用了 %2$@，但工作区没有映射它：其 %3$@ 个值无法检查",
        "%@ values of %@ name no %@ row (%@ distinct)":
            "%2$@ 有 %1$@ 个值找不到对应的 %3$@ 行（%4$@ 个不同值）",
        "the file is not valid UTF-8 (first bad byte on line %@); declare encoding = \"gb18030\" if it was saved by Excel on Chinese Windows":
            "该文件不是有效的 UTF-8（第一个无效字节在第 %@ 行）；如果它是中文 Windows 上的 Excel 保存的，请声明 encoding = \"gb18030\"",
        "the file is UTF-8 but has %@ (%@); fix those bytes (reading the whole file as GB18030 would garble its UTF-8 text), or declare encoding = \"gb18030\" if it really is GB18030":
            "该文件是 UTF-8，但含有 %1$@（%2$@）；请修正这些字节（整个文件按 GB18030 读取会使其 UTF-8 文本变成乱码），或者如果它确实是 GB18030，请声明 encoding = \"gb18030\"",
        "is not a URL such as postgresql://user@host:5432/database":
            "不是 postgresql://user@host:5432/database 这样的 URL",
        "must start with postgresql:// (found %@://)":
            "必须以 postgresql:// 开头（实际为 %@://）",
        "carries a password; remove it and name an environment variable that holds it with password_env (the workspace file is no place for secrets)":
            "含有密码；请删除它，并用 password_env 指定保存密码的环境变量（工作区文件不是存放机密的地方）",
        "names no user (postgresql://USER@host/database)":
            "没有指定用户（postgresql://USER@host/database）",
        "names no host (postgresql://user@HOST/database)":
            "没有指定主机（postgresql://user@HOST/database）",
        "names no database (postgresql://user@host/DATABASE)":
            "没有指定数据库（postgresql://user@host/DATABASE）",
        "has port %@, outside 1…65535":
            "的端口 %@ 不在 1…65535 之内",
        "has parameter %@; only sslmode is understood":
            "含有参数 %@；只支持 sslmode",
        "has sslmode %@; use one of %@":
            "的 sslmode 为 %1$@；请使用 %2$@ 之一",
        "the URL %@":
            "URL %@",
        "no column of this file maps to a field of %@ (columns: %@); map them in [entities.%@.fields] or name them as the vocabulary does":
            "此文件没有任何列映射到 %1$@ 的字段（列：%2$@）；请在 [entities.%3$@.fields] 中映射，或按词汇表命名列",
        "no column \"%@\" in this file (columns: %@)":
            "此文件中没有列 \"%1$@\"（列：%2$@）",

        // Value kinds in workspace and model messages ("expected %@, found %@").
        "a table":
            "表",
        "a string":
            "字符串",
        "an integer":
            "整数",
        "a number":
            "数字",
        "a boolean":
            "布尔值",
        "an array":
            "数组",
        "a date/time":
            "日期/时间",
        "true or false":
            "true 或 false",
        "an array of strings":
            "字符串数组",
        "an array of tables":
            "表数组",
        "a table or an array of tables":
            "表或表数组",
        "a column name or an inline table":
            "列名或内联表",
        "an array of widths":
            "宽度数组",
        "a string or { en = …, zh = … }":
            "字符串或 { en = …, zh = … }",
        "expected an array of numbers, found %@":
            "应为数字数组，实际为 %@",
        "expected an array of numbers, found an array holding %@":
            "应为数字数组，实际为含有 %@ 的数组",
        // check's rule and id problems, a required field, the snapshot cache's writes.
        "%@ %@ is before %@ %@":
            "%1$@ %2$@ 早于 %3$@ %4$@",
        "1 row breaks":
            "1 行",
        "%@ rows break":
            "%@ 行",
        "row %@":
            "第 %@ 行",
        "1 row rejected (bad or missing values)":
            "1 行被拒绝（值无效或缺失）",
        "%@ rows rejected (bad or missing values)":
            "%@ 行被拒绝（值无效或缺失）",
        "1 id appears on more than one row (%@ rows in all)":
            "1 个 id 出现在多行中（共 %@ 行）",
        "%@ ids appear on more than one row (%@ rows in all)":
            "%1$@ 个 id 出现在多行中（共 %2$@ 行）",
        "required field is empty":
            "必填字段为空",
        "cannot create the folder %@":
            "无法创建文件夹 %@",
        "cannot create %@: %@":
            "无法创建 %1$@：%2$@",
        "cannot close %@: %@":
            "无法关闭 %1$@：%2$@",
        "cannot rename %@ over it: %@":
            "无法将 %1$@ 重命名覆盖它：%2$@",
        "write failed: %@":
            "写入失败：%@",
        "1 invalid byte":
            "1 个无效字节",
        "%@ invalid bytes":
            "%@ 个无效字节",
        "on line %@":
            "位于第 %@ 行",
        "on lines %@%@":
            "位于第 %1$@%2$@ 行",
        " — e.g. %@":
            " — 例如 %@",
    ]
}
