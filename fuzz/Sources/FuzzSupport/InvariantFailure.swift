#if canImport(Glibc)
    import Glibc
#endif

/// Stops the fuzz run with a message when a property the harness checks does not hold.
///
/// It prints the message and aborts, which libFuzzer reports as a crash and saves the input
/// as a `crash-…` artifact, so an invariant failure is kept and minimised like any other crash.
public func invariantFailure(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    let text = Array("INVARIANT FAILED (\(file):\(line)): \(message)\n".utf8)
    text.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    abort()
}

/// Checks a property of one fuzz input; see ``invariantFailure(_:file:line:)``.
public func require(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID,
    line: UInt = #line
) {
    if !condition() { invariantFailure(message(), file: file, line: line) }
}
