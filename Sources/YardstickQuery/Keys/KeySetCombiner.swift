/// Combines two key tables by key value (``KeySetOperation``). Codes are compared when both
/// tables' codes share a domain (a reference's rows, a value type), key text otherwise.
enum KeySetCombiner {
    static func combine(_ left: KeyTable, _ operation: KeySetOperation, _ right: KeyTable) -> KeyTable {
        if left.domain.sharesCodes(with: right.domain) {
            return combineCodes(left, operation, right)
        }
        return combineTexts(left, operation, right)
    }

    /// Tables of one domain: their codes are compared, and a union's keys stay codes.
    private static func combineCodes(_ left: KeyTable, _ operation: KeySetOperation, _ right: KeyTable) -> KeyTable {
        switch operation {
        case .minus, .intersect:
            let other = KeyCodeIndex(right.codes)
            let keep = operation == .intersect
            let indices = left.codes.indices.filter { other.contains(left.codes[$0]) == keep }
            return indices.count == left.count ? left : left.selecting(indices)
        case .union:
            var seen = KeyCodeIndex(expected: left.count + right.count)
            for (position, code) in left.codes.enumerated() { _ = seen.insert(code, at: Int32(position)) }
            var result = left
            let fromRight = right.names.map { name in left.names.firstIndex(of: name) }
            for (index, code) in right.codes.enumerated() where seen.insert(code, at: Int32(result.count)).inserted {
                result.appendKey(code: code, value: right.key(at: index))
                copyFields(from: right, index, fromRight, into: &result)
            }
            return result
        }
    }

    /// Tables of two domains: their keys are compared by text, and a union holds its keys.
    private static func combineTexts(_ left: KeyTable, _ operation: KeySetOperation, _ right: KeyTable) -> KeyTable {
        let leftTexts = left.keys.map(KeyTable.matchText)
        let rightTexts = right.keys.map(KeyTable.matchText)
        switch operation {
        case .minus, .intersect:
            let other = Set(rightTexts)
            let keep = operation == .intersect
            let indices = leftTexts.indices.filter { other.contains(leftTexts[$0]) == keep }
            return indices.count == left.count ? left : left.selecting(indices)
        case .union:
            var seen = Set(leftTexts)
            var result = left.holdingKeys()
            let fromRight = right.names.map { name in left.names.firstIndex(of: name) }
            for (index, text) in rightTexts.enumerated() where seen.insert(text).inserted {
                result.appendKey(code: Int64(result.count), value: right.key(at: index))
                copyFields(from: right, index, fromRight, into: &result)
            }
            return result
        }
    }

    /// Copies the right side's per-key fields that the left side also has into the last key.
    private static func copyFields(
        from right: KeyTable, _ index: Int, _ fromRight: [Int?], into result: inout KeyTable
    ) {
        for (rightPosition, leftPosition) in fromRight.enumerated() {
            if let leftPosition { result.columns[leftPosition][result.count - 1] = right.columns[rightPosition][index] }
        }
    }
}
