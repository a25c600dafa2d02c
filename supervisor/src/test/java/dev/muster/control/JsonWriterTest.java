package dev.muster.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The control plane's own JSON writer against Jackson's: the same bytes, compact and pretty. */
class JsonWriterTest {
    private static final String AWKWARD = "quote \" backslash \\ tab \t newline \n cr \r bell \u0007 nul \u0000"
            + " del \u007f e\u0301 \u00e9 \u2028 \ud83d\ude00 </script>";
    private final Json json = new Json();
    private final ObjectMapper jackson = new ObjectMapper();

    @Test
    void writesTheStatusDocumentAsJacksonDoes() throws Exception {
        assertSameAsJackson(document());
    }

    @Test
    void writesEveryOtherAnswerAsJacksonDoes() throws Exception {
        assertSameAsJackson(new Health("booting", Map.of("db", "ready")));
        assertSameAsJackson(new Health("ready", new LinkedHashMap<>()));
        assertSameAsJackson(new BootSummary("demo", "booting", 12, List.of(new BootSummary.Entry("web", "waiting", false,
                List.of("db", "cache"), 5, AWKWARD), new BootSummary.Entry("db", "ready", true, List.of(), 7, "")),
                new BootSummary.Failure("web", "exited 3")));
        assertSameAsJackson(new BootSummary("demo", "ready", 0, List.of(), null));
        assertSameAsJackson(new StatusDocument.Ending("2026-01-01T10:00:00Z", 143, "stopped cleanly after SIGTERM"));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("status", document());
        nested.put("logs", Map.of("web", List.of("one", AWKWARD), "db", List.of()));
        nested.put("numbers", List.of(1, -2L, 0.5, 1e-7, true, false));
        nested.put("empty", Map.of());
        nested.put("none", null);
        assertSameAsJackson(nested);
    }

    @Test
    void readsBackWhatItWrites() {
        StatusDocument document = document();

        assertThat(json.read(json.pretty(document), StatusDocument.class)).isEqualTo(document);
        assertThat(json.read(json.compact(document), StatusDocument.class)).isEqualTo(document);
    }

    @Test
    void refusesAValueWithoutAJsonForm() {
        assertThatThrownBy(() -> json.compact(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
    }

    private void assertSameAsJackson(Object value) throws Exception {
        assertThat(json.compact(value)).isEqualTo(jackson.writeValueAsString(value));
        assertThat(json.pretty(value)).isEqualTo(jackson.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    }

    private static StatusDocument document() {
        ServiceReport db = new ServiceReport("db", "service", true, "READY", "ready", 42, "2026-01-01T10:00:01Z",
                "2026-01-01T10:00:00Z", "2026-01-01T10:00:01Z", 1000L, "127.0.0.1:5432", 0, "accepting", List.of(),
                "2026-01-01T10:00:00Z", "2026-01-01T10:00:01Z");
        ServiceReport web = new ServiceReport("web", "service", false, "STARTING", "starting", 0, null, null, null, null,
                null, 2, AWKWARD, List.of("db"), null, null,
                new LogFileReport("/logs/web.log", "No space left on device", "2026-01-01T10:00:02Z", 512,
                        "2026-01-01T10:00:07Z"));
        BackupReport backup = new BackupReport("db", "/mnt/b", null, 0, 0, null, null, null, "", 0);
        return new StatusDocument("demo", "/p/demo.yaml", 1234, "http://127.0.0.1:7860", "booting",
                List.of(new StatusDocument.Phase("preflight", "2026-01-01T09:59:59.5Z", ""),
                        new StatusDocument.Phase("stopping", "2026-01-01T10:05:00Z", "SIGTERM (muster down)")),
                List.of(db, web), new StatusDocument.Ending("2026-01-01T10:05:01Z", 0, "stopped"), List.of(backup));
    }
}
