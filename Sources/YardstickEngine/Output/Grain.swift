/// The kind of subject an indicator is evaluated for: a person, a group of people, or any entity
/// of the workspace (an account, a campaign, a product, a queue, a supplier…).
///
/// A grain is named by a short singular word (`user`, `supplier`): the word `per` takes in an
/// indicator or a model and `--per` takes on the command line. The built-in grains are static
/// members (``user``, ``team``, ``department``, ``company``, ``account``, ``campaign``,
/// ``product``, ``queue``); a workspace declares more in `yardstick.toml`
/// (`[subjects.supplier]`, see docs/workspace.md). Two grains are equal when their names are,
/// whatever their titles.
public struct Grain: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The grain's name (`user`, `supplier`): what `per` and `--per` take.
    public let rawValue: String
    /// The English title of a declared grain (nil: the name).
    public let title: String?
    /// The Chinese title of a declared grain (nil: the built-in one, else the English title).
    public let titleZH: String?

    /// Creates a grain named `name`, with optional titles for a workspace-declared entity.
    ///
    /// - Parameters:
    ///   - name: The grain's name, a singular word (`supplier`).
    ///   - title: Its English title in tables (nil: the name).
    ///   - titleZH: Its Chinese title (nil: the built-in one when the name is built in, else the
    ///     English title).
    public init(_ name: String, title: String? = nil, titleZH: String? = nil) {
        rawValue = name
        self.title = title
        self.titleZH = titleZH
    }

    /// The built-in grain named `rawValue`, or nil when no built-in grain has that name (a
    /// workspace's own grains come from its `[subjects]` table).
    public init?(rawValue: String) {
        guard let grain = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = grain
    }

    /// One user (a salesperson).
    public static let user = Grain("user")
    /// One team of users.
    public static let team = Grain("team")
    /// One department of teams.
    public static let department = Grain("department")
    /// The whole company.
    public static let company = Grain("company")
    /// One customer account.
    public static let account = Grain("account")
    /// One marketing campaign (rows of `campaigns`; records attached through their `campaign`).
    public static let campaign = Grain("campaign")
    /// One product (rows of `products`; records attached through their `product`).
    public static let product = Grain("product")
    /// One service queue: each distinct value of the `queue` field of calls.
    public static let queue = Grain("queue")

    /// The built-in grains, in the order tables list them.
    public static let allCases: [Grain] = [.user, .team, .department, .company, .account, .campaign, .product, .queue]

    /// The grains on the user → team → department → company line, which roll up into each other.
    public static let people: [Grain] = [.user, .team, .department, .company]

    /// Whether this is one of the built-in grains.
    public var isBuiltIn: Bool { Self.allCases.contains(self) }

    /// The name.
    public var description: String { rawValue }

    /// The grain's name in the given locale (`user` in English, `员工` in `zh-CN`; a declared
    /// grain's title, `supplier` or `供应商`).
    ///
    /// - Parameter locale: `en` or `zh-CN`; any locale starting with `zh` reads as Chinese.
    public func name(locale: String) -> String {
        guard OutputLocale.isChinese(locale) else { return title ?? rawValue }
        if let titleZH { return titleZH }
        switch rawValue {
        case "user": return "员工"
        case "team": return "团队"
        case "department": return "部门"
        case "company": return "公司"
        case "account": return "客户"
        case "campaign": return "活动"
        case "product": return "产品"
        case "queue": return "队列"
        default: return title ?? rawValue
        }
    }

    /// Equal names.
    public static func == (lhs: Grain, rhs: Grain) -> Bool { lhs.rawValue == rhs.rawValue }

    /// Hashes the name.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Decodes a grain from its name.
    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        self = Grain(rawValue: name) ?? Grain(name)
    }

    /// Encodes the grain as its name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
