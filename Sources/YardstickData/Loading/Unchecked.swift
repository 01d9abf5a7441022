/// A value handed to another thread whose use there is known to be safe (read-only, or
/// confined to that thread), where the compiler cannot see it.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
