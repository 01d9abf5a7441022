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
            "%1$@的子项权重之和为 %2$@，而不是 100（%3$@）",
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
        // The model file's problems (ModelFileReader).
        "nothing":
            "空值",
        "a %@":
            "%@ 类型的值",
        "a function":
            "一个函数",
        "%@ without its arguments":
            "缺少参数的 %@",
        "the file must return scorecard { … }, not %@":
            "文件必须返回 scorecard { … }，而不是%@",
        "scorecard takes a table: scorecard { id = \"…\", … }":
            "scorecard 接受一个表：scorecard { id = \"…\", … }",
        "scorecard: id is required (id = \"sales\")":
            "scorecard：必须给出 id（id = \"sales\"）",
        "scorecard: id must be a name like \"maven-sales\", not %@":
            "scorecard：id 必须是像 \"maven-sales\" 这样的名称，而不是 %@",
        "scorecard: version must be a string, not %@":
            "scorecard：version 必须是字符串，而不是 %@",
        "%@: title must be a string or { en = \"…\", zh = \"…\" }, not %@":
            "%1$@：title 必须是字符串或 { en = \"…\", zh = \"…\" }，而不是 %2$@",
        " (a dimension or kpi without its { … }?)":
            "（是否是缺少 { … } 的 dimension 或 kpi？）",
        "%@: item %@ is %@, not a dimension or kpi%@":
            "%1$@：第 %2$@ 项是 %3$@，不是 dimension 或 kpi%4$@",
        "%@ is declared twice in %@ (first at %@)":
            "%1$@ 在 %2$@ 中声明了两次（首次在 %3$@）",
        "%@ needs an id: %@ \"id\" { … }":
            "%1$@ 需要 id：%2$@ \"id\" { … }",
        "%@: the id must be a name like \"win_rate\", not %@":
            "%1$@：id 必须是像 \"win_rate\" 这样的名称，而不是 %2$@",
        "%@ takes a table: %@ { weight = … }, not %@":
            "%1$@ 接受一个表：%2$@ { weight = … }，而不是 %3$@",
        "%@: drop must be true or false, not %@":
            "%1$@：drop 必须是 true 或 false，而不是 %2$@",
        "%@: target = quota needs its metric: quota \"revenue\"":
            "%@：target = quota 需要指明配额指标：quota \"revenue\"",
        "%@: target must be a number, quota \"metric\" or a function(t), not %@":
            "%1$@：target 必须是数字、quota \"metric\" 或 function(t)，而不是 %2$@",
        "%@: quota { \"metric\", tier = \"stretch\" } names one metric first":
            "%@：quota { \"metric\", tier = \"stretch\" } 必须先写出一个配额指标",
        "%@: quota takes a metric: quota \"revenue\", not %@":
            "%1$@：quota 接受一个配额指标：quota \"revenue\"，而不是 %2$@",
        "%@: unknown scoring function \"%@\" (functions: %@)":
            "%1$@：未知的评分函数 \"%2$@\"（可用函数：%3$@）",
        "%@: score = %@ needs its parameters: %@ { … }":
            "%1$@：score = %2$@ 需要参数：%3$@ { … }",
        "%@: %@ takes a table: %@ { … }, not %@":
            "%1$@：%2$@ 接受一个表：%3$@ { … }，而不是 %4$@",
        "%@: score must be a scoring function (%@) or a function(peers, direction, cap), not %@":
            "%1$@：score 必须是评分函数（%2$@）或 function(peers, direction, cap)，而不是 %3$@",
        "%@: step %@ must be { threshold, score }, like { 0.8, 60 }":
            "%1$@：第 %2$@ 级必须是 { threshold, score }，例如 { 0.8, 60 }",
        "%@: overrides must be a list of { where = { … }, target = … }":
            "%@：overrides 必须是 { where = { … }, target = … } 的列表",
        "%@ must be a table { where = { … }, target = … }, not %@":
            "%1$@ 必须是表 { where = { … }, target = … }，而不是 %2$@",
        "%@ needs where = { … }":
            "%@ 需要 where = { … }",
        "%@ needs a target":
            "%@ 需要 target",
        "%@: %@ must be a table of fields, like { role = \"sales\" }":
            "%1$@：%2$@ 必须是字段表，例如 { role = \"sales\" }",
        "%@: %@ has the unknown field %@ (fields: %@)":
            "%1$@：%2$@ 含有未知字段 %3$@（可用字段：%4$@）",
        "%@: %@.%@ must be a string or a list of strings":
            "%1$@：%2$@.%3$@ 必须是字符串或字符串列表",
        "scorecard: grades must be a table of minimums, like { A = 90, B = 75, C = 0 }":
            "scorecard：grades 必须是最低分表，例如 { A = 90, B = 75, C = 0 }",
        "scorecard: grades: %@ must be a grade name with a number":
            "scorecard：grades：%@ 必须是带数字的等级名称",
        "scorecard: distribution must be a table of percents, like { A = 20, B = 70, C = 10 }":
            "scorecard：distribution 必须是百分比表，例如 { A = 20, B = 70, C = 10 }",
        "scorecard: distribution as a list takes { grade, percent } pairs, like { \"A\", 20 }":
            "scorecard：列表形式的 distribution 由 { grade, percent } 对组成，例如 { \"A\", 20 }",
        "scorecard: rollups must be a list of grains (%@)":
            "scorecard：rollups 必须是粒度列表（%@）",
        "scorecard: rollups: %@ is not a grain to roll up to (%@)":
            "scorecard：rollups：%1$@ 不是可以汇总到的粒度（%2$@）",
        "scorecard: rollups lists %@ twice":
            "scorecard：rollups 中 %@ 出现了两次",
        "%@: at lists completion fractions above 0, like { 0.5, 0.8, 1.0 }":
            "%@：at 列出大于 0 的完成率小数，例如 { 0.5, 0.8, 1.0 }",
        "scorecard: alerts must be true, false or a table { at = …, pace = …, remind = … }":
            "scorecard：alerts 必须是 true、false 或表 { at = …, pace = …, remind = … }",
        "%@: tolerance must be a fraction of at least 0, like 0.10":
            "%@：tolerance 必须是不小于 0 的小数，例如 0.10",
        "%@: working_days must be true or false":
            "%@：working_days 必须是 true 或 false",
        "%@: weekdays lists ISO weekdays 1 (Monday) to 7 (Sunday)":
            "%@：weekdays 列出 ISO 星期几，1（星期一）到 7（星期日）",
        "%@: holidays must be a list of dates, like { \"2017-10-02\" }":
            "%@：holidays 必须是日期列表，例如 { \"2017-10-02\" }",
        "%@: holidays: %@ is not a date YYYY-MM-DD":
            "%1$@：holidays：%2$@ 不是 YYYY-MM-DD 格式的日期",
        "%@ must be true, false or a table { tolerance = …, working_days = … }":
            "%@ 必须是 true、false 或表 { tolerance = …, working_days = … }",
        "%@: days_before_end must be a whole number of days, at least 0":
            "%@：days_before_end 必须是不小于 0 的整天数",
        "%@: below must be a completion fraction above 0, like 0.8":
            "%@：below 必须是大于 0 的完成率小数，例如 0.8",
        "%@ must be true, false or a table { days_before_end = …, below = … }":
            "%@ 必须是 true、false 或表 { days_before_end = …, below = … }",
        "%@: unknown key %@ (keys: %@)":
            "%1$@：未知的键 %2$@（可用的键：%3$@）",
        "%@: unexpected list item %@ (keys: %@)":
            "%1$@：意外的列表项 %2$@（可用的键：%3$@）",
        "%@: %@ must be a number, not %@":
            "%1$@：%2$@ 必须是数字，而不是 %3$@",
        "%@: %@ must be a list of numbers":
            "%1$@：%2$@ 必须是数字列表",
        "%@: %@ must be a non-empty string, not %@":
            "%1$@：%2$@ 必须是非空字符串，而不是 %3$@",
        "%@: %@ must be one of %@, not %@":
            "%1$@：%2$@ 必须是 %3$@ 之一，而不是 %4$@",
        "%@: per must name a grain (\"user\", \"team\", \"account\", \"product\", an entity of [subjects] such as \"supplier\"), not %@":
            "%1$@：per 必须指明一个粒度（\"user\"、\"team\"、\"account\"、\"product\"，或 [subjects] 中的实体，如 \"supplier\"），而不是 %2$@",
        // Whole-model checks (ModelAssembler) and the scoring model's validation.
        "%@: drop = true only applies in a model that extends another":
            "%@：drop = true 只适用于扩展另一个模型的模型",
        "%@ has no weight (weight = …)":
            "%@ 没有权重（weight = …）",
        "%@ is scored twice in the model (first at %@); an indicator is scored once":
            "%1$@ 在模型中被评分了两次（首次在 %2$@）；一个指标只评分一次",
        "%@: scoring by %@ needs a target (target = …), or score it with a peer function (score = rank)":
            "%1$@：按 %2$@ 评分需要目标（target = …），或改用同组比较函数评分（score = rank）",
        "rollups: %@ is not a coarser grain than per = \"%@\" (user → team → department → company)":
            "rollups：%1$@ 不是比 per = \"%2$@\" 更粗的粒度（user → team → department → company）",
        "peers = \"%@\" groups users by %@; a %@ has none: use peers = \"all\"":
            "peers = \"%1$@\" 按 %2$@ 对用户分组；%3$@ 没有 %2$@：请使用 peers = \"all\"",
        "distribution { A = 20, … } takes its order from grades = { … }; give grades, or list it in order: { { \"A\", 20 }, { \"B\", 80 } }":
            "distribution { A = 20, … } 的顺序取自 grades = { … }；请给出 grades，或按顺序列出：{ { \"A\", 20 }, { \"B\", 80 } }",
        "distribution: grade \"%@\" is not one of the grades (%@)":
            "distribution：等级 \"%1$@\" 不在 grades 中（%2$@）",
        "the model":
            "模型",
        "the cap must be a number above 0, not %@":
            "上限必须是大于 0 的数，而不是 %@",
        "linear scoring needs 0 ≤ zero < full (completion fractions), not zero %@, full %@":
            "线性评分需要 0 ≤ zero < full（完成率小数），而不是 zero %1$@、full %2$@",
        "a step table needs at least one step":
            "阶梯表至少需要一级",
        "step thresholds and scores must be numbers":
            "阶梯的阈值和分数必须是数字",
        "two steps have the same threshold":
            "有两级的阈值相同",
        "threshold scoring needs numbers for at, pass and fail":
            "阈值评分的 at、pass 和 fail 必须是数字",
        "grades need at least one band":
            "grades 至少需要一个等级",
        "two grade bands have the same name":
            "有两个等级同名",
        "two grade bands have the same minimum":
            "有两个等级的最低分相同",
        "grade minimums must be numbers":
            "等级的最低分必须是数字",
        "a forced distribution needs at least one grade":
            "强制分布至少需要一个等级",
        "forced-distribution shares must be 0 or more":
            "强制分布的比例必须不小于 0",
        "a forced distribution names a grade twice":
            "强制分布中有一个等级出现了两次",
        "forced-distribution shares sum to %@, not 100":
            "强制分布的比例之和是 %@，而不是 100",
    ]
}
