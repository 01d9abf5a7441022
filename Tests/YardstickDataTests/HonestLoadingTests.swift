import Foundation
import Testing

@testable import YardstickData

/// `--lenient` skips bad rows only: a file that cannot be loaded as a whole fails the load, and
/// every skipped row is named.
@Suite struct HonestLoadingTests {
    static let toml = """
        [sources.data]
        path = "data"
        [entities.opportunities]
        file = "deals.csv"
        [entities.opportunities.fields]
        id = "Deal ID"
        amount = "Value"
        """

    static let tail =
        "\n1 file could not be loaded; nothing was loaded. Fix the file or the mapping "
        + "(--lenient skips bad rows, never whole files)."

    @Test func unterminatedQuoteFailsALenientLoadNamingTheFileAndLine() throws {
        let workspace = try TemporaryWorkspace(
            toml: Self.toml, text: ["deals.csv": "Deal ID,Value\nD1,1\nD2,\"2\nD3,3\n"])
        #expect(
            try workspace.loadFailure()
                == "data/deals.csv:3: a quoted field opened on line 3 is never closed" + Self.tail)
    }

    @Test func duplicateHeaderNameFailsALenientLoadNamingTheColumn() throws {
        let workspace = try TemporaryWorkspace(
            toml: Self.toml, text: ["deals.csv": "Deal ID,Value,Note,value\nD1,1,x,2\n"])
        #expect(
            try workspace.loadFailure()
                == "data/deals.csv:1:value: the header names column \"value\" twice (columns 2 and 4); rename one"
                + Self.tail)
    }

    @Test func strictLoadWithAnUnloadableFileSaysSo() throws {
        let workspace = try TemporaryWorkspace(
            toml: Self.toml, text: ["deals.csv": "Deal ID,Value\nD1,x\nD2,\"2\n"])
        #expect(
            try workspace.loadFailure(lenient: false)
                == "data/deals.csv:3: a quoted field opened on line 3 is never closed\n"
                + "data/deals.csv:2:Value (amount): expected a decimal number (at most 4 decimal places), "
                + "found \"x\"\n1 file could not be loaded; nothing was loaded. Fix the file or the mapping.")
    }

    @Test func unnamedColumnsMayRepeat() throws {
        let workspace = try TemporaryWorkspace(
            toml: Self.toml, text: ["deals.csv": "Deal ID,Value,,\nD1,1,,\n"])
        #expect(try workspace.loadFailure() == nil)
    }

    @Test func emptyFileFailsALenientLoad() throws {
        let workspace = try TemporaryWorkspace(toml: Self.toml, text: ["deals.csv": ""])
        #expect(try workspace.loadFailure() == "data/deals.csv: the file is empty (no header row)" + Self.tail)
    }

    @Test func missingMappedColumnFailsALenientLoad() throws {
        let workspace = try TemporaryWorkspace(toml: Self.toml, text: ["deals.csv": "Deal ID\nD1\n"])
        #expect(
            try workspace.loadFailure()
                == "data/deals.csv:Value (amount): no column \"Value\" in this file (columns: Deal ID)" + Self.tail)
    }

    @Test func aFileThatFeedsNoFieldFailsTheLoadInsteadOfLoadingNoRows() throws {
        let toml = """
            [sources.data]
            path = "data"
            [entities.opportunities]
            file = "deals.csv"
            """
        let workspace = try TemporaryWorkspace(toml: toml, text: ["deals.csv": "Deal,Status\nd1,won\nd2,lost\n"])
        #expect(
            try workspace.loadFailure()
                == "data/deals.csv: no column of this file maps to a field of opportunities (columns: Deal, Status); "
                + "map them in [entities.opportunities.fields] or name them as the vocabulary does" + Self.tail)
        #expect(try workspace.loadFailure(lenient: false) != nil)
    }

    @Test func unreadableFileFailsALenientLoad() throws {
        let workspace = try TemporaryWorkspace(toml: Self.toml)
        try FileManager.default.createDirectory(
            atPath: workspace.directory + "/data/deals.csv", withIntermediateDirectories: true)
        #expect(try workspace.loadFailure() == "data/deals.csv: cannot read the file" + Self.tail)
    }

    @Test func lenientLoadKeepsEverySkippedRowWhenAskedTo() throws {
        let rows = (1...30).map { "D\($0),bad\($0)" }.joined(separator: "\n")
        let workspace = try TemporaryWorkspace(
            toml: Self.toml, text: ["deals.csv": "Deal ID,Value\nD0,1\n" + rows + "\n"])
        let options = LoadOptions(lenient: true, problemSampleSize: .max)
        let (dataset, report) = try DataLoader(workspace: workspace.open(), options: options).load()
        #expect(dataset["opportunities"]?.rowCount == 1)
        #expect(report.rejectedRows == 30)
        #expect(report.rejectedProblems.count == 30)
        #expect(report.rejectedProblems.last?.row == 32)
    }

    @Test func anIdFirstSeenOnARejectedRowStillFindsItsKeptRow() throws {
        let workspace = try TemporaryWorkspace(
            toml: Self.toml, text: ["deals.csv": "Deal ID,Value\nD1,x\nD1,1\nD2,2\nD2,3\n"])
        let (dataset, _) = try workspace.load(lenient: true)
        let table = try #require(dataset["opportunities"])
        #expect(table.row(forKey: "D1") == 0)
        #expect(table.row(forKey: "D2") == 1)
        #expect(table.duplicateKeys.map { [$0.row, $0.firstRow] } == [[2, 1]])
    }

    @Test func rejectsFileListsEachSkippedRowWithItsValue() throws {
        let workspace = try TemporaryWorkspace(
            toml: Self.toml,
            text: ["deals.csv": "Deal ID,Value\nD1,1\nD2,\"1,5\"\n,3\nD4\nD5,\"say \"\"hi\"\"\"\n"])
        let options = LoadOptions(lenient: true, problemSampleSize: .max)
        let (_, report) = try DataLoader(workspace: workspace.open(), options: options).load()
        let expected = [
            "file,row,column,field,value,message",
            #"data/deals.csv,3,Value,amount,"1,5","expected a decimal number (at most 4 decimal places), found ""1,5""""#,
            "data/deals.csv,4,Deal ID,id,,required field is empty",
            #"data/deals.csv,5,,,,"expected 2 fields as in the header, found 1""#,
            #"data/deals.csv,6,Value,amount,"say ""hi""","expected a decimal number (at most 4 decimal places), "#
                + #"found ""say ""hi""""""#,
        ]
        #expect(RejectsFile.csv(report) == expected.joined(separator: "\n") + "\n")
    }

    @Test func aNulByteRejectsItsRowWithFileRowAndColumn() throws {
        let workspace = try TemporaryWorkspace(
            toml: Self.toml, files: ["deals.csv": Array("Deal ID,Value\nD1,1\nD2,1\u{0}2\nD3,3\n".utf8)])
        let (dataset, report) = try workspace.load(lenient: true)
        #expect(dataset["opportunities"]?.rowCount == 2)
        #expect(
            report.rejectedProblems.map(\.description) == [
                "data/deals.csv:3:Value (amount): a NUL byte in the value \"1\\02\""
            ])
        #expect(report.rejectedProblems.first?.value == "1\u{0}2")
    }

    @Test func aNulByteInAnUnmappedColumnStillRejectsTheRow() throws {
        let workspace = try TemporaryWorkspace(
            toml: Self.toml, files: ["deals.csv": Array("Deal ID,Value,Note\nD1,1,a\u{0}\n".utf8)])
        let (_, report) = try workspace.load(lenient: true)
        #expect(
            report.rejectedProblems.map(\.description) == ["data/deals.csv:2:Note: a NUL byte in the value \"a\\0\""])
    }

    @Test func aNulByteInTheHeaderFailsTheFile() throws {
        let workspace = try TemporaryWorkspace(
            toml: Self.toml, files: ["deals.csv": Array("Deal ID,Value,N\u{0}te\nD1,1,a\n".utf8)])
        #expect(
            try workspace.loadFailure()
                == "data/deals.csv:1: a NUL byte in the header, in column 3 (\"N\\0te\")" + Self.tail)
    }

    @Test func aNulByteInAGB18030FileIsFound() throws {
        // "王芳" in GB18030, then a NUL.
        let bytes: [UInt8] = Array("Deal ID,Value\n".utf8) + [0xCD, 0xF5, 0xB7, 0xBC] + Array(",1\u{0}\n".utf8)
        let workspace = try TemporaryWorkspace(toml: Self.toml, files: ["deals.csv": bytes])
        let (_, report) = try workspace.load(lenient: true)
        #expect(report.entities["opportunities"]?.encodings == ["data/deals.csv": "gb18030"])
        #expect(
            report.rejectedProblems.map(\.description) == [
                "data/deals.csv:2:Value (amount): a NUL byte in the value \"1\\0\""
            ])
    }

    @Test func utf8WithAFewBadBytesIsAnErrorNotGB18030() throws {
        let bytes = Array("Deal ID,Value\nJosé,1\nD2,".utf8) + [0xFF] + Array("2\nZoë,3\n".utf8)
        let workspace = try TemporaryWorkspace(toml: Self.toml, files: ["deals.csv": bytes])
        #expect(
            try workspace.loadFailure()
                == "data/deals.csv:3: the file is UTF-8 but has 1 invalid byte (on line 3); fix those bytes "
                + "(reading the whole file as GB18030 would garble its UTF-8 text), or declare "
                + "encoding = \"gb18030\" if it really is GB18030" + Self.tail)
    }

    @Test func badBytesOnSeveralLinesAreCountedAndListed() throws {
        var bytes = Array("Deal ID,Value\n".utf8)
        for line in 0..<8 {
            bytes += Array("Zoë\(line),".utf8) + (line % 2 == 0 ? [0xC3, 0x28] : Array("1".utf8)) + [0x0A]
        }
        let workspace = try TemporaryWorkspace(toml: Self.toml, files: ["deals.csv": bytes])
        let failure = try #require(try workspace.loadFailure())
        #expect(
            failure.hasPrefix("data/deals.csv:2: the file is UTF-8 but has 4 invalid bytes (on lines 2, 4, 6, 8); "))
    }

    @Test func aFileThatIsNotUTF8IsReadAsGB18030AndSaysSo() throws {
        // "王芳,销售" in GB18030.
        let bytes: [UInt8] =
            Array("Deal ID,Value\n".utf8) + [0xCD, 0xF5, 0xB7, 0xBC] + Array(",1\n".utf8)
        let workspace = try TemporaryWorkspace(toml: Self.toml, files: ["deals.csv": bytes])
        let (dataset, report) = try workspace.load()
        #expect(dataset["opportunities"]?.key(ofRow: 0) == "王芳")
        #expect(report.entities["opportunities"]?.encodings == ["data/deals.csv": "gb18030"])
    }

    @Test func utf8FilesSayUTF8() throws {
        let workspace = try TemporaryWorkspace(toml: Self.toml, text: ["deals.csv": "Deal ID,Value\nJosé,1\n"])
        let (dataset, report) = try workspace.load()
        #expect(dataset["opportunities"]?.key(ofRow: 0) == "José")
        #expect(report.entities["opportunities"]?.encodings == ["data/deals.csv": "utf-8"])
    }
}

/// The rule that tells damaged UTF-8 from text in another encoding.
@Suite struct EncodingCensusTests {
    func census(_ bytes: [UInt8]) -> Transcoder.UTF8Census {
        bytes.withUnsafeBytes { Transcoder.classifyUTF8($0) }
    }

    @Test func chineseGB18030TextIsNotDamagedUTF8() {
        // "销售部门的王芳和李娜负责华东地区客户，每月回款目标为一百万元。" in GB18030: a few byte
        // pairs (C3 BF, C2 BB…) are valid UTF-8 by chance.
        let bytes: [UInt8] = [
            0xCF, 0xFA, 0xCA, 0xDB, 0xB2, 0xBF, 0xC3, 0xC5, 0xB5, 0xC4, 0xCD, 0xF5, 0xB7, 0xBC, 0xBA, 0xCD,
            0xC0, 0xEE, 0xC4, 0xC8, 0xB8, 0xBA, 0xD4, 0xF0, 0xBB, 0xAA, 0xB6, 0xAB, 0xB5, 0xD8, 0xC7, 0xF8,
            0xBF, 0xCD, 0xBB, 0xA7, 0xA3, 0xAC, 0xC3, 0xBF, 0xD4, 0xC2, 0xBB, 0xD8, 0xBF, 0xEE, 0xC4, 0xBF,
            0xB1, 0xEA, 0xCE, 0xAA, 0xD2, 0xBB, 0xB0, 0xD9, 0xCD, 0xF2, 0xD4, 0xAA, 0xA1, 0xA3,
        ]
        let result = census(bytes)
        #expect(result.multiByte > 0)
        #expect(result.invalid > result.multiByte)
        #expect(!result.isDamagedUTF8)
    }

    @Test func latinTextWithOneBadByteIsDamagedUTF8() {
        let result = census(Array("José\n".utf8) + [0xFF, 0x0A])
        #expect(result == Transcoder.UTF8Census(multiByte: 1, invalid: 1, invalidLines: [2], lineCount: 1))
        #expect(result.isDamagedUTF8)
    }

    @Test func asciiWithOneBadByteIsNotClaimedAsUTF8() {
        #expect(!census(Array("Jos".utf8) + [0xE9]).isDamagedUTF8)
    }

    @Test func theScanFindsNulBytesInEveryPosition() {
        for length in [1, 7, 8, 9, 31, 32, 33, 64, 100] {
            for position in 0..<length {
                var bytes = [UInt8](repeating: 0x41, count: length)
                bytes[position] = 0
                let scan = bytes.withUnsafeBytes { Transcoder.scanUTF8($0) }
                #expect(scan.isValid && scan.containsNUL, "length \(length), NUL at \(position)")
            }
            let clean = [UInt8](repeating: 0x41, count: length).withUnsafeBytes { Transcoder.scanUTF8($0) }
            #expect(clean.isValid && !clean.containsNUL)
        }
    }
}

/// Values shown to people: control characters escaped, long values cut.
@Suite struct DisplayTextTests {
    @Test func controlCharactersAreEscaped() {
        #expect(DisplayText.escaped("a\nb\rc\td\u{0}e\u{1B}[2Jf\u{7F}") == "a\\nb\\rc\\td\\0e\\u{1B}[2Jf\\u{7F}")
        #expect(DisplayText.escaped("José 王芳") == "José 王芳")
    }

    @Test func longValuesAreCutToEightyCharacters() {
        let long = String(repeating: "x", count: 1000)
        #expect(DisplayText.example(long) == String(repeating: "x", count: 80) + "… (1000 bytes)")
        #expect(DisplayText.example(String(repeating: "y", count: 80)) == String(repeating: "y", count: 80))
        let bytes = Array(long.utf8)
        #expect(
            bytes.withUnsafeBytes { DisplayText.example(bytes: $0) }
                == String(repeating: "x", count: 80) + "… (1000 bytes)")
    }
}
