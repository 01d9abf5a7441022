import LuaRuntime
import YardstickLocalization

/// A peer-bins declaration: an indicator whose value is the bin of another indicator's value
/// among all the subjects of the same grain and period (`quantile_bins` and `threshold_bins`
/// in an indicator file), computed by the host once that indicator's values are known.
///
/// Bins run from 1 to ``binCount``, and ``binCount`` is the best bin whichever way the base
/// indicator is better. A subject whose base value is missing or failed gets a missing bin,
/// with the reason; it does not count among the peers.
///
/// **Quantile bins** (`quantile_bins(id, n, { better = … })`). Among the `N` subjects of the
/// grain and period that have a base value, a subject whose value is better than exactly
/// `below` of them (strictly better: ties are not counted) gets the bin `1 + ⌊n × below / N⌋`.
/// This is the share of peers the subject beats, cut into `n` equal slices: computed in
/// integers, with no interpolation. Ties share a bin, whatever their number (so a value held by
/// many subjects can leave bins above it empty); the best value always gets bin `n` when it is
/// held by fewer than `N / n` subjects; with one subject, its bin is 1.
///
/// **Threshold bins** (`threshold_bins(id, { t1, t2, … }, { better = … })`). The thresholds,
/// strictly ascending, cut the values into `k + 1` intervals `(-∞, t1)`, `[t1, t2)`, …,
/// `[tk, +∞)`: a value equal to a threshold belongs to the interval above it. With
/// `better = "higher"` the intervals are bins 1 to `k + 1` from the lowest; with
/// `better = "lower"`, bins `k + 1` to 1. Thresholds need no peers: each subject's bin depends
/// on its own value only.
package struct PeerBins: Sendable, Hashable {
    /// How the values are cut into bins.
    package enum Method: Sendable, Hashable {
        /// `n` quantile bins among the peers.
        case quantiles(Int)
        /// Fixed thresholds, strictly ascending.
        case thresholds([Double])
    }

    /// The indicator whose values are binned.
    package var base: String
    /// How the values are cut.
    package var method: Method
    /// Whether higher base values get higher bins.
    package var higherIsBetter: Bool

    /// Creates a declaration.
    package init(base: String, method: Method, higherIsBetter: Bool) {
        self.base = base
        self.method = method
        self.higherIsBetter = higherIsBetter
    }

    /// The number of bins: `n`, or one more than the thresholds.
    package var binCount: Int {
        switch method {
        case .quantiles(let count): count
        case .thresholds(let thresholds): thresholds.count + 1
        }
    }

    /// The bins of the values of one grain and period, in the same order.
    ///
    /// - Parameter values: The base indicator's value for each subject.
    /// - Returns: Per subject, its bin (an integer from 1 to ``binCount``), or a missing value
    ///   naming the base indicator and why it has no value.
    package func bins(of values: [ResultValue]) -> [ResultValue] {
        let numbers = values.map(Self.number)
        switch method {
        case .thresholds(let thresholds):
            return zip(values, numbers).map { value, number in
                guard let number else { return missing(value) }
                let above = thresholds.reduce(0) { $0 + (number >= $1 ? 1 : 0) }
                return .integer(Int64(higherIsBetter ? above + 1 : thresholds.count + 1 - above))
            }
        case .quantiles(let count):
            let present = numbers.compactMap { $0 }.sorted()
            let peers = present.count
            return zip(values, numbers).map { value, number in
                guard let number else { return missing(value) }
                // Peers strictly worse: below for higher-is-better, above otherwise.
                let worse =
                    higherIsBetter
                    ? Self.countBelow(number, in: present)
                    : peers - Self.countAtOrBelow(number, in: present)
                return .integer(Int64(1 + count * worse / peers))
            }
        }
    }

    /// The reason a subject gets no bin.
    private func missing(_ value: ResultValue) -> ResultValue {
        switch value {
        case .failed(let message): .missing(reason: "\(base) failed: \(message)")
        case .missing(let reason): .missing(reason: "\(base) is missing: \(reason)")
        default: .missing(reason: "\(base) is not a finite number")
        }
    }

    /// A value as a number to compare, or nil when it has none (missing, failed, not finite).
    /// Decimals are compared through their double, which keeps their order (exact up to 15
    /// significant digits).
    static func number(_ value: ResultValue) -> Double? {
        switch value {
        case .integer(let integer): Double(integer)
        case .number(let number): number.isFinite ? number : nil
        case .decimal(let decimal): decimal.doubleValue
        case .missing, .failed: nil
        }
    }

    /// How many of the ascending `sorted` values are less than `value`.
    static func countBelow(_ value: Double, in sorted: [Double]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// How many of the ascending `sorted` values are less than or equal to `value`.
    static func countAtOrBelow(_ value: Double, in sorted: [Double]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension PeerBins {
    /// Reads the declaration bins.lua leaves in an indicator's table (`peer_bins`).
    ///
    /// - Throws: ``IndicatorLoadError`` when the indicator bins itself or the table is not one
    ///   bins.lua writes.
    static func parse(_ table: LuaTable, of id: String, file: String) throws(IndicatorLoadError) -> PeerBins {
        func fail(_ message: String) -> IndicatorLoadError {
            IndicatorLoadError(file: file, line: nil, message: tr("indicator \"%@\": %@", id, message))
        }
        guard let base = table["base"].stringValue else { throw fail(tr("peer bins without a base indicator")) }
        guard base != id else { throw fail(tr("an indicator cannot bin its own values")) }
        let higher = table["better"].stringValue != "lower"
        switch table["method"].stringValue {
        case "quantiles":
            guard let count = table["n"].integerValue, count >= 2 else { throw fail(tr("quantile bins without n")) }
            return PeerBins(base: base, method: .quantiles(Int(count)), higherIsBetter: higher)
        case "thresholds":
            let thresholds = table["thresholds"].tableValue?.array.compactMap(\.numberValue) ?? []
            guard !thresholds.isEmpty else { throw fail(tr("threshold bins without thresholds")) }
            return PeerBins(base: base, method: .thresholds(thresholds), higherIsBetter: higher)
        default:
            throw fail(tr("peer bins of an unknown kind"))
        }
    }
}
