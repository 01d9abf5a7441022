#if canImport(Glibc)
    import Glibc
#endif

/// Returns the allocator's free pages to the system.
func releaseFreeMemory() {
    #if canImport(Glibc)
        // glibc's malloc_trim, which the Glibc module does not export.
        if let trim = mallocTrim { _ = trim(0) }
    #endif
}

#if canImport(Glibc)
    private let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
#endif
