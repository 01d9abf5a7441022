import Foundation

/// Writes a line to standard error, erasing the progress bar's line first so that the two are
/// never mixed.
func printError(_ text: String) {
    ActiveProgress.shared.interrupt()
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
