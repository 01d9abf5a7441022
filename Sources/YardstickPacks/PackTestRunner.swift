import Foundation
import YardstickData
import YardstickEngine
import YardstickLocalization
import YardstickQuery

/// `plugins test`: runs a pack on each of its fixture workspaces and compares the figures with
/// the expected ones.
///
/// A fixture is a folder `tests/NAME/` holding a small workspace (`yardstick.toml` and its
/// data) and `expected.csv` (see ``PackExpectation``). The pack runs alone on it — with its
/// dependencies, found as for a workspace, and the parameters of the fixture's own
/// `[packs.PACK.parameters]` if it has any — over the periods and grains the expectations name.
public struct PackTestRunner: Sendable {
    /// The pack under test.
    public var pack: Pack
    /// Where its dependencies are found, besides each fixture's own `packs/` folder (the
    /// user's folder and the shipped packs by default).
    public var dependencyLocations: PackLocations?

    /// Creates a runner.
    ///
    /// - Parameters:
    ///   - pack: The pack under test.
    ///   - dependencyLocations: Where dependencies are found (nil: the standard locations).
    public init(pack: Pack, dependencyLocations: PackLocations? = nil) {
        self.pack = pack
        self.dependencyLocations = dependencyLocations
    }

    /// The fixture folders: `tests/*/` holding an `expected.csv`, sorted by name.
    public var fixtures: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: pack.testsFolder)) ?? []
        return names.sorted().filter {
            FileManager.default.fileExists(atPath: "\(pack.testsFolder)/\($0)/expected.csv")
        }
    }

    /// Runs every fixture.
    public func run() -> PackTestOutcome {
        var outcome = PackTestOutcome(pack: pack.name)
        for fixture in fixtures {
            do {
                outcome.checks += try run(fixture: fixture, errors: &outcome.errors)
            } catch {
                outcome.errors.append("\(fixture): \(error)")
            }
        }
        return outcome
    }

    /// Runs one fixture: its checks, and the load errors of the pack's files in `errors`.
    private func run(fixture: String, errors: inout [String]) throws -> [PackTestOutcome.Check] {
        let folder = "\(pack.testsFolder)/\(fixture)"
        let shown = "\(pack.name)/tests/\(fixture)/expected.csv"
        let text = try String(contentsOfFile: folder + "/expected.csv", encoding: .utf8)
        let expectations = try PackExpectation.parse(text, file: shown, pack: pack.name)
        var sections = WorkspaceSections()
        sections.register(PacksSection.self)
        let workspace = try Workspace.open(directory: folder, sections: sections)
        let (dataset, _) = try DataLoader(workspace: workspace).load()
        let sets = try indicatorSets(workspace: workspace)
        var periods: [Period] = []
        for label in expectations.map(\.period) where !periods.contains(where: { $0.label == label }) {
            periods.append(try Period.parse(label, calendar: workspace.calendar))
        }
        var grains: [Grain] = []
        let available = SubjectGrains(workspace: workspace)
        for name in expectations.map(\.grain) where !grains.contains(where: { $0.rawValue == name }) {
            grains.append(try available.require(name, what: "grain"))
        }
        let evaluator = Evaluator(engine: QueryEngine(dataset: dataset), workspace: workspace, workers: 1)
        let report = try evaluator.run(IndicatorSelection(sets: sets), periods: periods, grains: grains)
        for failure in report.errors where failure.subjectID == nil {
            errors.append("\(fixture): \(failure.location): \(failure.message)")
        }
        var figures: [String: ResultValue] = [:]
        for figure in report.results + report.breakdowns {
            figures[
                Self.key(
                    figure.indicatorID, figure.grain.rawValue, figure.subjectID, figure.period.label,
                    figure.breakdown?.dimension ?? "", figure.breakdown?.member ?? "")] = figure.value
        }
        let known = Set(report.indicators.map(\.id))
        return expectations.map { expectation in
            let id = pack.name + "." + expectation.indicator
            let failure: String?
            if !known.contains(id) {
                failure = tr("the pack has no indicator %@", expectation.indicator)
            } else if let value = figures[
                Self.key(
                    id, expectation.grain, expectation.subject, expectation.period, expectation.dimension ?? "",
                    expectation.member ?? "")]
            {
                failure = Self.compare(value, with: expectation)
            } else if let dimension = expectation.dimension, let member = expectation.member {
                failure =
                    tr(
                        "no figure for this subject and period in member %@ of %@ (does the indicator declare that breakdown, and has the subject rows of that member?)",
                        member, dimension)
            } else {
                failure = tr("no figure for this subject and period (is the subject in the fixture?)")
            }
            return PackTestOutcome.Check(fixture: fixture, expectation: expectation, failure: failure)
        }
    }

    /// The pack's set, and its dependencies', for a fixture.
    private func indicatorSets(workspace: Workspace) throws(PackError) -> [IndicatorSet] {
        let listed = workspace.section(PacksSection.self)
        let locations =
            dependencyLocations ?? PackLocations.standard(workspace: workspace.directory, paths: listed?.paths ?? [])
        let others = PackCatalog(scanning: locations)
        let catalog = PackCatalog(
            packs: [pack] + others.packs.filter { $0.name != pack.name }, failures: others.failures)
        let exact = VersionRange("=\(pack.manifest.version)") ?? .any
        let parameters = listed?.requirements.first { $0.name == pack.name }?.parameters
        let requirement = PackRequirement(name: pack.name, range: exact, origin: "plugins test", parameters: parameters)
        var sets: [IndicatorSet] = []
        for resolved in try PackResolver(catalog: catalog).resolve([requirement]) {
            sets.append(try PackIndicatorSet.make(resolved, workspace: nil))
        }
        return sets
    }

    private static func key(_ parts: String...) -> String { parts.joined(separator: "\u{1F}") }

    /// Nil when the value matches, else what differs.
    static func compare(_ value: ResultValue, with expectation: PackExpectation) -> String? {
        let actual: Double?
        switch value {
        case .integer(let number): actual = Double(number)
        case .number(let number): actual = number
        case .decimal(let number): actual = Double(number.description)
        case .missing(let reason):
            return expectation.value == nil
                ? nil : tr("expected %@, got missing (%@)", format(expectation.value), reason)
        case .failed(let message): return tr("failed: %@", message)
        }
        guard let expected = expectation.value else { return tr("expected missing, got %@", format(actual)) }
        guard let actual, abs(actual - expected) <= expectation.tolerance else {
            return tr("expected %@, got %@", format(expected), format(actual))
        }
        return nil
    }

    private static func format(_ value: Double?) -> String {
        guard let value else { return "missing" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
