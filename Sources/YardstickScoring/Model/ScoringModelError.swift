/// One thing wrong with a scoring model, with where it was declared and its path in the tree.
///
/// `model.lua:14: results › revenue: weights of results's children sum to 90, not 100`.
public struct ScoringModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is.
    public var code: Code
    /// What is wrong and how to fix it, for the user.
    public var message: String
    /// Where the offending node (or the model) was declared, when the caller said.
    public var location: ModelLocation?
    /// The path of the offending node from the top (`["results", "revenue"]`); empty for the
    /// model itself.
    public var path: [String]

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of problem.
    ///   - message: What is wrong.
    ///   - location: Where it was declared.
    ///   - path: The node's path.
    public init(code: Code, message: String, location: ModelLocation?, path: [String]) {
        self.code = code
        self.message = message
        self.location = location
        self.path = path
    }

    /// `file:line: a › b: message` (parts that are unknown are left out).
    public var description: String {
        var parts: [String] = []
        if let location { parts.append(location.description) }
        if !path.isEmpty { parts.append(path.joined(separator: " › ")) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }

    /// The kinds of model problems; an open set of stable names.
    public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        /// The stable name (`weights-do-not-sum`).
        public var rawValue: String

        /// Creates a code.
        ///
        /// - Parameter rawValue: The stable name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The name.
        public var description: String { rawValue }

        /// Sibling weights do not sum to 100 under ``WeightRule/mustSumTo100``.
        public static let weightsDoNotSum = Code(rawValue: "weights-do-not-sum")
        /// A weight that is not finite or not greater than 0.
        public static let invalidWeight = Code(rawValue: "invalid-weight")
        /// A dimension (or the model) without children.
        public static let emptyDimension = Code(rawValue: "empty-dimension")
        /// Two siblings with the same id.
        public static let duplicateID = Code(rawValue: "duplicate-id")
        /// A scoring function's parameters make no sense (linear zero ≥ full, repeated steps…).
        public static let invalidFunction = Code(rawValue: "invalid-function")
        /// A cap that is not finite or not greater than 0.
        public static let invalidCap = Code(rawValue: "invalid-cap")
        /// Grade bands with repeated names or minimums, or a minimum that is not finite.
        public static let invalidGrades = Code(rawValue: "invalid-grades")
        /// Forced-distribution shares that do not sum to 100, or a share below 0.
        public static let invalidDistribution = Code(rawValue: "invalid-distribution")
    }
}

/// Every problem ``ScoringModel/validate()`` found, in tree order.
public struct ScoringModelErrors: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, at least one.
    public var errors: [ScoringModelError]

    /// Creates the collection.
    ///
    /// - Parameter errors: The problems.
    public init(_ errors: [ScoringModelError]) {
        self.errors = errors
    }

    /// One problem per line.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
