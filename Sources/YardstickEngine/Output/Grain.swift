/// The kind of subject an indicator is evaluated for: a person, a group of people, or a thing.
public enum Grain: String, Sendable, Codable, CaseIterable {
    /// One user (a salesperson).
    case user
    /// One team of users.
    case team
    /// One department of teams.
    case department
    /// The whole company.
    case company
    /// One customer account.
    case account
    /// One marketing campaign.
    case campaign

    /// The grain's name in the given locale (`user` in English, `员工` in `zh-CN`).
    ///
    /// - Parameter locale: `en` or `zh-CN`; any locale starting with `zh` reads as Chinese.
    public func name(locale: String) -> String {
        guard OutputLocale.isChinese(locale) else { return rawValue }
        switch self {
        case .user: return "员工"
        case .team: return "团队"
        case .department: return "部门"
        case .company: return "公司"
        case .account: return "客户"
        case .campaign: return "活动"
        }
    }
}
