extension ChineseCatalog {
    /// The messages of the Lua area.
    static let lua: [String: String] = [
        "function belongs to another LuaVM":
            "该函数属于另一个 LuaVM",
        "cannot dump while a call is running":
            "调用进行中，无法导出",
        "cannot read the function's chunk: %@":
            "无法读取该函数的代码块：%@",
        "cannot load while a call is running":
            "调用进行中，无法加载",
        "calls into a LuaVM cannot nest":
            "对 LuaVM 的调用不能嵌套",
        "table nesting deeper than %@ levels":
            "表嵌套超过 %@ 层",
        "table too large":
            "表太大",
        "table key is NaN":
            "表的键为 NaN",
        "corrupt value buffer (tag %@)":
            "值缓冲区已损坏（标记 %@）",
        "unsupported table key":
            "不支持的表键",
        "truncated value buffer":
            "值缓冲区被截断",
        "cannot install while a call is running":
            "调用进行中，无法安装",
        "cannot allocate the value buffer":
            "无法分配值缓冲区",
        "cannot create a Lua state":
            "无法创建 Lua 状态",
        "script exceeded the memory limit of %@ bytes":
            "脚本超出了 %@ 字节的内存限制",
        "script exceeded the wall-clock limit of %@ s":
            "脚本超出了 %@ 秒的运行时间限制",
        "script exceeded the instruction limit of %@":
            "脚本超出了 %@ 条指令的限制",
    ]
}
