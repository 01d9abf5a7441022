import FuzzSupport
import YardstickData

/// libFuzzer entry point: arbitrary bytes through the CSV reader and through a full load.
///
/// The first byte chooses the dialect (delimiter and declared encoding) and how the file is
/// mapped; the rest is the file. See ``CSVProperties`` and ``LoadProperties`` for what is
/// checked.
@_cdecl("LLVMFuzzerTestOneInput")
public func csvFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let options = CSVFuzzOptions(&input)
    let file = input.rest()
    CSVProperties.check(file, dialect: options.dialect)
    LoadProperties.check(file, options: options)
    return 0
}
