import Foundation
import YardstickLocalization

/// One company's workspace: the parsed `yardstick.toml` and where its files are.
///
/// A workspace says where the CRM export lives (``sources``), how each source column feeds the
/// CRM vocabulary (``entities``), how values are written (``formats``), and the calendar and
/// locale evaluations use. Open one with ``Workspace/open(directory:sections:)``.
public struct Workspace: Sendable {
    /// The folder holding `yardstick.toml`.
    public let directory: String
    /// The workspace's display name.
    public var name: String
    /// The language of titles and reports: `en` or `zh-CN`.
    public var locale: String
    /// Whether `yardstick.toml` sets `[workspace] locale` (when it does not, ``locale`` is `en`
    /// and a command line may follow the environment's language instead).
    public var declaresLocale = false
    /// The zone local datetimes are read in and periods are cut in.
    public var timeZone: TimeZone
    /// Fiscal year and week settings.
    public var calendar: CalendarSettings
    /// Named data sources.
    public var sources: [String: SourceDefinition]
    /// Workspace-wide value formats.
    public var formats: ValueFormats
    /// The mapped entities, vocabulary order first, then custom entities by name.
    public var entities: [EntityMapping]
    /// The entities declared as subjects (`[subjects.NAME]`), by name.
    public var subjects: [SubjectDeclaration] = []
    /// The `[snapshot]` table: the data's as-of day and which indicators are snapshots.
    public var snapshot: SnapshotDeclaration?
    /// The parsed tables of the registered ``WorkspaceSection``s present in the file, by key.
    var sectionValues: [String: any Sendable] = [:]

    /// Creates a workspace from its parts (a parsed file has no other sections' values).
    init(
        directory: String, name: String, locale: String, timeZone: TimeZone, calendar: CalendarSettings,
        sources: [String: SourceDefinition], formats: ValueFormats, entities: [EntityMapping]
    ) {
        self.directory = directory
        self.name = name
        self.locale = locale
        self.timeZone = timeZone
        self.calendar = calendar
        self.sources = sources
        self.formats = formats
        self.entities = entities
    }

    /// The parsed value of a registered section, or nil when the file has no such table.
    ///
    /// ```swift
    /// let targets = workspace.section(TargetsSection.self) ?? [:]
    /// ```
    public func section<Section: WorkspaceSection>(_ section: Section.Type) -> Section.Value? {
        sectionValues[Section.key] as? Section.Value
    }

    /// The mapping of an entity, if the workspace maps it.
    public func mapping(of entity: String) -> EntityMapping? {
        entities.first { $0.entity.name == entity }
    }

    /// Reads and validates `yardstick.toml` in a folder.
    ///
    /// - Parameters:
    ///   - directory: The workspace folder.
    ///   - sections: The top-level tables other modules own; any other top-level key besides
    ///     YardstickData's own is an error.
    /// - Throws: ``WorkspaceError`` naming the key at fault.
    public static func open(directory: String, sections: WorkspaceSections = WorkspaceSections())
        throws(WorkspaceError) -> Workspace
    {
        let path = (directory as NSString).appendingPathComponent("yardstick.toml")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkspaceError(
                file: path,
                message: tr("no yardstick.toml here; run `yardstick init` to create a starter workspace"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw WorkspaceError(file: path, message: tr("yardstick.toml must be UTF-8 text"))
        }
        return try WorkspaceParser(directory: directory, sections: sections).parse(text)
    }
}
