import Foundation
import Testing
import YardstickTestSupport

/// `run --watch` evaluates again when an indicator changes, loads again when the data does,
/// and stops cleanly on Ctrl-C. Every wait is bounded.
@Suite struct RunWatchTests {
    @Test func editingAnIndicatorPrintsItsNewFiguresAndCtrlCStops() throws {
        let folder = try SmallWorkspace.create()
        let watch = try RunningCLI([
            "run", "--workspace", folder.path, "--period", "2026-10", "--format", "csv", "--indicators",
            "won_revenue", "--watch",
        ])
        #expect(watch.waitUntil { $0.stderr.contains("watching") }, "\(watch.stderr)")
        #expect(watch.stdout.contains("2026-10,user,u1,Ann,won_revenue,300.3,money,ok"), "\(watch.stdout)")
        try folder.write(
            """
            return indicator { id = "won_revenue", unit = "money", per = "user",
              value = function(s) return s.opportunities:during("closed_at"):where{ stage = "won" }:sum("amount") * 2 end }

            """, to: "indicators/won_revenue.lua")
        #expect(
            watch.waitUntil { $0.stdout.contains("2026-10,user,u1,Ann,won_revenue,600.6,money,ok") },
            "\(watch.stdout)\n\(watch.stderr)")
        #expect(watch.stderr.contains("re-running: indicators/won_revenue.lua changed"))
        // A data change loads the tables again.
        try folder.write(
            "id,owner,stage,amount,created_at,closed_at\no1,u1,won,5,2026-09-01,2026-10-05\n",
            to: "data/opportunities.csv")
        #expect(
            watch.waitUntil { $0.stdout.contains("2026-10,user,u1,Ann,won_revenue,10,money,ok") },
            "\(watch.stdout)\n\(watch.stderr)")
        #expect(watch.stderr.contains("reloading: data/opportunities.csv changed"))
        // A broken indicator is reported and the watch goes on.
        try folder.write("return indicator {", to: "indicators/won_revenue.lua")
        #expect(watch.waitUntil { $0.stderr.contains("error:") }, "\(watch.stderr)")
        watch.signal(SIGINT)
        let end = watch.finish()
        #expect(!end.signalled && end.status == 0, "\(watch.stderr)")
        #expect(watch.stderr.hasSuffix("stopped watching\n"), "\(watch.stderr)")
    }

    @Test func aWatchStartedOnBadDataRunsOnceTheDataIsFixed() throws {
        let folder = try SmallWorkspace.create()
        let header = "id,owner,stage,amount,created_at,closed_at\n"
        try folder.write(header + "o1,u1,won,lots,2026-09-01,2026-10-05\n", to: "data/opportunities.csv")
        let watch = try RunningCLI([
            "run", "--workspace", folder.path, "--period", "2026-10", "--format", "csv", "--indicators",
            "won_revenue", "--watch",
        ])
        #expect(watch.waitUntil { $0.stderr.contains("watching") }, "\(watch.stderr)")
        #expect(watch.stderr.contains("bad rows; nothing was loaded"), "\(watch.stderr)")
        #expect(watch.stdout.isEmpty)
        try folder.write(header + "o1,u1,won,42,2026-09-01,2026-10-05\n", to: "data/opportunities.csv")
        #expect(
            watch.waitUntil { $0.stdout.contains("2026-10,user,u1,Ann,won_revenue,42,money,ok") },
            "\(watch.stdout)\n\(watch.stderr)")
        watch.signal(SIGTERM)
        let end = watch.finish()
        #expect(!end.signalled && end.status == 0, "\(watch.stderr)")
    }
}
