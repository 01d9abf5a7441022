/// The workbook's shared string table: each distinct text once, referred to by index.
struct SharedStrings {
    private var indexes: [String: Int] = [:]
    private var texts: [String] = []
    /// How many string cells refer to the table.
    private var references = 0

    /// The index of `text`, adding it on first use.
    mutating func index(_ text: String) -> Int {
        references += 1
        if let index = indexes[text] { return index }
        indexes[text] = texts.count
        texts.append(text)
        return texts.count - 1
    }

    /// `xl/sharedStrings.xml`.
    var xml: String {
        var xml = XMLText.declaration
        xml += #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        xml += #"count="\#(references)" uniqueCount="\#(texts.count)">"#
        for text in texts {
            let preserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true
            xml += preserve ? #"<si><t xml:space="preserve">"# : "<si><t>"
            xml += XMLText.escaped(text) + "</t></si>"
        }
        return xml + "</sst>"
    }
}
