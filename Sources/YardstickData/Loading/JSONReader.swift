import Foundation
import YardstickLocalization

/// Reads a JSON file (an array of objects, or an object holding one such array) or an NDJSON
/// file (one object per line) as rows of text cells under the union of the objects' keys.
///
/// Numbers keep their JSON spelling where Foundation preserves it (integers); fractional
/// numbers are written back in their shortest exact form. Nested objects and arrays are not
/// values of any field and are reported as such.
enum JSONReader {
    /// The file's records, numbered from 1 (by line in an NDJSON file).
    ///
    /// - Throws: ``SourceError`` when the file cannot be read or is not an array of objects
    ///   (or a line is not an object).
    static func read(path: String, file: String, lines: Bool) throws(SourceError) -> BufferedRecordSource {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SourceError(file: file, message: tr("cannot read the file"))
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
                    throw SourceError(file: file, row: number, message: tr("line is not a JSON object"))
                }
                objects.append((number, object))
            }
        } else {
            let root: Any
            do {
                root = try JSONSerialization.jsonObject(with: data)
            } catch {
                throw SourceError(file: file, message: tr("not valid JSON: %@", error.localizedDescription))
            }
            var array = root as? [Any]
            if array == nil, let object = root as? [String: Any] {
                let arrays = object.values.compactMap { $0 as? [Any] }
                if arrays.count == 1 { array = arrays[0] }
            }
            guard let array else {
                throw SourceError(
                    file: file, message: tr("expected an array of objects (or an object holding one)"))
            }
            for (index, item) in array.enumerated() {
                guard let object = item as? [String: Any] else {
                    throw SourceError(file: file, row: index + 1, message: tr("record is not an object"))
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
        let records = objects.map { number, object in
            (number: number, cells: header.map { key in object[key].flatMap(text(of:)) })
        }
        return BufferedRecordSource(header: header, records: records, file: file)
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
}
