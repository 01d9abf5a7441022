/// The Lua types of one declared name of the indicator API, for the editor definitions that
/// `yardstick lua-defs` writes (``LuaDefinitions``).
///
/// A ``LuaAPI/Entry`` says what a name does in prose; its typing says what a script passes and
/// gets back, in lua-language-server's annotation syntax (`integer`, `Yardstick.Date`,
/// `"higher"|"lower"`). Types that depend on the entity a view reads are written with
/// placeholders that the generator fills per entity:
///
/// | placeholder | on `s.opportunities` | on a key view |
/// |---|---|---|
/// | `<Field>` | `Yardstick.Field.opportunities` (every field and reference path) | `string` |
/// | `<NumberField>` | `Yardstick.NumberField.opportunities` | `string` |
/// | `<DateField>` | `Yardstick.DateField.opportunities` | `string` |
/// | `<View>` | `Yardstick.View.opportunities` | `Yardstick.KeyView` |
/// | `<Where>` | `Yardstick.Where.opportunities` | `table<string, any>` |
/// | `<Row>` | `Yardstick.Row.opportunities` | `table<string, any>` |
/// | `<Grouped>` | `Yardstick.Grouped.opportunities` | (none) |
///
/// A test fails when a declared function has no typing, when a typing's parameters differ
/// from the declaration's, or when the receivers of a view method differ from the methods the
/// prelude gives key views and grouped views.
package struct LuaAPITyping: Sendable {
    /// One parameter: its name (as the declaration names it) and its type.
    package struct Parameter: Sendable, Equatable {
        /// The parameter's name.
        package var name: String
        /// Its type; `?` at the end makes it optional (`options?`).
        package var type: String

        /// A parameter named `name` of type `type`.
        package init(_ name: String, _ type: String) {
            self.name = name
            self.type = type
        }
    }

    /// One field of a table a script writes or reads (a declaration table, a record).
    package struct Field: Sendable, Equatable {
        /// The field's name.
        package var name: String
        /// Its type; `?` after the name when a script may leave it out is written by
        /// ``isOptional``.
        package var type: String
        /// What it holds.
        package var summary: String
        /// Whether a script may leave it out.
        package var isOptional: Bool

        /// A field named `name` of type `type`.
        package init(_ name: String, _ type: String, _ summary: String, optional: Bool = false) {
            self.name = name
            self.type = type
            self.summary = summary
            self.isOptional = optional
        }
    }

    /// The kinds of view a view method is offered on.
    package enum Receiver: String, Sendable, CaseIterable {
        /// An entity's view (`s.opportunities`, filtered or not).
        case entityView
        /// A key view made by `per` (`docs/keys.md`).
        case keyView
        /// A grouped view made by `group_by`: the aggregate runs per group and returns a
        /// table group → value.
        case groupedView
    }

    /// The parameters, in order (for a function taking one table: that table).
    package var parameters: [Parameter]
    /// The type of the value returned (for a scope field: the field's type).
    package var returns: String
    /// Other ways to call the function, each a `fun(…): …` type.
    package var overloads: [String] = []
    /// For a view method: the views that offer it.
    package var receivers: Set<Receiver> = [.entityView]

    /// A typing with its parameters and return type.
    package init(
        _ parameters: [Parameter], returns: String, overloads: [String] = [],
        receivers: Set<Receiver> = [.entityView]
    ) {
        self.parameters = parameters
        self.returns = returns
        self.overloads = overloads
        self.receivers = receivers
    }
}
