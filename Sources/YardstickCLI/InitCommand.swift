import ArgumentParser
import Foundation
import YardstickData

/// `yardstick init`: writes a commented starter workspace.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a commented starter workspace (yardstick.toml, data/, indicators/).")

    @Argument(help: "The folder to create the workspace in.")
    var directory: String = "."

    @Option(help: "The workspace name.")
    var name: String?

    func run() throws {
        let fileManager = FileManager.default
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        let file = root.appendingPathComponent("yardstick.toml")
        if fileManager.fileExists(atPath: file.path) {
            printError("error: \(file.path) already exists; not overwriting it")
            throw ExitCode(2)
        }
        try fileManager.createDirectory(
            at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
        try fileManager.createDirectory(
            at: root.appendingPathComponent("indicators"), withIntermediateDirectories: true)
        let text = StarterWorkspace.toml(name: name ?? root.lastPathComponent)
        try Data(text.utf8).write(to: file, options: .atomic)
        print("Created \(file.path)")
        print("Next: put your CRM export in \(root.appendingPathComponent("data").path), edit the")
        print("mapping in yardstick.toml, then run `yardstick check --workspace \(directory)`.")
    }
}

/// The text of a starter `yardstick.toml`.
enum StarterWorkspace {
    static func toml(name: String) -> String {
        """
        # Yardstick workspace: where the CRM export is and how it maps onto the CRM vocabulary.
        # See docs/vocabulary.md for every entity and field, and docs/workspace.md for this file.

        [workspace]
        name = "\(name)"
        locale = "en"            # en | zh-CN: language of titles and reports
        timezone = "UTC"         # IANA name, e.g. Asia/Shanghai; datetimes without an offset use it

        [calendar]
        fiscal_year_start = 1    # month the fiscal year starts in (4 = April)
        week_start = "monday"

        [sources.export]
        kind = "folder"          # a folder of CSV / JSON / NDJSON files (or kind = "file", path = "x.csv")
        path = "data"
        encoding = "auto"        # utf-8 | gb18030 (Excel on Chinese Windows) | auto
        # delimiter = ";"

        [formats]                # how values are written; each mapping may override with [entities.X.formats]
        date = "auto"            # ISO 8601, or a pattern such as "%d/%m/%Y"
        datetime = "auto"        # e.g. "%Y-%m-%d %H:%M:%S"
        # decimal_separator = ","
        # thousands_separator = "."
        # null = ["NULL", "N/A"]

        # One table per entity. Fields default to columns of the same name; map the others:
        #   field = "Source column"
        #   field = { column = "Stage", map = { "Closed Won" = "won", "Closed Lost" = "lost" } }
        #   field = { column = "Close Date", format = "%m/%d/%Y" }
        #   field = { value = "sales" }          # the same value on every row
        # Custom fields: [entities.X.custom] name = { column = "…", type = "decimal" }
        # Several files for one entity: [[entities.X]] once per file (rows are concatenated).

        [entities.users]
        file = "users.csv"
        [entities.users.fields]
        id = "user_id"
        name = "name"
        team = "team"

        [entities.opportunities]
        file = "opportunities.csv"
        [entities.opportunities.fields]
        id = "opportunity_id"
        owner = "owner"
        stage = { column = "stage", map = { Won = "won", Lost = "lost" } }
        amount = "amount"
        created_at = "created"
        closed_at = "closed"

        """
    }
}
