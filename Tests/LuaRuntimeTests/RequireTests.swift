import LuaRuntime
import Testing

private let modules: [String: String] = [
    "util": "local M = {} function M.twice(x) return 2 * x end return M",
    "lib.named": "return (...)",
    "broken": "return {",
    "loop_a": "return require 'loop_b'",
    "loop_b": "return require 'loop_a'",
    "counter": "count = (count or 0) + 1 return {loaded = true}",
]

private func installResolver(_ vm: LuaVM, calls: Counter? = nil) {
    vm.moduleResolver = { name in
        calls?.value += 1
        guard let source = modules[name] else { return nil }
        return (source, "pack/" + name.split(separator: ".").joined(separator: "/") + ".lua")
    }
}

private final class Counter {
    var value = 0
}

@Suite("Require")
struct RequireTests {
    @Test func siblingModuleLoads() throws {
        let results = try withVM { vm in
            installResolver(vm)
            return try vm.run("local util = require 'util' return util.twice(21)")
        }
        #expect(results == [.integer(42)])
    }

    @Test func modulesAreCachedPerVM() throws {
        let (results, calls) = try withVM { vm in
            let counter = Counter()
            installResolver(vm, calls: counter)
            let results = try vm.run("return require('util') == require('util')")
            _ = try vm.run("return require('util')")
            return (results, counter.value)
        }
        #expect(results == [.boolean(true)])
        #expect(calls == 1)
    }

    @Test func moduleReceivesItsName() throws {
        let results = try withVM { vm in
            installResolver(vm)
            return try vm.run("return require 'lib.named'")
        }
        #expect(results == ["lib.named"])
    }

    @Test(arguments: ["../../etc/passwd", "a..b", ".a", "a/b", "", "a.", "a b"])
    func invalidModuleNameIsRejected(name: String) throws {
        try expectFailure(
            "return require('\(name)')", kind: .sandbox, containing: "invalid module name",
            setUp: { vm in installResolver(vm) })
    }

    @Test func missingModuleIsNotFound() throws {
        try expectFailure(
            "return require 'nope'", kind: .sandbox, containing: "module 'nope' not found",
            setUp: { vm in installResolver(vm) })
    }

    @Test func moduleSyntaxErrorNamesTheModuleFile() throws {
        try expectFailure(
            "return require 'broken'", kind: .syntax, containing: "pack/broken.lua:1:",
            setUp: { vm in installResolver(vm) })
    }

    @Test func requireLoopIsDetected() throws {
        try expectFailure(
            "return require 'loop_a'", kind: .runtime, containing: "loop while loading module",
            setUp: { vm in installResolver(vm) })
    }

    @Test func eachChunkGetsItsOwnModuleInstances() throws {
        let (changed, other, calls) = try withVM { vm in
            let counter = Counter()
            installResolver(vm, calls: counter)
            let changed = try vm.run(
                "local u = require 'util' u.twice = function() return 0 end return require('util').twice(2)")
            let other = try vm.run("return require('util').twice(2)", chunk: "pack/other.lua")
            return (changed, other, counter.value)
        }
        #expect(changed == [.integer(0)])
        #expect(other == [.integer(4)])
        #expect(calls == 1)
    }

    @Test func modulesRequiredByAModuleShareTheChunksInstances() throws {
        let results = try withVM { vm in
            vm.moduleResolver = { name in
                switch name {
                case "state": ("return { n = 0 }", "pack/state.lua")
                case "bump": ("local s = require 'state' s.n = s.n + 1 return s", "pack/bump.lua")
                default: nil
                }
            }
            return try vm.run("local s = require 'state' require 'bump' return s.n")
        }
        #expect(results == [.integer(1)])
    }

    @Test func moduleGlobalsStayInTheModule() throws {
        let results = try withVM { vm in
            installResolver(vm)
            return try vm.run("require 'counter' return count")
        }
        #expect(results == [.nil])
    }
}
