import YardstickData
import YardstickEngine

/// A parameter a pack declares in `pack.toml`: a typed value with a default and its
/// documentation, read by the pack's scripts with `param(name)` and overridden per workspace.
///
/// ```toml
/// [parameters.active_days]
/// type = "integer"
/// default = 90
/// doc = { en = "Days since the last order within which a customer is active", zh = "活跃客户窗口（天）" }
/// ```
public struct PackParameter: Sendable, Hashable {
    /// The types a parameter may have.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A whole number.
        case integer
        /// A number.
        case number
        /// A string.
        case string
        /// true or false.
        case boolean
        /// An array of numbers (bin edges, weights).
        case numbers
    }

    /// The name scripts pass to `param`.
    public var name: String
    /// Its type.
    public var kind: Kind
    /// The default value (of `kind`).
    public var defaultValue: IndicatorParameter
    /// What it means, in English.
    public var doc: String
    /// What it means, in Chinese (nil when not given).
    public var docZH: String?

    /// Creates a parameter.
    ///
    /// - Parameters:
    ///   - name: The name.
    ///   - kind: The type.
    ///   - defaultValue: The default (of `kind`).
    ///   - doc: English documentation.
    ///   - docZH: Chinese documentation.
    public init(name: String, kind: Kind, defaultValue: IndicatorParameter, doc: String, docZH: String? = nil) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.doc = doc
        self.docZH = docZH
    }

    /// Reads a value of this parameter's type from `table[key]` (a manifest's `default` or a
    /// workspace's override).
    ///
    /// - Throws: ``YardstickData/WorkspaceError`` located at the key when the value has another
    ///   type (an integer is accepted for a number).
    static func value(_ kind: Kind, in table: WorkspaceTable, at key: String) throws(WorkspaceError)
        -> IndicatorParameter?
    {
        guard table.contains(key) else { return nil }
        switch kind {
        case .integer: return try table.integer(key).map { .integer(Int64($0)) }
        case .number: return try table.number(key).map { .number($0) }
        case .string: return try table.string(key).map { .string($0) }
        case .boolean: return try table.boolean(key).map { .boolean($0) }
        case .numbers: return try table.numbers(key).map { .numbers($0) }
        }
    }
}
