/// Combines two key tables by key value (``KeySetOperation``). Codes are compared when both
/// tables' codes share a domain (a reference's rows, a value type), key text otherwise.
enum KeySetCombiner {
    static func combine(_ left: KeyTable, _ operation: KeySetOperation, _ right: KeyTable) -> KeyTable {
        if left.domain.sharesCodes(with: right.domain) {
            return combine(left, operation, right, leftIDs: left.codes, rightIDs: right.codes)
        }
        return combine(
            left, operation, right, leftIDs: left.keys.map(KeyTable.matchText),
            rightIDs: right.keys.map(KeyTable.matchText))
    }

    private static func combine<ID: Hashable>(
        _ left: KeyTable, _ operation: KeySetOperation, _ right: KeyTable, leftIDs: [ID], rightIDs: [ID]
    ) -> KeyTable {
        switch operation {
        case .minus, .intersect:
            let other = Set(rightIDs)
            let keep = operation == .intersect
            let indices = leftIDs.indices.filter { other.contains(leftIDs[$0]) == keep }
            return indices.count == left.count ? left : left.selecting(indices)
        case .union:
            let mine = Set(leftIDs)
            var result = left
            if !left.domain.sharesCodes(with: right.domain) { result.domain = .local }
            let fromRight = right.names.map { name in left.names.firstIndex(of: name) }
            var added = Set<ID>()
            for (index, id) in rightIDs.enumerated() where !mine.contains(id) && added.insert(id).inserted {
                result.codes.append(result.domain == .local ? Int64(result.codes.count) : right.codes[index])
                result.keys.append(right.keys[index])
                for position in result.columns.indices { result.columns[position].append(KeyTable.null) }
                for (rightPosition, leftPosition) in fromRight.enumerated() {
                    if let leftPosition {
                        result.columns[leftPosition][result.count - 1] = right.columns[rightPosition][index]
                    }
                }
            }
            if result.domain == .local { result.codes = Array(0..<Int64(result.count)) }
            return result
        }
    }
}
