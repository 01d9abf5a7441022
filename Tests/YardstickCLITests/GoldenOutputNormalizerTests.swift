import Testing
import YardstickTestSupport

/// The golden normaliser replaces what depends on the machine or the clock, and nothing else.
@Suite struct GoldenOutputNormalizerTests {
    let normalizer = GoldenOutputNormalizer(temporaryPath: "/tmp/yardstick-golden-1234")

    @Test func timingsLineKeepsItsWordsAndLosesItsDurations() {
        #expect(
            normalizer.normalize("timings: load 0.412 s, evaluation 12 s (discovery 0.004 s, prefill 0.001 s)\n")
                == "timings: load <t> s, evaluation <t> s (discovery <t> s, prefill <t> s)\n")
    }

    @Test func secondsFieldsOfJSONAreReplacedWithOrWithoutSpaces() {
        #expect(
            normalizer.normalize(#"{"load_seconds":0.412,"eval_seconds":1e-05,"figures":8}"#)
                == #"{"load_seconds":<t>,"eval_seconds":<t>,"figures":8}"#)
        #expect(normalizer.normalize(#"  "discovery_seconds": 0.004,"#) == #"  "discovery_seconds": <t>,"#)
    }

    @Test func generationTimeIsReplaced() {
        #expect(
            normalizer.normalize(#"  "generated_at": "2026-11-29T13:05:00Z","#) == #"  "generated_at": "<time>","#)
    }

    @Test func pathsBecomePlaceholders() {
        #expect(
            normalizer.normalize("error: /tmp/yardstick-golden-1234/missing/yardstick.toml: no yardstick.toml here")
                == "error: <tmp>/missing/yardstick.toml: no yardstick.toml here")
        #expect(normalizer.normalize(RepositoryRoot.path + "/examples") == "<repo>/examples")
    }

    @Test func figuresAndSecondsValuesOutsideTimingsStayExact() {
        let text = """
            2017-10,user,Darcel Schlecht,Darcel Schlecht,won_revenue,357666,money,ok
            avg_wait  0.5 s  12:30
            {"value": 176.35, "unit": "seconds"}
            """
        #expect(normalizer.normalize(text) == text)
    }
}
