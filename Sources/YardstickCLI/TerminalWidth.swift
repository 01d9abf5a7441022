#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How wide the terminal is that a table is printed to, so that wide tables can be split into
/// blocks of columns that fit.
enum TerminalWidth {
    /// The narrowest width honoured; below it tables are not split (a block would hold the
    /// identifier and name alone).
    static let minimum = 20

    /// The width to fit tables into, or nil for no limit.
    ///
    /// `--width N` wins (`0` for no limit). Otherwise there is a limit only when standard output
    /// is a terminal: `COLUMNS` when it holds a number, else the terminal's own width
    /// (`ioctl(TIOCGWINSZ)`). Output to a file or a pipe is never split.
    ///
    /// - Parameters:
    ///   - option: `--width`, if given.
    ///   - isTerminal: Whether standard output is a terminal.
    ///   - environment: The environment (`COLUMNS`).
    ///   - queried: The terminal's width as the system reports it.
    static func columns(
        option: Int?, isTerminal: Bool, environment: [String: String], queried: () -> Int?
    ) -> Int? {
        if let option { return option > 0 ? max(option, minimum) : nil }
        guard isTerminal else { return nil }
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return max(columns, minimum) }
        return queried().map { max($0, minimum) }
    }

    /// The width of the terminal on `descriptor`, from `ioctl(TIOCGWINSZ)`; nil when it is not
    /// a terminal or does not say.
    static func queried(descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
