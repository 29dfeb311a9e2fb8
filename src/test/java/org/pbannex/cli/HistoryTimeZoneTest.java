package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ChildRun;
import org.pbannex.CliRun;

/**
 * A run's times are stored in UTC whatever the zone of the process that ran it, and history shows them in UTC whatever
 * the reader's (tester64 case 19: a run made under TZ=Asia/Shanghai showed 8 h late to a reader in UTC). Real processes,
 * each with its TZ, as a person's shell and a machine's cron would start them.
 */
class HistoryTimeZoneTest {

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    Path tmp;

    private ChildRun in(String zone, String name, Map<String, String> settings, String... args) throws Exception {
        ChildRun child = ChildRun.start(tmp.resolve("logs"), name, settings, Map.of("TZ", zone), args);
        assertEquals(0, child.waitFor(Duration.ofMinutes(4)), name + ": " + child.out() + child.err());
        return child;
    }

    @Test
    void aRunStoredInOneZoneIsShownInUtcInAnother() throws Exception {
        Path db = tmp.resolve("db");
        Map<String, String> settings = new HashMap<>(CliRun.h2(db));
        in("Asia/Shanghai", "run", settings, "run", "regenerate", "--tables", "a2-1", "--format", "csv", "--lang", "en",
                "--output", tmp.resolve("out").toString());

        String started = null;
        String runId = null;
        // (A third zone, New York, reads the run's own row below.)
        for (String zone : List.of("UTC", "Asia/Shanghai")) {
            String list = in(zone, "history-" + zone.replace('/', '-'), settings, "history").out();
            String row = list.lines().filter(l -> l.matches("\\d{8}T\\d{6}\\.\\d{3}Z-.*")).findFirst().orElseThrow(() -> new AssertionError(list));
            Matcher m = TIME.matcher(row);
            assertTrue(m.find(), row);
            assertTrue(started == null || started.equals(m.group()), "the same start under TZ=" + zone + ": " + m.group() + " vs " + started);
            started = m.group();
            runId = row.split("\\s+")[0];
        }
        // The run id begins with its start in UTC, to the millisecond: the start shown is that, or a moment after.
        Instant id = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSX").parse(runId.substring(0, 20), Instant::from);
        Instant shown = LocalDateTime.parse(started, SHOWN).toInstant(ZoneOffset.UTC);
        assertFalse(shown.isBefore(id.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), started + " before the run id " + runId);
        assertTrue(shown.isBefore(id.plusSeconds(120)), started + " long after the run id " + runId);

        String one = in("America/New_York", "history-run", settings, "history", runId).out();
        assertTrue(one.contains("Started   " + started + " UTC"), one);

        // Spring Batch's own times (the failed report's lookup and a dead run's lease count from them): UTC too.
        try (var c = java.sql.DriverManager.getConnection(settings.get("spring.datasource.url"), "sa", "");
             var rs = c.createStatement().executeQuery("SELECT start_time FROM batch_job_execution")) {
            assertTrue(rs.next());
            Instant batch = rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC);
            assertTrue(Duration.between(id, batch).abs().compareTo(Duration.ofSeconds(120)) < 0,
                    "Spring Batch's start " + batch + " is the run id's " + id);
        }
    }
}
