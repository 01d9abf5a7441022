/// `xl/styles.xml`: the default font, a bold one for headers, and the cell formats the cells
/// use by index (``XLSXNumberFormat/style``, ``header``, ``date``).
enum XLSXStyles {
    /// The bold header cells' style.
    static let header = 1
    /// A date's style, `yyyy-mm-dd`.
    static let date = 6

    /// The part's XML.
    static let xml: String = {
        var xml = XMLText.declaration
        xml += #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        xml += #"<numFmts count="3">"#
        xml += #"<numFmt numFmtId="164" formatCode="0.0%"/>"#
        xml += ##"<numFmt numFmtId="165" formatCode="#,##0.0"/>"##
        xml += #"<numFmt numFmtId="166" formatCode="yyyy\-mm\-dd"/>"#
        xml += "</numFmts>"
        xml += #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        xml += #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        xml += #"<fills count="2"><fill><patternFill patternType="none"/></fill>"#
        xml += #"<fill><patternFill patternType="gray125"/></fill></fills>"#
        xml += #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        xml += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        // By index: 0 general, 1 header, 2 #,##0, 3 #,##0.00, 4 0.0%, 5 #,##0.0, 6 date.
        let formats = [(0, 0), (0, 1), (3, 0), (4, 0), (164, 0), (165, 0), (166, 0)]
        xml += #"<cellXfs count="\#(formats.count)">"#
        for (format, font) in formats {
            xml += #"<xf numFmtId="\#(format)" fontId="\#(font)" fillId="0" borderId="0" xfId="0""#
            if format != 0 { xml += #" applyNumberFormat="1""# }
            if font != 0 { xml += #" applyFont="1""# }
            xml += "/>"
        }
        xml += "</cellXfs>"
        xml += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        return xml + "</styleSheet>"
    }()
}
