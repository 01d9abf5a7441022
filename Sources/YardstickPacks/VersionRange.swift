import Foundation

/// The versions a requirement accepts: `^1.2`, `~1.2.3`, `>=1.0, <2.0`, `=1.4.2`, `*`.
///
/// A range is one or more comparators separated by commas, all of which must hold:
/// - `^X.Y.Z` (and a bare `X.Y.Z`, as in Cargo): compatible with it — at least it, below the
///   next major (below the next minor when the major is 0, the next patch when both are 0);
/// - `~X.Y.Z`: at least it, below the next minor (`~X` below the next major);
/// - `=`, `>`, `>=`, `<`, `<=` with a version;
/// - `*`: any release.
///
/// Missing parts are zeros (`^1.2` is `^1.2.0`; `>=2` is `>=2.0.0`). Pre-releases are accepted
/// only when a comparator names a pre-release of the same major.minor.patch (as npm and
/// Cargo do), so `^1.0` never picks `2.0.0-beta`.
public struct VersionRange: Sendable, Hashable, CustomStringConvertible {
    /// One comparison a version must pass.
    public struct Comparator: Sendable, Hashable {
        /// How the version is compared.
        public enum Operation: String, Sendable, Hashable {
            /// Equal.
            case equal = "="
            /// Greater.
            case greater = ">"
            /// Greater or equal.
            case greaterOrEqual = ">="
            /// Less.
            case less = "<"
            /// Less or equal.
            case lessOrEqual = "<="
        }

        /// The comparison.
        public var operation: Operation
        /// The version compared with.
        public var version: SemanticVersion

        func accepts(_ candidate: SemanticVersion) -> Bool {
            switch operation {
            case .equal: candidate == version
            case .greater: candidate > version
            case .greaterOrEqual: candidate >= version
            case .less: candidate < version
            case .lessOrEqual: candidate <= version
            }
        }
    }

    /// The comparators, all of which must hold (none: any release).
    public var comparators: [Comparator]
    /// The range as written.
    public let text: String

    /// Any release (`*`).
    public static let any = VersionRange(comparators: [], text: "*")

    private init(comparators: [Comparator], text: String) {
        self.comparators = comparators
        self.text = text
    }

    /// Parses a range; nil when it is not one.
    ///
    /// - Parameter text: The range, such as `^1.2` or `>=1.0, <2.0`.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if trimmed == "*" {
            self = .any
            return
        }
        var comparators: [Comparator] = []
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            guard let parsed = Self.comparators(String(part).trimmingCharacters(in: .whitespaces)) else { return nil }
            comparators += parsed
        }
        self.init(comparators: comparators, text: trimmed)
    }

    /// Whether the version is in the range.
    ///
    /// - Parameter version: The candidate.
    public func contains(_ version: SemanticVersion) -> Bool {
        guard comparators.allSatisfy({ $0.accepts(version) }) else { return false }
        guard version.isPrerelease else { return true }
        return comparators.contains {
            $0.version.isPrerelease
                && ($0.version.major, $0.version.minor, $0.version.patch) == (
                    version.major, version.minor, version.patch
                )
        }
    }

    /// The range as written.
    public var description: String { text }

    /// The comparators one written part stands for (`^1.2` is two).
    private static func comparators(_ part: String) -> [Comparator]? {
        for operation in ["<=", ">=", "<", ">", "="] where part.hasPrefix(operation) {
            guard let (version, _) = partial(String(part.dropFirst(operation.count))),
                let op = Comparator.Operation(rawValue: operation)
            else { return nil }
            return [Comparator(operation: op, version: version)]
        }
        if part.hasPrefix("~") {
            guard let (version, given) = partial(String(part.dropFirst())) else { return nil }
            let upper =
                given == 1
                ? SemanticVersion(version.major + 1, 0, 0) : SemanticVersion(version.major, version.minor + 1, 0)
            return [
                Comparator(operation: .greaterOrEqual, version: version),
                Comparator(operation: .less, version: upper),
            ]
        }
        let caret = part.hasPrefix("^") ? String(part.dropFirst()) : part
        guard let (version, given) = partial(caret) else { return nil }
        let upper: SemanticVersion
        if version.major > 0 || given == 1 {
            upper = SemanticVersion(version.major + 1, 0, 0)
        } else if version.minor > 0 || given == 2 {
            upper = SemanticVersion(0, version.minor + 1, 0)
        } else {
            upper = SemanticVersion(0, 0, version.patch + 1)
        }
        return [
            Comparator(operation: .greaterOrEqual, version: version),
            Comparator(operation: .less, version: upper),
        ]
    }

    /// A version with missing minor and patch as zeros, and how many parts were given.
    private static func partial(_ text: String) -> (SemanticVersion, Int)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let full = SemanticVersion(trimmed) { return (full, 3) }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return nil }
        let padded = trimmed + String(repeating: ".0", count: 3 - parts.count)
        guard let version = SemanticVersion(padded), !version.isPrerelease else { return nil }
        return (version, parts.count)
    }
}
