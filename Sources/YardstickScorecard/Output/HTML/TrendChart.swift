import YardstickEngine

/// A subject's total over periods as an inline SVG line: one point per period (a gap where a
/// period had no total), labelled with the period and the total, on the scale 0…cap.
struct TrendChart {
    /// The points, oldest first.
    var points: [ScoreTrendPoint]
    /// The top of the scale: the model's cap.
    var cap: Double

    /// Whether there is a trend to draw: two points or more.
    var isDrawn: Bool { points.count >= 2 }

    /// The chart's SVG element.
    var svg: String {
        let (width, height) = (320.0, 150.0)
        let (left, right, top, bottom) = (28.0, 12.0, 16.0, 34.0)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let step = points.count > 1 ? plotWidth / Double(points.count - 1) : 0
        func x(_ index: Int) -> Double { left + step * Double(index) }
        func y(_ total: Double) -> Double {
            let fraction = cap > 0 ? min(max(total / cap, 0), 1) : 0
            return top + plotHeight * (1 - fraction)
        }
        func number(_ value: Double) -> String {
            ReadableNumber.grouped(value, decimals: 1, trimmed: true).replacingOccurrences(of: ",", with: "")
        }
        let summary = points.map { $0.periodLabel + " " + ReadableNumber.score($0.total) }.joined(separator: ", ")
        var svg =
            "<svg class=\"chart trend\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escaped(summary))\">"
        for fraction in [0.0, 0.5, 1.0] {
            let lineY = top + plotHeight * (1 - fraction)
            svg +=
                "<line x1=\"\(number(left))\" y1=\"\(number(lineY))\" x2=\"\(number(width - right))\" y2=\"\(number(lineY))\" stroke=\"#d9dee7\"/>"
            svg +=
                "<text x=\"\(number(left - 4))\" y=\"\(number(lineY + 3))\" font-size=\"9\" fill=\"#5d6675\" text-anchor=\"end\">\(number(cap * fraction))</text>"
        }
        // Runs of consecutive points with a total are joined; a missing total breaks the line.
        var run: [String] = []
        func flush() {
            if run.count > 1 {
                svg +=
                    "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"#2f6fd6\" stroke-width=\"2\"/>"
            }
            run = []
        }
        for (index, point) in points.enumerated() {
            guard let total = point.total, total.isFinite else {
                flush()
                continue
            }
            run.append(number(x(index)) + "," + number(y(total)))
        }
        flush()
        for (index, point) in points.enumerated() {
            let labelX = number(x(index))
            if let total = point.total, total.isFinite {
                svg += "<circle class=\"point\" cx=\"\(labelX)\" cy=\"\(number(y(total)))\" r=\"3\" fill=\"#2f6fd6\"/>"
                svg +=
                    "<text x=\"\(labelX)\" y=\"\(number(y(total) - 6))\" font-size=\"9\" text-anchor=\"middle\" fill=\"#1d2330\">\(ReadableNumber.score(total))</text>"
            }
            svg +=
                "<text x=\"\(labelX)\" y=\"\(number(height - 12))\" font-size=\"9\" text-anchor=\"middle\" fill=\"#5d6675\">\(HTMLText.escaped(point.periodLabel))</text>"
        }
        return svg + "</svg>"
    }
}
