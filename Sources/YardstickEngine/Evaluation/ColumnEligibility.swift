import LuaRuntime

/// Decides from its instructions whether a value function gives, for every subject, what one
/// run over all subjects at once gives ("column mode"): each query then returns a column of
/// per-subject values and arithmetic and `ratio` work element by element.
///
/// That holds when the function's result depends on the subject only through the values the
/// API returns, and never decides anything on them: straight-line code (no branch, test,
/// comparison, `not`, `and`/`or`, loop or length), no upvalues but `_ENV`, no writes but into
/// tables it builds itself (`where{…}`), no nested functions, no `s.subject`, and calls only
/// to the API: view methods on `s` and what it derives, `k`, `ratio`, `missing`, `days`,
/// `hours` and `date`. Values used wrongly at run time (a comparison, a field read, a table
/// result) stop column mode there and the indicator is evaluated per subject.
enum ColumnEligibility {
    /// The globals a column-mode function may call.
    static let functions: Set<String> = ["ratio", "missing", "days", "hours", "date"]
    /// View methods that give another view.
    static let viewMethods: Set<String> = ["where", "during", "before", "between", "group_by"]
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
        guard function.nested.isEmpty, !function.isVararg, function.parameterCount <= 2,
            function.upvalueNames.allSatisfy({ $0 == "_ENV" })
        else { return false }
        var registers = [Tag](repeating: .unknown, count: 256)
        if function.parameterCount >= 1 { registers[0] = .scope }
        if function.parameterCount >= 2 { registers[1] = .indicator }
        func constant(_ index: Int) -> String? {
            guard index < function.constants.count, case .string(let text) = function.constants[index] else {
                return nil
            }
            return text
        }
        var skipNext = false
        for raw in function.code {
            if skipNext {
                skipNext = false
                continue
            }
            let instruction = LuaInstruction(raw)
            guard let opcode = instruction.opcode else { return false }
            let a = instruction.a
            let b = instruction.b
            switch opcode {
            case .move:
                registers[a] = registers[b]
            case .loadI, .loadF, .loadK, .loadFalse, .loadTrue:
                registers[a] = .constant
            case .loadKX:
                registers[a] = .constant
                skipNext = true
            case .loadNil:
                for register in a...min(255, a + b) { registers[register] = .constant }
            case .getTabUp:
                guard let name = constant(instruction.c), functions.contains(name) else { return false }
                registers[a] = .function
            case .getField:
                guard let key = constant(instruction.c) else { return false }
                switch registers[b] {
                case .scope:
                    if key == "subject" { return false }
                    registers[a] = key == "period" ? .period : .scope
                case .period:
                    registers[a] = .constant
                default:
                    return false
                }
            case .`self`:
                guard registers[b] == .scope, instruction.k, let name = constant(instruction.c) else { return false }
                if viewMethods.contains(name) {
                    registers[a] = .method(givesView: true)
                } else if terminalMethods.contains(name) {
                    registers[a] = .method(givesView: false)
                } else {
                    return false
                }
                registers[min(255, a + 1)] = .scope
            case .newTable:
                registers[a] = .fresh
                skipNext = true  // always followed by EXTRAARG
            case .setField, .setI, .setTable, .setList:
                guard registers[a] == .fresh else { return false }
            case .addI, .addK, .subK, .mulK, .modK, .powK, .divK, .idivK, .add, .sub, .mul, .mod, .pow, .div,
                .idiv, .unm:
                registers[a] = .value
            case .mmBin, .mmBinI, .mmBinK, .extraArg, .varargPrep, .return0, .return1, .return:
                break
            case .call, .tailCall:
                let result: Tag
                switch registers[a] {
                case .function, .indicator: result = .value
                case .method(let givesView): result = givesView ? .scope : .value
                default: return false
                }
                registers[a] = result
                // Further results, if any, are values.
                for register in (a + 1)..<min(256, a + 8) { registers[register] = .value }
            default:
                // Branches, tests, comparisons, not, length, concatenation, loops, closures,
                // upvalue and global writes, dynamic table reads, varargs.
                return false
            }
        }
        return true
    }
}
