extension ChineseCatalog {
    /// The messages of the Engine area.
    static let engine: [String: String] = [
        "the prelude did not return its runner":
            "预置脚本没有返回其运行器",
        "the file must return indicator { … }":
            "该文件必须返回 indicator { … }",
        "value must be a function":
            "value 必须是函数",
        "another indicator already has the id %@":
            "已有另一个指标使用 id %@",
        "no subject in focus":
            "当前没有聚焦的主体",
        "the task runner returned no result kinds":
            "任务运行器没有返回结果类型",
        "the evaluation worker could not start Lua":
            "评估工作线程无法启动 Lua",
        "needs %@, which the workspace does not map":
            "需要 %@，但工作区没有映射它",
        "breakdown %@: %@":
            "细分 %1$@：%2$@",
        "the prelude published no definitions":
            "预置脚本没有发布任何定义",
        "the prelude published no %@ definitions":
            "预置脚本没有发布 %@ 定义",
        "definitions.%@: expected functions by name":
            "definitions.%@：应为按名称列出的函数",
        "value returned a table; return a number, a decimal or missing(reason)":
            "value 返回了表；请返回数字、小数或 missing(reason)",
        "value returned a %@; return a number, a decimal or missing(reason)":
            "value 返回了 %@；请返回数字、小数或 missing(reason)",
        "it is empty":
            "它是空的",
        "the range ends before it starts":
            "范围的结束早于开始",
        "write two periods separated by \"..\"":
            "请写两个以 \"..\" 分隔的周期",
        "\"%@\": %@":
            "\"%1$@\"：%2$@",
        "both ends must be the same kind of period (%@ and %@)":
            "两端必须是同一种周期（%1$@ 与 %2$@）",
        "%@ comes after %@":
            "%1$@ 在 %2$@ 之后",
        "a range may hold at most %@ periods":
            "一个范围最多包含 %@ 个周期",
        "unknown column":
            "未知列",
        "no grain in focus":
            "当前没有聚焦的粒度",
        "columns of different lengths":
            "各列长度不同",
        "ratio of a non-number":
            "对非数值求比率",
        "a query gives a table per subject":
            "查询按主体各给出一个表",
        "not in a column run":
            "不在按列运行中",
        "no period in focus":
            "当前没有聚焦的周期",
        "a constant (%@) is not a measure: aggregates take a field or field(…) arithmetic":
            "常量（%@）不是度量：聚合函数接受字段或 field(…) 算式",
        "%@ has no mapped field %@":
            "%1$@ 没有已映射的字段 %2$@",
        "%@: %@ is not a reference to a loaded entity":
            "%1$@：%2$@ 不是对已加载实体的引用",
        "empty field path":
            "字段路径为空",
        "%@.%@ is not a date; durations need two dates":
            "%1$@.%2$@ 不是日期；时长需要两个日期",
        "an arithmetic measure may nest at most %@ levels":
            "算式度量最多嵌套 %@ 层",
        "arithmetic takes numbers, not %@":
            "算式只接受数字，而不是 %@",
        "%@: in lists take values; compare with a field with =, ~=, <, <=, > or >=":
            "%@：in 列表只接受值；与字段比较请用 =、~=、<、<=、> 或 >=",
        "%@.%@ is not a date field":
            "%1$@.%2$@ 不是日期字段",
        "%@ has no value \"%@\" (values: %@)":
            "%1$@ 没有取值 \"%2$@\"（取值：%3$@）",
        "%@ is a boolean; compare it with true or false":
            "%@ 是布尔值；请与 true 或 false 比较",
        "%@ holds text; compare it with text, not %@":
            "%1$@ 是文本；请与文本比较，而不是 %2$@",
        "%@ is a date; compare it with date(…)":
            "%@ 是日期；请与 date(…) 比较",
        "%@ is a number; cannot compare it with %@":
            "%1$@ 是数字；不能与 %2$@ 比较",
        "%@.%@ does not reference a loaded entity":
            "%1$@.%2$@ 没有引用已加载的实体",
        "%@ has no user field (owner, agent or user) to restrict to a user":
            "%@ 没有用户字段（owner、agent 或 user），无法限定到用户",
        "%@ has no account field to restrict to an account":
            "%@ 没有客户字段，无法限定到客户",
        "%@ needs a numeric field or a duration":
            "%@ 需要数值字段或时长",
        "the workspace does not map %@ (mapped: %@)":
            "工作区没有映射 %1$@（已映射：%2$@）",
        "%@: %@ is not a date (it is %@)":
            "%1$@：%2$@ 不是日期（而是 %3$@）",
        "where{%@ = …}: cannot compare %@ with %@":
            "where{%1$@ = …}：不能将 %2$@ 与 %3$@ 比较",
        "%@: a key view's aggregates take one of its fields, not a duration":
            "%@：键视图的聚合只接受其字段之一，不接受时长",
        "a key view has no field %@":
            "键视图没有字段 %@",
        "sum(%@): %@ is not a number (it is %@)":
            "sum(%1$@)：%2$@ 不是数字（而是 %3$@）",
        "min/max(%@): cannot order %@ and %@":
            "min/max(%1$@)：无法比较 %2$@ 与 %3$@ 的大小",
        "median/percentile(%@): %@ is not a number (it is %@)":
            "median/percentile(%1$@)：%2$@ 不是数字（而是 %3$@）",
        "per: the aggregate name %@ is used twice (or is \"key\")":
            "per：聚合名 %@ 用了两次（或为 \"key\"）",
        "unknown query plan":
            "未知的查询计划",
        "unknown key view":
            "未知的键视图",
        "unknown key query":
            "未知的键查询",
        "param(name) takes the parameter's name as a string":
            "param(name) 接受字符串形式的参数名",
        "where{%@ = {\"in\", …}}: malformed value list":
            "where{%@ = {\"in\", …}}：值列表格式错误",
        "field(…): malformed expression":
            "field(…)：表达式格式错误",
        "field(…): the expression nests too deeply":
            "field(…)：表达式嵌套过深",
        "plan(entity, restricted, filters): bad arguments":
            "plan(entity, restricted, filters)：参数错误",
        "plan: bad filter":
            "plan：过滤条件错误",
        "aggregate: no name":
            "aggregate：缺少名称",
        "unknown aggregate":
            "未知的聚合",
        "row fields are read by name, like row.amount":
            "行字段按名称读取，如 row.amount",
        "peer_bin(id): no indicator id":
            "peer_bin(id)：缺少指标 id",
        "peer_bin_column(id): no indicator id":
            "peer_bin_column(id)：缺少指标 id",
        "peer bins rank subjects' overall figures and are not broken down by member":
            "同侪分档按各对象的总体数值排名，不按成员细分",
        "imported(id): no indicator id":
            "imported(id)：缺少指标 id",
        "imported_column(id): no indicator id":
            "imported_column(id)：缺少指标 id",
        "plan: filter without op or field":
            "plan：过滤条件缺少 op 或 field",
        "where{%@ = {\"between\", a, b}} needs two values":
            "where{%@ = {\"between\", a, b}} 需要两个值",
        "where{%@ = {\"contains\", \"text\"}} needs text":
            "where{%@ = {\"contains\", \"text\"}} 需要文本",
        "where{%@ = nil} is never true; use {\"is nil\"}":
            "where{%@ = nil} 永远不成立；请用 {\"is nil\"}",
        "where{%@ = {\"%@\", value}} takes one value":
            "where{%1$@ = {\"%2$@\", value}} 只接受一个值",
        "a measure is a field name or days(a, b) / hours(a, b)":
            "度量是字段名或 days(a, b) / hours(a, b)",
        "%@(field) needs a field":
            "%@(field) 需要字段",
        "%@(field, by) needs the field to order by":
            "%@(field, by) 需要排序字段",
        "unknown aggregate %@":
            "未知的聚合 %@",
        "per(key, aggregates) takes a field name as its key":
            "per(key, aggregates) 以字段名作为键",
        "per: bad aggregate":
            "per：聚合错误",
        "key_filter(view, filter, slot): bad arguments":
            "key_filter(view, filter, slot)：参数错误",
        "key_combine: unknown operation":
            "key_combine：未知操作",
        "key aggregate: no name":
            "键聚合：缺少名称",
        "where{%@ = …}: cannot compare with a table":
            "where{%@ = …}：不能与表比较",
        "where{%@ = …}: cannot compare with %@":
            "where{%1$@ = …}：不能与 %2$@ 比较",
        "no %@ with id \"%@\" (e.g. %@)":
            "没有 id 为 \"%2$@\" 的 %1$@（例如 %3$@）",
        "no indicator %@ among the loaded indicator files":
            "已加载的指标文件中没有指标 %@",
        "cannot start Lua: %@":
            "无法启动 Lua：%@",
        "per user needs the users entity mapped":
            "按用户评估需要映射 users 实体",
        "per %@ needs the teams and users entities mapped":
            "按 %@ 评估需要映射 teams 和 users 实体",
        "per account needs the accounts entity mapped":
            "按客户评估需要映射 accounts 实体",
        "per %@ needs its entity mapped":
            "按 %@ 评估需要映射其实体",
        "per %@ needs the %@ entity mapped":
            "按 %1$@ 评估需要映射 %2$@ 实体",
        "%@ failed: %@: %@":
            "%1$@ 计算失败：%2$@: %3$@",
        "%@ %@":
            "%1$@ 个%2$@",
        "subjects":
            "主体",
        "%@ failed for %@: %@: %@":
            "%1$@ 对 %2$@ 计算失败：%3$@: %4$@",
        "%@ periods":
            "%@ 个周期",
        "%@ failed for %@ in %@: %@: %@":
            "%1$@ 在 %3$@ 对 %2$@ 计算失败：%4$@: %5$@",
        "1 more error not shown":
            "另有 1 个错误未显示",
        "%@ more errors not shown":
            "另有 %@ 个错误未显示",
        "no indicators folder at %@":
            "%@ 处没有指标文件夹",
        "cannot read %@ as UTF-8 text":
            "无法按 UTF-8 文本读取 %@",
        "two indicator sets have the id \"%@\"":
            "两个指标集的 id 都是 \"%@\"",
        "two indicator sets are the workspace's own":
            "两个指标集都属于工作区自身",
        "the indicator id %@ is declared twice, in %@":
            "指标 id %1$@ 声明了两次，分别在 %2$@",
        " and ":
            " 和 ",
        "\"%@\" is not a period range: %@. Accepted forms: %@":
            "\"%1$@\" 不是周期范围：%2$@。可用的写法：%3$@",
        "\"%@\" is not a period: %@. Accepted forms: %@":
            "\"%1$@\" 不是周期：%2$@。可用的写法：%3$@",
        "indicator set id \"%@\" may hold only letters, digits, \"_\" and \"-\" (a dot separates it from indicator ids)":
            "指标集 id \"%@\" 只能包含字母、数字、\"_\" 和 \"-\"（点号用于将其与指标 id 分隔）",
        "2026-10 (month), 2026-Q3 (quarter), 2026-H1 (half), 2026 (year), 2026-W05 (week), 2026-10-31 (day), FY2026, FY2026-Q1, FY2026-H2 (fiscal year, quarter, half), 2026-01-01..2026-03-31 (dates)":
            "2026-10（月）、2026-Q3（季度）、2026-H1（半年）、2026（年）、2026-W05（周）、2026-10-31（日）、FY2026、FY2026-Q1、FY2026-H2（财年、财季、财年半年）、2026-01-01..2026-03-31（日期区间）",
        "2026-01..2026-06 (each month), 2026-Q1..2026-Q4 (each quarter), 2025..2026 (each year), or any two periods of the same kind":
            "2026-01..2026-06（逐月）、2026-Q1..2026-Q4（逐季）、2025..2026（逐年），或任意两个同类周期",
        "the quarter must be Q1 to Q4":
            "季度必须是 Q1 到 Q4",
        "the half must be H1 or H2":
            "半年必须是 H1 或 H2",
        "a fiscal year is followed by -Q1 to -Q4, -H1 or -H2":
            "财年后面只能跟 -Q1 到 -Q4、-H1 或 -H2",
        "the week must be W01 to W%@ in %@":
            "%2$@ 年的周必须是 W01 到 W%1$@",
        "the month must be 01 to 12":
            "月份必须是 01 到 12",
        "the day must be 01 to %@ in %@-%@":
            "%2$@-%3$@ 的日期必须是 01 到 %1$@",
        "it has too many parts":
            "它的组成部分太多",
        "a range of dates is two dates such as 2026-01-01..2026-03-31 (for one period per month or quarter use --period-range)":
            "日期区间是两个日期，如 2026-01-01..2026-03-31（要按月或按季度逐期评估请用 --period-range）",
        "snapshot = true needs the as-of date of the workspace's snapshot ([snapshot] as_of = \"2024-01-31\" in yardstick.toml), or write the date: snapshot = \"2024-01-31\"":
            "snapshot = true 需要工作区快照的日期（在 yardstick.toml 中写 [snapshot] as_of = \"2024-01-31\"），或直接写日期：snapshot = \"2024-01-31\"",
        "%@ %@: not a grain of this workspace (valid: %@)":
            "%1$@ %2$@：不是本工作区的粒度（可用：%3$@）",
        "%@ is not a snapshot and needs a period (--period)":
            "%@ 不是快照，需要期间（--period）",
        "%@ are not snapshots and need a period (--period)":
            "%@ 不是快照，需要期间（--period）",
        "no indicator %@ (known: %@)":
            "没有指标 %1$@（已知：%2$@）",
        "where{%@ = {\"%@\", …}}: unknown operator (use =, ~=, <, <=, >, >=, in, not in, between, contains, is nil, not nil)":
            "where{%1$@ = {\"%2$@\", …}}：未知的运算符（可用 =、~=、<、<=、>、>=、in、not in、between、contains、is nil、not nil）",
        "cannot compare %@ (%@) with %@ (%@)":
            "不能将 %1$@（%2$@）与 %3$@（%4$@）比较",
        "field(…) compares with a field or arithmetic over fields, not the constant %@":
            "field(…) 只能与字段或字段间的算式比较，不能与常量 %@ 比较",
        "too many different field(…) expressions on %@ in this run (their columns would take more than %@ MiB): an expression should not change with the subject; apply per-subject numbers to the aggregate instead (s.orders:sum(\"amount\") * k(\"rate\"))":
            "本次运行中 %1$@ 上不同的 field(…) 表达式过多（其列将占用超过 %2$@ MiB）：表达式不应随主体变化；请把按主体变化的数字乘在聚合结果上（s.orders:sum(\"amount\") * k(\"rate\")）",
        "%@ has no mapped field %@ (mapped: %@)":
            "%1$@ 没有已映射的字段 %2$@（已映射：%3$@）",
        "%@ overflows the exact 64-bit range on %@ row %@%@":
            "%1$@ 在 %2$@ 第 %3$@ 行%4$@超出精确的 64 位范围",
        "%@ is %@; arithmetic takes integer or decimal fields (for the time between two dates use days(a, b) or hours(a, b))":
            "%1$@ 是 %2$@；算术只接受整数或小数字段（两个日期之间的时间请用 days(a, b) 或 hours(a, b)）",
        "%@ has no field referencing %@, so its records cannot be attached to a subject of %@ (add a custom reference field: { column = \"…\", type = \"reference\", references = \"%@\" })":
            "%1$@ 没有引用 %2$@ 的字段，因此其记录无法归到 %3$@ 主体（请添加自定义引用字段：{ column = \"…\", type = \"reference\", references = \"%4$@\" }）",
        "%@ references %@ through several fields (%@): declare which one attaches its records in yardstick.toml, e.g. [subjects.…] references = { %@ = \"%@\" }":
            "%1$@ 通过多个字段（%3$@）引用 %2$@：请在 yardstick.toml 中声明用哪一个归属其记录，例如 [subjects.…] references = { %4$@ = \"%5$@\" }",
        "%@ has no %@ field, so its records cannot be attached to a %@":
            "%1$@ 没有 %2$@ 字段，因此其记录无法归到某个 %3$@",
        "no mapped entity has the field %@ to break figures down by (mapped: %@)":
            "没有已映射的实体含有用于拆分的字段 %1$@（已映射：%2$@）",
        "no mapped entity has both %@ and the date field %@ to find each key's first event (mapped: %@)":
            "没有已映射的实体同时含有 %1$@ 和日期字段 %2$@ 来找到每个键的首次事件（已映射：%3$@）",
        "a key view has no field %@ (fields: %@)":
            "键视图没有字段 %1$@（字段：%2$@）",
        "%@: a key view's aggregates take its fields, not a duration":
            "%@：键视图的聚合只接受其字段，不接受时长",
        "%@ is not available on a key view (use count, sum, avg, min, max, median, percentile, count_distinct, distinct, first or last)":
            "%@ 不能用于键视图（可用 count、sum、avg、min、max、median、percentile、count_distinct、distinct、first 或 last）",
        "not evaluated: its peer bins could not be computed":
            "未评估：其同组分箱无法计算",
        "target: %@":
            "目标：%@",
        "column_arith(operation, a, b)":
            "column_arith(operation, a, b) 参数错误",
        "column_ratio(a, slot, b, slot, [when_zero])":
            "column_ratio(a, slot, b, slot, [when_zero]) 参数错误",
        "column_ratio: when_zero is a number":
            "column_ratio：when_zero 必须是数字",
        "per \"%@\" is not a grain of this workspace (valid: %@)":
            "per \"%1$@\" 不是本工作区的粒度（可用：%2$@）",
        "indicator \"%@\": %@":
            "指标 \"%1$@\"：%2$@",
        "peer bins without a base indicator":
            "同组分箱没有基础指标",
        "an indicator cannot bin its own values":
            "指标不能对自身的值分箱",
        "quantile bins without n":
            "分位数分箱没有 n",
        "threshold bins without thresholds":
            "阈值分箱没有阈值",
        "peer bins of an unknown kind":
            "未知类型的同组分箱",

        // An indicator file's declaration (IndicatorDefinition).
        "the declaration has no id":
            "声明中没有 id",
        "title must be a string or { en = …, zh = … }":
            "title 必须是字符串或 { en = …, zh = … }",
        "unit \"%@\" is not one of %@":
            "unit \"%1$@\" 不是 %2$@ 之一",
        "better must be \"higher\" or \"lower\"":
            "better 必须是 \"higher\" 或 \"lower\"",
        "per \"%@\" is not a grain name (user, team, account, product, supplier…)":
            "per \"%@\" 不是粒度名称（user、team、account、product、supplier…）",
        "needs lists \"entity.field\" names":
            "needs 列出 \"entity.field\" 形式的名称",
        "snapshot must be true or an as-of date written \"2024-01-31\", found \"%@\"":
            "snapshot 必须是 true 或写作 \"2024-01-31\" 的截至日期，而这里是 \"%@\"",
        "snapshot must be true or an as-of date written \"2024-01-31\"":
            "snapshot 必须是 true 或写作 \"2024-01-31\" 的截至日期",
        "breakdown \"%@\" is not a field path such as \"product.family\"":
            "breakdown \"%@\" 不是像 \"product.family\" 这样的字段路径",
        "cohort{ key, first, by }: bad cohort":
            "cohort{ key, first, by }：无效的同期群",
        "breakdown takes a field path (\"product.family\"), cohort{ key, first, by } or a list of them":
            "breakdown 接受字段路径（\"product.family\"）、cohort{ key, first, by } 或它们的列表",
        "FY must be followed by a four-digit year":
            "FY 后面必须是四位数的年份",
        "the year must have four digits":
            "年份必须是四位数",
        // Atomic writes of output files.
        "create a temporary file":
            "创建临时文件",
        "write":
            "写入",
        "flush to disk":
            "刷新到磁盘",
        "close":
            "关闭",
        "rename the temporary file":
            "重命名临时文件",
        "cannot write %@: %@ failed: %@":
            "无法写入 %1$@：%2$@失败：%3$@",
        "the base indicator \"%@\" of its peer bins has no figures: it is unknown, did not load or did not run":
            "其同组分箱的基础指标 \"%@\" 没有结果：它未知、未加载或未运行",
        "Subject: %@ (%@ %@)":
            "主体：%1$@（%2$@ %3$@）",
        "Period:  %@ (%@ … %@)":
            "周期：%1$@（%2$@ … %3$@）",
        "Value:   %@":
            "数值：%@",
        "Meaning: %@":
            "含义：%@",
        "No query ran: the value does not come from records.":
            "没有运行查询：该数值不来自记录。",
        "Query %@: %@ of the subject":
            "查询 %1$@：该主体的 %2$@",
        "Query %@: %@ of the whole company":
            "查询 %1$@：全公司的 %2$@",
        " where %@":
            "，条件 %@",
        " (period %@)":
            "（周期 %@）",
        " grouped by %@":
            "，按 %@ 分组",
        "  → %@%@ = %@ from %@ records":
            "  → %1$@%2$@ = %3$@，来自 %4$@ 条记录",
        "    … %@ more records":
            "    … 另有 %@ 条记录",
    ]
}
