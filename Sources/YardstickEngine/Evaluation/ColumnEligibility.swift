import LuaRuntime

/// Decides from its instructions whether a value function gives, for every subject, what one
/// run over all subjects at once gives ("column mode"): each query then returns a column of
/// per-subject values and arithmetic and `ratio` work element by element.
///
/// That holds when the function's result depends on the subject only through the values the
/// API returns, and never decides anything on them: straight-line code (no branch, test,
/// comparison, `not`, `and`/`or`, loop or length), upvalues only read (the chunk's constants,
/// `local W = 0.5`, the same for every subject), no writes but into
/// tables it builds itself (`where{…}`), no nested functions, no `s.subject`, and calls only
/// to the API: view methods on `s` and what it derives, `k`, `ratio`, `missing`, `days`,
/// `hours`, `date` and `field`. Values used wrongly at run time (a comparison, a field read, a table
/// result) stop column mode there and the indicator is evaluated per subject.
enum ColumnEligibility {
    /// The globals a column-mode function may call.
    static let functions: Set<String> = ["ratio", "missing", "days", "hours", "date", "field"]
    /// View methods that give another view.
    static let viewMethods: Set<String> = [
        "where", "during", "before", "between", "group_by", "per", "minus", "intersect", "union",
    ]
    /// View methods that give a value.
    static let terminalMethods: Set<String> = [
        "count", "sum", "avg", "min", "max", "median", "percentile", "count_distinct", "distinct", "first",
        "last", "top",
    ]

    /// What a register holds, as far as the analysis knows.
    private enum Tag: Equatable {
        /// A constant or something the same for every subject (the period).
        case constant
        /// `s`, a derived scope or a view.
        case scope
        /// `s.period`.
        case period
        /// `k`.
        case indicator
        /// An API function named by a global.
        case function
        /// A view method looked up with `:` (`where`, `count`…), with whether it gives a view.
        case method(givesView: Bool)
        /// A table built here.
        case fresh
        /// A value that may differ per subject.
        case value
        /// Anything else: using it stops the analysis.
        case unknown
    }

    /// Whether a value function may run in column mode.
    static func allows(_ function: LuaPrototype) -> Bool {
        guard function.nested.isEmpty, !function.isVararg, function.parameterCount <= 2 else { return false }
        var analysis = Analysis(function)
        var skipNext = false
        for raw in function.code {
            if skipNext {
                skipNext = false
                continue
            }
            guard let step = analysis.step(LuaInstruction(raw)) else { return false }
            skipNext = step == .skipNext
        }
        return true
    }

    /// What comes after an instruction the analysis accepts.
    private enum Step {
        /// The next instruction.
        case next
        /// The one after it (the next is the instruction's extra argument).
        case skipNext
    }

    /// The registers' tags while a value function's instructions are read in order.
    private struct Analysis {
        let function: LuaPrototype
        var registers = [Tag](repeating: .unknown, count: 256)

        init(_ function: LuaPrototype) {
            self.function = function
            if function.parameterCount >= 1 { registers[0] = .scope }
            if function.parameterCount >= 2 { registers[1] = .indicator }
        }

        /// The string constant at `index`, if it is one.
        func constant(_ index: Int) -> String? { function.stringConstant(index) }

        /// Whether upvalue `index` is the environment (`_ENV`), through which globals are read.
        func isEnvironment(_ index: Int) -> Bool { function.isEnvironmentUpvalue(index) }

        /// Follows one instruction; nil when column mode cannot follow it.
        mutating func step(_ instruction: LuaInstruction) -> Step? {
            guard let opcode = instruction.opcode else { return nil }
            let a = instruction.a
            let b = instruction.b
            switch opcode {
            case .move:
                registers[a] = registers[b]
            case .loadI, .loadF, .loadK, .loadFalse, .loadTrue:
                registers[a] = .constant
            case .loadKX:
                registers[a] = .constant
                return .skipNext
            case .loadNil:
                for register in a...min(255, a + b) { registers[register] = .constant }
            case .getTabUp:
                if isEnvironment(b) {
                    guard let name = constant(instruction.c), functions.contains(name) else { return nil }
                    registers[a] = .function
                } else {
                    // A field of a table the chunk keeps (`WEIGHTS.r`): the same for every
                    // subject, since no code of the chunk runs while the function does.
                    registers[a] = .constant
                }
            case .getUpval:
                // A local of the chunk (`local R_WEIGHT = 0.5`): the function never writes it
                // (no SETUPVAL is accepted) and calls nothing of the chunk, so every subject
                // reads the same value. Calling it or reading a field of it stops the analysis.
                guard !isEnvironment(b) else { return nil }
                registers[a] = .constant
            case .getField:
                guard let key = constant(instruction.c), let tag = Self.field(key, of: registers[b]) else { return nil }
                registers[a] = tag
            case .`self`:
                guard registers[b] == .scope, instruction.k, let name = constant(instruction.c),
                    let tag = Self.method(name)
                else { return nil }
                registers[a] = tag
                registers[min(255, a + 1)] = .scope
            case .newTable:
                registers[a] = .fresh
                return .skipNext  // always followed by EXTRAARG
            case .setField, .setI, .setTable, .setList:
                guard registers[a] == .fresh else { return nil }
            case .addI, .addK, .subK, .mulK, .modK, .powK, .divK, .idivK, .add, .sub, .mul, .mod, .pow, .div,
                .idiv, .unm:
                registers[a] = .value
            case .mmBin, .mmBinI, .mmBinK, .extraArg, .varargPrep, .return0, .return1, .return:
                break
            case .call, .tailCall:
                guard call(a) else { return nil }
            default:
                // Branches, tests, comparisons, not, length, concatenation, loops, closures,
                // upvalue and global writes, dynamic table reads, varargs.
                return nil
            }
            return .next
        }

        /// The tag of field `key` read from a register tagged `tag`; nil when column mode
        /// cannot follow the read (`s.subject`, a field of a value).
        static func field(_ key: String, of tag: Tag) -> Tag? {
            switch tag {
            case .scope:
                if key == "subject" { return nil }
                return key == "period" ? .period : .scope
            case .period:
                return .constant
            default:
                return nil
            }
        }

        /// The tag of view method `name` looked up with `:`; nil for a method column mode does
        /// not know.
        static func method(_ name: String) -> Tag? {
            if viewMethods.contains(name) { return .method(givesView: true) }
            if terminalMethods.contains(name) { return .method(givesView: false) }
            return nil
        }

        /// Follows a call of the function in register `a`; false when it is not one of the API.
        mutating func call(_ a: Int) -> Bool {
            let result: Tag
            switch registers[a] {
            case .function, .indicator: result = .value
            case .method(let givesView): result = givesView ? .scope : .value
            default: return false
            }
            registers[a] = result
            // Further results, if any, are values.
            for register in (a + 1)..<min(256, a + 8) { registers[register] = .value }
            return true
        }
    }
}
