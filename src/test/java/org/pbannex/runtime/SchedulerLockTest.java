package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ChildRun;
import org.pbannex.CliRun;

/**
 * One {@code schedule} per installation: a second one is refused at its start, naming the first's process and folder;
 * {@code status} and {@code preflight} say whether one runs; one whose process died leaves nothing behind that blocks
 * the next. (A real scheduler in a process of its own; no mail server.)
 */
class SchedulerLockTest {

    private static final Duration LONG = Duration.ofMinutes(3);

    @TempDir
    Path tmp;

    @Test
    void aSecondSchedulerIsRefusedNamingTheFirstAndADeadOneBlocksNothing() throws Exception {
        Map<String, String> settings = CutNightly.withJob(tmp, CliRun.h2(tmp.resolve("db")),
                "schedule: \"0 30 2 1 1 *\"\ntables: [a1]\nlanguages: [zh]\nformats: [csv]\n");
        Path home = Path.of(settings.get("pb.home"));
        ChildRun first = ChildRun.start(tmp, "first", settings, "schedule");
        try {
            long until = System.currentTimeMillis() + LONG.toMillis();
            // Waiting for its job's time, once its preflight is done (which has the embedded database meanwhile).
            while (!first.out().contains("next: nightly at ") && first.alive() && System.currentTimeMillis() < until) {
                Thread.sleep(200);
            }
            assertTrue(first.alive(), first.err());
            assertTrue(SchedulerLock.running(home).orElse("").startsWith("pid " + first.pid() + " on "), SchedulerLock.running(home)
                    + " " + java.nio.file.Files.exists(SchedulerLock.file(home)) + "\n" + first.out() + "\n" + first.err());

            CliRun second = CliRun.capture(settings, "schedule", "--max-runs", "0");
            assertEquals(5, second.status(), second.toString());
            List<String> lines = second.err().strip().lines().toList();
            assertEquals(1, lines.size(), second.err());
            assertTrue(lines.get(0).startsWith("pb-annex: another scheduler (pid " + first.pid() + " on ")
                    && lines.get(0).contains(") is running the jobs of " + home + ": a second one would run each job twice"),
                    lines.get(0));
            assertEquals("", second.out(), "no preflight, no schedule: " + second.out());

            CliRun status = CliRun.capture(settings, "status");
            assertTrue(status.out().startsWith("Scheduler: running (pid " + first.pid() + " on "), status.out());
            CliRun preflight = CliRun.capture(settings, "preflight", "nightly", "--output", tmp.resolve("out").toString());
            assertTrue(preflight.out().lines().anyMatch(l -> l.matches("ok\\s+schedule\\s+0 30 2 1 1 \\*, next .* with "
                    + "\\./pb-annex schedule, running \\(pid " + first.pid() + " on .*")), preflight.out());
        } finally {
            first.kill();
        }
        // Its lock went with its process: nothing to remove by hand.
        assertEquals(Optional.empty(), SchedulerLock.running(home));
        assertTrue(CliRun.capture(settings, "status").out().startsWith("Scheduler: not running for " + home + " "));
        CliRun next = CliRun.capture(settings, "schedule", "--max-runs", "0");
        assertEquals(0, next.status(), next.toString());
        assertEquals(Optional.empty(), SchedulerLock.running(home), "released when it ends");
    }
}
