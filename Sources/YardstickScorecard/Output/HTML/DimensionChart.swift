import Foundation
import YardstickEngine

/// The chart of a subject's top-level scores as inline SVG: a radar from three dimensions on,
/// horizontal bars below three. Both are drawn on the scale 0…cap, with the peer group's mean
/// per dimension as a dashed outline (radar) or a tick (bars) when it is known.
///
/// The SVG is plain markup (no external reference, no script), sized by its `viewBox`, and
/// carries an `aria-label` listing every score, so the figures are readable without the
/// picture.
struct DimensionChart {
    /// One axis or bar: a top-level dimension (or indicator) of the model.
    struct Axis {
        /// Its label (the dimension's id, or the indicator's title).
        var label: String
        /// The subject's score there, or nil when it has none.
        var score: Double?
        /// The peer group's mean score there, or nil.
        var peerMean: Double?
    }

    /// The axes, in model order.
    var axes: [Axis]
    /// The top of the scale: the model's cap (100 by default).
    var cap: Double

    /// Whether the chart is a radar (three axes or more) rather than bars.
    var isRadar: Bool { axes.count >= 3 }

    /// The chart's SVG element.
    var svg: String {
        isRadar ? radar : bars
    }

    /// `results 115.0, quality 100.0`: the label of the picture.
    private var summary: String {
        axes.map { $0.label + " " + ReadableNumber.score($0.score) }.joined(separator: ", ")
    }

    private func fraction(_ score: Double?) -> Double {
        guard let score, score.isFinite, cap > 0 else { return 0 }
        return min(max(score / cap, 0), 1)
    }

    private static func number(_ value: Double) -> String {
        ReadableNumber.grouped(value, decimals: 1, trimmed: true).replacingOccurrences(of: ",", with: "")
    }

    // MARK: Radar

    private var radar: String {
        let (width, height) = (340.0, 260.0)
        let (centerX, centerY, radius) = (170.0, 130.0, 78.0)
        let count = axes.count
        func point(_ index: Int, _ fraction: Double) -> (Double, Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
            return (centerX + radius * fraction * cos(angle), centerY + radius * fraction * sin(angle))
        }
        func polygon(_ fractions: [Double]) -> String {
            fractions.enumerated().map { index, value in
                let (x, y) = point(index, value)
                return Self.number(x) + "," + Self.number(y)
            }.joined(separator: " ")
        }
        var svg =
            "<svg class=\"chart radar\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escaped(summary))\">"
        for ring in [0.25, 0.5, 0.75, 1.0] {
            svg +=
                "<polygon points=\"\(polygon(Array(repeating: ring, count: count)))\" fill=\"none\" stroke=\"#d9dee7\"/>"
        }
        for index in 0..<count {
            let (x, y) = point(index, 1)
            svg +=
                "<line x1=\"\(Self.number(centerX))\" y1=\"\(Self.number(centerY))\" x2=\"\(Self.number(x))\" y2=\"\(Self.number(y))\" stroke=\"#d9dee7\"/>"
        }
        if axes.contains(where: { $0.peerMean != nil }) {
            svg +=
                "<polygon class=\"peer\" points=\"\(polygon(axes.map { fraction($0.peerMean) }))\" fill=\"none\" stroke=\"#5d6675\" stroke-dasharray=\"4 3\"/>"
        }
        svg +=
            "<polygon class=\"subject\" points=\"\(polygon(axes.map { fraction($0.score) }))\" fill=\"#2f6fd6\" fill-opacity=\"0.25\" stroke=\"#2f6fd6\" stroke-width=\"2\"/>"
        for (index, axis) in axes.enumerated() {
            let (x, y) = point(index, 1.18)
            let anchor = abs(x - centerX) < 8 ? "middle" : x > centerX ? "start" : "end"
            svg +=
                "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor)\" font-size=\"11\" fill=\"#1d2330\">"
            svg += HTMLText.escaped(Self.shortened(axis.label)) + " <tspan font-weight=\"700\">"
            svg += ReadableNumber.score(axis.score) + "</tspan></text>"
        }
        return svg + "</svg>"
    }

    // MARK: Bars

    private var bars: String {
        let rowHeight = 30.0
        let (labelWidth, barWidth, width) = (110.0, 180.0, 340.0)
        let height = rowHeight * Double(axes.count) + 22
        var svg =
            "<svg class=\"chart bars\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escaped(summary))\">"
        for (index, axis) in axes.enumerated() {
            let y = 8 + rowHeight * Double(index)
            svg += "<text x=\"0\" y=\"\(Self.number(y + 14))\" font-size=\"11\" fill=\"#1d2330\">"
            svg += HTMLText.escaped(Self.shortened(axis.label)) + "</text>"
            svg +=
                "<rect x=\"\(Self.number(labelWidth))\" y=\"\(Self.number(y + 4))\" width=\"\(Self.number(barWidth))\" height=\"14\" fill=\"#eef1f6\"/>"
            svg +=
                "<rect class=\"bar\" x=\"\(Self.number(labelWidth))\" y=\"\(Self.number(y + 4))\" width=\"\(Self.number(barWidth * fraction(axis.score)))\" height=\"14\" fill=\"#2f6fd6\"/>"
            if let mean = axis.peerMean {
                let x = labelWidth + barWidth * fraction(mean)
                svg +=
                    "<line class=\"peer\" x1=\"\(Self.number(x))\" y1=\"\(Self.number(y + 1))\" x2=\"\(Self.number(x))\" y2=\"\(Self.number(y + 21))\" stroke=\"#1d2330\" stroke-dasharray=\"3 2\"/>"
            }
            svg +=
                "<text x=\"\(Self.number(labelWidth + barWidth + 6))\" y=\"\(Self.number(y + 15))\" font-size=\"11\" font-weight=\"700\" fill=\"#1d2330\">"
            svg += ReadableNumber.score(axis.score) + "</text>"
        }
        let axisY = 8 + rowHeight * Double(axes.count) + 10
        svg +=
            "<text x=\"\(Self.number(labelWidth))\" y=\"\(Self.number(axisY))\" font-size=\"10\" fill=\"#5d6675\">0</text>"
        svg +=
            "<text x=\"\(Self.number(labelWidth + barWidth))\" y=\"\(Self.number(axisY))\" font-size=\"10\" fill=\"#5d6675\" text-anchor=\"end\">\(Self.number(cap))</text>"
        return svg + "</svg>"
    }

    /// A label cut to 14 characters with `…` (the full one is in the table beside the chart).
    static func shortened(_ label: String) -> String {
        label.count > 14 ? String(label.prefix(13)) + "…" : label
    }
}
