/// Definitions a module above YardstickEngine adds to the editor definitions: another Lua
/// language the same editor should know, such as the model-file DSL of YardstickScorecard
/// (`scorecard`, `kpi`, `quota`…). Written after the indicator API, under its own heading.
package struct LuaDefinitionExtension: Sendable {
    /// One global: a function, or a value of a type (`rank`).
    package struct Global: Sendable {
        /// The global's name.
        package var name: String
        /// What it is or does, edge cases included.
        package var summary: String
        /// An example line.
        package var example: String
        /// A function's parameters and result; nil for a value.
        package var typing: LuaAPITyping?
        /// A value's type (used when `typing` is nil).
        package var valueType: String

        /// A global function.
        package init(function name: String, summary: String, example: String, typing: LuaAPITyping) {
            self.name = name
            self.summary = summary
            self.example = example
            self.typing = typing
            self.valueType = ""
        }

        /// A global value of type `type`.
        package init(value name: String, summary: String, example: String, type: String) {
            self.name = name
            self.summary = summary
            self.example = example
            self.typing = nil
            self.valueType = type
        }
    }

    /// The heading of its part of the file.
    package var title: String
    /// Its globals, in order.
    package var globals: [Global]
    /// Its classes and the aliases its types use, as classes.
    package var classes: [LuaAPIClass]
    /// Its aliases: name and type (`Yardstick.Target`, `number|Yardstick.Quota|…`), each with a
    /// summary.
    package var aliases: [(name: String, type: String, summary: String)]

    /// An extension with its globals, classes and aliases.
    package init(
        title: String, globals: [Global], classes: [LuaAPIClass],
        aliases: [(name: String, type: String, summary: String)] = []
    ) {
        self.title = title
        self.globals = globals
        self.classes = classes
        self.aliases = aliases
    }
}
