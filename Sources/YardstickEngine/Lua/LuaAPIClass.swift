/// A type of the indicator API that is not a function: a value type (a date, a decimal, a
/// missing value), a record (`s.subject`, `s.period`) or the shape of a table a script writes
/// (`indicator { … }`). `yardstick lua-defs` writes each as a lua-language-server `---@class`.
package struct LuaAPIClass: Sendable {
    /// A method of a value type (`d:number()`).
    package struct Method: Sendable {
        /// The method's name.
        package var name: String
        /// What it does.
        package var summary: String
        /// Its parameters after the receiver.
        package var parameters: [LuaAPITyping.Parameter]
        /// The type it returns.
        package var returns: String

        /// A method of a value type.
        package init(_ name: String, _ summary: String, parameters: [LuaAPITyping.Parameter] = [], returns: String) {
            self.name = name
            self.summary = summary
            self.parameters = parameters
            self.returns = returns
        }
    }

    /// The class name (`Yardstick.Date`).
    package var name: String
    /// What a value of it is.
    package var summary: String
    /// Its fields.
    package var fields: [LuaAPITyping.Field] = []
    /// Its operators, as lua-language-server writes them: `add(integer): Yardstick.Date`.
    package var operators: [String] = []
    /// Its methods.
    package var methods: [Method] = []

    /// A class with its fields, operators and methods.
    package init(
        _ name: String, _ summary: String, fields: [LuaAPITyping.Field] = [], operators: [String] = [],
        methods: [Method] = []
    ) {
        self.name = name
        self.summary = summary
        self.fields = fields
        self.operators = operators
        self.methods = methods
    }
}
