import LuaRuntime

/// The host side of `k("pack.id")` on another indicator set's figures (indicators.lua).
extension EvaluationSession {
    /// The figure of `id` for the subject in focus, for Lua: nothing when `id` is no other set's
    /// indicator; `false` and a message when it may not be read; else a kind letter and a
    /// payload as ``ValueBridge`` flattens them, with `f` and the message for a failed figure.
    func importedValue(_ id: String) -> [LuaValue] {
        guard let subject = mode.subject, let period else {
            return imported.isReadable(id) || imported.unavailableReason != nil
                ? [.boolean(false), .string("k(\"\(id)\"): no subject in focus")] : []
        }
        switch imported.lookup(id, subject: subject, period: period) {
        case .unknown: return []
        case .refused(let message): return [.boolean(false), .string(message)]
        case .value(let value): return Self.flat(value, of: id)
        }
    }

    /// In a column run, the figures of `id` for every subject, as ``columnValues(_:)`` gives a
    /// column; nothing when `id` is no other set's indicator; `false` and a message when it may
    /// not be read; `true` when some subject's figure failed or is absent (the run goes on per
    /// subject, where each gets its own error).
    func importedColumn(_ id: String) -> [LuaValue] {
        guard case .column = mode, let period, !columnSubjects.isEmpty else { return [.boolean(true)] }
        var kinds: [UInt8] = []
        var items: [LuaValue] = []
        kinds.reserveCapacity(columnSubjects.count)
        items.reserveCapacity(columnSubjects.count)
        for subject in columnSubjects {
            switch imported.lookup(id, subject: subject, period: period) {
            case .unknown: return []
            case .refused(let message): return [.boolean(false), .string(message)]
            case .value(.failed): return [.boolean(true)]
            case .value(let value):
                let flat = Self.flat(value, of: id)
                guard case .string(let letter)? = flat.first, let kind = letter.utf8.first, flat.count == 2 else {
                    return [.boolean(true)]
                }
                kinds.append(kind)
                items.append(flat[1])
            }
        }
        return [.string(String(decoding: kinds, as: UTF8.self)), .table(LuaTable(array: items))]
    }

    /// A figure in flat form for Lua: a kind letter (n, d, m, or f for a failure) and its payload.
    private static func flat(_ value: ResultValue, of id: String) -> [LuaValue] {
        switch value {
        case .integer(let number): [.string("n"), .integer(number)]
        case .number(let number): [.string("n"), .number(number)]
        case .decimal(let decimal): [.string("d"), .integer(decimal.scaled)]
        case .missing(let reason): [.string("m"), .string(reason)]
        case .failed(let message): [.string("f"), .string("k(\"\(id)\") failed: \(message)")]
        }
    }
}
