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
