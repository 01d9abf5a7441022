/// The records of an RFC 4180 CSV text as our writers produce it (fields quoted when they hold
/// a comma, a quote or a line break, quotes doubled; LF line ends).
enum CSVRecords {
    /// The records of `bytes`, each a list of fields; a final line end adds no record.
    static func parse(_ bytes: [UInt8]) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = 0
        var atRecordStart = true
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
                continue
            }
            atRecordStart = false
            switch byte {
            case UInt8(ascii: "\""):
                quoted = true
            case UInt8(ascii: ","):
                record.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            case 0x0A:
                record.append(String(decoding: field, as: UTF8.self))
                records.append(record)
                record = []
                field.removeAll(keepingCapacity: true)
                atRecordStart = true
            case 0x0D:
                continue
            default:
                field.append(byte)
            }
        }
        if !atRecordStart {
            record.append(String(decoding: field, as: UTF8.self))
            records.append(record)
        }
        return records
    }
}
