import Foundation
import YardstickData

/// How the placeholders of a ``LuaAPITyping`` read on one kind of view (see its table): on an
/// entity's view they name the entity's aliases and classes, on a key view they are plain
/// (its fields are the aggregates a script names), and on a grouped view an aggregate's
/// result becomes a table group → value.
struct LuaDefinitionTypes {
    /// The class the methods are declared on (`Yardstick.View.opportunities`).
    var className: String
    /// The placeholders' types, by placeholder.
    var placeholders: [String: String]
    /// Whether the methods are a grouped view's: results become `table<any, result>`.
    var isGrouped = false

    /// The Lua-safe local name the methods hang on (`Yardstick_View_opportunities`).
    var localName: String {
        String(className.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// The types of an entity's view.
    init(entity: EntityDefinition) {
        let name = entity.name
        className = Self.view(entity)
        placeholders = [
            "<Field>": "Yardstick.Field.\(name)", "<NumberField>": "Yardstick.NumberField.\(name)",
            "<DateField>": "Yardstick.DateField.\(name)", "<View>": Self.view(entity),
            "<Where>": "Yardstick.Where.\(name)", "<Row>": "Yardstick.Row.\(name)",
            "<Grouped>": "Yardstick.Grouped.\(name)",
        ]
    }

    private init(className: String, placeholders: [String: String], isGrouped: Bool) {
        self.className = className
        self.placeholders = placeholders
        self.isGrouped = isGrouped
    }

    /// The types of a key view (`view:per`): its fields are `key` and the aggregates named.
    static let keyView = LuaDefinitionTypes(
        className: "Yardstick.KeyView",
        placeholders: [
            "<Field>": "string", "<NumberField>": "string", "<DateField>": "string", "<View>": "Yardstick.KeyView",
            "<Where>": "table<string, Yardstick.Value|Yardstick.Condition>", "<Row>": "table<string, Yardstick.Value>",
            "<Grouped>": "table",
        ],
        isGrouped: false)

    /// The same entity's grouped view.
    var grouped: LuaDefinitionTypes {
        LuaDefinitionTypes(
            className: placeholders["<Grouped>"] ?? className, placeholders: placeholders, isGrouped: true)
    }

    /// The class of an entity's view.
    static func view(_ entity: EntityDefinition) -> String { "Yardstick.View.\(entity.name)" }

    /// A typing's type with the placeholders filled in.
    func resolve(_ type: String) -> String {
        var text = type
        for (placeholder, value) in placeholders.sorted(by: { $0.key < $1.key }) {
            text = text.replacingOccurrences(of: placeholder, with: value)
        }
        return text
    }

    /// A method's result on this kind of view.
    func result(_ type: String) -> String {
        isGrouped ? "table<any, \(resolve(type))>" : resolve(type)
    }

    /// The Lua type of a row's value of a field of this type.
    static func rowType(of type: FieldType) -> String {
        switch type {
        case .string, .reference: "string"
        case .integer: "integer"
        case .decimal: "Yardstick.Decimal"
        case .boolean: "boolean"
        case .date: "Yardstick.Date"
        case .datetime: "Yardstick.DateTime"
        case .enumeration(let values): values.map(LuaDefinitionWriter.literal).joined(separator: "|")
        }
    }

    /// What a `where` condition on a field of this type takes.
    static func whereType(of type: FieldType) -> String {
        let value: String
        switch type {
        case .integer, .decimal: value = "Yardstick.Number"
        case .datetime: value = "Yardstick.Date|Yardstick.DateTime"
        default: value = rowType(of: type)
        }
        return value + "|Yardstick.Condition|Yardstick.FieldExpression"
    }
}

extension FieldType {
    /// Whether the values are numbers (integers and decimals).
    var isNumber: Bool {
        switch self {
        case .integer, .decimal: true
        default: false
        }
    }

    /// Whether the values are days or instants.
    var isDate: Bool {
        switch self {
        case .date, .datetime: true
        default: false
        }
    }
}
