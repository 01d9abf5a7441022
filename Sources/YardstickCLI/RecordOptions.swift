import ArgumentParser

/// `--record`: keep the run's figures in the workspace's history (`.yardstick/history.sqlite`).
struct RecordOptions: ParsableArguments {
    @Flag(
        help:
            "Record the figures in the workspace's history (.yardstick/history.sqlite) for `yardstick history`; re-recording a period replaces its figures for the same model version."
    )
    var record = false
}
