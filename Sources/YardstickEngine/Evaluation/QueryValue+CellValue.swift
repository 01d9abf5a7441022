import Foundation
import LuaRuntime
import YardstickData
import YardstickQuery

extension QueryValue {
    /// The query value of a cell value.
    init(_ value: CellValue) {
        switch value {
        case .null: self = .missing("empty")
        case .string(let text): self = .text(text)
        case .integer(let number): self = .integer(number)
        case .decimal(let decimal): self = .decimal(decimal)
        case .boolean(let flag): self = .boolean(flag)
        case .date(let day): self = .date(day)
        case .datetime(let seconds): self = .datetime(seconds)
        }
    }
}
