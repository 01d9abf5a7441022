import CLuaShim

/// An error raised while loading or running Lua code, or while crossing the boundary.
///
/// `description` reads like Lua's own messages, `pack/x.lua:12: message`, so that plugin
/// authors can jump to the line. The message never contains host data unless the script
/// or a host function put it there.
///
/// ```swift
/// do {
///     _ = try vm.call(f, [])
/// } catch {
///     if error.kind == .timeout { ... }
///     print(error)  // pack/indicators/win_rate.lua:12: attempt to index a nil value
/// }
/// ```
public struct LuaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as an extensible code.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        /// The stable identifier of the kind, for example `"timeout"`.
        public let rawValue: String

        /// Creates a kind from its identifier.
        public init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// The identifier.
        public var description: String { rawValue }

        /// The source text does not compile.
        public static let syntax = Kind("syntax")
        /// The script raised an error or misused a value.
        public static let runtime = Kind("runtime")
        /// The script exceeded the memory limit.
        public static let memory = Kind("memory")
        /// The call exceeded its wall-clock limit.
        public static let timeout = Kind("timeout")
        /// The call exceeded its instruction budget.
        public static let instructionLimit = Kind("instructionLimit")
        /// An output, size, nesting or pattern limit was reached (includes cyclic results).
        public static let limit = Kind("limit")
        /// A host function rejected its arguments, or the host API was misused.
        public static let hostAPI = Kind("hostAPI")
        /// The script used something the sandbox removes or forbids.
        public static let sandbox = Kind("sandbox")
        /// A value cannot cross the boundary (userdata, threads, table keys of such types).
        public static let conversion = Kind("conversion")
    }

    /// What went wrong.
    public var kind: Kind
    /// The chunk the error points at, as Lua shows it (`pack/x.lua`), when known.
    public var chunk: String?
    /// The line in `chunk`, when known.
    public var line: Int?
    /// The message without the `chunk:line:` prefix.
    public var message: String
    /// Lua's stack traceback at the point of the error, when one was taken.
    public var traceback: String?

    /// Creates an error. An empty or blank `message` (a script's `error("")`) is replaced by
    /// ``emptyMessage``, so a failure never reads as nothing.
    public init(
        kind: Kind, chunk: String? = nil, line: Int? = nil, message: String,
        traceback: String? = nil
    ) {
        self.kind = kind
        self.chunk = chunk
        self.line = line
        self.message = message.allSatisfy(\.isWhitespace) ? Self.emptyMessage : message
        self.traceback = traceback
    }

    /// The message of an error raised with an empty or blank message.
    public static let emptyMessage = "error raised with an empty message"

    /// The most bytes of an error message that cross from Lua to the host.
    ///
    /// A longer message (a script can raise a 64 MiB string) is cut at a UTF-8 character
    /// boundary where it leaves the Lua state, before it is copied, and ends with
    /// `… (message cut at 4 KiB)`.
    public static let maxMessageBytes = 4096

    /// A message cut as where errors leave the Lua state: at most ``maxMessageBytes`` bytes,
    /// cut at a character boundary and followed by ` … (message cut at 4 KiB)`, when longer.
    package static func cut(_ message: String) -> String {
        let utf8 = message.utf8
        guard utf8.count > maxMessageBytes else { return message }
        var end = utf8.index(utf8.startIndex, offsetBy: maxMessageBytes)
        while end > utf8.startIndex, UTF8.isContinuation(utf8[end]) { end = utf8.index(before: end) }
        return String(message[..<end]) + " … (message cut at 4 KiB)"
    }

    /// The innermost frame of ``traceback`` that is in a script: the first `chunk:line:`
    /// entry whose chunk is not a C function and does not start with one of
    /// `internalPrefixes` (for example a trusted prelude's chunk name).
    ///
    /// - Returns: nil when there is no traceback or no such frame (a frame dropped by a tail
    ///   call is not in the traceback).
    package func innermostFrame(excluding internalPrefixes: [String]) -> (chunk: String, line: Int)? {
        guard let traceback else { return nil }
        for entry in traceback.split(separator: "\n").dropFirst() {
            let frame = String(entry.drop { $0 == "\t" || $0 == " " })
            guard let (chunk, line, _) = Self.splitLocation(frame), !chunk.hasPrefix("["),
                !internalPrefixes.contains(where: { chunk.hasPrefix($0) })
            else { continue }
            return (chunk, line)
        }
        return nil
    }

    /// `chunk:line: message`, or just the message when the location is unknown.
    public var description: String {
        guard let chunk else { return message }
        guard let line, line > 0 else { return "\(chunk): \(message)" }
        return "\(chunk):\(line): \(message)"
    }
}

extension LuaError.Kind {
    /// Maps a `YS_KIND_*` code from the shim.
    init(code: Int32) {
        switch code {
        case YS_KIND_SYNTAX: self = .syntax
        case YS_KIND_MEMORY: self = .memory
        case YS_KIND_TIMEOUT: self = .timeout
        case YS_KIND_INSTRUCTIONS: self = .instructionLimit
        case YS_KIND_LIMIT: self = .limit
        case YS_KIND_HOSTAPI: self = .hostAPI
        case YS_KIND_SANDBOX: self = .sandbox
        case YS_KIND_CONVERSION: self = .conversion
        default: self = .runtime
        }
    }
}

extension LuaError {
    /// Builds an error from Lua's text, splitting a leading `chunk:line: ` when present.
    init(kind: Kind, luaMessage: String, traceback: String? = nil) {
        var chunk: String?
        var line: Int?
        var message = luaMessage
        if let (parsedChunk, parsedLine, rest) = Self.splitLocation(luaMessage) {
            chunk = parsedChunk
            line = parsedLine
            message = rest
        }
        self.init(kind: kind, chunk: chunk, line: line, message: message, traceback: traceback)
    }

    /// Splits `chunk:123: rest` into its parts; nil when the text has no such prefix.
    package static func splitLocation(_ text: String) -> (String, Int, String)? {
        let firstLine = text.prefix { $0 != "\n" }
        var searchStart = firstLine.startIndex
        while let colon = firstLine[searchStart...].firstIndex(of: ":") {
            let afterColon = firstLine.index(after: colon)
            let digits = firstLine[afterColon...].prefix { $0.isASCII && $0.isNumber }
            let afterDigits = digits.endIndex
            if !digits.isEmpty, colon > firstLine.startIndex,
                firstLine[afterDigits...].hasPrefix(": "), let number = Int(digits)
            {
                let chunk = String(firstLine[..<colon])
                let rest = String(text[text.index(afterDigits, offsetBy: 2)...])
                return (chunk, number, rest)
            }
            searchStart = afterColon
        }
        return nil
    }
}
