import Testing

@testable import YardstickData

@Suite struct CSVReaderTests {
    @Test func quotedFieldsKeepDelimitersEscapedQuotesAndNewlines() throws {
        let text = "id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n"
        #expect(
            try records(Array(text.utf8)) == [
                ["id", "note"], ["1", "a, b"], ["2", "say \"hi\""], ["3", "two\nlines"],
            ])
    }

    @Test func crlfLineEndsAndMissingFinalNewlineAreRead() throws {
        #expect(try records(Array("a,b\r\n1,2\r\n3,4".utf8)) == [["a", "b"], ["1", "2"], ["3", "4"]])
    }

    @Test func utf8ByteOrderMarkIsDropped() throws {
        let rows = try records([0xEF, 0xBB, 0xBF] + Array("名称,金额\n王芳,12\n".utf8))
        #expect(rows == [["名称", "金额"], ["王芳", "12"]])
    }

    @Test func gb18030IsDetectedAndConvertedToUTF8() throws {
        // "王芳,销售" in GB18030 (as Excel on Chinese Windows writes it).
        let bytes: [UInt8] = Array("name,role\n".utf8) + [0xCD, 0xF5, 0xB7, 0xBC, 0x2C, 0xCF, 0xFA, 0xCA, 0xDB, 0x0A]
        #expect(try records(bytes) == [["name", "role"], ["王芳", "销售"]])
        #expect(try records(bytes, encoding: .gb18030) == [["name", "role"], ["王芳", "销售"]])
    }

    @Test func invalidUTF8IsAnErrorWhenUTF8IsDeclared() throws {
        let bytes: [UInt8] = Array("a\nok\n".utf8) + [0xCD, 0xF5, 0x0A]
        #expect {
            try records(bytes, encoding: .utf8)
        } throws: { error in
            (error as? SourceError)?.description
                == "t.csv:3: the file is not valid UTF-8 (first bad byte on line 3); declare "
                + "encoding = \"gb18030\" if it was saved by Excel on Chinese Windows"
        }
    }

    @Test func unterminatedQuoteNamesTheLineItOpenedOn() throws {
        #expect {
            try records(Array("a,b\n1,\"open\n2,3\n".utf8))
        } throws: { error in
            (error as? SourceError)?.description
                == "t.csv:2: a quoted field opened on line 2 is never closed"
        }
    }

    @Test func fieldsOfEveryLengthAroundWordBoundariesAreCut() throws {
        // Delimiters, CR and LF at every offset of an 8-byte word, and a last field that ends
        // the text without a newline.
        var expected: [[String]] = []
        var text = ""
        for row in 0..<40 {
            let fields = (0..<(row % 5 + 1)).map { String(repeating: "é", count: ($0 * 3 + row) % 11) + "x\($0)" }
            expected.append(fields)
            text += fields.joined(separator: ";") + (row % 3 == 0 ? "\r\n" : "\n")
        }
        text += "tail;" + String(repeating: "y", count: 13)
        expected.append(["tail", String(repeating: "y", count: 13)])
        var reader = try CSVReader(
            bytes: Array(text.utf8), path: "t.csv", dialect: CSVDialect(delimiter: UInt8(ascii: ";")))
        var rows: [[String]] = []
        try reader.forEachRecord { record in
            rows.append((0..<record.count).map { record.string(at: $0) })
            return true
        }
        #expect(rows == expected)
    }

    @Test func utf8IsCheckedAtEveryOffsetOfALongASCIIRun() {
        for offset in 0..<70 {
            let ascii = [UInt8](repeating: UInt8(ascii: "a"), count: offset)
            let valid = ascii + Array("王芳é".utf8) + ascii
            #expect(valid.withUnsafeBytes { Transcoder.isValidUTF8($0) }, "\(offset)")
            let invalid = ascii + [0xCD, 0xF5] + ascii
            #expect(!invalid.withUnsafeBytes { Transcoder.isValidUTF8($0) }, "\(offset)")
            let cut = ascii + Array(Array("王".utf8).prefix(2))
            #expect(!cut.withUnsafeBytes { Transcoder.isValidUTF8($0) }, "\(offset)")
        }
    }

    @Test func blankLinesAreSkippedAndLinesCountEmbeddedNewlines() throws {
        var reader = try CSVReader(bytes: Array("h\n\"x\ny\"\n\nz\n".utf8), path: "t.csv")
        var lines: [Int] = []
        try reader.forEachRecord { record in
            lines.append(record.line)
            return true
        }
        #expect(lines == [1, 2, 5])
    }
}
