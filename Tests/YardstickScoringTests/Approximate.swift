/// Whether a computed score equals a hand-computed one up to floating-point rounding
/// (1e-9 absolute; the scores are 0…120).
func isClose(_ actual: Double?, _ expected: Double) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= 1e-9
}

/// `isClose` for each entry; nil entries must be nil in both.
func areClose(_ actual: [Double?], _ expected: [Double?]) -> Bool {
    guard actual.count == expected.count else { return false }
    return zip(actual, expected).allSatisfy { pair in
        switch pair {
        case (nil, nil): true
        case (let a?, let e?): abs(a - e) <= 1e-9
        default: false
        }
    }
}
