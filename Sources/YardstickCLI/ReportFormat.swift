import ArgumentParser

/// Output formats of `check`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
