import CLuaShim
import YardstickLocalization

/// The flat encoding shared with the C shim (tags `YS_TAG_*` of `yardstick_lua.h`, native
/// byte order).
///
/// Encoding never touches Lua: the C side decodes and pushes the values inside a
/// protected region, and encodes Lua values (raw, bounded, cycle-checked) for Swift.
struct ValueEncoder {
    private(set) var bytes: [UInt8] = []
    let maxDepth: Int

    init(maxDepth: Int) {
        self.maxDepth = maxDepth
    }

    mutating func encode(_ values: [LuaValue], vm: LuaVM) throws(LuaError) {
        for value in values { try encode(value, vm: vm, depth: 0) }
    }

    private mutating func encode(_ value: LuaValue, vm: LuaVM, depth: Int) throws(LuaError) {
        switch value {
        case .nil: bytes.append(UInt8(YS_TAG_NIL))
        case .boolean(let flag): bytes.append(UInt8(flag ? YS_TAG_TRUE : YS_TAG_FALSE))
        case .integer(let number):
            bytes.append(UInt8(YS_TAG_INTEGER))
            append(number)
        case .number(let number):
            bytes.append(UInt8(YS_TAG_NUMBER))
            append(number)
        case .string(let text):
            bytes.append(UInt8(YS_TAG_STRING))
            var text = text
            text.withUTF8 { utf8 in
                append(UInt64(utf8.count))
                bytes.append(contentsOf: utf8)
            }
        case .function(let function):
            guard function.vm === vm else {
                throw LuaError(kind: .hostAPI, message: tr("function belongs to another LuaVM"))
            }
            bytes.append(UInt8(YS_TAG_FUNCTION))
            append(function.reference)
        case .table(let table):
            guard depth < maxDepth else {
                throw LuaError(
                    kind: .limit, message: tr("table nesting deeper than %@ levels", maxDepth))
            }
            try encode(table, vm: vm, depth: depth + 1)
        }
    }

    private mutating func encode(_ table: LuaTable, vm: LuaVM, depth: Int) throws(LuaError) {
        let name = Array((table.metatableName ?? "").utf8)
        guard table.array.count <= Int(UInt32.max), table.hash.count <= Int(UInt32.max) else {
            throw LuaError(kind: .limit, message: tr("table too large"))
        }
        bytes.append(UInt8(YS_TAG_TABLE))
        append(UInt32(table.array.count))
        append(UInt32(table.hash.count))
        append(UInt32(name.count))
        bytes.append(contentsOf: name)
        for element in table.array { try encode(element, vm: vm, depth: depth) }
        for (key, element) in table.hash {
            if case .number(let number) = key, number.isNaN {
                throw LuaError(kind: .hostAPI, message: tr("table key is NaN"))
            }
            try encode(key.value, vm: vm, depth: depth)
            try encode(element, vm: vm, depth: depth)
        }
    }

    private mutating func append<T: FixedWidthInteger>(_ number: T) {
        withUnsafeBytes(of: number) { bytes.append(contentsOf: $0) }
    }

    private mutating func append(_ number: Double) {
        withUnsafeBytes(of: number) { bytes.append(contentsOf: $0) }
    }
}

/// Reads values encoded by the shim; functions become ``LuaFunction`` objects of `vm`.
struct ValueDecoder {
    private let buffer: UnsafeRawBufferPointer
    private var offset = 0
    private let vm: LuaVM

    init(_ buffer: UnsafeRawBufferPointer, vm: LuaVM) {
        self.buffer = buffer
        self.vm = vm
    }

    mutating func decode(count: Int) throws(LuaError) -> [LuaValue] {
        var values: [LuaValue] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try decodeValue()) }
        return values
    }

    private mutating func decodeValue() throws(LuaError) -> LuaValue {
        let tag = Int32(try read(UInt8.self))
        switch tag {
        case YS_TAG_NIL: return .nil
        case YS_TAG_FALSE: return .boolean(false)
        case YS_TAG_TRUE: return .boolean(true)
        case YS_TAG_INTEGER: return .integer(try read(Int64.self))
        case YS_TAG_NUMBER: return .number(Double(bitPattern: try read(UInt64.self)))
        case YS_TAG_STRING:
            let count = Int(try read(UInt64.self))
            return .string(String(decoding: try take(count), as: UTF8.self))
        case YS_TAG_FUNCTION:
            return .function(LuaFunction(vm: vm, reference: try read(Int32.self)))
        case YS_TAG_TABLE:
            return .table(try decodeTable())
        default:
            throw LuaError(kind: .hostAPI, message: tr("corrupt value buffer (tag %@)", tag))
        }
    }

    private mutating func decodeTable() throws(LuaError) -> LuaTable {
        let arrayCount = Int(try read(UInt32.self))
        let hashCount = Int(try read(UInt32.self))
        let nameCount = Int(try read(UInt32.self))
        let name = nameCount > 0 ? String(decoding: try take(nameCount), as: UTF8.self) : nil
        var table = LuaTable(array: [], metatableName: name)
        table.array.reserveCapacity(arrayCount)
        for _ in 0..<arrayCount { table.array.append(try decodeValue()) }
        for _ in 0..<hashCount {
            let key = try decodeValue()
            let value = try decodeValue()
            switch key {
            case .string(let text): table.hash[.string(text)] = value
            case .integer(let number): table.hash[.integer(number)] = value
            case .number(let number): table.hash[.number(number)] = value
            case .boolean(let flag): table.hash[.boolean(flag)] = value
            default: throw LuaError(kind: .conversion, message: tr("unsupported table key"))
            }
        }
        return table
    }

    private mutating func take(_ count: Int) throws(LuaError) -> UnsafeRawBufferPointer {
        guard count >= 0, buffer.count - offset >= count else {
            throw LuaError(kind: .hostAPI, message: tr("truncated value buffer"))
        }
        let slice = UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + count])
        offset += count
        return slice
    }

    private mutating func read<T: FixedWidthInteger>(_ type: T.Type) throws(LuaError) -> T {
        let raw = try take(MemoryLayout<T>.size)
        return raw.loadUnaligned(as: T.self)
    }
}
