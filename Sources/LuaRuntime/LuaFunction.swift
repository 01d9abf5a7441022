/// A Lua function kept alive in one ``LuaVM``'s registry.
///
/// Obtained from ``LuaVM/load(_:chunkName:)``, ``LuaVM/loadTrusted(_:chunkName:)`` or
/// as a value returned by Lua. It keeps its VM alive (a strong reference), so it can
/// never outlive the state; its registry slot is released when the last reference
/// goes away. Calling it on another VM throws a `hostAPI` error. Like the VM it is not
/// `Sendable`: use it only on the thread that runs its VM.
public final class LuaFunction {
    /// The VM that owns the function.
    public let vm: LuaVM
    /// The registry reference.
    let reference: Int32

    init(vm: LuaVM, reference: Int32) {
        self.vm = vm
        self.reference = reference
    }

    deinit {
        vm.releaseReference(reference)
    }
}

extension LuaFunction: Equatable {
    /// Functions are equal when they are the same reference object.
    public static func == (lhs: LuaFunction, rhs: LuaFunction) -> Bool {
        lhs === rhs
    }
}

@available(*, unavailable)
extension LuaFunction: Sendable {}
