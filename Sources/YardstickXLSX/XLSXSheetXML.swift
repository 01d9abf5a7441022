/// The XML of one worksheet part.
enum XLSXSheetXML {
    /// Excel's day serial number of 1970-01-01 (its epoch is 1899-12-30).
    static let serialOf1970 = 25_569

    /// `xl/worksheets/sheetN.xml` of `sheet`, its texts added to `strings`.
    static func xml(_ sheet: XLSXSheet, strings: inout SharedStrings) -> String {
        var xml = XMLText.declaration
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        xml += #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        xml += #"<dimension ref="\#(dimension(sheet))"/>"#
        xml += #"<sheetViews><sheetView workbookViewId="0">"#
        if !sheet.headers.isEmpty {
            xml += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            xml += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
        }
        xml += "</sheetView></sheetViews>"
        xml += #"<sheetFormatPr defaultRowHeight="15"/>"#
        let widths = sheet.columnWidths
        if !widths.isEmpty {
            xml += "<cols>"
            for (index, width) in widths.enumerated() {
                xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        var rowNumber = 1
        if !sheet.headers.isEmpty {
            xml += #"<row r="1">"#
            for (index, header) in sheet.headers.enumerated() {
                let reference = column(index) + "1"
                xml += #"<c r="\#(reference)" s="\#(XLSXStyles.header)" t="s"><v>\#(strings.index(header))</v></c>"#
            }
            xml += "</row>"
            rowNumber = 2
        }
        for row in sheet.rows {
            xml += #"<row r="\#(rowNumber)">"#
            for (index, cell) in row.enumerated() {
                let reference = column(index) + String(rowNumber)
                switch cell {
                case .empty:
                    continue
                case .text(let text):
                    xml += #"<c r="\#(reference)" t="s"><v>\#(strings.index(text))</v></c>"#
                case .number(let number, let format):
                    let style = format.style == 0 ? "" : #" s="\#(format.style)""#
                    xml += #"<c r="\#(reference)"\#(style)><v>\#(numberText(number))</v></c>"#
                case .date(let day):
                    let serial = Int(day) + serialOf1970
                    xml += #"<c r="\#(reference)" s="\#(XLSXStyles.date)"><v>\#(serial)</v></c>"#
                }
            }
            xml += "</row>"
            rowNumber += 1
        }
        xml += "</sheetData>"
        if !sheet.headers.isEmpty { xml += #"<autoFilter ref="\#(filterRange(sheet))"/>"# }
        xml += #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        return xml + "</worksheet>"
    }

    /// The header and the rows: `A1:H36`.
    static func filterRange(_ sheet: XLSXSheet) -> String {
        "A1:" + column(max(sheet.headers.count, 1) - 1) + String(sheet.rows.count + 1)
    }

    /// The used range: `A1:H36` (`A1` for an empty sheet).
    private static func dimension(_ sheet: XLSXSheet) -> String {
        let columns = max(sheet.headers.count, sheet.rows.map(\.count).max() ?? 0)
        let rows = sheet.rows.count + (sheet.headers.isEmpty ? 0 : 1)
        guard columns > 0, rows > 0 else { return "A1" }
        return "A1:" + column(columns - 1) + String(rows)
    }

    /// A number as a cell value: whole numbers without a point, others in the shortest form
    /// that reads back to the same double (as the CSV writes them).
    static func numberText(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return number.description
    }

    /// The letters of a zero-based column: 0 → `A`, 25 → `Z`, 26 → `AA`.
    static func column(_ index: Int) -> String {
        var number = index + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }
}
