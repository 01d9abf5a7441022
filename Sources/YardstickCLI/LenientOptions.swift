import ArgumentParser
import YardstickLocalization

/// `--lenient` and `--rejects`: how `run` and `score` treat rows with bad values.
struct LenientOptions: ParsableArguments {
    @Flag(
        help:
            "Skip rows with bad values (each one listed on standard error, or in --rejects) instead of failing; files that cannot be loaded are still an error."
    )
    var lenient = false

    @Option(
        help:
            "With --lenient: write the skipped rows to this CSV file (file,row,column,field,value,message), atomically."
    )
    var rejects: String?

    /// Fails when `--rejects` is given without `--lenient`.
    func validateCombination() throws(CommandFailure) {
        if rejects != nil && !lenient {
            throw CommandFailure.usage(tr("--rejects lists the rows --lenient skips; pass --lenient too"))
        }
    }
}
