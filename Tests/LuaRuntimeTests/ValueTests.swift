import LuaRuntime
import Testing

@Suite("Values")
struct ValueTests {
    @Test func scalarsRoundTrip() throws {
        let values: [LuaValue] = [
            .nil, .boolean(true), .boolean(false), .integer(Int64.min), .integer(42),
            .number(0.5), .number(-Double.infinity), .number(1.0), "", "héllo\u{0}world",
        ]
        let results = try withVM { vm in try vm.run("return ...", values) }
        #expect(results == values)
        #expect(results[7] == .number(1.0))
    }

    @Test func nestedTableRoundTrips() throws {
        let value: LuaValue = [
            "name": "deals", "weights": [0.25, 0.75], "nested": ["deep": ["x": 1]],
            .integer(100): true, .boolean(true): "yes", .number(2.5): "half",
        ]
        let results = try withVM { vm in try vm.run("return ...", [value]) }
        #expect(results == [value])
    }

    @Test func arrayPartStopsAtFirstNil() throws {
        let results = try withVM { vm in try vm.run("return {1, 2, nil, 4}") }
        let table = try #require(results.first?.tableValue)
        #expect(table.array == [1, 2])
        #expect(table[4] == 4)
    }

    @Test func cyclicTableIsALimitError() throws {
        try expectFailure(
            "local t = {} t.self = t return t", kind: .limit, containing: "cyclic table")
    }

    @Test func sharedSubtablesAreNotCycles() throws {
        let results = try withVM { vm in try vm.run("local s = {1} return {s, s}") }
        #expect(results == [[[1], [1]]])
    }

    @Test func deepNestingIsALimitError() throws {
        try expectFailure(
            "local t = {} for i = 1, 100000 do t = {t} end return t", kind: .limit,
            containing: "nesting deeper than 64")
    }

    @Test func tooManyElementsIsALimitError() throws {
        var limits = LuaLimits.testing
        limits.maxValueElements = 1_000
        try expectFailure(
            "local t = {} for i = 1, 5000 do t[i] = i end return t", kind: .limit,
            containing: "more than 1000 elements", limits: limits)
    }

    @Test func unsupportedKeyIsAConversionError() throws {
        try expectFailure(
            "return {[{}] = 1}", kind: .conversion, containing: "table key of type table")
    }

    @Test func resultsAreReadRawWithoutMetamethods() throws {
        let results = try withVM { vm in
            try vm.run(
                """
                local loop = function() while true do end end
                return setmetatable({a = 1}, {__index = loop, __len = loop, __pairs = loop})
                """)
        }
        #expect(results == [["a": 1]])
    }

    @Test func returnedFunctionsCanBeCalled() throws {
        let results = try withVM { vm throws -> [LuaValue] in
            let made = try vm.run("return function(x) return x * 2 end")
            guard let double = made.first?.functionValue else { return [] }
            return try vm.call(double, [21])
        }
        #expect(results == [.integer(42)])
    }

    @Test func functionOfAnotherVMIsRejected() throws {
        let error = try withVM { vm throws -> LuaError? in
            let other = try LuaVM(limits: .testing)
            let foreign = try other.load("return 1", chunkName: "other.lua")
            do {
                _ = try vm.call(foreign)
                return nil
            } catch let error as LuaError {
                return error
            }
        }
        #expect(error?.kind == .hostAPI)
    }

    @Test func invalidUTF8IsRepaired() throws {
        let results = try withVM { vm in try vm.run("return '\\255ok'") }
        #expect(results == ["\u{FFFD}ok"])
    }

    @Test func swiftTableSubscriptKeepsSequencesInArray() {
        var table = LuaTable()
        table[1] = "a"
        table[2] = "b"
        table["k"] = 3
        #expect(table.array == ["a", "b"])
        #expect(table.hash == ["k": 3])
    }
}
