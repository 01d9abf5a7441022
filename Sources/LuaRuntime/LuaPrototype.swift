import CLuaShim
import YardstickLocalization

#if canImport(Glibc)
    import Glibc
#endif

/// The compiled form of a Lua function, read from its binary chunk: instructions, constants and
/// names, so that the host can tell what a function may do before choosing how to run it.
///
/// Reads the Lua 5.4 chunk format (`ldump.c`); ``LuaVM/prototype(of:)`` checks the header
/// against this build's sizes. Nothing read here is ever loaded back into a state.
package struct LuaPrototype: Sendable, Equatable {
    /// A constant of the function.
    package enum Constant: Sendable, Equatable {
        /// `nil`.
        case `nil`
        /// `true` or `false`.
        case boolean(Bool)
        /// An integer.
        case integer(Int64)
        /// A float.
        case number(Double)
        /// A string, decoded as UTF-8 (bytes that are not UTF-8 replaced).
        case string(String)
    }

    /// The instructions (opcode in the low 7 bits; see ``LuaOpcode``).
    package var code: [UInt32]
    /// The constants, by index.
    package var constants: [Constant]
    /// The upvalues' names (`_ENV` for globals), by index; empty when stripped.
    package var upvalueNames: [String]
    /// The number of fixed parameters.
    package var parameterCount: Int
    /// Whether the function takes `...`.
    package var isVararg: Bool
    /// The fixed parameters' names, in order (`self` first for a `function t:name()`); empty
    /// when the chunk carries no debug information.
    package var parameterNames: [String] = []
    /// The functions defined inside this one.
    package var nested: [LuaPrototype]
    /// The line of its chunk where the function's definition starts (0 for a main chunk).
    package var lineDefined: Int
}

extension LuaPrototype {
    /// The string constant at `index`, if it is one (a global's or a method's name, a literal).
    package func stringConstant(_ index: Int) -> String? {
        guard index < constants.count, case .string(let text) = constants[index] else { return nil }
        return text
    }

    /// Whether upvalue `index` is the environment (`_ENV`), through which globals are read.
    package func isEnvironmentUpvalue(_ index: Int) -> Bool {
        index < upvalueNames.count && upvalueNames[index] == "_ENV"
    }
}

/// Lua 5.4's opcodes (`lopcodes.h`), by number: the order of the cases is the numbering.
///
/// In the summaries, `R[x]` is a register, `K[x]` a constant, `RK(x)` either (by the
/// instruction's k bit), `sB`/`sC`/`sBx`/`sJ` signed arguments, and `pc` the next instruction.
package enum LuaOpcode: UInt8, Sendable, CaseIterable {
    /// `R[A] := R[B]`.
    case move
    /// `R[A] := sBx` (an integer in the instruction).
    case loadI
    /// `R[A] := sBx` as a float.
    case loadF
    /// `R[A] := K[Bx]`.
    case loadK
    /// `R[A] := K[extra argument]`.
    case loadKX
    /// `R[A] := false`.
    case loadFalse
    /// `R[A] := false`, skipping the next instruction.
    case lFalseSkip
    /// `R[A] := true`.
    case loadTrue
    /// `R[A] … R[A+B] := nil`.
    case loadNil
    /// `R[A] := UpValue[B]`.
    case getUpval
    /// `UpValue[B] := R[A]`.
    case setUpval
    /// `R[A] := UpValue[B][K[C]]` (a global read when the upvalue is `_ENV`).
    case getTabUp
    /// `R[A] := R[B][R[C]]`.
    case getTable
    /// `R[A] := R[B][C]` (an integer key).
    case getI
    /// `R[A] := R[B][K[C]]` (a string key).
    case getField
    /// `UpValue[A][K[B]] := RK(C)` (a global write when the upvalue is `_ENV`).
    case setTabUp
    /// `R[A][R[B]] := RK(C)`.
    case setTable
    /// `R[A][B] := RK(C)` (an integer key).
    case setI
    /// `R[A][K[B]] := RK(C)` (a string key).
    case setField
    /// `R[A] := {}`.
    case newTable
    /// `R[A+1] := R[B]; R[A] := R[B][RK(C)]` (a method call's receiver and method).
    case `self`
    /// `R[A] := R[B] + sC`.
    case addI
    /// `R[A] := R[B] + K[C]`.
    case addK
    /// `R[A] := R[B] - K[C]`.
    case subK
    /// `R[A] := R[B] * K[C]`.
    case mulK
    /// `R[A] := R[B] % K[C]`.
    case modK
    /// `R[A] := R[B] ^ K[C]`.
    case powK
    /// `R[A] := R[B] / K[C]`.
    case divK
    /// `R[A] := R[B] // K[C]`.
    case idivK
    /// `R[A] := R[B] & K[C]`.
    case bandK
    /// `R[A] := R[B] | K[C]`.
    case borK
    /// `R[A] := R[B] ~ K[C]`.
    case bxorK
    /// `R[A] := R[B] >> sC`.
    case shrI
    /// `R[A] := sC << R[B]`.
    case shlI
    /// `R[A] := R[B] + R[C]`.
    case add
    /// `R[A] := R[B] - R[C]`.
    case sub
    /// `R[A] := R[B] * R[C]`.
    case mul
    /// `R[A] := R[B] % R[C]`.
    case mod
    /// `R[A] := R[B] ^ R[C]`.
    case pow
    /// `R[A] := R[B] / R[C]`.
    case div
    /// `R[A] := R[B] // R[C]`.
    case idiv
    /// `R[A] := R[B] & R[C]`.
    case band
    /// `R[A] := R[B] | R[C]`.
    case bor
    /// `R[A] := R[B] ~ R[C]`.
    case bxor
    /// `R[A] := R[B] << R[C]`.
    case shl
    /// `R[A] := R[B] >> R[C]`.
    case shr
    /// Calls metamethod C over `R[A]` and `R[B]` (after an arithmetic instruction failed).
    case mmBin
    /// Calls metamethod C over `R[A]` and the integer sB.
    case mmBinI
    /// Calls metamethod C over `R[A]` and `K[B]`.
    case mmBinK
    /// `R[A] := -R[B]`.
    case unm
    /// `R[A] := ~R[B]`.
    case bnot
    /// `R[A] := not R[B]`.
    case not
    /// `R[A] := #R[B]`.
    case len
    /// `R[A] := R[A] .. … .. R[A+B-1]`.
    case concat
    /// Closes the upvalues and to-be-closed variables from `R[A]` up.
    case close
    /// Marks `R[A]` as a to-be-closed variable.
    case tbc
    /// `pc += sJ`.
    case jmp
    /// Skips the next instruction unless `(R[A] == R[B]) == k`.
    case eq
    /// Skips the next instruction unless `(R[A] < R[B]) == k`.
    case lt
    /// Skips the next instruction unless `(R[A] <= R[B]) == k`.
    case le
    /// Skips the next instruction unless `(R[A] == K[B]) == k`.
    case eqK
    /// Skips the next instruction unless `(R[A] == sB) == k`.
    case eqI
    /// Skips the next instruction unless `(R[A] < sB) == k`.
    case ltI
    /// Skips the next instruction unless `(R[A] <= sB) == k`.
    case leI
    /// Skips the next instruction unless `(R[A] > sB) == k`.
    case gtI
    /// Skips the next instruction unless `(R[A] >= sB) == k`.
    case geI
    /// Skips the next instruction unless `R[A]` is as truthy as k.
    case test
    /// `R[A] := R[B]` if `R[B]` is as truthy as k, else skips the next instruction..
    case testSet
    /// `R[A] … R[A+C-2] := R[A](R[A+1] … R[A+B-1])`.
    case call
    /// `return R[A](R[A+1] … R[A+B-1])`.
    case tailCall
    /// `return R[A] … R[A+B-2]`.
    case `return`
    /// `return` with no values..
    case return0
    /// `return R[A]`.
    case return1
    /// Steps a numeric `for` loop and jumps back Bx while it continues.
    case forLoop
    /// Prepares a numeric `for` loop; skips it (Bx + 1) when it runs zero times.
    case forPrep
    /// Prepares a generic `for` loop (its to-be-closed value) and jumps Bx to its call.
    case tForPrep
    /// `R[A+4] … R[A+3+C] := R[A](R[A+1], R[A+2])` (a generic `for`'s iterator call).
    case tForCall
    /// Continues a generic `for` loop (jumps back Bx) while `R[A+4]` is not nil.
    case tForLoop
    /// `R[A][C+i] := R[A+i]` for 1 ≤ i ≤ B (a table constructor's list part).
    case setList
    /// `R[A] := closure(KPROTO[Bx])`.
    case closure
    /// `R[A] … R[A+C-2] := ...`.
    case vararg
    /// Adjusts a vararg function's parameters on entry.
    case varargPrep
    /// A larger argument for the previous instruction.
    case extraArg
}

/// One instruction's fields (`lopcodes.h`: iABC, iABx).
package struct LuaInstruction: Sendable {
    /// The raw instruction.
    package let raw: UInt32

    /// Wraps a raw instruction.
    package init(_ raw: UInt32) { self.raw = raw }

    /// The opcode, or nil for a number this build does not know.
    package var opcode: LuaOpcode? { LuaOpcode(rawValue: UInt8(raw & 0x7F)) }
    /// Argument A (usually the destination register).
    package var a: Int { Int((raw >> 7) & 0xFF) }
    /// Flag k.
    package var k: Bool { (raw >> 15) & 1 == 1 }
    /// Argument B.
    package var b: Int { Int((raw >> 16) & 0xFF) }
    /// Argument C.
    package var c: Int { Int((raw >> 24) & 0xFF) }
}

/// Why a binary chunk could not be read.
package struct LuaPrototypeError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    package let description: String
}

extension LuaPrototype {
    /// Reads a binary chunk written by `lua_dump` in this process.
    package init(chunk bytes: [UInt8]) throws(LuaPrototypeError) {
        var reader = ChunkReader(bytes: bytes)
        try reader.header()
        _ = try reader.byte()  // the main function's upvalue count
        self = try reader.function()
    }
}

/// A cursor over a binary chunk.
private struct ChunkReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func byte() throws(LuaPrototypeError) -> UInt8 {
        guard offset < bytes.count else { throw LuaPrototypeError(description: "truncated chunk") }
        offset += 1
        return bytes[offset - 1]
    }

    mutating func take(_ count: Int) throws(LuaPrototypeError) -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else { throw LuaPrototypeError(description: "truncated chunk") }
        offset += count
        return bytes[(offset - count)..<offset]
    }

    /// `ldump.c` `dumpSize`: 7-bit groups, most significant first, the last marked with 0x80.
    mutating func size() throws(LuaPrototypeError) -> Int {
        var value = 0
        for _ in 0..<10 {
            let next = try byte()
            value = (value << 7) | Int(next & 0x7F)
            if next & 0x80 != 0 { return value }
        }
        throw LuaPrototypeError(description: "bad size")
    }

    mutating func word64() throws(LuaPrototypeError) -> UInt64 {
        var value: UInt64 = 0
        for (index, part) in try take(8).enumerated() { value |= UInt64(part) << (8 * UInt64(index)) }
        return value
    }

    mutating func string() throws(LuaPrototypeError) -> String? {
        let size = try size()
        guard size > 0 else { return nil }
        return String(decoding: try take(size - 1), as: UTF8.self)
    }

    /// Checks the signature, version, format and sizes against this build.
    mutating func header() throws(LuaPrototypeError) {
        let expected: [UInt8] = [0x1B, 0x4C, 0x75, 0x61, 0x54, 0, 0x19, 0x93, 0x0D, 0x0A, 0x1A, 0x0A, 4, 8, 8]
        guard Array(try take(expected.count)) == expected else {
            throw LuaPrototypeError(description: "not a Lua 5.4 chunk of this build")
        }
        guard try word64() == 0x5678, Double(bitPattern: try word64()) == 370.5 else {
            throw LuaPrototypeError(description: "unexpected number format")
        }
    }

    mutating func function() throws(LuaPrototypeError) -> LuaPrototype {
        _ = try string()  // source
        let lineDefined = try size()
        _ = try size()  // last line defined
        let parameterCount = Int(try byte())
        let isVararg = try byte() != 0
        _ = try byte()  // max stack size
        var code: [UInt32] = []
        let codeCount = try size()
        code.reserveCapacity(codeCount)
        for _ in 0..<codeCount {
            let part = try take(4)
            let start = part.startIndex
            code.append(
                UInt32(part[start]) | UInt32(part[start + 1]) << 8 | UInt32(part[start + 2]) << 16
                    | UInt32(part[start + 3]) << 24)
        }
        var constants: [LuaPrototype.Constant] = []
        for _ in 0..<(try size()) {
            switch try byte() {
            case 0: constants.append(.nil)
            case 1: constants.append(.boolean(false))
            case 17: constants.append(.boolean(true))
            case 3: constants.append(.integer(Int64(bitPattern: try word64())))
            case 19: constants.append(.number(Double(bitPattern: try word64())))
            case 4, 20: constants.append(.string(try string() ?? ""))
            default: throw LuaPrototypeError(description: "unknown constant type")
            }
        }
        let upvalueCount = try size()
        _ = try take(3 * upvalueCount)  // in stack, index, kind
        var nested: [LuaPrototype] = []
        for _ in 0..<(try size()) { nested.append(try function()) }
        _ = try take(try size())  // line info
        for _ in 0..<(try size()) {  // absolute line info
            _ = try size()
            _ = try size()
        }
        var parameterNames: [String] = []
        for index in 0..<(try size()) {  // local variables: the parameters come first
            let name = try string() ?? ""
            if index < parameterCount { parameterNames.append(name) }
            _ = try size()
            _ = try size()
        }
        var upvalueNames: [String] = []
        for _ in 0..<(try size()) { upvalueNames.append(try string() ?? "") }
        return LuaPrototype(
            code: code, constants: constants, upvalueNames: upvalueNames, parameterCount: parameterCount,
            isVararg: isVararg, parameterNames: parameterNames, nested: nested, lineDefined: lineDefined)
    }
}

extension LuaVM {
    /// The prototype of a Lua function of this VM, read from its binary chunk.
    ///
    /// - Throws: ``LuaError`` of kind `hostAPI` for a C function, one of another VM or a chunk
    ///   this reader does not understand.
    package func prototype(of function: LuaFunction) throws(LuaError) -> LuaPrototype {
        guard function.vm === self else {
            throw LuaError(kind: .hostAPI, message: tr("function belongs to another LuaVM"))
        }
        guard !isRunning else {
            throw LuaError(kind: .hostAPI, message: tr("cannot dump while a call is running"))
        }
        var buffer = ys_buf(data: nil, len: 0, cap: 0)
        defer { free(buffer.data) }
        let status = ys_dump(state, function.reference, &buffer)
        guard status == YS_OK else { throw lastError(defaultKind: .hostAPI) }
        let bytes = buffer.data.map { Array(UnsafeRawBufferPointer(start: $0, count: buffer.len)) } ?? []
        do {
            return try LuaPrototype(chunk: bytes)
        } catch {
            throw LuaError(kind: .hostAPI, message: tr("cannot read the function's chunk: %@", error.description))
        }
    }
}
