import LuaRuntime
import Testing

/// A prelude like the engine's: wraps host functions and publishes a read-only API.
private let prelude = """
    local host = __host
    local Decimal = {}
    Decimal.__index = Decimal
    Decimal.__add = function(a, b)
      return setmetatable({cents = a.cents + b.cents}, Decimal)
    end
    host.register_metatable("decimal", Decimal)
    host.install("yardstick", {
      double = host.double,
      sum = host.stats.sum,
      cents = function(d) return d.cents end,
    })
    """

private func withPrelude<T>(_ body: (LuaVM) throws -> T) throws -> T {
    try withVM { vm throws -> T in
        try vm.register("double") { args throws(HostError) in
            guard let x = args.first?.numberValue else {
                throw .badArgument(1, of: "double", expected: "number", got: args.first)
            }
            return [.number(x * 2)]
        }
        try vm.register("sum", in: "stats") { args throws(HostError) in
            guard let table = args.first?.tableValue else {
                throw .badArgument(1, of: "sum", expected: "table", got: args.first)
            }
            let total = table.array.compactMap(\.numberValue).reduce(0, +)
            return [["total": .number(total), "count": .integer(Int64(table.array.count))]]
        }
        _ = try vm.call(try vm.loadTrusted(prelude, chunkName: "=prelude"))
        return try body(vm)
    }
}

@Suite("Host functions")
struct HostFunctionTests {
    @Test func untrustedCodeCallsInstalledHostFunction() throws {
        let results = try withPrelude { vm in try vm.run("return yardstick.double(21)") }
        #expect(results == [.number(42)])
    }

    @Test func hostFunctionTakesAndReturnsTables() throws {
        let results = try withPrelude { vm in
            try vm.run("local r = yardstick.sum({1, 2, 3.5}) return r.total, r.count")
        }
        #expect(results == [.number(6.5), .integer(3)])
    }

    @Test func wrongArgumentTypeIsAHostAPIError() throws {
        let error = try withPrelude { vm in
            vm.failure(of: "local x = 1\nreturn yardstick.double('x')", chunk: "pack/a.lua")
        }
        #expect(error?.kind == .hostAPI)
        #expect(error?.chunk == "pack/a.lua")
        #expect(error?.line == 2)
        #expect(error?.message == "bad argument #1 to 'double' (number expected, got string)")
    }

    @Test func scriptPcallCatchesHostErrors() throws {
        let results = try withPrelude { vm in
            try vm.run("local ok, e = pcall(yardstick.double) return ok, e")
        }
        #expect(results.first == .boolean(false))
        #expect(results.last?.stringValue?.contains("got no value") == true)
    }

    @Test func installedApiIsReadOnly() throws {
        let error = try withPrelude { vm in
            vm.failure(of: "yardstick.double = function() return 0 end")
        }
        #expect(error?.kind == .sandbox)
        #expect(error?.message.contains("read-only table 'yardstick'") == true)
    }

    @Test func namedMetatableIsAttachedWhenPushing() throws {
        let results = try withPrelude { vm in
            try vm.run(
                "local a, b = ... return yardstick.cents(a + b), a + b",
                [
                    .table(["cents": 150], metatable: "decimal"),
                    .table(["cents": 5], metatable: "decimal"),
                ])
        }
        #expect(results.first == .integer(155))
        #expect(results.last?.tableValue?.metatableName == "decimal")
    }

    @Test func registeredMetatableIsHiddenFromScripts() throws {
        let results = try withPrelude { vm in
            try vm.run(
                "local a = ... return getmetatable(a)", [.table([:], metatable: "decimal")])
        }
        #expect(results == [.boolean(false)])
    }

    @Test func unknownMetatableNameIsAHostAPIError() throws {
        let error = try withPrelude { vm throws -> LuaError? in
            let f = try vm.load("return ...", chunkName: "a.lua")
            do {
                _ = try vm.call(f, [.table([:], metatable: "nope")])
                return nil
            } catch let error as LuaError {
                return error
            }
        }
        #expect(error?.kind == .hostAPI)
        #expect(error?.message.contains("no metatable registered as 'nope'") == true)
    }

    @Test func installGlobalFromSwiftIsReadOnly() throws {
        let (value, error) = try withVM { vm in
            try vm.installGlobal("period", ["from": "2024-01-01", "to": "2024-03-31"])
            return (try vm.run("return period.from"), vm.failure(of: "period.from = 'x'"))
        }
        #expect(value == ["2024-01-01"])
        #expect(error?.kind == .sandbox)
    }

    @Test func nestedCallFromHostFunctionIsRefused() throws {
        let error = try withVM { vm throws -> LuaError? in
            try vm.register("reenter") { [unowned vm] _ throws(HostError) in
                do {
                    _ = try vm.run("return 1")
                } catch {
                    throw HostError("\(error)")
                }
                return []
            }
            try vm.installGlobal("dummy", 0)
            let f = try vm.loadTrusted("return __host.reenter()", chunkName: "t.lua")
            do {
                _ = try vm.call(f)
                return nil
            } catch let error as LuaError {
                return error
            }
        }
        #expect(error?.kind == .hostAPI)
        #expect(error?.message.contains("cannot") == true)
    }

    @Test func hostFunctionReceivesLuaCallbacks() throws {
        let results = try withVM { vm throws -> [LuaValue] in
            var stored: LuaFunction?
            try vm.register("keep") { args throws(HostError) in
                stored = args.first?.functionValue
                return []
            }
            let source = "__host.keep(function(x) return x + 1 end)"
            _ = try vm.call(try vm.loadTrusted(source, chunkName: "t.lua"))
            guard let stored else { return [] }
            return try vm.call(stored, [1])
        }
        #expect(results == [.integer(2)])
    }
}
