/// What one run of the `yardstick` binary produced.
struct CommandOutcome {
    var status: Int32
    var stdout: String
    var stderr: String
}
