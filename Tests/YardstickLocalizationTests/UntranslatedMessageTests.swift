import Foundation
import Testing
import YardstickTestSupport

/// No user-facing message in the sources bypasses `tr`: every literal a message-making call
/// takes (`report(line, "…")`, `fail("…")`, `…Error("…")`, `message: "…"`) is a `tr` key, so
/// it has a Chinese translation (``CatalogCompletenessTests``). Decision 0038.
@Suite struct UntranslatedMessageTests {
    /// The deliberate exceptions (decision 0038), each a source file and a prefix of the
    /// literal (as written, quotes included), with the reason.
    static let allowed: [(file: String, literal: String, why: String)] = [
        // Lua's own argument-error wording, raised into scripts like Lua's built-ins do.
        ("LuaRuntime/HostError.swift", "\"bad argument #", "Lua-style error raised into a script"),
        // Raised into Lua by the host bridge, where a script's `pcall` sees them.
        ("LuaRuntime/LuaVM+Host.swift", "\"unknown host function", "raised into Lua"),
        ("LuaRuntime/LuaVM+Host.swift", "\"not enough memory", "raised into Lua"),
        // The bytecode reader's failures end as an indicator's read analysis in `--timings`.
        ("LuaRuntime/LuaPrototype.swift", "\"", "bytecode analysis, shown in --timings only"),
        // A damaged snapshot is rebuilt silently; the reason appears in `--timings` only.
        ("YardstickData/Snapshot/ColumnCodec.swift", "\"", "snapshot decoding, --timings only"),
        ("YardstickData/Snapshot/DatasetCodec.swift", "\"", "snapshot decoding, --timings only"),
        ("YardstickData/Snapshot/DateIndexCodec.swift", "\"", "snapshot decoding, --timings only"),
        ("YardstickData/Snapshot/ReferenceIndexCodec.swift", "\"", "snapshot decoding, --timings only"),
        ("YardstickData/Snapshot/StringDictionaryCodec.swift", "\"", "snapshot decoding, --timings only"),
        ("YardstickData/Snapshot/TableCodec.swift", "\"", "snapshot decoding, --timings only"),
        ("YardstickData/Snapshot/ValidityCodec.swift", "\"", "snapshot decoding, --timings only"),
        ("YardstickData/Snapshot/SnapshotDecoder.swift", "\"", "snapshot decoding, --timings only"),
        ("YardstickData/Snapshot/SnapshotBlockReader.swift", "\"", "snapshot decoding, --timings only"),
        ("YardstickData/Snapshot/SnapshotFile.swift", "\"its end block", "snapshot decoding, --timings only"),
        ("YardstickData/Snapshot/SnapshotFile.swift", "\"not a snapshot file", "snapshot decoding, --timings only"),
        ("YardstickData/Snapshot/SnapshotFile.swift", "\"cannot read its size", "snapshot decoding, --timings only"),
        ("YardstickData/Snapshot/SnapshotFile.swift", "\"cannot open: ", "snapshot decoding, --timings only"),
        // A model comparison's old and new values are data, written to its CSV/JSON (locale-free).
        ("YardstickScorecard/Evolution/DefinitionChange.swift", "\"", "comparison values, written to CSV/JSON"),
        // A custom scoring function's failure is a score's missing reason, written to CSV/JSON.
        (
            "YardstickScoring/Functions/ScoringFunction+Evaluation.swift", "\"\\(function.identifier) returned",
            "missing reason"
        ),
        // The interruption hook exists for tests only.
        ("YardstickData/Snapshot/SnapshotInterruption.swift", "\"write interrupted", "test hook"),
    ]

    /// The findings in every Swift file under Sources (outside YardstickLocalization), with
    /// their file.
    static let sourceFindings: [(file: String, finding: MessageLiteralScanner.Finding)] = {
        var found: [(String, MessageLiteralScanner.Finding)] = []
        let root = RepositoryRoot.path("Sources")
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift"), !relative.hasPrefix("YardstickLocalization/"),
                let text = try? String(contentsOfFile: root + "/" + relative, encoding: .utf8)
            else { continue }
            for finding in MessageLiteralScanner.findings(in: text) { found.append((relative, finding)) }
        }
        return found
    }()

    static func isAllowed(_ file: String, _ finding: MessageLiteralScanner.Finding) -> Bool {
        allowed.contains { $0.file == file && finding.literal.hasPrefix($0.literal) }
    }

    @Test func noUserFacingMessageBypassesTr() {
        let bypassing = Self.sourceFindings.filter { !Self.isAllowed($0.file, $0.finding) }
        #expect(
            bypassing.isEmpty,
            "wrap these in tr(…) and add their Chinese: \(bypassing.map { "\($0.file) \($0.finding)" })")
    }

    @Test func everyAllowlistEntryStillMatchesAMessage() {
        for entry in Self.allowed {
            let matched = Self.sourceFindings.contains {
                $0.file == entry.file && $0.finding.literal.hasPrefix(entry.literal)
            }
            #expect(matched, "stale allowlist entry: \(entry.file) \(entry.literal)")
        }
    }

    @Test func theScannerFlagsEachMessageShapeOutsideTr() {
        let planted = #"""
            report(line, "the weight must be a number")
            throw PackError(
                .invalidManifest,
                "expected 5 fields, found \(count)", file: file)
            problems.append(Problem(message: "a planted message"))
            throw fail("per \"\(name)\" is not a grain" + " name")
            throw Reason(fiscal ? "FY needs a year" : "the year has four digits")
            throw table.error(at: "version", "missing or not a version")
            message = "the rows could not be read"
            """#
        let found = MessageLiteralScanner.findings(in: planted)
        #expect(
            found.map(\.shape) == [
                "report(", "PackError(", "message:", "fail(", "fail(", "Reason(", "Reason(", "error(", "message=",
            ])
        #expect(found.map(\.line) == [1, 4, 5, 6, 6, 7, 7, 8, 9])
        #expect(found[1].literal == #""expected 5 fields, found \(count)""#)
    }

    @Test func theScannerPassesTranslatedMessagesCommentsAndNonMessages() {
        let clean = #"""
            report(line, tr("the weight must be a number, not %@", shown(value)))
            throw PackError(.invalidManifest, tr("expected %@ fields", count), file: "pack.toml")
            // report(line, "a message in a comment")
            /* fail("a message in a block comment") */
            let label = "a plain label"
            fatalError("out of memory")
            table.error(at: "version", tr("missing or not a version"))
            problem(.code, ", ")
            if message == "a plain comparison" { return }
            """#
        #expect(MessageLiteralScanner.findings(in: clean).isEmpty)
    }

    @Test func proseNeedsAWordAndASpace() {
        #expect(MessageLiteralScanner.isProse(#""no value returned""#))
        #expect(!MessageLiteralScanner.isProse(#""id""#))
        #expect(!MessageLiteralScanner.isProse(#"", ""#))
        #expect(!MessageLiteralScanner.isProse(#""\(owner) \(key)""#))
        #expect(!MessageLiteralScanner.isProse(#""\(key).fields.\(name)""#))
        #expect(MessageLiteralScanner.isProse(#""\(owner) has no weight""#))
    }
}
