/// The report's figure array while workers fill it: each index is written exactly once, by
/// the worker that evaluated its task.
struct FigureBuffer: @unchecked Sendable {
    let base: UnsafeMutablePointer<IndicatorResult>?

    init(_ buffer: UnsafeMutableBufferPointer<IndicatorResult>) { base = buffer.baseAddress }

    func initialize(_ index: Int, _ figure: IndicatorResult) { (base! + index).initialize(to: figure) }
}
