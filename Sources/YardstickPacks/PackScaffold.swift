import Foundation
import YardstickLocalization

/// `plugins new NAME`: a working pack skeleton — a manifest with one parameter, one
/// indicator, a README, and a fixture workspace with expected values that `plugins test`
/// passes straight away.
public enum PackScaffold {
    /// The skeleton's files, by path relative to the pack's folder.
    ///
    /// - Parameter name: The pack's name.
    public static func files(name: String) -> [(path: String, text: String)] {
        [
            ("pack.toml", manifest(name: name)),
            ("README.md", readme(name: name)),
            ("indicators/won_revenue.lua", indicator),
            ("tests/basic/yardstick.toml", fixtureWorkspace(name: name)),
            (
                "tests/basic/data/teams.csv",
                "id,name,parent,kind\nacme,Acme Ltd,,company\nnorth,North team,acme,team\nsouth,South team,acme,team\n"
            ),
            (
                "tests/basic/data/users.csv",
                "user_id,name,team,role\nu1,Ann Lee,north,sales\nu2,Bo Chen,north,sales\nu3,Cy Diaz,south,sales\n"
            ),
            (
                "tests/basic/data/opportunities.csv",
                """
                opportunity_id,owner,stage,amount,created,closed
                o1,u1,Won,1200.50,2026-07-02,2026-08-14
                o2,u1,Lost,0,2026-07-10,2026-09-01
                o3,u2,Won,800,2026-06-20,2026-07-30
                o4,u3,Won,40,2026-07-01,2026-07-15
                o5,u3,Open,2500,2026-09-05,

                """
            ),
            ("tests/basic/expected.csv", expected),
        ]
    }

    /// Writes the skeleton into `parent/NAME`.
    ///
    /// - Parameters:
    ///   - name: The pack's name.
    ///   - parent: The folder to create it in.
    /// - Returns: The new pack's folder.
    /// - Throws: ``PackError`` for a name that is not a pack name, a folder that already exists,
    ///   or one that cannot be written.
    @discardableResult
    public static func write(name: String, in parent: String) throws(PackError) -> String {
        guard PackManifest.isPackName(name) else {
            throw PackError(
                .invalidManifest,
                tr("\"%@\" is not a pack name (lowercase letters, digits and -, starting with a letter)", name))
        }
        let folder = (parent as NSString).appendingPathComponent(name)
        guard !FileManager.default.fileExists(atPath: folder) else {
            throw PackError(.fileSystem, tr("already exists; choose another name or folder"), file: folder)
        }
        for (path, text) in files(name: name) {
            let full = (folder as NSString).appendingPathComponent(path)
            do {
                try FileManager.default.createDirectory(
                    atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try text.write(toFile: full, atomically: true, encoding: .utf8)
            } catch {
                throw PackError(.fileSystem, tr("cannot write: %@", error), file: full)
            }
        }
        return folder
    }

    static func manifest(name: String) -> String {
        """
        # The pack's manifest: see docs/packs.md.
        name = "\(name)"
        version = "0.1.0"
        host_api = "^\(PackHostAPI.version.major).\(PackHostAPI.version.minor)"
        licence = "MIT"
        authors = ["Your name <you@example.com>"]
        title = { en = "\(name)", zh = "\(name)" }
        description = { en = "What this pack measures.", zh = "本指标包衡量的内容。" }
        # The CRM fields the indicators read (checked against the vocabulary by `plugins check`).
        needs = ["opportunities.stage", "opportunities.closed_at", "opportunities.amount"]

        [dependencies]
        # other-pack = "^1.0"

        [parameters.minimum_amount]
        type = "number"
        default = 100
        doc = { en = "Won deals below this amount are not counted.", zh = "低于此金额的赢单不计入。" }

        """
    }

    static let indicator = """
        -- Won revenue: the amount of the deals won (closed) in the period, counting only deals of
        -- at least param("minimum_amount").
        return indicator {
          id = "won_revenue",
          title = { en = "Won revenue", zh = "赢单金额" },
          description = "Sum of amount over opportunities with stage won, closed_at in the period and amount >= minimum_amount.",
          unit = "money",
          better = "higher",
          per = "user",
          needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.amount" },
          value = function(s)
            local minimum = param("minimum_amount")
            return s.opportunities:during("closed_at"):where{ stage = "won", amount = { ">=", minimum } }:sum("amount")
          end,
        }

        """

    static func readme(name: String) -> String {
        """
        # \(name)

        **English title:** \(name) · **中文标题:** \(name)

        What the pack measures, for whom, and from which CRM fields.

        ## Indicators

        | id | definition |
        |---|---|
        | `won_revenue` | Sum of `amount` over opportunities with `stage = won` whose `closed_at` is in the period, leaving out deals below `minimum_amount`. |

        ## Parameters

        | name | type | default | meaning |
        |---|---|---|---|
        | `minimum_amount` | number | 100 | Won deals below this amount are not counted. |

        ## Tests

        `yardstick plugins test \(name)` runs `tests/basic` (a small workspace) and compares with
        `tests/basic/expected.csv`, computed by hand: u1 won o1 (1200.50) on 2026-08-14; u2 won o3 (800)
        on 2026-07-30; u3's won o4 (40) is below the minimum, so u3's July revenue is 0.

        """
    }

    static func fixtureWorkspace(name: String) -> String {
        """
        # A fixture for `yardstick plugins test`: a small workspace the pack runs on.
        [workspace]
        name = "\(name) fixture"

        [sources.export]
        kind = "folder"
        path = "data"

        [entities.teams]
        file = "teams.csv"

        [entities.users]
        file = "users.csv"
        [entities.users.fields]
        id = "user_id"

        [entities.opportunities]
        file = "opportunities.csv"
        [entities.opportunities.fields]
        id = "opportunity_id"
        owner = "owner"
        stage = { column = "stage", map = { Won = "won", Lost = "lost", Open = "prospecting" } }
        amount = "amount"
        created_at = "created"
        closed_at = "closed"

        """
    }

    static let expected = """
        indicator,grain,subject,period,value,tolerance
        won_revenue,user,u1,2026-08,1200.5,
        won_revenue,user,u2,2026-07,800,
        won_revenue,user,u3,2026-07,0,
        won_revenue,company,acme,2026-Q3,2000.5,

        """
}
