import Testing

@testable import YardstickData

/// Durations as exports write them, read into whole seconds.
@Suite struct DurationTextTests {
    @Test(
        arguments: [
            ("143", 143), ("143.0", 143), ("0", 0), ("2:23", 143), ("02:23", 143), ("0:02:23", 143),
            ("1:02:03", 3723), ("25:00:00", 90_000), ("PT2M23S", 143), ("PT1H", 3600), ("P1DT2H", 93_600),
            ("PT0S", 0), ("pt2m", 120), ("-0:05", -5), ("-PT5S", -5), ("P2D", 172_800),
        ] as [(String, Int64)])
    func durationFormsReadAsSeconds(text: String, seconds: Int64) {
        #expect(Array(text.utf8).withUnsafeBytes { DurationText.seconds($0) } == seconds)
    }

    @Test(arguments: [
        "", "2:3", "2:60", "1:2:3", "1:02:03:04", ":30", "2:", "PT", "P", "PT2.5S", "PT2S3M", "P1H", "12.5",
        "abc", "PT-5S", "1 h",
    ])
    func nonDurationsAreRefused(text: String) {
        #expect(Array(text.utf8).withUnsafeBytes { DurationText.seconds($0) } == nil)
    }

    @Test func onlyIntegerFieldsNamedSecondsReadDurations() {
        #expect(DurationText.isDurationField(FieldDefinition("wait_seconds", .integer, "")))
        #expect(DurationText.isDurationField(FieldDefinition("hold_seconds", .integer, "", custom: true)))
        #expect(!DurationText.isDurationField(FieldDefinition("employees", .integer, "")))
        #expect(!DurationText.isDurationField(FieldDefinition("cost_seconds", .decimal, "")))
    }
}
