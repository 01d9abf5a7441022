import Foundation

/// A JSON file (an array of objects, or an object holding one such array) or an NDJSON file
/// (one object per line), seen as rows of text cells under the union of the objects' keys.
///
/// Numbers keep their JSON spelling where Foundation preserves it (integers); fractional
/// numbers are written back in their shortest exact form. Nested objects and arrays are not
/// values of any field and are reported as such.
struct JSONSource {
    let header: [String]
    /// Per record: its number (1-based) and a cell per header column (nil for absent/null).
    let records: [(number: Int, cells: [[UInt8]?])]
    let file: String
    /// The encoding the file was read with (JSON is always UTF-8; aligned text may be GB18030).
    var encoding: TextEncoding = .utf8

    /// Rows already cut into cells, from a reader of another text format (see
    /// ``AlignedTextReader``), which then load exactly as JSON records do.
    init(header: [String], records: [(number: Int, cells: [[UInt8]?])], file: String) {
        self.header = header
        self.records = records
        self.file = file
    }

    init(path: String, file: String, lines: Bool) throws(SourceError) {
        self.file = file
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SourceError(file: file, message: "cannot read the file")
        }
        var objects: [(Int, [String: Any])] = []
        if lines {
            var number = 0
            for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
                number += 1
                let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                if trimmed.isEmpty || trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
                else {
                    throw SourceError(file: file, row: number, message: "line is not a JSON object")
                }
                objects.append((number, object))
            }
        } else {
            let root: Any
            do {
                root = try JSONSerialization.jsonObject(with: data)
            } catch {
                throw SourceError(file: file, message: "not valid JSON: \(error.localizedDescription)")
            }
            var array = root as? [Any]
            if array == nil, let object = root as? [String: Any] {
                let arrays = object.values.compactMap { $0 as? [Any] }
                if arrays.count == 1 { array = arrays[0] }
            }
            guard let array else {
                throw SourceError(
                    file: file, message: "expected an array of objects (or an object holding one)")
            }
            for (index, item) in array.enumerated() {
                guard let object = item as? [String: Any] else {
                    throw SourceError(file: file, row: index + 1, message: "record is not an object")
                }
                objects.append((index + 1, object))
            }
        }
        var header: [String] = []
        var seen = Set<String>()
        for (_, object) in objects {
            for key in object.keys.sorted() where !seen.contains(key) {
                seen.insert(key)
                header.append(key)
            }
        }
        self.header = header
        self.records = objects.map { number, object in
            (number, header.map { key in object[key].flatMap(Self.text(of:)) })
        }
    }

    /// The text of a scalar JSON value; nil for null. Containers become a marker that no
    /// field type accepts.
    static func text(of value: Any) -> [UInt8]? {
        switch value {
        case is NSNull: return nil
        case let text as String: return Array(text.utf8)
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" {
                return Array((number.boolValue ? "true" : "false").utf8)
            }
            let double = number.doubleValue
            if double == double.rounded(), abs(double) < 9e15 { return Array(String(number.int64Value).utf8) }
            return Array("\(double)".utf8)
        default: return Array("<nested JSON value>".utf8)
        }
    }

    func forEachRow(_ body: (Int, Int, (Int) -> UnsafeRawBufferPointer) -> Void) {
        let empty: [UInt8] = []
        for record in records {
            // JSON records have a cell per header column; rows of aligned text may have fewer or more.
            body(record.number, record.cells.count) { column in
                let cell = record.cells[column] ?? empty
                return cell.withUnsafeBytes { $0 }  // Stable: the records array is immutable.
            }
        }
    }
}
