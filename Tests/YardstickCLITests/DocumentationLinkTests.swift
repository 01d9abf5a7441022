import Foundation
import Testing
import YardstickTestSupport

/// The documentation stands on its own: no document or comment cites a file outside the
/// repository, and every relative link in a Markdown file leads to a file or folder inside it.
@Suite struct DocumentationLinkTests {
    /// Spellings of places outside the repository, worked out from where this checkout sits, so
    /// no machine's paths are written here: the folder holding the checkout, the user's home
    /// folder, each folder beside the checkout as a relative path (`../name`), and the usual
    /// prefixes of home folders.
    static let outsidePaths: [String] = {
        let fileManager = FileManager.default
        let root = URL(fileURLWithPath: RepositoryRoot.path).standardizedFileURL
        let parent = root.deletingLastPathComponent()
        var spellings = ["/home/", "/Users/"]
        for folder in [parent.path, fileManager.homeDirectoryForCurrentUser.standardizedFileURL.path]
        where folder != "/" {
            spellings.append(folder + "/")
        }
        let siblings = (try? fileManager.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in siblings where name != root.lastPathComponent && !name.hasPrefix(".") {
            var isFolder: ObjCBool = false
            if fileManager.fileExists(atPath: parent.appendingPathComponent(name).path, isDirectory: &isFolder),
                isFolder.boolValue
            {
                spellings.append("../" + name)
            }
        }
        return Array(Set(spellings)).sorted()
    }()

    /// The repository's Markdown files, relative to its root (build folders left out).
    static func markdownFiles() -> [String] {
        files(under: [
            "README.md", "CONTRIBUTING.md", "CHANGELOG.md", "docs", "benchmarks", "examples", "fuzz", "Tests",
            "Sources",
        ])
        .filter { $0.hasSuffix(".md") }
    }

    /// The files of `roots` (files or folders), skipping hidden and build folders.
    static func files(under roots: [String]) -> [String] {
        var found: [String] = []
        for root in roots {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: RepositoryRoot.path(root), isDirectory: &isFolder) else {
                continue
            }
            guard isFolder.boolValue else {
                found.append(root)
                continue
            }
            let enumerator = FileManager.default.enumerator(atPath: RepositoryRoot.path(root))
            while let item = enumerator?.nextObject() as? String {
                let parts = item.split(separator: "/")
                if parts.contains(where: { $0.hasPrefix(".") || $0 == "out" || $0 == "Golden" || $0 == "corpus" }) {
                    continue
                }
                found.append(root + "/" + item)
            }
        }
        return found.sorted()
    }

    @Test func noDocumentOrCommentCitesAFileOutsideTheRepository() throws {
        let extensions = [".md", ".swift", ".c", ".h", ".lua", ".sh", ".py", ".toml"]
        let candidates = Self.files(under: [
            "README.md", "CONTRIBUTING.md", "CHANGELOG.md", "docs", "benchmarks", "examples", "fuzz", "Tests",
            "Sources", "scripts", ".ci",
        ])
        var citations: [String] = []
        for file in candidates where extensions.contains(where: file.hasSuffix) || file.hasPrefix(".ci/") {
            // This file names the spellings it looks for.
            if file.hasSuffix("/DocumentationLinkTests.swift") { continue }
            guard let data = FileManager.default.contents(atPath: RepositoryRoot.path(file)) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let spelling = Self.outsidePaths.first(where: { line.contains($0) }) {
                    citations.append("\(file):\(index + 1): \(spelling)")
                }
            }
        }
        #expect(citations.isEmpty, "\(citations.joined(separator: "\n"))")
    }

    @Test func everyRelativeMarkdownLinkLeadsInsideTheRepository() throws {
        let files = Self.markdownFiles()
        #expect(files.contains("README.md") && files.contains("docs/lua-api.md"))
        let link = try NSRegularExpression(pattern: #"\]\(([^)\s]+)\)"#)
        var broken: [String] = []
        for file in files {
            let text = try String(contentsOfFile: RepositoryRoot.path(file), encoding: .utf8)
            let folder = URL(fileURLWithPath: RepositoryRoot.path(file)).deletingLastPathComponent()
            for match in link.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range(at: 1), in: text) else { continue }
                let target = String(text[range])
                if target.hasPrefix("#") || target.contains("://") || target.hasPrefix("mailto:") { continue }
                let path = String(target.split(separator: "#", maxSplits: 1).first ?? "")
                let resolved = folder.appendingPathComponent(path).standardizedFileURL.path
                if !resolved.hasPrefix(RepositoryRoot.path + "/") || !FileManager.default.fileExists(atPath: resolved) {
                    broken.append("\(file): \(target)")
                }
            }
        }
        #expect(broken.isEmpty, "\(broken.joined(separator: "\n"))")
    }
}
