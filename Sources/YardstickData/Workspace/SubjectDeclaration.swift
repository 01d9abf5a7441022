/// An entity declared as a subject in `yardstick.toml` (`[subjects.supplier]`): its rows can be
/// evaluated and scored like users (`per = "supplier"`, `--per supplier`).
///
/// ```toml
/// [subjects.supplier]
/// entity = "suppliers"                      # default: the name + "s"
/// title = { en = "supplier", zh = "供应商" }  # default: the name
/// name = "name"                             # the field naming each subject (default: name, else id)
/// references = { purchase_orders = "supplier" }  # only where auto-detection cannot decide
/// ```
///
/// Records of another entity are attached to a subject through the field of theirs that
/// references the subject's entity: found by itself when there is exactly one such field,
/// declared in `references` when there are several (or none).
public struct SubjectDeclaration: Sendable, Hashable {
    /// The grain's name (`supplier`): the key under `[subjects]`.
    public var name: String
    /// The entity whose rows are the subjects (`suppliers`).
    public var entity: String
    /// The English title in tables and outputs (nil: the name).
    public var title: String?
    /// The Chinese title (nil: the English one).
    public var titleZH: String?
    /// The field of the entity giving each subject's display name (nil: `name` when the entity
    /// has it, else the id).
    public var nameField: String?
    /// Per record entity, the field of it that references the subject entity, where declared.
    public var references: [String: String]

    /// Creates a declaration.
    public init(
        name: String, entity: String, title: String? = nil, titleZH: String? = nil, nameField: String? = nil,
        references: [String: String] = [:]
    ) {
        self.name = name
        self.entity = entity
        self.title = title
        self.titleZH = titleZH
        self.nameField = nameField
        self.references = references
    }
}
