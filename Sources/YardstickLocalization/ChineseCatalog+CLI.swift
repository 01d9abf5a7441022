extension ChineseCatalog {
    /// The messages of the CLI area.
    static let cli: [String: String] = [
        "--locale %@: expected en or zh-CN":
            "--locale %@：应为 en 或 zh-CN",
        "error: %@":
            "错误：%@",
        "warning: %@":
            "警告：%@",
        "1 bad row was skipped":
            "跳过了 1 个错误行",
        "%@ bad rows were skipped":
            "跳过了 %@ 个错误行",
        "warning: %@; listed in %@":
            "警告：%1$@；已列入 %2$@",
        "skipped: %@":
            "已跳过：%@",
        "warning: %@ (see yardstick check)":
            "警告：%@（详见 yardstick check）",
        "--sort %@: no such indicator in this run (indicators: %@)":
            "--sort %1$@：本次运行没有该指标（指标：%2$@）",
        "error: 1 figure failed (see the output)":
            "错误：1 个数值计算失败（见输出）",
        "error: %@ figures failed (see the output)":
            "错误：%@ 个数值计算失败（见输出）",
        "--as-of %@: expected a date such as 2017-10-15":
            "--as-of %@：应为日期，例如 2017-10-15",
        "--format %@: expected one of %@":
            "--format %1$@：应为以下之一：%2$@",
        "--as-of %@: expected a date, YYYY-MM-DD":
            "--as-of %@：应为日期，格式 YYYY-MM-DD",
        "--sort %@: expected name, total, or an indicator or dimension of the model (indicators: %@)":
            "--sort %1$@：应为 name、total，或模型中的某个指标或维度（指标：%2$@）",
        "--per %@: expected the model's grain or a rollup, one of %@":
            "--per %1$@：应为模型的评估粒度或汇总层级，以下之一：%2$@",
        "note: model %@ declares no alerts; using the defaults (marks 50, 80, 100, 120 %%, pace with a 10 %% tolerance)":
            "提示：模型 %@ 未声明预警；使用默认设置（阈值 50、80、100、120 %%，进度容差 10 %%）",
        "--kind %@: expected one of %@":
            "--kind %1$@：应为以下之一：%2$@",
        "--as-of %@: expected a date such as 2017-10-20":
            "--as-of %@：应为日期，例如 2017-10-20",
        "--format %@ writes a binary file: give --out FILE (or redirect standard output to a file)":
            "--format %@ 输出二进制文件：请指定 --out FILE（或将标准输出重定向到文件）",
        "--by %@: expected a field path such as product.family, or cohort:KEY:FIRST[:month|quarter|year]":
            "--by %@：应为字段路径（如 product.family）或 cohort:KEY:FIRST[:month|quarter|year]",
        "--by names %@ twice":
            "--by 重复指定了 %@",
        "--by %@: %@":
            "--by %1$@：%2$@",
        "--sort %@: expected name, an indicator id, or ID:asc / ID:desc":
            "--sort %@：应为 name、指标 id，或 ID:asc / ID:desc",
        "warning: %@ (running anyway: --ignore-lock)":
            "警告：%@（因 --ignore-lock 仍继续运行）",
        "--rejects lists the rows --lenient skips; pass --lenient too":
            "--rejects 列出 --lenient 跳过的行；请同时指定 --lenient",
        "%@ holds no pack (no pack.toml)":
            "%@ 中没有插件包（缺少 pack.toml）",
        "no pack named %@ (see yardstick plugins list)":
            "没有名为 %@ 的插件包（见 yardstick plugins list）",
        "no packs found in: %@":
            "以下位置未找到插件包：%@",
        "created %@":
            "已创建 %@",
        "next: yardstick plugins check %@ && yardstick plugins test %@":
            "下一步：yardstick plugins check %1$@ && yardstick plugins test %2$@",
        ", 1 model":
            "，1 个模型",
        ", %@ models":
            "，%@ 个模型",
        "✓ %@: %@ indicators, %@ parameters%@":
            "✓ %1$@：%2$@ 个指标，%3$@ 个参数%4$@",
        "✗ %@: 1 problem":
            "✗ %@：1 个问题",
        "✗ %@: %@ problems":
            "✗ %1$@：%2$@ 个问题",
        "manifest: same inputs and results as %@":
            "清单：输入与结果均与 %@ 相同",
        "manifest: %@":
            "清单：%@",
        "the workspace lists no packs in [packs] (or name them with --plugins)":
            "工作区的 [packs] 中未列出插件包（或用 --plugins 指定）",
        "wrote %@":
            "已写入 %@",
        "give an indicator id, or --model ID to explain a scorecard total":
            "请给出指标 id，或用 --model ID 解释评分卡总分",
        "--as-of applies to --model only":
            "--as-of 仅适用于 --model",
        "error: %@: %@":
            "错误：%1$@：%2$@",
        "model %@ does not score %@ (it scores %@)":
            "模型 %1$@ 不对 %2$@ 评分（它评分的指标：%3$@）",
        "%@ already exists; not overwriting it":
            "%@ 已存在；不会覆盖",
        "Created %@":
            "已创建 %@",
        "with sample data and an indicator: %@":
            "包含示例数据和一个指标：%@",
        ".gitignore keeps the snapshot cache (.yardstick/) out of version control":
            ".gitignore 已将快照缓存（.yardstick/）排除在版本控制之外",
        "Try it:":
            "试一试：",
        "Then put your CRM export in %@ and edit the mapping in":
            "然后把 CRM 导出文件放到 %@，并编辑",
        "yardstick.toml; its comments show sales, service and marketing mappings.":
            "yardstick.toml 中的映射；其注释给出了销售、服务和营销的映射示例。",
        "watching %@ files for changes (Ctrl-C stops)":
            "正在监视 %@ 个文件的变化（Ctrl-C 停止）",
        "reloading: %@ changed":
            "重新加载：%@ 已更改",
        "re-ran in %@ s; watching %@ files":
            "重新运行耗时 %1$@ 秒；正在监视 %2$@ 个文件",
        "stopped watching":
            "已停止监视",
        "re-running: %@ changed":
            "重新运行：%@ 已更改",
        "Workspace: %@":
            "工作区：%@",
        "entity":
            "实体",
        "rows":
            "行数",
        "rejected":
            "拒绝",
        "first date":
            "最早日期",
        "last date":
            "最晚日期",
        "problems":
            "问题",
        "field":
            "字段",
        "type":
            "类型",
        "filled":
            "已填",
        "complete":
            "完整率",
        "span / integrity":
            "范围 / 完整性",
        "all resolve":
            "全部可解析",
        "%@ unresolved":
            "%@ 个无法解析",
        "  unused columns in %@: %@":
            "  %@ 中未使用的列：%@",
        "1 problem found (* marks custom fields).":
            "发现 1 个问题（* 表示自定义字段）。",
        "%@ problems found (* marks custom fields).":
            "发现 %@ 个问题（* 表示自定义字段）。",
        "No problems found (* marks custom fields).":
            "未发现问题（* 表示自定义字段）。",
        "source:":
            "来源：",
        "authors:":
            "作者：",
        "licence:":
            "许可证：",
        "host API:":
            "宿主 API：",
        "%@ (this Yardstick: %@)":
            "%1$@（当前 Yardstick：%2$@）",
        "dependencies:":
            "依赖：",
        "none":
            "无",
        "needs:":
            "所需数据：",
        "parameters:":
            "参数：",
        "  %@ (%@, default %@): %@":
            "  %1$@（%2$@，默认 %3$@）：%4$@",
        "indicators:":
            "指标：",
        "unit":
            "单位",
        "per":
            "评估对象",
        "better":
            "方向",
        "higher":
            "越高越好",
        "lower":
            "越低越好",
        "name":
            "名称",
        "version":
            "版本",
        "source":
            "来源",
        "indicators":
            "指标数",
        "title":
            "标题",
        "folder":
            "文件夹",
        "%@/1 source":
            "%@/1 个数据源",
        "%@/%@ sources":
            "%1$@/%2$@ 个数据源",
        "%@ rows":
            "%@ 行",
        "Loading":
            "加载中",
        "Evaluating":
            "评估中",
        "1 indicator":
            "1 个指标",
        "%@ indicators":
            "%@ 个指标",
        "1 subject":
            "1 个主体",
        "%@ subjects":
            "%@ 个主体",
        "  %@ rows of %@ dropped by the mapping's filters (%@)":
            "  %2$@ 中有 %1$@ 行被映射的过滤条件剔除（%3$@）",
        "%@/%@ figures (%@ × %@)":
            "%1$@/%2$@ 个数值（%3$@ × %4$@）",
        "no recorded figures match":
            "没有匹配的历史记录",
        "subject":
            "主体",
        "indicator":
            "指标",
        "model":
            "模型",
        "period":
            "周期",
        "value":
            "数值",
        "score":
            "评分",
        "change":
            "变化",

        "locked %@ %@ (%@, %@ files, sha256 %@…)":
            "已锁定 %1$@ %2$@（%3$@，%4$@ 个文件，sha256 %5$@…）",
    ]
}
