import Foundation
import Testing

@testable import YardstickData

/// Loading must resolve every reference, and take its fast paths, whatever the shape of a CRM's
/// ids: short sorted ones, Salesforce's 18 characters, GUIDs, unsorted integers, unpadded
/// numbers in generation order.
@Suite struct IdShapeTests {
    /// The id shapes of the load benchmark's profiles (benchmarks/generate_workspace.py --ids).
    enum Shape: CaseIterable {
        case short, salesforce, guid, unsortedInteger, unpadded

        /// The id of row `row` of the entity with this one-letter prefix.
        func id(_ prefix: Character, _ row: Int) -> String {
            // A bijection of the row number, so ids are distinct and in no order.
            let scrambled = (UInt64(row) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(prefix.asciiValue!)) & (1 << 40 - 1)
            switch self {
            case .short:
                return String(prefix) + String(repeating: "0", count: 7 - String(row).count) + String(row)
            case .salesforce:
                let digits = String(scrambled, radix: 36, uppercase: false)
                let body = String(repeating: "0", count: 9 - digits.count) + digits
                return "00" + String(prefix) + "5g0" + body + "AAQ"
            case .guid:
                let hex = String(scrambled, radix: 16)
                let padded = String(repeating: "0", count: 12 - hex.count) + hex
                return "7a1c\(prefix.asciiValue!)e0-9f3d-4c2a-8d5e-" + padded
            case .unsortedInteger:
                return String(scrambled + 1)
            case .unpadded:
                return String(prefix).lowercased() + String(row)
            }
        }
    }

    static let accounts = 2_000
    static let users = 40
    /// Above ``StringDictionary/parallelIndexThreshold``: the activities' ids are indexed on
    /// several threads.
    static let activities = StringDictionary.parallelIndexThreshold + 3_000

    /// The same rows in every shape: row `r` of activities references account `r * 7919 %
    /// accounts` and user `r * 31 % users` (no locality), and some rows have no account.
    static func workspace(_ shape: Shape) throws -> TemporaryWorkspace {
        var users = "id,name\n"
        for row in 0..<Self.users { users += "\(shape.id("U", row)),User \(row)\n" }
        var accounts = "id,name,owner\n"
        for row in 0..<Self.accounts {
            accounts += "\(shape.id("A", row)),Account \(row),\(shape.id("U", row % Self.users))\n"
        }
        var activities = "id,type,owner,account,duration_seconds\n"
        for row in 0..<Self.activities {
            let account = row % 17 == 0 ? "" : shape.id("A", row &* 7919 % Self.accounts)
            activities +=
                "\(shape.id("X", row)),\(row % 3 == 0 ? "call" : "email"),\(shape.id("U", row &* 31 % Self.users)),"
                + "\(account),\(row % 600)\n"
        }
        return try TemporaryWorkspace(
            toml: """
                [entities.users]
                file = "users.csv"
                [entities.accounts]
                file = "accounts.csv"
                [entities.activities]
                file = "activities.csv"
                """,
            text: ["users.csv": users, "accounts.csv": accounts, "activities.csv": activities])
    }

    @Test(arguments: Shape.allCases)
    func everyReferenceResolvesToTheSameRowsInEveryIdShape(_ shape: Shape) throws {
        let (dataset, report) = try Self.workspace(shape).load()
        let activities = try #require(dataset.tables["activities"])
        #expect(activities.rowCount == Self.activities)
        let account = try #require(activities.columns["account"])
        let owner = try #require(activities.columns["owner"])
        for row in 0..<activities.rowCount {
            let expectedAccount = row % 17 == 0 ? -1 : Int32(row &* 7919 % Self.accounts)
            if account.referencedRows[row] != expectedAccount
                || owner.referencedRows[row] != Int32(row &* 31 % Self.users)
            {
                Issue.record(
                    "\(shape) row \(row): account \(account.referencedRows[row]), owner \(owner.referencedRows[row])")
                return
            }
        }
        // Account 5 is referenced by the rows r with r * 7919 % 2000 == 5 that have an account.
        let referencing = (0..<Self.activities).filter { $0 % 17 != 0 && $0 &* 7919 % Self.accounts == 5 }
        #expect(activities.referenceIndexes["account"]?.rows(referencing: 5).map(Int.init) == referencing)
        let accounts = try #require(dataset.tables["accounts"])
        #expect(
            accounts.columns["owner"]?.referencedRows.enumerated().allSatisfy { $1 == Int32($0 % Self.users) } == true)
        // Every id is found, and ids are distinct.
        for row in [0, 1, 4_095, Self.activities / 2, Self.activities - 1] {
            #expect(activities.row(forKey: shape.id("X", row)) == row, "\(shape) \(row)")
        }
        #expect(activities.duplicateKeys.isEmpty)
        #expect(activities.columns["duration_seconds"]?.value(at: 1_234) == .integer(1_234 % 600))
        // The activities' ids (no sorted shape is long enough for bisection) are indexed on
        // all cores when there are several.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(report.keyIndexPaths["activities"] == (cores > 1 ? .hashedInParts(cores) : .hashed))
        #expect(report.keyIndexPaths["accounts"] == .hashed)
    }

    @Test func aRolledBackLongKeyLeavesNoLongBatchBehindForTheShortKeysAfterIt() throws {
        // Found by the CSV fuzzer: a batch emptied by a rollback still said "long", so the short
        // keys queued next were read as offsets into the long keys' bytes.
        let builder = ColumnBuilder(field: FieldDefinition("account", .reference("accounts"), "The account."))
        var expected = StringDictionary()
        var codes: [Int32] = []
        for index in 0..<200 {
            Array(Shape.guid.id("A", index).utf8).withUnsafeBytes { builder.appendString($0) }
            builder.truncate(to: codes.count)
            let short = "a\(index % 17)"
            Array(short.utf8).withUnsafeBytes { builder.appendString($0) }
            codes.append(expected.intern(short))
        }
        let column = builder.build()
        guard case .reference(let built) = column.storage else {
            Issue.record("expected a reference column")
            return
        }
        #expect(built.map { column.dictionary[$0] } == codes.map { expected[$0] })
    }

    @Test func longReferenceKeysAreInternedInBatchesWithTheCodesOfOneByOne() throws {
        // GUIDs wait for a batch of their own; short keys, nulls, keys too long to wait and
        // rolled-back rows come in between.
        let builder = ColumnBuilder(field: FieldDefinition("account", .reference("accounts"), "The account."))
        var expected = StringDictionary()
        var codes: [Int32] = []
        var long = 0
        var row = 0
        for index in 0..<30_000 {
            let text: String
            switch index % 101 {
            case 7: text = "A\(index % 300)"
            case 8: text = String(repeating: "x", count: 70) + String(index % 5)
            default:
                text = Shape.guid.id("A", (index &* 7919) % 20_011)
                long += 1
            }
            if index % 31 == 0 {
                builder.appendNull()
                codes.append(-1)
                if text.utf8.count == 36 { long -= 1 }
            } else {
                Array(text.utf8).withUnsafeBytes { builder.appendString($0) }
                codes.append(expected.intern(text))
            }
            row += 1
            if index % 53 == 0 {
                // A rejected row: appended, then rolled back.
                Array("Z\(index)".utf8).withUnsafeBytes { builder.appendString($0) }
                builder.truncate(to: row)
            }
        }
        let column = builder.build()
        #expect(builder.batchedLongValues == long)
        guard case .reference(let built) = column.storage else {
            Issue.record("not a reference column")
            return
        }
        let kept = column.dictionary.values.filter { !$0.hasPrefix("Z") }
        #expect(kept == expected.values)
        #expect(built.map { $0 < 0 ? nil : column.dictionary[$0] } == codes.map { $0 < 0 ? nil : expected[$0] })
    }

    @Test(arguments: [2, 3, 8])
    func keysIndexedInPartsFindTheSameCodesAndRepeatsAsOneThread(parts: Int) {
        // Unsorted GUIDs with repeats (some of a value first seen near a part's end).
        var texts = (0..<StringDictionary.parallelIndexThreshold + 777).map { Shape.guid.id("K", $0) }
        for index in stride(from: 5, to: texts.count, by: 997) { texts.append(texts[index]) }
        texts.append(texts[texts.count - 1])
        var serial = StringDictionary(capacity: 0)
        for text in texts { _ = Array(text.utf8).withUnsafeBytes { serial.appendWithoutLookup($0) } }
        var parallel = serial
        let expected = serial.buildIndex(parts: 1)
        let found = parallel.buildIndex(parts: parts)
        #expect(expected.path == .hashed)
        #expect(found.path == .hashedInParts(parts))
        #expect(found.repeats.map { [$0.repeat, $0.first] } == expected.repeats.map { [$0.repeat, $0.first] })
        #expect(found.repeats.count == (texts.count - StringDictionary.parallelIndexThreshold - 777))
        #expect(!parallel.codesAreUnique)
        for (code, text) in texts.enumerated() where code % 7 == 0 || code >= texts.count - 100 {
            #expect(parallel.code(of: text) == serial.code(of: text), "\(code)")
        }
        #expect(parallel.code(of: Shape.guid.id("Q", 1)) == nil)
        // Interning afterwards grows the table and still finds everything.
        #expect(parallel.intern("a new key of some length") == Int32(texts.count))
        #expect(parallel.code(of: texts[12_345]) == serial.code(of: texts[12_345]))
    }

    @Test func longValuesHashTheSameThroughEveryLookup() {
        // 9 to 64 bytes: the overlapping last word of the hash covers every length.
        var dictionary = StringDictionary()
        let texts = (9...64).flatMap { length in
            (0..<3).map { String(repeating: "v", count: length - String($0).count) + String($0) }
        }
        for (code, text) in texts.enumerated() { #expect(dictionary.intern(text) == Int32(code)) }
        for (code, text) in texts.enumerated() { #expect(dictionary.code(of: text) == Int32(code)) }
        #expect(dictionary.code(of: String(repeating: "v", count: 8) + "3") == nil)
    }
}
