package org.pbannex.benchmark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** What the benchmark reads of processes: whether one still runs, and its peak memory. */
class PeakMemoryTest {

    @Test
    void aProcessRunsUntilItExits() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            assertTrue(PeakMemory.running(sleeper.pid()), "a sleeping child runs");
        } finally {
            sleeper.destroy();
        }
        assertTrue(sleeper.waitFor(10, TimeUnit.SECONDS));
        assertFalse(PeakMemory.running(sleeper.pid()), "an ended child no longer runs");
        assertTrue(PeakMemory.running(ProcessHandle.current().pid()));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aZombieNoLongerRuns() throws Exception {
        // Perl forks a child that ends at once and never reaps it (a shell may reap it before it execs): a zombie for 30 s.
        Process parent = new ProcessBuilder("perl", "-e", "$| = 1; my $p = fork(); exit 0 if $p == 0; print \"$p\\n\"; sleep 30")
                .start();
        try {
            long zombie = Long.parseLong(new BufferedReader(new InputStreamReader(parent.getInputStream())).readLine().trim());
            Path stat = Path.of("/proc", Long.toString(zombie), "stat");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.readString(stat).contains(") Z ") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.readString(stat).contains(") Z "), "the child is a zombie: " + Files.readString(stat));
            assertFalse(PeakMemory.running(zombie), "a zombie has exited, though its process id is still there");
        } finally {
            parent.destroy();
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theCurrentProcessHasAPeak() {
        assertTrue(PeakMemory.rssKb() > 1024, "at least a megabyte resident");
        assertTrue(PeakMemory.ofPid(Long.MAX_VALUE) == 0, "a process that does not exist has none");
    }
}
