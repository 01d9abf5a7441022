/// A problem with a scorecard model or its use, with its place.
public struct ScorecardProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, relative to the workspace (`model.lua`).
    public var file: String
    /// The line, when known.
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// Creates a problem.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String {
        file + (line.map { ":\($0)" } ?? "") + ": " + message
    }
}

/// Every problem found while loading or running a scorecard model, reported together.
public struct ScorecardError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in the order found.
    public var problems: [ScorecardProblem]

    /// Creates an error.
    public init(_ problems: [ScorecardProblem]) {
        self.problems = problems
    }

    /// One problem per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
