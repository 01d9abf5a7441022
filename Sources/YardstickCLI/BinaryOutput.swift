import YardstickLocalization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The rule for binary formats (`xlsx`): never printed to a terminal, where they would only
/// scramble the screen.
enum BinaryOutput {
    /// Refuses a binary format without `--out` when standard output is a terminal.
    ///
    /// - Parameters:
    ///   - formatID: The format asked for (`xlsx`).
    ///   - isText: Whether the format is text.
    ///   - out: The `--out` file, if any.
    ///   - stdoutIsTerminal: Whether standard output is a terminal (the real one by default).
    /// - Throws: A usage ``CommandFailure`` naming the format and what to do instead.
    static func check(
        formatID: String, isText: Bool, out: String?, stdoutIsTerminal: Bool = isatty(STDOUT_FILENO) != 0
    ) throws(CommandFailure) {
        guard !isText, out == nil, stdoutIsTerminal else { return }
        throw CommandFailure.usage(
            tr("--format %@ writes a binary file: give --out FILE (or redirect standard output to a file)", formatID))
    }
}
