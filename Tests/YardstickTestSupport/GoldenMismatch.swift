/// The actual text of a test differs from its ``GoldenFile`` (or the file is missing).
public struct GoldenMismatch: Error, CustomStringConvertible, Sendable {
    /// How the texts differ.
    public enum Difference: Equatable, Sendable {
        /// The golden file does not exist.
        case missing
        /// Recording failed to write the file.
        case unwritable(reason: String)
        /// The texts first differ on this line (1-based); a line is nil past the end of its text.
        case line(number: Int, expected: String?, actual: String?)

        /// The first difference between two texts, or nil when they are equal.
        ///
        /// Texts that differ only in a final newline differ on the line after the last, where one
        /// text has an empty line and the other none.
        public static func between(expected: String, actual: String) -> Difference? {
            guard expected != actual else { return nil }
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            for index in 0..<max(expectedLines.count, actualLines.count) {
                let want = index < expectedLines.count ? String(expectedLines[index]) : nil
                let got = index < actualLines.count ? String(actualLines[index]) : nil
                if want != got { return .line(number: index + 1, expected: want, actual: got) }
            }
            // Not reached: texts equal line by line join to equal texts.
            return .line(number: 1, expected: expected, actual: actual)
        }
    }

    /// The golden file's absolute path.
    public let path: String
    /// How the actual text differs from it.
    public let difference: Difference

    /// Creates the mismatch of the file at `path`.
    public init(path: String, difference: Difference) {
        self.path = path
        self.difference = difference
    }

    /// The file, the first differing line of each side, and how to re-record.
    public var description: String {
        let hint = "re-record with \(GoldenFile.recordVariable)=1 swift test and review the diff"
        switch difference {
        case .missing:
            return "\(path): no golden file; \(hint)"
        case .unwritable(let reason):
            return "\(path): cannot record the golden file: \(reason)"
        case .line(let number, let expected, let actual):
            return """
                \(path):\(number): the output differs from the golden file
                  expected: \(expected.map { "\"\($0)\"" } ?? "(end of text)")
                  actual:   \(actual.map { "\"\($0)\"" } ?? "(end of text)")
                \(hint)
                """
        }
    }
}
