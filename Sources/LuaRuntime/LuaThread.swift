#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs work on a dedicated thread with a large stack.
///
/// Lua's C recursion (nested `pcall`, metamethods, the parser, pattern matching) can
/// use several MiB of C stack, more than a Dispatch or Swift concurrency thread's 512 KiB.
/// Create and use each ``LuaVM`` inside one `run` call.
public enum LuaThread {
    /// Runs `body` synchronously on a new thread with `stackSize` bytes of stack and
    /// returns its value; the calling thread blocks until it finishes.
    ///
    /// If the thread cannot be created, `body` runs on the calling thread.
    ///
    /// ```swift
    /// let total = try LuaThread.run { () throws(LuaError) -> [LuaValue] in
    ///     let vm = try LuaVM()
    ///     return try vm.call(try vm.load(source, chunkName: "pack/a.lua"))
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - stackSize: the stack size in bytes (default 16 MiB).
    ///   - body: the work to run.
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws.
    public static func run<T, E: Error>(stackSize: Int = 16 << 20, _ body: () throws(E) -> T)
        throws(E) -> T
    {
        var outcome: Result<T, E>?
        withoutActuallyEscaping(body) { escapable in
            let task = ThreadTask {
                do throws(E) {
                    outcome = .success(try escapable())
                } catch {
                    outcome = .failure(error)
                }
            }
            if !task.runOnNewThread(stackSize: stackSize) { task.work() }
        }
        switch outcome {
        case .success(let value): return value
        case .failure(let error): throw error
        case .none: preconditionFailure("LuaThread.run: the body did not run")
        }
    }
}

/// The closure handed to the new thread.
private final class ThreadTask {
    let work: () -> Void

    init(_ work: @escaping () -> Void) {
        self.work = work
    }

    /// Starts a thread running `work` and joins it; false if no thread could be created.
    func runOnNewThread(stackSize: Int) -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, max(stackSize, 1 << 16))
        let context = Unmanaged.passRetained(self).toOpaque()
        #if canImport(Darwin)
            var thread: pthread_t?
        #else
            var thread = pthread_t()
        #endif
        let created = pthread_create(
            &thread, &attributes,
            { context in
                guard let context else { return nil }
                Unmanaged<ThreadTask>.fromOpaque(context).takeRetainedValue().work()
                return nil
            }, context)
        guard created == 0 else {
            Unmanaged<ThreadTask>.fromOpaque(context).release()
            return false
        }
        #if canImport(Darwin)
            if let thread { pthread_join(thread, nil) }
        #else
            pthread_join(thread, nil)
        #endif
        return true
    }
}
