import Foundation
import YardstickData
import YardstickEngine
import YardstickLocalization

/// A pack's `pack.toml`: who it is, what it needs, what it offers.
///
/// ```toml
/// name = "sales-core"
/// version = "1.0.0"
/// host_api = "^1.0"
/// licence = "MIT"
/// authors = ["Yardstick contributors"]
/// needs = ["opportunities.stage", "opportunities.amount"]
/// title = { en = "Sales core", zh = "销售核心指标" }
/// description = { en = "…", zh = "…" }
///
/// [dependencies]
/// customer-value = "^1.0"
///
/// [parameters.active_days]
/// type = "integer"
/// default = 90
/// doc = { en = "…", zh = "…" }
/// ```
///
/// The format is strict: an unknown key is an error naming the known ones, so a misspelt
/// `host-api` is not silently ignored. See docs/packs.md.
public struct PackManifest: Sendable, Hashable {
    /// The pack's name, which prefixes its indicator ids (`sales-core.win_rate`): lowercase
    /// letters, digits and `-`, starting with a letter.
    public var name: String
    /// Its version.
    public var version: SemanticVersion
    /// Its title in English.
    public var title: String
    /// Its title in Chinese.
    public var titleZH: String
    /// What it measures, in English.
    public var description: String
    /// What it measures, in Chinese.
    public var descriptionZH: String
    /// Its authors.
    public var authors: [String]
    /// Its licence (an SPDX id such as `MIT`).
    public var licence: String
    /// The host API versions it works with (``PackHostAPI/version`` must be in it).
    public var hostAPI: VersionRange
    /// The packs it depends on, with the versions it accepts, by name.
    public var dependencies: [String: VersionRange]
    /// Its parameters, sorted by name.
    public var parameters: [PackParameter]
    /// The CRM fields its indicators read (`entity.field`), checked against the vocabulary.
    public var needs: [String]

    /// The parameters' defaults, by name (what `param` returns without overrides).
    public var defaultParameters: [String: IndicatorParameter] {
        Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.defaultValue) })
    }

    /// The keys `pack.toml` may hold.
    static let keys: Set<String> = [
        "name", "version", "title", "description", "authors", "licence", "host_api", "dependencies",
        "parameters", "needs",
    ]

    /// Parses a manifest.
    ///
    /// - Parameters:
    ///   - text: The TOML text.
    ///   - file: The file's name as messages show it.
    /// - Throws: ``PackError`` (``PackError/Code/invalidManifest``) located at the key at fault.
    public init(parsing text: String, file: String) throws(PackError) {
        do throws(WorkspaceError) {
            let root = try WorkspaceTable.document(text, file: file)
            try root.allowOnly(Self.keys)
            name = try Self.required(root, "name")
            guard Self.isPackName(name) else {
                throw root.error(
                    at: "name",
                    tr("\"%@\" is not a pack name (lowercase letters, digits and -, starting with a letter)", name))
            }
            let versionText = try Self.required(root, "version")
            guard let version = SemanticVersion(versionText) else {
                throw root.error(at: "version", tr("\"%@\" is not a semantic version (MAJOR.MINOR.PATCH)", versionText))
            }
            self.version = version
            (title, titleZH) = try Self.languages(root, "title")
            (description, descriptionZH) = try Self.languages(root, "description")
            authors = try root.strings("authors") ?? []
            guard !authors.isEmpty else { throw root.error(at: "authors", tr("missing: list at least one author")) }
            licence = try Self.required(root, "licence")
            let hostText = try Self.required(root, "host_api")
            guard let hostAPI = VersionRange(hostText) else {
                throw root.error(at: "host_api", tr("\"%@\" is not a version range (like \"^1.0\")", hostText))
            }
            self.hostAPI = hostAPI
            dependencies = try Self.dependencies(root, name: name)
            parameters = try Self.parameters(root)
            needs = try root.strings("needs") ?? []
            for need in needs where need.split(separator: ".", omittingEmptySubsequences: false).count != 2 {
                throw root.error(at: "needs", tr("\"%@\" is not entity.field", need))
            }
        } catch {
            throw PackError(.invalidManifest, error)
        }
    }

    /// Reads `pack.toml` from a pack folder.
    ///
    /// - Parameters:
    ///   - folder: The pack's folder.
    ///   - displayFolder: How messages name the folder.
    /// - Throws: ``PackError`` when the file is missing or not valid.
    public static func read(folder: String, displayFolder: String? = nil) throws(PackError) -> PackManifest {
        let path = (folder as NSString).appendingPathComponent("pack.toml")
        let shown = ((displayFolder ?? folder) as NSString).appendingPathComponent("pack.toml")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw PackError(.invalidManifest, tr("no readable pack.toml"), file: shown)
        }
        return try PackManifest(parsing: text, file: shown)
    }

    /// Whether a name is a valid pack name.
    public static func isPackName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    private static func required(_ table: WorkspaceTable, _ key: String) throws(WorkspaceError) -> String {
        guard let value = try table.string(key), !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw table.error(at: key, tr("missing"))
        }
        return value
    }

    /// `{ en = "…", zh = "…" }`, both required.
    private static func languages(_ table: WorkspaceTable, _ key: String) throws(WorkspaceError) -> (String, String) {
        guard let texts = try table.table(key) else {
            throw table.error(at: key, tr("missing: give it in English and Chinese, { en = \"…\", zh = \"…\" }"))
        }
        try texts.allowOnly(["en", "zh"])
        return (try required(texts, "en"), try required(texts, "zh"))
    }

    private static func dependencies(_ table: WorkspaceTable, name: String) throws(WorkspaceError)
        -> [String: VersionRange]
    {
        guard let dependencies = try table.table("dependencies") else { return [:] }
        var result: [String: VersionRange] = [:]
        for dependency in dependencies.keys {
            let text = try required(dependencies, dependency)
            guard isPackName(dependency) else { throw dependencies.error(at: dependency, tr("not a pack name")) }
            guard dependency != name else {
                throw dependencies.error(at: dependency, tr("a pack cannot depend on itself"))
            }
            guard let range = VersionRange(text) else {
                throw dependencies.error(at: dependency, tr("\"%@\" is not a version range (like \"^1.0\")", text))
            }
            result[dependency] = range
        }
        return result
    }

    private static func parameters(_ table: WorkspaceTable) throws(WorkspaceError) -> [PackParameter] {
        guard let parameters = try table.table("parameters") else { return [] }
        var result: [PackParameter] = []
        for name in parameters.keys {
            guard let spec = try parameters.table(name) else { continue }
            try spec.allowOnly(["type", "default", "doc"])
            guard isParameterName(name) else {
                throw parameters.error(at: name, tr("a parameter name is a Lua identifier (letters, digits, _)"))
            }
            let typeText = try required(spec, "type")
            guard let kind = PackParameter.Kind(rawValue: typeText) else {
                let kinds = PackParameter.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                throw spec.error(at: "type", tr("unknown type \"%@\" (expected one of: %@)", typeText, kinds))
            }
            guard let value = try PackParameter.value(kind, in: spec, at: "default") else {
                throw spec.error(at: "default", tr("missing: every parameter has a default"))
            }
            let (doc, docZH) = try languages(spec, "doc")
            result.append(PackParameter(name: name, kind: kind, defaultValue: value, doc: doc, docZH: docZH))
        }
        return result
    }

    private static func isParameterName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }
}
