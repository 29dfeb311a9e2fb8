package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        // The shell starts a sleep, then becomes a long one that never reaps it: the first, killed, turns zombie. (Killed
        // by the test once seen alive: a short sleep could end before a loaded machine's test looked at it.)
        Process parent = new ProcessBuilder("sh", "-c", "sleep 30 & echo $!; exec sleep 60").start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            long child = Long.parseLong(out.readLine().trim());
            ProcessIdentity running = new ProcessIdentity(ProcessIdentity.current().host(), child, null);
            assertFalse(running.certainlyDead(), "still sleeping");
            assertEquals(0, new ProcessBuilder("kill", "-KILL", String.valueOf(child)).start().waitFor());
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

    @Test
    void aStoppedProcessSilentForTheLeaseIsGoneAndARunningOneNever() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux's /proc");
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            ProcessIdentity owner = new ProcessIdentity(ProcessIdentity.current().host(), sleeper.pid(),
                    sleeper.info().startInstant().orElseThrow().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            java.time.Duration lease = java.time.Duration.ofSeconds(45);
            java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
            java.time.OffsetDateTime fresh = now.minusSeconds(5);
            java.time.OffsetDateTime old = now.minusSeconds(60);
            assertTrue(owner.certainlyAlive());
            assertEquals(null, RunLease.goneReason(owner, old, now, lease), "running: never taken for gone, however silent");

            signalled(owner, "STOP");
            assertTrue(owner.stopped(), "state T");
            assertEquals(null, RunLease.goneReason(owner, fresh, now, lease), "stopped a moment ago: within its lease");
            // (It was never gone while alive, and kept its lock for ever.)
            String why = RunLease.goneReason(owner, old, now, lease);
            assertTrue(why != null && why.startsWith("its process is stopped (SIGSTOP or a debugger: state T) and its heartbeat "
                    + "silent since ") && why.endsWith(", more than 45 s (pb.run.lease)"), why);

            signalled(owner, "CONT");
            assertEquals(null, RunLease.goneReason(owner, old, now, lease), "continued: running again");
            assertFalse(ProcessIdentity.current().stopped());
        } finally {
            sleeper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Sends {@code process} SIGSTOP or SIGCONT and waits (at most 10 s) until it is, or is no longer, in state T: the
     * kernel changes its state once it is scheduled to take the signal, which a loaded machine may delay.
     */
    static void signalled(ProcessIdentity process, String stopOrCont) throws Exception {
        new ProcessBuilder("kill", "-" + stopOrCont, String.valueOf(process.pid())).start().waitFor();
        boolean stopping = stopOrCont.equals("STOP");
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); process.stopped() != stopping
                && System.nanoTime() < until; ) {
            Thread.sleep(20);
        }
    }
}
