import Foundation
import FuzzSupport
import YardstickData

/// libFuzzer entry point: arbitrary bytes as `yardstick.toml`, then a load and a check of
/// whatever it maps. See ``WorkspaceProperties``.
@_cdecl("LLVMFuzzerTestOneInput")
public func workspaceFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    WorkspaceProperties.check(input.bytes)
    return 0
}
