import LuaRuntime
import Testing

/// The host reads a function's instructions, constants and upvalue names from its binary chunk.
@Suite struct PrototypeTests {
    func prototype(_ source: String) throws -> LuaPrototype {
        try withVM { vm in
            let function = try #require(try vm.run(source).first?.functionValue)
            return try vm.prototype(of: function)
        }
    }

    func opcodes(_ prototype: LuaPrototype) -> [LuaOpcode?] {
        prototype.code.map { LuaInstruction($0).opcode }
    }

    @Test func readsInstructionsConstantsAndUpvalues() throws {
        let shape = try prototype(
            #"return function(s, k) return ratio(s.deals:where{ stage = "won" }:count(), 2.5) end"#)
        #expect(shape.parameterCount == 2)
        #expect(!shape.isVararg)
        #expect(shape.upvalueNames == ["_ENV"])
        let codes = opcodes(shape)
        #expect(codes.allSatisfy { $0 != nil })
        #expect(codes.contains(.getTabUp))
        #expect(codes.contains(.getField))
        #expect(codes.contains(.newTable))
        #expect(codes.contains(.setField))
        #expect(codes.contains(.`self`))
        #expect(codes.contains(.tailCall))
        for name in ["ratio", "deals", "where", "stage", "won", "count"] {
            #expect(shape.constants.contains(.string(name)), "\(name)")
        }
        #expect(shape.constants.contains(.number(2.5)))
    }

    @Test func branchesLoopsAndClosuresShowTheirOpcodes() throws {
        let shape = try prototype(
            """
            local total = 0
            return function(s)
              if s.x == 1 then total = total + 1 end
              for i = 1, 3 do total = total + i end
              local f = function() return total end
              return f() and 1 or 2
            end
            """)
        let codes = opcodes(shape)
        #expect(codes.contains(.eqI) || codes.contains(.eqK))
        #expect(codes.contains(.jmp))
        #expect(codes.contains(.forPrep))
        #expect(codes.contains(.closure))
        #expect(codes.contains(.getUpval))
        #expect(codes.contains(.setUpval))
        #expect(codes.contains(.test) || codes.contains(.testSet))
        #expect(shape.nested.count == 1)
        #expect(shape.upvalueNames.contains("total"))
    }

    @Test func namesTheParametersInOrderWithSelfFirstForMethods() throws {
        let plain = try prototype("return function(from_field, to_field) local inner = 1 return inner end")
        #expect(plain.parameterNames == ["from_field", "to_field"])
        #expect(!plain.isVararg)
        let method = try prototype("local t = {} function t:between(field, a, b) end return t.between")
        #expect(method.parameterNames == ["self", "field", "a", "b"])
        let variadic = try prototype("return function(first, ...) local rest = { ... } return rest end")
        #expect(variadic.parameterNames == ["first"])
        #expect(variadic.isVararg)
        #expect(try prototype("return function() local x = 1 return x end").parameterNames.isEmpty)
    }

    @Test func cFunctionsHaveNoPrototype() throws {
        try withVM { vm in
            let function = try #require(try vm.run("return print").first?.functionValue)
            #expect(throws: LuaError.self) { try vm.prototype(of: function) }
        }
    }
}
