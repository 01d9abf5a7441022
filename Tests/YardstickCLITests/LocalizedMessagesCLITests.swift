import Foundation
import Testing
import YardstickTestSupport

/// The command line in Chinese: real failing cases under `--locale zh-CN` name their place in
/// Chinese, the language is chosen by flag, then workspace, then environment, and the machine
/// formats do not change.
@Suite struct LocalizedMessagesCLITests {
    /// The small workspace with `yardstick.toml` replaced by `toml` and extra files.
    static func workspace(toml: String? = nil, files: [String: String] = [:]) throws -> TemporaryDirectory {
        let folder = try SmallWorkspace.create()
        if let toml { try folder.write(toml, to: "yardstick.toml") }
        for (path, text) in files { try folder.write(text, to: path) }
        return folder
    }

    /// The small workspace's mapping with opportunities' `closed_at` read from a column named
    /// `won_on`, so that a bad value names both the column and the field.
    static let renamedColumnToml =
        SmallWorkspace.toml + "[entities.opportunities.fields]\nclosed_at = \"won_on\"\n"

    @Test func aBadDateNamesFileRowColumnAndFieldInChinese() throws {
        let opportunities = """
            id,owner,stage,amount,created_at,won_on
            o1,u1,won,100.10,2026-09-01,2026-10-05
            o2,u1,won,200.20,2026-09-15,2026-13-45

            """
        let temporary = try Self.workspace(
            toml: Self.renamedColumnToml, files: ["data/opportunities.csv": opportunities])
        defer { withExtendedLifetime(temporary) {} }
        let outcome = try CLI.run(["run", "--workspace", temporary.path, "--period", "2026-10", "--locale", "zh-CN"])
        #expect(outcome.status == 2)
        #expect(
            outcome.stderr == """
                错误：data/opportunities.csv 第 3 行，列 won_on（字段 closed_at）：应为日期（ISO 8601），实际为 "2026-13-45"
                1 个错误行；未加载任何数据。请修正数据或映射，或加上 --lenient 只加载正确的行。

                """)
    }

    @Test func aLenientLoadSaysInChineseWhatItSkipped() throws {
        let opportunities = """
            id,owner,stage,amount,created_at,closed_at
            o1,u1,won,lots,2026-09-01,2026-10-05

            """
        let temporary = try Self.workspace(files: ["data/opportunities.csv": opportunities])
        defer { withExtendedLifetime(temporary) {} }
        let outcome = try CLI.run([
            "run", "--workspace", temporary.path, "--period", "2026-10", "--locale", "zh-CN", "--lenient",
        ])
        #expect(outcome.status == 0)
        #expect(
            outcome.stderr == """
                已跳过：data/opportunities.csv 第 2 行，列 amount：应为小数（最多 4 位小数），实际为 "lots"
                警告：跳过了 1 个错误行

                """)
    }

    @Test func anUnknownIndicatorIsAChineseUsageError() throws {
        let temporary = try SmallWorkspace.create()
        defer { withExtendedLifetime(temporary) {} }
        let outcome = try CLI.run([
            "run", "--workspace", temporary.path, "--period", "2026-10", "--indicators", "no_such", "--locale",
            "zh-CN",
        ])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("错误："), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("no_such"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("error:"), "\(outcome.stderr)")
    }

    @Test func aLuaErrorKeepsItsFileAndLineInTheChineseSummary() throws {
        let bad =
            "return indicator { id = \"bad\", per = \"user\",\n  value = function(s)\n    error(\"no quota\")\n  end }\n"
        let temporary = try Self.workspace(files: ["indicators/bad.lua": bad])
        defer { withExtendedLifetime(temporary) {} }
        let outcome = try CLI.run(["run", "--workspace", temporary.path, "--period", "2026-10", "--locale", "zh-CN"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "错误：bad 在 2026-10 对 3 个员工 计算失败：indicators/bad.lua:3: no quota\n")
    }

    @Test func aBadPeriodIsExplainedInChinese() throws {
        let temporary = try SmallWorkspace.create()
        defer { withExtendedLifetime(temporary) {} }
        let outcome = try CLI.run(["run", "--workspace", temporary.path, "--period", "2026-13", "--locale", "zh-CN"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("错误：\"2026-13\" 不是周期：月份必须是 01 到 12。可用的写法：2026-10（月）、"))
    }

    @Test func aWorkspaceErrorIsChineseBeforeAnyDataIsRead() throws {
        let temporary = try Self.workspace(toml: "[workspace]\nlocale = \"fr\"\n")
        defer { withExtendedLifetime(temporary) {} }
        let outcome = try CLI.run(["check", "--workspace", temporary.path], locale: ["LANG": "zh_CN.UTF-8"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "错误：yardstick.toml: workspace.locale: locale 必须是 \"en\" 或 \"zh-CN\"\n")
    }

    // MARK: - Which language

    static let chineseWorkspaceToml = SmallWorkspace.toml.replacingOccurrences(
        of: "name = \"Small\"\n", with: "name = \"Small\"\nlocale = \"zh-CN\"\n")

    static let englishWorkspaceToml = chineseWorkspaceToml.replacingOccurrences(of: "zh-CN", with: "en")

    /// `--period 2026-13` in `toml`'s workspace with `arguments` and `environment`: the first
    /// word of the message tells the language.
    static func language(toml: String?, arguments: [String], environment: [String: String]) throws -> String {
        let temporary = try Self.workspace(toml: toml)
        defer { withExtendedLifetime(temporary) {} }
        let outcome = try CLI.run(
            ["run", "--workspace", temporary.path, "--period", "2026-10", "--indicators", "no_such"] + arguments,
            locale: environment)
        if outcome.stderr.hasPrefix("错误：") { return "zh" }
        if outcome.stderr.hasPrefix("error: ") { return "en" }
        return "?" + outcome.stderr
    }

    @Test func theFlagBeatsTheWorkspace() throws {
        #expect(
            try Self.language(toml: Self.chineseWorkspaceToml, arguments: ["--locale", "en"], environment: [:]) == "en")
        #expect(
            try Self.language(toml: Self.englishWorkspaceToml, arguments: ["--locale", "zh-CN"], environment: [:])
                == "zh")
    }

    @Test func theWorkspaceBeatsTheEnvironment() throws {
        #expect(
            try Self.language(toml: Self.englishWorkspaceToml, arguments: [], environment: ["LANG": "zh_CN.UTF-8"])
                == "en")
        #expect(
            try Self.language(toml: Self.chineseWorkspaceToml, arguments: [], environment: ["LANG": "en_US.UTF-8"])
                == "zh")
    }

    @Test func theEnvironmentDecidesWhenTheWorkspaceSetsNoLocale() throws {
        #expect(try Self.language(toml: nil, arguments: [], environment: ["LANG": "zh_CN.UTF-8"]) == "zh")
        #expect(
            try Self.language(toml: nil, arguments: [], environment: ["LC_ALL": "zh_CN.UTF-8", "LANG": "C"]) == "zh")
        #expect(
            try Self.language(toml: nil, arguments: [], environment: ["LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"])
                == "en")
        #expect(try Self.language(toml: nil, arguments: [], environment: [:]) == "en")
    }

    @Test func anUnknownLocaleFlagIsRejected() throws {
        let temporary = try SmallWorkspace.create()
        defer { withExtendedLifetime(temporary) {} }
        let outcome = try CLI.run(["check", "--workspace", temporary.path, "--locale", "fr"])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("--locale fr: expected en or zh-CN"), "\(outcome.stderr)")
    }

    // MARK: - Machine formats and tables

    @Test(arguments: ["csv", "json"])
    func machineFormatsAreTheSameBytesInChinese(format: String) throws {
        let temporary = try SmallWorkspace.create()
        defer { withExtendedLifetime(temporary) {} }
        let base = ["run", "--workspace", temporary.path, "--period", "2026-10", "--format", format]
        let english = try CLI.run(base + ["--locale", "en"])
        let chinese = try CLI.run(base + ["--locale", "zh-CN"])
        #expect(english.status == 0)
        #expect(!english.stdout.isEmpty)
        // The run's time (`generated_at` in JSON) is the only byte allowed to differ.
        let normalizer = GoldenOutputNormalizer(temporaryPath: temporary.path)
        #expect(normalizer.normalize(chinese.stdout) == normalizer.normalize(english.stdout))
    }

    @Test func checkInChineseAlignsItsWideHeaders() throws {
        let temporary = try SmallWorkspace.create()
        defer { withExtendedLifetime(temporary) {} }
        let outcome = try CLI.run(["check", "--workspace", temporary.path, "--locale", "zh-CN"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "工作区：Small")
        #expect(lines.last(where: { !$0.isEmpty }) == "未发现问题（* 表示自定义字段）。")
        // The summary table: header and rows end at the same terminal column.
        let header = try #require(lines.firstIndex { $0.hasPrefix("实体") })
        let width = Self.cells(lines[header])
        #expect(Self.cells(lines[header + 2]) == width, "\(lines[header])\n\(lines[header + 2])")
        #expect(lines[header].contains("最早日期"))
    }

    /// Terminal cells of a line: CJK characters and full-width punctuation take two.
    static func cells(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { total, scalar in
            let wide =
                (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFF00...0xFF60).contains(scalar.value) || (0xFFE0...0xFFE6).contains(scalar.value)
            return total + (wide ? 2 : 1)
        }
    }
}
