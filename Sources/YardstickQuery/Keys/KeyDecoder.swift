import YardstickData

/// Turns a key table's codes back into key values (`key`), only when something reads them: a
/// filter or an aggregate on `key`, or a match by text with a table of another domain. Key
/// tables are built, filtered and combined on codes alone.
///
/// A code decodes by its table's domain (``KeyDomain``), so tables of one domain share a
/// decoder's meaning: a reference's rows decode to the target's `id` text (the text the
/// reference resolved by), dictionary codes to their text, value codes to the value.
final class KeyDecoder: Sendable {
    enum Kind: Sendable {
        /// Target rows, read in the target's `id` column; a code flagged with
        /// ``KeyDecoder/unresolvedFlag`` is a code of `dictionary` (a key that names no row).
        case reference(ids: Column?, dictionary: StringDictionary)
        /// Codes of a string dictionary.
        case text(StringDictionary)
        /// Positions in an enumeration's value list.
        case enumeration([String])
        case integer
        case decimal
        case boolean
        case date
        case datetime
    }

    /// The flag set on the dictionary code of a reference that names no row, so that it never
    /// equals a row number.
    static let unresolvedFlag: Int64 = 1 << 62

    let kind: Kind

    /// Creates a decoder (one per key extractor: tables copy a reference to it).
    init(kind: Kind) { self.kind = kind }

    /// The key value of `code`.
    func value(_ code: Int64) -> QueryValue {
        switch kind {
        case .reference(let ids, let dictionary):
            if code & Self.unresolvedFlag != 0 { return .text(dictionary[Int32(code & ~Self.unresolvedFlag)]) }
            guard let ids, case .string(let idCodes) = ids.storage else { return .text(String(code)) }
            return .text(ids.dictionary[idCodes[Int(code)]])
        case .text(let dictionary): return .text(dictionary[Int32(code)])
        case .enumeration(let names): return .text(Int(code) < names.count ? names[Int(code)] : String(code))
        case .integer: return .integer(code)
        case .decimal: return .decimal(ExactDecimal(scaled: code))
        case .boolean: return .boolean(code != 0)
        case .date: return .date(Int32(code))
        case .datetime: return .datetime(code)
        }
    }
}
