import LuaRuntime

/// What the value functions of one indicator file read, found from their instructions before
/// any data is loaded: for each use of an entity's rows, the entity, the period shift of the
/// scope it came from (`s.previous`…) and the date field its `during` placed it by, if any.
///
/// The analysis follows registers through the code of every function of the file the way
/// ``ColumnEligibility`` does, with forward jumps (`if`, `and`/`or`) joined: a register that
/// may hold two different views, a call of anything but the API, a loop, a closure inside a
/// function, a dynamic table read, `require`, a cohort breakdown, peer bins, a snapshot, an
/// entity grain, or a view method it does not know (key views, `before`, `between`…) makes the
/// whole file ``isOpaque``: its indicators may read any entity over all history. A use is
/// recorded whenever a view is consumed (a method called on it, passed to a function, stored
/// or returned), with the view's state at that point, so that a view read both with and
/// without `during` counts as read without.
package struct IndicatorReads: Sendable, Equatable {
    /// One use of an entity's rows.
    package struct Read: Sendable, Hashable {
        /// The entity (`opportunities`), as named after `s.`.
        package var entity: String
        /// The scope's period shift, as the prelude numbers it (`previous` adds 1,
        /// `same_period_last_year` 100).
        package var slot: Int
        /// The field of the first `during` on the view; nil when the rows are not placed in
        /// the period.
        package var during: String?
    }

    /// Why the file could not be followed; nil when ``reads`` is complete.
    package var opaqueReason: String?
    /// The uses found (complete only when ``opaqueReason`` is nil).
    package var reads: Set<Read> = []
    /// Every string constant of the file: the ids it may read with `k(…)` are among them.
    package var strings: Set<String> = []
    /// The `id = "…"` of the file's declaration, when written as a constant.
    package var declaredID: String?

    /// Whether the file may read anything over all history.
    package var isOpaque: Bool { opaqueReason != nil }

    /// Globals a value function may call (besides `k`): they read no rows.
    static let functions: Set<String> = ["ratio", "missing", "days", "hours", "date", "field", "param"]
    /// View methods giving a view of the same rows, narrowed.
    static let narrowing: Set<String> = ["where", "during", "group_by"]
    /// View methods combining views: their arguments are consumed.
    static let combining: Set<String> = ["minus", "intersect", "union"]
    /// View methods giving a value, or a key view (`per`): the rows the view holds when one
    /// is called are what is read; a key view's own `during` (on its aggregates) reads nothing
    /// more.
    static let terminal: Set<String> = ColumnEligibility.terminalMethods.union(["per"])
    /// Keys of an indicator declaration that make its reads depend on more than its periods.
    static let historyKeys: [String: String] = [
        "snapshot": "a snapshot indicator", "peer_bins": "peer bins", "cohort": "a cohort breakdown",
        "require": "a module (require)",
    ]
    /// The grains whose subjects come from users and teams, not from an entity's rows.
    static let peopleGrains: Set<String> = ["user", "team", "department", "company"]

    /// Analyses the Lua text of an indicator file (compiled, never run).
    package static func analyse(source: String, file: String) -> IndicatorReads {
        let chunk: LuaPrototype
        do {
            let vm = try LuaVM()
            chunk = try vm.prototype(of: try vm.load(source, chunkName: file))
        } catch {
            return IndicatorReads(opaqueReason: "\(file) does not compile here")
        }
        var result = IndicatorReads()
        collectStrings(chunk, into: &result.strings)
        result.declaredID = declared("id", in: chunk)
        for (key, what) in historyKeys.sorted(by: { $0.key < $1.key }) where result.strings.contains(key) {
            result.opaqueReason = "\(file) uses \(what)"
            return result
        }
        if let grain = declared("per", in: chunk), !peopleGrains.contains(grain) {
            result.opaqueReason = "\(file) is per \(grain)"
            return result
        }
        var stack = chunk.nested
        while let function = stack.popLast() {
            var analysis = Analysis(function)
            if let reason = analysis.run() {
                result.opaqueReason = "\(file), line \(function.lineDefined): \(reason)"
                result.reads = []
                return result
            }
            result.reads.formUnion(analysis.reads)
        }
        return result
    }

    /// Every string constant of `function` and the functions inside it.
    private static func collectStrings(_ function: LuaPrototype, into strings: inout Set<String>) {
        for case .string(let text) in function.constants { strings.insert(text) }
        for nested in function.nested { collectStrings(nested, into: &strings) }
    }

    /// The `key = "…"` of the main chunk's declaration, when written as a constant.
    private static func declared(_ key: String, in chunk: LuaPrototype) -> String? {
        for raw in chunk.code {
            let instruction = LuaInstruction(raw)
            guard instruction.opcode == .setField, instruction.k,
                instruction.b < chunk.constants.count, case .string(key) = chunk.constants[instruction.b],
                instruction.c < chunk.constants.count, case .string(let value) = chunk.constants[instruction.c]
            else { continue }
            return value
        }
        return nil
    }

    /// What a register holds, as far as the analysis knows.
    enum Tag: Hashable {
        /// A value that reads no rows: a number, a string, a row, a period record.
        case value
        /// A string constant (a field name, an indicator id).
        case text(String)
        /// `s` or a scope derived from it, with its period slot.
        case scope(slot: Int)
        /// A view of an entity's rows.
        case view(Read)
        /// A view method looked up with `:` on a view.
        case method(String, Read)
        /// A method looked up on a value (`d:year()`).
        case valueMethod
        /// An API function.
        case function
        /// A table built here.
        case fresh
        /// A register that holds different things on different paths: using it stops the
        /// analysis.
        case mixed
    }

    /// The registers' tags along one function's instructions, forward jumps joined.
    struct Analysis {
        let function: LuaPrototype
        var reads: Set<Read> = []

        init(_ function: LuaPrototype) {
            self.function = function
        }

        /// Follows every instruction; the reason when the function cannot be followed.
        mutating func run() -> String? {
            guard function.nested.isEmpty else { return "a function inside the value function" }
            var entry = [Tag](repeating: .value, count: 256)
            if function.parameterCount >= 1 { entry[0] = .scope(slot: 0) }
            if function.parameterCount >= 2 { entry[1] = .function }
            var pending: [Int: [Tag]] = [0: entry]
            var current: [Tag]?
            var pc = 0
            while pc < function.code.count {
                if let joined = pending.removeValue(forKey: pc) {
                    current = current.map { Self.join($0, joined) } ?? joined
                }
                guard var registers = current else {
                    pc += 1
                    continue
                }
                let instruction = LuaInstruction(function.code[pc])
                guard let opcode = instruction.opcode else { return "an unknown instruction" }
                var next: [Int] = [pc + 1]
                switch step(opcode, instruction, &registers) {
                case .failed(let reason): return reason
                case .next: break
                case .skipNext: next = [pc + 2]
                case .branch: next = [pc + 1, pc + 2]
                case .jump:
                    let offset = Int((function.code[pc] >> 7) & 0x1FF_FFFF) - 0xFF_FFFF
                    guard offset >= 0 else { return "a loop" }
                    next = [pc + 1 + offset]
                case .end: next = []
                }
                current = nil
                for target in next {
                    if target == pc + 1 {
                        current = registers
                    } else {
                        pending[target] = pending[target].map { Self.join($0, registers) } ?? registers
                    }
                }
                pc += 1
            }
            return nil
        }

        /// Tags on two paths meeting: equal tags stay, different ones are ``Tag/mixed``, or a
        /// plain value when neither reads rows.
        static func join(_ left: [Tag], _ right: [Tag]) -> [Tag] {
            zip(left, right).map { a, b in
                if a == b { return a }
                switch (a, b) {
                case (.value, .value), (.value, .text), (.text, .value), (.text, .text): return .value
                default: return .mixed
                }
            }
        }

        enum Step {
            case next, skipNext, branch, jump, end
            case failed(String)
        }

        func constant(_ index: Int) -> String? { function.stringConstant(index) }

        func isEnvironment(_ index: Int) -> Bool { function.isEnvironmentUpvalue(index) }

        /// Records the use of a register's view, if it holds one; false for a mixed register.
        mutating func consume(_ tag: Tag) -> Bool {
            switch tag {
            case .view(let read), .method(_, let read): reads.insert(read)
            case .mixed: return false
            default: break
            }
            return true
        }

        mutating func step(_ opcode: LuaOpcode, _ instruction: LuaInstruction, _ registers: inout [Tag]) -> Step {
            let a = instruction.a
            let b = instruction.b
            let c = instruction.c
            switch opcode {
            case .move:
                registers[a] = registers[b]
            case .loadK:
                registers[a] = constant(Int(instruction.raw >> 15)).map(Tag.text) ?? .value
            case .loadI, .loadF, .loadFalse, .loadTrue:
                registers[a] = .value
            case .lFalseSkip:
                registers[a] = .value
                return .skipNext
            case .loadKX:
                registers[a] = .value
                return .skipNext
            case .loadNil:
                for register in a...min(255, a + b) { registers[register] = .value }
            case .getTabUp:
                if isEnvironment(b) {
                    guard let name = constant(c), IndicatorReads.functions.contains(name) else {
                        return .failed("calls \(constant(c) ?? "a global") (not the indicator API)")
                    }
                    registers[a] = .function
                } else {
                    registers[a] = .value
                }
            case .getUpval:
                guard !isEnvironment(b) else { return .failed("reads _ENV") }
                registers[a] = .value
            case .getField:
                guard let key = constant(c) else { return .failed("a dynamic field read") }
                switch registers[b] {
                case .scope(let slot):
                    switch key {
                    case "subject", "period": registers[a] = .value
                    case "all": registers[a] = .scope(slot: slot)
                    case "previous": registers[a] = .scope(slot: slot + 1)
                    case "same_period_last_year": registers[a] = .scope(slot: slot + 100)
                    default: registers[a] = .view(Read(entity: key, slot: slot, during: nil))
                    }
                case .value, .text: registers[a] = .value
                default: return .failed("reads \(key) of something it cannot follow")
                }
            case .`self`:
                let receiver = registers[b]
                let name = instruction.k ? constant(c) : nil
                switch receiver {
                case .view(let read):
                    guard let name,
                        IndicatorReads.narrowing.contains(name) || IndicatorReads.combining.contains(name)
                            || IndicatorReads.terminal.contains(name)
                    else { return .failed("calls the view method \(name ?? "?"), which reads beyond the period") }
                    registers[a] = .method(name, read)
                case .value, .text:
                    registers[a] = .valueMethod
                default:
                    return .failed("calls a method of something it cannot follow")
                }
                registers[min(255, a + 1)] = receiver
            case .newTable:
                registers[a] = .fresh
                return .skipNext
            case .setField, .setI, .setTable:
                guard registers[a] == .fresh else { return .failed("writes into a table it did not build") }
                if !instruction.k, !consume(registers[c]) { return .failed("stores a value of two paths") }
            case .setList:
                guard registers[a] == .fresh else { return .failed("writes into a table it did not build") }
                for register in (a + 1)..<min(256, a + 1 + max(b, 8)) where !consume(registers[register]) {
                    return .failed("stores a value of two paths")
                }
            case .addI, .addK, .subK, .mulK, .modK, .powK, .divK, .idivK, .bandK, .borK, .bxorK, .shrI, .shlI,
                .add, .sub, .mul, .mod, .pow, .div, .idiv, .band, .bor, .bxor, .shl, .shr, .unm, .bnot, .not, .len:
                registers[a] = .value
            case .concat:
                for register in a..<min(256, a + max(b, 1)) { registers[register] = .value }
            case .mmBin, .mmBinI, .mmBinK, .extraArg, .varargPrep:
                break
            case .jmp:
                return .jump
            case .eq, .lt, .le, .eqK, .eqI, .ltI, .leI, .gtI, .geI, .test:
                return .branch
            case .testSet:
                // R[A] := R[B] on one path only: the register joins both.
                registers[a] = Self.join([registers[a]], [registers[b]])[0]
                return .branch
            case .call, .tailCall:
                if let reason = call(a, arguments: b, results: c, &registers) { return .failed(reason) }
                if opcode == .tailCall { return .end }
            case .return:
                let count = b == 0 ? 8 : max(b - 1, 1)
                for register in a..<min(256, a + count) where !consume(registers[register]) {
                    return .failed("returns a value of two paths")
                }
                return .end
            case .return1:
                guard consume(registers[a]) else { return .failed("returns a value of two paths") }
                return .end
            case .return0:
                return .end
            default:
                return .failed("a loop, closure, upvalue write or vararg")
            }
            return .next
        }

        /// Follows a call of register `a`; the reason when it cannot be followed.
        mutating func call(_ a: Int, arguments: Int, results: Int, _ registers: inout [Tag]) -> String? {
            let last = arguments == 0 ? min(255, a + 16) : min(255, a + arguments - 1)
            let argumentTags = a < last ? Array(registers[(a + 1)...last]) : []
            let result: Tag
            if argumentTags.contains(where: { if case .scope = $0 { true } else { false } }) {
                return "passes a scope to a function, which may read anything through it"
            }
            switch registers[a] {
            case .function, .valueMethod:
                for tag in argumentTags where !consume(tag) { return "passes a value of two paths" }
                result = .value
            case .method(let name, var read):
                for tag in argumentTags.dropFirst() where !consume(tag) { return "passes a value of two paths" }
                // Narrowing reads nothing yet: the narrowed view is recorded where it is used.
                if !IndicatorReads.narrowing.contains(name) { reads.insert(read) }
                if name == "during" {
                    guard case .text(let field)? = argumentTags.dropFirst().first else {
                        return "during with a field it cannot read"
                    }
                    if read.during == nil { read.during = field }
                    result = .view(read)
                } else if IndicatorReads.narrowing.contains(name) || IndicatorReads.combining.contains(name) {
                    result = .view(read)
                } else {
                    result = .value
                }
            default:
                return "calls something other than the indicator API"
            }
            if results == 0 {
                for register in a...min(255, a + 8) { registers[register] = .value }
                registers[a] = result
            } else {
                for register in a..<min(256, a + max(results - 1, 1)) { registers[register] = result }
            }
            return nil
        }
    }
}
