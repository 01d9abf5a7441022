extension ChineseCatalog {
    /// The messages of the Scorecard area.
    static let scorecard: [String: String] = [
        "the model's cap must be a number above 0, not %@":
            "模型的上限必须是大于 0 的数，而不是 %@",
        "%@ has no indicators or dimensions":
            "%@ 没有指标或维度",
        "\"%@\" appears twice in %@":
            "\"%1$@\" 在 %2$@ 中出现了两次",
        "the weight must be a number above 0, not %@":
            "权重必须是大于 0 的数，而不是 %@",
        "cannot evaluate the model's indicators: %@":
            "无法评估模型的指标：%@",
        "the report has no period %@":
            "报告中没有周期 %@",
        "cannot read the file to fingerprint it":
            "无法读取该文件以计算指纹",
        "cannot read the manifest":
            "无法读取清单",
        "not a score manifest: %@":
            "不是评分清单：%@",
        "the report has no period":
            "报告中没有周期",
        "model %@ was not scored for %@":
            "模型 %1$@ 未对 %2$@ 评分",
        "the report has no period %@ (it has %@)":
            "报告中没有周期 %1$@（它包含 %2$@）",
        "the model prelude did not return its helpers":
            "模型预置脚本没有返回其辅助函数",
        "%@: drop = true, but the base model has no such node here":
            "%@：drop = true，但基础模型在此处没有该节点",
        "a model function was called from inside another one":
            "在一个模型函数内部调用了另一个模型函数",
        "the model id \"%@\" is already used by %@":
            "模型 id \"%1$@\" 已被 %2$@ 使用",
        "no model \"%@\" (%@; or give a model file's path)":
            "没有模型 \"%1$@\"（%2$@；或给出模型文件的路径）",
        "the file is not UTF-8 text":
            "该文件不是 UTF-8 文本",
        "the model VM did not start: %@":
            "模型虚拟机未能启动：%@",
        "model \"%@\" extends \"%@\", which is no model of the workspace (%@)":
            "模型 \"%1$@\" 扩展自 \"%2$@\"，但它不是本工作区的模型（%3$@）",
        "model \"%@\" extends itself in a cycle: %@":
            "模型 \"%1$@\" 循环扩展了自身：%2$@",
        "the target function returned %@, not a finite number":
            "目标函数返回了 %@，不是有限数",
        "the target function returned %@; it returns a number or nil":
            "目标函数返回了 %@；它应返回数字或 nil",
        "the model's Lua VM did not start: %@":
            "模型的 Lua 虚拟机未能启动：%@",
        "failed: %@":
            "失败：%@",
        "t.quota: unknown tier \"%@\" (tiers: %@)":
            "t.quota：未知层级 \"%1$@\"（层级：%2$@）",
        "the weights of %@'s children sum to %@, not 100 (%@)":
            "%1$@ 的子项权重之和为 %2$@，而不是 100（%3$@）",
        "%@: no indicator %@ in the workspace (known: %@)%@":
            "%1$@：工作区中没有指标 %2$@（已知：%3$@）%4$@",
        "%@ replaces a %@ of the base model (%@); drop it first to change its kind":
            "%1$@ 替换了基础模型中的一个 %2$@（%3$@）；要改变其类型请先删除它",
        "model %@ has no %@ \"%@\" in %@ (%@)":
            "模型 %1$@ 在 %4$@ 中没有 %2$@ \"%3$@\"（%5$@）",
        "model %@ scores no %@ \"%@\" in %@ (it scores none)":
            "模型 %1$@ 在 %4$@ 没有为 %2$@ \"%3$@\" 评分（它没有评分任何主体）",
        "model %@ scores no %@ \"%@\" in %@ (e.g. %@)":
            "模型 %1$@ 在 %4$@ 没有为 %2$@ \"%3$@\" 评分（例如：%5$@）",
        "the scoring function returned %@, not an array of scores":
            "评分函数返回了 %@，而不是分数数组",
        "the scoring function returned a score at position %@ for %@ peers":
            "评分函数在第 %1$@ 位返回了分数，但只有 %2$@ 个同组对象",
        "the scoring function returned %@ scores for %@ peers":
            "评分函数返回了 %1$@ 个分数，但有 %2$@ 个同组对象",
        "the scoring function returned nan for peer %@":
            "评分函数为第 %@ 个同组对象返回了 nan",
        "kpi \"%@\" is no indicator of the workspace":
            "kpi \"%@\" 不是工作区的指标",
        "kpi \"%@\": pipeline \"%@\" is no indicator of the workspace":
            "kpi \"%1$@\"：pipeline \"%2$@\" 不是工作区的指标",
        " (did you mean \"%@\"?)":
            "（是否想写 \"%@\"？）",
        "the scoring function returned a table with the key %@; it returns an array of scores":
            "评分函数返回了带有键 %@ 的表；它应返回分数数组",
        "the scoring function returned %@ for peer %@; scores are numbers or nil":
            "评分函数为第 %2$@ 个同组对象返回了 %1$@；分数必须是数字或 nil",
    ]
}
