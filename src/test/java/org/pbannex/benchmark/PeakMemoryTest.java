package org.pbannex.benchmark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
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
        // The shell starts a child that ends at once, then becomes a sleep that never reaps it: a zombie for 30 s.
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0 & echo $!; exec sleep 30").start();
        try {
            long zombie = Long.parseLong(new BufferedReader(new InputStreamReader(parent.getInputStream())).readLine().trim());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (PeakMemory.running(zombie) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(ProcessHandle.of(zombie).map(ProcessHandle::isAlive).orElse(false),
                    "the JDK still counts the zombie as alive");
            assertFalse(PeakMemory.running(zombie), "the zombie has exited");
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
