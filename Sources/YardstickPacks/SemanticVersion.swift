/// A pack's version, as Semantic Versioning 2.0 writes it: `1.4.2`, `2.0.0-beta.1`.
///
/// Versions compare by major, minor and patch, then a pre-release sorts before its release,
/// pre-release identifiers comparing numerically when both are numbers and as text otherwise
/// (SemVer §11). Build metadata (`+build.5`) is kept for display and ignored in comparisons.
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The major version: incompatible changes.
    public var major: Int
    /// The minor version: compatible additions.
    public var minor: Int
    /// The patch version: fixes.
    public var patch: Int
    /// The pre-release identifiers (`beta`, `1` for `-beta.1`), empty for a release.
    public var prerelease: [String]
    /// The build metadata after `+`, if any.
    public var build: String?

    /// Creates a version from its numbers.
    ///
    /// - Parameters:
    ///   - major: The major version.
    ///   - minor: The minor version.
    ///   - patch: The patch version.
    ///   - prerelease: Pre-release identifiers (empty for a release).
    public init(_ major: Int, _ minor: Int, _ patch: Int, prerelease: [String] = []) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.build = nil
    }

    /// Parses `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`; nil when the text is not such a version
    /// (leading zeros, missing parts and empty identifiers are refused).
    ///
    /// - Parameter text: The version text.
    public init?(_ text: String) {
        var rest = Substring(text)
        var build: String?
        if let plus = rest.firstIndex(of: "+") {
            build = String(rest[rest.index(after: plus)...])
            rest = rest[..<plus]
            guard let build, !build.isEmpty,
                build.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(Self.isIdentifier)
            else {
                return nil
            }
        }
        var prerelease: [String] = []
        if let dash = rest.firstIndex(of: "-") {
            let identifiers = rest[rest.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false)
            guard identifiers.allSatisfy(Self.isIdentifier) else { return nil }
            for identifier in identifiers
            where Self.isNumeric(identifier) && identifier.count > 1 && identifier.first == "0" {
                return nil
            }
            prerelease = identifiers.map(String.init)
            rest = rest[..<dash]
        }
        let numbers = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3 else { return nil }
        var values: [Int] = []
        for number in numbers {
            guard Self.isNumeric(number), number.count == 1 || number.first != "0", let value = Int(number) else {
                return nil
            }
            values.append(value)
        }
        self.init(values[0], values[1], values[2], prerelease: prerelease)
        self.build = build
    }

    /// Whether it is a pre-release (`1.0.0-rc.1`).
    public var isPrerelease: Bool { !prerelease.isEmpty }

    /// The version as written: `1.2.3-beta.1+build`.
    public var description: String {
        var text = "\(major).\(minor).\(patch)"
        if !prerelease.isEmpty { text += "-" + prerelease.joined(separator: ".") }
        if let build { text += "+" + build }
        return text
    }

    /// Equal when major, minor, patch and pre-release are (build metadata is ignored).
    public static func == (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch, lhs.prerelease) == (rhs.major, rhs.minor, rhs.patch, rhs.prerelease)
    }

    /// Hashes what equality compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
        hasher.combine(prerelease)
    }

    /// SemVer precedence (§11).
    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        switch (lhs.prerelease.isEmpty, rhs.prerelease.isEmpty) {
        case (true, true), (true, false): return false
        case (false, true): return true
        case (false, false): break
        }
        for (left, right) in zip(lhs.prerelease, rhs.prerelease) where left != right {
            switch (Int(left), Int(right)) {
            case (let l?, let r?): return l < r
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return left < right
            }
        }
        return lhs.prerelease.count < rhs.prerelease.count
    }

    private static func isIdentifier(_ text: Substring) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
            }
    }

    private static func isNumeric(_ text: Substring) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }
}
