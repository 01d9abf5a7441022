import Foundation

/// The `yardstick` binary running in the background, its output collected as it comes, for
/// tests that act while it runs (`run --watch`) or kill it.
final class RunningCLI: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    /// Starts `yardstick arguments` with extra environment variables.
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = try CLI.binary()
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        outPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            self.lock.lock()
            self.out.append(data)
            self.lock.unlock()
        }
        errPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            self.lock.lock()
            self.err.append(data)
            self.lock.unlock()
        }
        try process.run()
    }

    /// Standard output so far.
    var stdout: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: out, as: UTF8.self)
    }

    /// Standard error so far.
    var stderr: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: err, as: UTF8.self)
    }

    /// Waits until `condition` holds, at most `seconds`; whether it did.
    func waitUntil(seconds: Double = 60, _ condition: (RunningCLI) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(self) { return true }
            usleep(20_000)
        }
        return condition(self)
    }

    /// Sends a signal.
    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the process to end, at most `seconds` (then kills it); its status and
    /// whether it ended by a signal.
    func finish(seconds: Double = 60) -> (status: Int32, signalled: Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        process.waitUntilExit()
        // Let the pipes' last bytes arrive.
        usleep(100_000)
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal)
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}
