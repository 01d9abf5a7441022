/// The run's figure values while workers fill them: each index is written exactly once, by the
/// worker that evaluated its task.
struct FigureBuffer: @unchecked Sendable {
    let base: UnsafeMutablePointer<ResultValue>?

    init(_ buffer: UnsafeMutableBufferPointer<ResultValue>) { base = buffer.baseAddress }

    func initialize(_ index: Int, _ value: ResultValue) { (base! + index).initialize(to: value) }
}
