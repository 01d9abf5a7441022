import Foundation
import ZIPFoundation

/// A workbook's bytes unzipped again: each part's text by path, and its cells read back as
/// `reference → (type, style, value)` with shared strings resolved.
struct UnzippedWorkbook {
    /// The parts' texts by path, and their order in the archive.
    let parts: [String: String]
    let order: [String]

    init(_ bytes: [UInt8]) throws {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var parts: [String: String] = [:]
        var order: [String] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
            order.append(entry.path)
        }
        self.parts = parts
        self.order = order
    }

    /// The shared strings, in index order.
    var sharedStrings: [String] {
        guard let xml = parts["xl/sharedStrings.xml"] else { return [] }
        return Self.matches(of: #"<si><t(?: xml:space="preserve")?>(.*?)</t></si>"#, in: xml).map {
            Self.unescaped($0[0])
        }
    }

    /// The cells of sheet `number` (1-based): reference → (type attribute, style, value text),
    /// a shared string's value resolved to its text.
    func cells(sheet number: Int) -> [String: Cell] {
        guard let xml = parts["xl/worksheets/sheet\(number).xml"] else { return [:] }
        let strings = sharedStrings
        var cells: [String: Cell] = [:]
        for match in Self.matches(of: #"<c r="([A-Z]+[0-9]+)"((?: [a-z]+="[^"]*")*)><v>([^<]*)</v></c>"#, in: xml) {
            let attributes = match[1]
            let typeMatch: [String]? = Self.matches(of: #" t="([a-z]+)""#, in: attributes).first
            let type: String? = typeMatch.map { $0[0] }
            let styleMatch: [String]? = Self.matches(of: #" s="([0-9]+)""#, in: attributes).first
            let style = styleMatch.flatMap { Int($0[0]) } ?? 0
            var value = match[2]
            if type == "s", let index = Int(value), index < strings.count { value = strings[index] }
            cells[match[0]] = Cell(type: type, style: style, value: value)
        }
        return cells
    }

    /// A cell read back.
    struct Cell: Equatable {
        var type: String?
        var style: Int
        var value: String
    }

    static func matches(of pattern: String, in text: String) -> [[String]] {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).map { match in
            (1..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#13;", with: "\r")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
