import ArgumentParser
import YardstickData

/// `yardstick vocabulary`: prints the CRM vocabulary as Markdown (the source of
/// docs/vocabulary.md).
struct VocabularyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vocabulary",
        abstract: "Print the CRM vocabulary (entities and fields) as Markdown.")

    func run() {
        print(VocabularyDocument.markdown(), terminator: "")
    }
}
