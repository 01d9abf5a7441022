import Foundation
import ZIPFoundation

/// An Office Open XML workbook (`.xlsx`) made of ``XLSXSheet``s: the XML parts are generated
/// here and zipped with ZIPFoundation.
///
/// The package holds `[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml` (the sheets, and
/// each sheet's hidden `_xlnm._FilterDatabase` name as Excel writes it for an autofilter),
/// `xl/_rels/workbook.xml.rels`, `xl/styles.xml` (a bold header and the number formats of
/// ``XLSXNumberFormat`` and dates), `xl/sharedStrings.xml` (every text once) and one
/// `xl/worksheets/sheetN.xml` per sheet. Each sheet's first row is frozen and filtered.
///
/// The bytes are a pure function of the sheets: entries are written in a fixed order with a
/// fixed modification time (1980-01-01), so the same report gives the same file.
package struct XLSXWorkbook: Sendable {
    /// The sheets, in tab order.
    package var sheets: [XLSXSheet]

    /// The most rows a sheet holds, the header included (Excel's limit); longer sheets
    /// continue on sheets named `Name (2)`, `Name (3)`…
    package static let maximumRows = 1_048_576

    /// Creates a workbook.
    package init(sheets: [XLSXSheet]) {
        self.sheets = sheets
    }

    /// The workbook's `.xlsx` bytes.
    ///
    /// An in-memory archive can fail only when memory runs out, which stops the program.
    package func bytes() -> [UInt8] {
        do {
            return try archive()
        } catch {
            fatalError("cannot build the xlsx archive in memory: \(error)")
        }
    }

    /// The parts zipped, in order.
    private func archive() throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        let fixedDate = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, the ZIP format's first day
        for (path, text) in parts() {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let data = archive.data else { return [] }
        return [UInt8](data)
    }

    /// The package's parts as (path, XML), in the order they are zipped.
    package func parts() -> [(String, String)] {
        let laidOut = Self.split(sheets)
        let names = Self.sheetNames(laidOut.map(\.name))
        var strings = SharedStrings()
        var worksheets: [String] = []
        for sheet in laidOut { worksheets.append(XLSXSheetXML.xml(sheet, strings: &strings)) }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: laidOut.count)),
            ("_rels/.rels", Self.rootRelationships),
            ("xl/workbook.xml", Self.workbook(laidOut, names: names)),
            ("xl/_rels/workbook.xml.rels", Self.workbookRelationships(sheetCount: laidOut.count)),
            ("xl/styles.xml", XLSXStyles.xml),
            ("xl/sharedStrings.xml", strings.xml),
        ]
        for (index, xml) in worksheets.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", xml)) }
        return parts
    }

    /// Sheets longer than `rowsPerSheet` rows (by default ``maximumRows`` less the header)
    /// split into parts with the same header.
    static func split(_ sheets: [XLSXSheet], rowsPerSheet: Int = maximumRows - 1) -> [XLSXSheet] {
        let perSheet = rowsPerSheet
        return sheets.flatMap { sheet -> [XLSXSheet] in
            guard sheet.rows.count > perSheet else { return [sheet] }
            return stride(from: 0, to: sheet.rows.count, by: perSheet).enumerated().map { part, start in
                let rows = Array(sheet.rows[start..<min(start + perSheet, sheet.rows.count)])
                return XLSXSheet(
                    name: part == 0 ? sheet.name : sheet.name + " (\(part + 1))", headers: sheet.headers, rows: rows)
            }
        }
    }

    /// Valid, unique tab names: at most 31 characters, none of `[]:*?/\`, not starting or
    /// ending with `'`, unique without regard to case (a clash gets ` 2`, ` 3`…).
    static func sheetNames(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.map { name in
            var clean = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 })
            while clean.hasPrefix("'") { clean.removeFirst() }
            while clean.hasSuffix("'") { clean.removeLast() }
            if clean.isEmpty { clean = "Sheet" }
            clean = String(clean.prefix(31))
            var candidate = clean
            var number = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " \(number)"
                candidate = String(clean.prefix(31 - suffix.count)) + suffix
                number += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    private func contentTypes(sheetCount: Int) -> String {
        let main = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var xml = XMLText.declaration
        xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="\#(main).sheet.main+xml"/>"#
        for index in 0..<sheetCount {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" ContentType="\#(main).worksheet+xml"/>"#
        }
        xml += #"<Override PartName="/xl/styles.xml" ContentType="\#(main).styles+xml"/>"#
        xml += #"<Override PartName="/xl/sharedStrings.xml" ContentType="\#(main).sharedStrings+xml"/>"#
        return xml + "</Types>"
    }

    private static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static let rootRelationships =
        XMLText.declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="\#(relationshipType)/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    private static func workbook(_ sheets: [XLSXSheet], names: [String]) -> String {
        var xml = XMLText.declaration
        xml += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        xml += #"xmlns:r="\#(relationshipType)">"#
        xml += "<bookViews><workbookView/></bookViews><sheets>"
        for (index, name) in names.enumerated() {
            xml += #"<sheet name="\#(XMLText.escaped(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        xml += "</sheets>"
        var filters = ""
        for (index, sheet) in sheets.enumerated() where !sheet.headers.isEmpty {
            let quoted = "'" + names[index].replacingOccurrences(of: "'", with: "''") + "'"
            let range = XLSXSheetXML.filterRange(sheet).split(separator: ":").map { absolute(String($0)) }
            filters += #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(index)" hidden="1">"#
            filters += XMLText.escaped(quoted + "!" + range.joined(separator: ":")) + "</definedName>"
        }
        if !filters.isEmpty { xml += "<definedNames>" + filters + "</definedNames>" }
        return xml + "</workbook>"
    }

    /// `B12` → `$B$12`.
    private static func absolute(_ reference: String) -> String {
        let letters = reference.prefix { $0.isLetter }
        return "$" + letters + "$" + reference.dropFirst(letters.count)
    }

    private static func workbookRelationships(sheetCount: Int) -> String {
        var xml = XMLText.declaration
        xml += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 0..<sheetCount {
            xml += #"<Relationship Id="rId\#(index + 1)" Type="\#(relationshipType)/worksheet" "#
            xml += #"Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(relationshipType)/styles" Target="styles.xml"/>"#
        xml += #"<Relationship Id="rId\#(sheetCount + 2)" Type="\#(relationshipType)/sharedStrings" "#
        xml += #"Target="sharedStrings.xml"/>"#
        return xml + "</Relationships>"
    }
}
