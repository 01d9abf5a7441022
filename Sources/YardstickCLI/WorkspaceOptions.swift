import ArgumentParser
import Foundation

/// The workspace option shared by the commands that read a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: "The workspace folder (holding yardstick.toml).")
    var workspace: String = "."

    /// `--locale`.
    @OptionGroup var localeOption: LocaleOption

    /// The workspace folder as an absolute, standardised path.
    var directory: String {
        let url = URL(
            fileURLWithPath: workspace, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return url.standardizedFileURL.path
    }
}
