package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ChildRun;
import org.pbannex.CliRun;

/**
 * A run whose process was killed (SIGKILL, in a real child process) mid-run, found by the next command: history showed
 * it "Finished" at the time that command found it, a finish it never reached (closing of stop 77, carried). It says it
 * never finished, and when its process was found gone.
 */
class DeadRunNeverFinishedTest {

    private static final Duration LONG = Duration.ofMinutes(3);

    @TempDir
    Path tmp;

    @Test
    void aKilledRunFoundByTheNextCommandHasNoFinishButTheTimeItWasFound() throws Exception {
        Map<String, String> settings = CutNightly.in(tmp, CliRun.h2(tmp.resolve("db")));
        Map<String, String> paused = new HashMap<>(settings);
        paused.put("pb.run.pause-at", "check");
        Path out = tmp.resolve("out");
        ChildRun child = ChildRun.start(tmp, "killed", paused, "run", "nightly", "--output", out.toString());
        String runId = child.awaitPause(out.resolve("2022-23"), "check", LONG);
        child.kill();

        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CliRun list = CliRun.capture(settings, "history");
        Instant after = Instant.now();
        assertEquals(0, list.status(), list.toString());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith(runId) && l.contains("FAILED (abandoned by a dead process)")),
                list.out());

        CliRun one = CliRun.capture(settings, "history", runId);
        String finished = one.out().lines().filter(l -> l.startsWith("Finished ")).findFirst()
                .orElseThrow(() -> new AssertionError(one.toString()));
        assertTrue(finished.startsWith("Finished  -  (never: its process ended before the run did"), finished);
        // When it was found: by the history command above, not by this one.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("found so (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d) UTC\\)$")
                .matcher(finished);
        assertTrue(m.find(), finished);
        Instant found = Instant.parse(m.group(1).replace(' ', 'T') + "Z");
        assertTrue(!found.isBefore(before) && !found.isAfter(after), found + " not within the history command, " + before
                + " to " + after);
        assertTrue(one.out().contains("Status    FAILED (abandoned by a dead process)"), one.out());
        assertTrue(one.out().contains("Message   abandoned by a dead process (found " + m.group(1) + " UTC)"), one.out());

        // The identical command restarts it, and once published it has its finish.
        CliRun again = CliRun.capture(settings, "run", "nightly", "--output", out.toString());
        assertEquals(0, again.status(), again.toString());
        CliRun done = CliRun.capture(settings, "history", runId);
        assertTrue(done.out().contains("Status    PUBLISHED") && done.out().lines().anyMatch(l -> l.startsWith("Finished  20")),
                done.out());
    }
}
