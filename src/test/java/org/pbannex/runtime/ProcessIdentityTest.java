package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Whether a run's process is gone. A process killed a moment ago is a zombie until its parent reaps it, which Java's
 * ProcessHandle counts as alive: a run killed in a container without an init process then blocked the next run for
 * its whole lease (found by killing a run and starting the next at once).
 */
class ProcessIdentityTest {

    @Test
    void aLiveProcessIsNotDeadAndAZombieIs() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux's /proc");
        // The shell starts a short sleep, then becomes a long one that never reaps it: the short one turns zombie.
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.2 & echo $!; exec sleep 30").start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            long child = Long.parseLong(out.readLine().trim());
            ProcessIdentity running = new ProcessIdentity(ProcessIdentity.current().host(), child, null);
            assertFalse(running.certainlyDead(), "still sleeping");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!ProcessIdentity.exitedUnreaped(child) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertTrue(ProcessIdentity.exitedUnreaped(child), "the child exited and nobody reaped it");
            assertTrue(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "Java still counts the zombie alive");
            assertTrue(running.certainlyDead(), "a zombie is dead: it cannot hold a run");
            assertFalse(ProcessIdentity.current().certainlyDead(), "this process is not");
        } finally {
            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
