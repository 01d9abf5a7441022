extension ChineseCatalog {
    /// The messages of the Packs area.
    static let packs: [String: String] = [
        "needs %@: %@":
            "需要 %1$@：%2$@",
        "no indicator files (*.lua)":
            "没有指标文件（*.lua）",
        "indicator id %@ is also declared in %@":
            "指标 id %1$@ 也在 %2$@ 中声明",
        "%@: give a title in English (title = { en = …, zh = … })":
            "%@：请给出英文标题（title = { en = …, zh = … }）",
        "%@: give a title in Chinese (title = { en = …, zh = … })":
            "%@：请给出中文标题（title = { en = …, zh = … }）",
        "%@ needs %@: %@":
            "%1$@ 需要 %2$@：%3$@",
        "%@ needs %@, which pack.toml's needs does not list":
            "%1$@ 需要 %2$@，但 pack.toml 的 needs 中没有列出",
        "param(\"%@\"): pack.toml declares no such parameter":
            "param(\"%@\")：pack.toml 没有声明该参数",
        "empty: no header":
            "为空：没有表头",
        "cannot make a temporary workspace: %@":
            "无法创建临时工作区：%@",
        "cannot load the pack's files: %@":
            "无法加载插件包的文件：%@",
        "already exists; choose another name or folder":
            "已存在；请换一个名称或文件夹",
        "cannot write: %@":
            "无法写入：%@",
        "cannot read as UTF-8 text":
            "无法按 UTF-8 文本读取",
        "no readable pack.toml":
            "没有可读的 pack.toml",
        "no pack named %@ (asked %@; %@)":
            "没有名为 %1$@ 的插件包（请求者 %2$@；%3$@）",
        "cannot read":
            "无法读取",

        // pack.toml, yardstick.lock, [packs], expected.csv and the resolver.
        "\"%@\" is not a pack name (lowercase letters, digits and -, starting with a letter)":
            "\"%@\" 不是插件包名称（小写字母、数字和 -，以字母开头）",
        "not a pack name (lowercase letters, digits and -, starting with a letter)":
            "不是插件包名称（小写字母、数字和 -，以字母开头）",
        "not a pack name":
            "不是插件包名称",
        "\"%@\" is not a semantic version (MAJOR.MINOR.PATCH)":
            "\"%@\" 不是语义化版本号（MAJOR.MINOR.PATCH）",
        "\"%@\" is not a version range (like \"^1.0\")":
            "\"%@\" 不是版本范围（例如 \"^1.0\"）",
        "\"%@\" is not entity.field":
            "\"%@\" 不是 entity.field 形式",
        "not entity.field":
            "不是 entity.field 形式",
        "missing":
            "缺失",
        "missing: list at least one author":
            "缺失：至少列出一位作者",
        "missing: give it in English and Chinese, { en = \"…\", zh = \"…\" }":
            "缺失：请用英文和中文给出，{ en = \"…\", zh = \"…\" }",
        "missing: every parameter has a default":
            "缺失：每个参数都必须有默认值",
        "a pack cannot depend on itself":
            "插件包不能依赖自身",
        "a parameter name is a Lua identifier (letters, digits, _)":
            "参数名必须是 Lua 标识符（字母、数字、_）",
        "unknown type \"%@\" (expected one of: %@)":
            "未知类型 \"%1$@\"（应为以下之一：%2$@）",
        "this Yardstick reads lock_version = 1":
            "此版本的 Yardstick 读取 lock_version = 1",
        "missing or not a semantic version":
            "缺失或不是语义化版本号",
        "missing or not one of workspace, path, user, shipped":
            "缺失或不是 workspace、path、user、shipped 之一",
        "pack %@ is not in %@ (run `yardstick lock` to add it)":
            "插件包 %1$@ 不在 %2$@ 中（运行 `yardstick lock` 添加）",
        "pack %@ is %@ but %@ locks %@":
            "插件包 %1$@ 的版本是 %2$@，但 %3$@ 锁定的是 %4$@",
        "pack %@: %@ is new since %@ was written":
            "插件包 %1$@：%2$@ 是写入 %3$@ 之后新增的",
        "pack %@: %@ changed since %@ was written":
            "插件包 %1$@：%2$@ 在写入 %3$@ 之后发生了变化",
        "pack %@: %@ was removed since %@ was written":
            "插件包 %1$@：%2$@ 在写入 %3$@ 之后被删除",
        "%@; check the change, then run `yardstick lock` again, or pass --ignore-lock":
            "%@；请检查该变化，然后重新运行 `yardstick lock`，或使用 --ignore-lock",
        "it declares none":
            "它没有声明任何参数",
        "known: %@":
            "已知：%@",
        "pack %@ has no parameter %@ (%@)":
            "插件包 %1$@ 没有参数 %2$@（%3$@）",
        "parameter %@ of pack %@ is %@: %@":
            "插件包 %2$@ 的参数 %1$@ 是%3$@：%4$@",
        "an array of numbers":
            "数字数组",
        "%@ by %@":
            "%2$@ 要求 %1$@",
        "no packs found":
            "未找到任何插件包",
        "found: %@":
            "找到：%@",
        "%@ needs %@":
            "%1$@ 需要 %2$@",
        "pack %@ does not support host API %@: %@":
            "插件包 %1$@ 不支持宿主 API %2$@：%3$@",
        "no version of pack %@ satisfies %@ (available: %@)":
            "插件包 %1$@ 没有满足 %2$@ 的版本（可用：%3$@）",
        "packs depend on each other in a circle: %@":
            "插件包之间存在循环依赖：%@",
        "the header must be %@ (tolerance optional), optionally followed by dimension,member":
            "表头必须是 %@（tolerance 可选），其后可选 dimension,member",
        "expected 5 to %@ fields, found %@":
            "应有 5 到 %1$@ 个字段，实际有 %2$@ 个",
        "dimension and member go together: give both or neither":
            "dimension 和 member 必须同时给出或同时省略",
        "value \"%@\" is neither a number nor missing":
            "值 \"%@\" 既不是数字也不是 missing",
        "tolerance \"%@\" is not a number ≥ 0":
            "tolerance \"%@\" 不是 ≥ 0 的数",
        "the pack has no indicator %@":
            "插件包中没有指标 %@",
        "no figure for this subject and period in member %@ of %@ (does the indicator declare that breakdown, and has the subject rows of that member?)":
            "%2$@ 的成员 %1$@ 中没有该主体和周期的结果（该指标是否声明了此细分，主体是否有该成员的行？）",
        "no figure for this subject and period (is the subject in the fixture?)":
            "没有该主体和周期的结果（主体是否在测试数据中？）",
        "expected %@, got missing (%@)":
            "期望 %1$@，实际为缺失（%2$@）",
        "expected missing, got %@":
            "期望缺失，实际为 %@",
        "expected %@, got %@":
            "期望 %1$@，实际为 %2$@",
        "the vocabulary has no entity %@":
            "词汇表中没有实体 %@",
        "the vocabulary's %@ has no field %@":
            "词汇表的 %1$@ 没有字段 %2$@",
    ]
}
