import ArgumentParser

/// Output formats of `run`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}
