import ArgumentParser

/// `--no-cache`: load the sources instead of the workspace's snapshot cache.
struct CacheOptions: ParsableArguments {
    @Flag(
        name: .customLong("no-cache"),
        help:
            "Load the data from the source files even when the snapshot in .yardstick/cache fits, and leave the snapshot as it is."
    )
    var noCache = false

    /// Whether loads go through the snapshot cache.
    var usesCache: Bool { !noCache }
}
