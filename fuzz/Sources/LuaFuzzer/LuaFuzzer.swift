import Foundation
import FuzzSupport
import LuaRuntime
import YardstickData
import YardstickEngine

/// libFuzzer entry point: fuzz bytes turned into two indicators (`fz` and `other`, which may
/// call each other through `k`) evaluated over ``LuaFixture``. See ``EvaluationProperties``.
/// With `YARDSTICK_FUZZ_SHOW` set, it prints the scripts (to read a crash's input).
@_cdecl("LLVMFuzzerTestOneInput")
public func luaFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let per = input.pick(["user", "team", "company", "account", "department", "nobody"])
    let unit = input.pick(["count", "money", "percent", "ratio", "days", "hours", "number", "furlongs"])
    let grains: [Grain] = input.pick([[.user], [.user, .team, .company], [.account], [.team, .department]])
    let period = input.pick([
        Period.month(year: 2026, month: 10), Period.quarter(year: 2026, quarter: 4), Period.day(20_392),
    ])
    var generator = ScriptGenerator(input)
    let first = generator.body()
    let second = generator.body()
    let sources = [
        Evaluator.Source(file: "indicators/fz.lua", text: indicator("fz", per: per, unit: unit, body: first)),
        Evaluator.Source(
            file: "indicators/other.lua", text: indicator("other", per: "user", unit: "count", body: second)),
    ]
    if ProcessInfo.processInfo.environment["YARDSTICK_FUZZ_SHOW"] != nil {
        var text = "-- per \(per), unit \(unit), grains \(grains.map(\.rawValue)), period \(period)\n"
        for source in sources { text += "-- \(source.file)\n\(source.text)\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }
    EvaluationProperties.check(
        sources: sources, periods: [period], grains: grains, compareModes: !generator.isHostile)
    return 0
}

/// One indicator file around a generated value-function body.
func indicator(_ id: String, per: String, unit: String, body: String) -> String {
    """
    return indicator {
      id = "\(id)", title = "\(id)", unit = "\(unit)", per = "\(per)",
      value = function(s, k)
    \(body)
      end
    }
    """
}
