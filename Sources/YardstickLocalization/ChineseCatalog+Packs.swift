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
    ]
}
