/// The text encoding of a source file.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// GB18030 (a superset of GBK and GB2312), as written by Excel on Chinese Windows.
    case gb18030 = "gb18030"
    /// UTF-8 when the file is valid UTF-8, otherwise GB18030.
    case automatic = "auto"

    /// Parses the name used in the workspace file (`utf-8`, `utf8`, `gbk`, `gb2312`, `gb18030`,
    /// `auto`), case-insensitively.
    public init?(name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        case "auto", "": self = .automatic
        default: return nil
        }
    }
}
