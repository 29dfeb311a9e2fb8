package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ChildRun;
import org.pbannex.CliRun;
import org.pbannex.RefusedPort;

/**
 * A run published for its job's reviewers and never sent to them: killed (SIGKILL, at the pause point between its
 * folder's rename and its record) once published, in a real child process, or refused by the mail server. The next run
 * of the job sends it, once, when it is still the job's latest; a newer run that replaced it is sent instead, and it
 * never is; until then {@code status} is not well and {@code history} says so, with the command that sends it. Mail
 * goes to a real SMTP server (GreenMail) and is read back.
 */
class UnsentRunMailTest {

    /** A port of each test's own where nothing listens: a mail server or database that is down. */
    @RegisterExtension
    final RefusedPort noListener = new RefusedPort();


    private static final Duration LONG = Duration.ofMinutes(3);
    private static final String ANA = "ana.silva@example.org";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(org.pbannex.TestSmtp.SETUP);

    @TempDir
    Path tmp;

    /** The nightly job cut to the English workbook, sent to one reviewer of every table, in a home of its own. */
    private Map<String, String> settings() throws Exception {
        Map<String, String> s = CutNightly.toOneReviewer(tmp, CliRun.h2(tmp.resolve("db")));
        s.put("spring.mail.host", "localhost");
        s.put("spring.mail.port", String.valueOf(SMTP.getSmtp().getPort()));
        s.put("pb.distribution.from", "budget-office@example.org");
        // The installation's output folder, which the runs name: a run into another is a trial, none of the job's runs.
        s.put("pb.output", tmp.resolve("out").toString());
        return s;
    }

    /** Starts `run nightly ARGS` in a child process, kills it at publish:renamed and returns the killed run's id. */
    private String killedOncePublished(Map<String, String> settings, Path out, String... args) throws Exception {
        Map<String, String> paused = new HashMap<>(settings);
        paused.put("pb.run.pause-at", "publish:renamed");
        String[] command = concat(new String[] {"run", "nightly", "--output", out.toString()}, args);
        ChildRun child = ChildRun.start(tmp, "killed", paused, command);
        String runId = child.awaitPause(out.resolve("2022-23"), "publish:renamed", LONG);
        child.kill();
        assertTrue(Files.isRegularFile(out.resolve("2022-23").resolve(runId).resolve("manifest.json")), "its folder is published");
        return runId;
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The messages GreenMail received for a run, by its id in the subject. */
    private static List<MimeMessage> messagesOf(String runId) throws Exception {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(runId);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The cover of the attached workbook, read back: it names the run it belongs to. */
    private String attachedCover(MimeMessage m) throws Exception {
        Multipart mp = (Multipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart p = mp.getBodyPart(i);
            if (p.getFileName() != null) {
                Path f = tmp.resolve("attached-" + p.getFileName());
                try (InputStream in = p.getInputStream()) {
                    Files.copy(in, f);
                }
                try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
                    StringBuilder cover = new StringBuilder();
                    wb.getSheetAt(0).forEach(r -> r.forEach(c -> cover.append(c.toString()).append('\n')));
                    return cover.toString();
                }
            }
        }
        throw new AssertionError("no attachment");
    }

    @Test
    void aForcedRunKilledOncePublishedIsToldByStatusAndHistoryThenSentOnceByTheNextRun() throws Exception {
        Map<String, String> settings = settings();
        Path out = tmp.resolve("out");
        String runId = killedOncePublished(settings, out, "--force");
        assertEquals(0, SMTP.getReceivedMessages().length, "killed before it could send it");

        CliRun status = CliRun.capture(settings, "status", "nightly");
        assertEquals(5, status.status(), "published for its reviewers and not sent: not well. " + status);
        assertTrue(status.out().contains("run " + runId + " published ") && status.out().contains("NOT SENT to its reviewers: "
                + "./pb-annex distribute " + runId + " sends it"), status.out());
        assertEquals(5, CliRun.capture(settings, "status", "nightly", "--max-age", "26h").status(), "--max-age alarms too");
        CliRun history = CliRun.capture(settings, "history");
        assertTrue(history.out().lines().anyMatch(l -> l.startsWith(runId) && l.contains(" PUBLISHED, NOT SENT ")), history.out());
        CliRun detail = CliRun.capture(settings, "history", runId);
        assertTrue(detail.out().contains("Not sent  to all its reviewers, for whom it was published: ./pb-annex distribute "
                + runId), detail.out());

        // The next night, the same job: these inputs are published, by the killed run, which is sent now.
        CliRun next = CliRun.capture(settings, "run", "nightly", "--output", out.toString());
        assertEquals(0, next.status(), next.toString());
        assertTrue(next.out().startsWith("Nothing to do: run " + runId + " "), "not published again: " + next.out());
        assertTrue(next.out().contains("Sent to 1 reviewers\n") && next.out().contains("Run " + runId
                + " had been published but not sent to its reviewers: sent now"), next.out());
        List<MimeMessage> sent = messagesOf(runId);
        assertEquals(1, sent.size());
        assertEquals(1, SMTP.getReceivedMessages().length);
        assertEquals("Ana Silva <" + ANA + ">", sent.get(0).getAllRecipients()[0].toString());
        assertTrue(attachedCover(sent.get(0)).contains(runId), "the killed run's own workbook");
        CliRun well = CliRun.capture(settings, "status", "nightly");
        assertEquals(0, well.status(), well.toString());
        assertFalse(well.out().contains("NOT SENT"), well.out());
        assertFalse(CliRun.capture(settings, "history").out().contains("NOT SENT"));

        // Never twice: neither the night after nor distribute without --again sends it again.
        CliRun third = CliRun.capture(settings, "run", "nightly", "--output", out.toString());
        assertEquals(0, third.status(), third.toString());
        assertFalse(third.out().contains("Sent to"), third.out());
        CliRun distribute = CliRun.capture(settings, "distribute", runId, "--output", out.toString());
        assertEquals(0, distribute.status(), distribute.toString());
        assertTrue(distribute.out().contains("Skipped: Ana Silva <" + ANA + ">, en, who received this run already (--again sends "
                + "it again)") && distribute.out().contains("Run " + runId + ": 0 of 1 reviewers sent (1 had received it already)"),
                distribute.out());
        assertEquals(1, SMTP.getReceivedMessages().length, "nothing more was sent");
        CliRun again = CliRun.capture(settings, "distribute", runId, "--again", "--output", out.toString());
        assertEquals(0, again.status(), again.toString());
        assertEquals(2, SMTP.getReceivedMessages().length, "--again is asked for by name");
    }

    @Test
    void aKilledRunThatANewerRunReplacedIsNeverSent() throws Exception {
        Map<String, String> settings = settings();
        Path out = tmp.resolve("out");
        String killed = killedOncePublished(settings, out, "--force");

        CliRun newer = CliRun.capture(settings, "run", "nightly", "--force", "--output", out.toString());
        assertEquals(0, newer.status(), newer.toString());
        assertTrue(newer.out().contains("Sent to 1 reviewers"), newer.out());
        String newerId = newer.out().lines().filter(l -> l.startsWith("Run ")).findFirst().orElseThrow().split("[ :]")[1];
        assertEquals(1, SMTP.getReceivedMessages().length);
        assertEquals(1, messagesOf(newerId).size(), "the newer run, not the killed one");
        String killedHistory = CliRun.capture(settings, "history", killed).out();
        assertTrue(killedHistory.contains("Message   published, and never sent to its reviewers: "
                + "run " + newerId + ", published after it, replaced it"), killedHistory);
        CliRun status = CliRun.capture(settings, "status", "nightly");
        assertEquals(0, status.status(), status.toString());

        CliRun next = CliRun.capture(settings, "run", "nightly", "--output", out.toString());
        assertEquals(0, next.status(), next.toString());
        assertTrue(next.out().startsWith("Nothing to do: run " + newerId + " "), next.out());
        assertEquals(1, SMTP.getReceivedMessages().length, "nothing more: " + next.out());
        assertEquals(0, messagesOf(killed).size());
    }

    /**
     * Killed before its distribute step, without --force: the identical command completes the run under its id and
     * sends it; after a refusing mail server, the next run sends what was left (exit 0, status well again).
     */
    @Test
    void aRunKilledBeforeItsDistributeStepOrRefusedByTheMailServerIsSentByTheNextRun() throws Exception {
        Map<String, String> settings = settings();
        Path out = tmp.resolve("out");
        Map<String, String> paused = new HashMap<>(settings);
        paused.put("pb.run.pause-at", "distribute");
        ChildRun child = ChildRun.start(tmp, "killed", paused, "run", "nightly", "--output", out.toString());
        String runId = child.awaitPause(out.resolve("2022-23"), "distribute", LONG);
        child.kill();
        assertEquals(5, CliRun.capture(settings, "status", "nightly").status());
        CliRun next = CliRun.capture(settings, "run", "nightly", "--output", out.toString());
        assertEquals(0, next.status(), next.toString());
        assertTrue(next.out().contains(out.resolve("2022-23/" + runId).toString()) && next.out().contains("Sent to 1 reviewers"),
                "completed under its id, and sent: " + next.out());
        assertEquals(1, messagesOf(runId).size());
        assertEquals(0, CliRun.capture(settings, "status", "nightly").status());

        // A mail server that refuses: published, not sent (exit 5); status says so until the next run sends it.
        int closed = noListener.port();
        Map<String, String> down = new HashMap<>(settings);
        down.put("spring.mail.port", String.valueOf(closed));
        CliRun refused = CliRun.capture(down, "run", "nightly", "--force", "--output", out.toString());
        assertEquals(5, refused.status(), refused.toString());
        String refusedId = refused.out().lines().filter(l -> l.startsWith("Run ")).findFirst().orElseThrow().split("[ :]")[1];
        CliRun status = CliRun.capture(settings, "status", "nightly");
        assertEquals(5, status.status(), status.toString());
        assertTrue(status.out().contains("run " + refusedId + " published ") && status.out().contains("NOT SENT"), status.out());
        // Its report says so, and the command that sends it; the folder whole (the next run finds nothing to do).
        Path folder = out.resolve("2022-23/" + refusedId);
        var box = DatabaseGoneBeforeDistributionTest.notSent(folder);
        assertTrue(box != null && box.text().contains("NOT SENT to all its reviewers: the mail server did not take them, or none "
                + "was reached (0 of 1 reviewers have them)"), String.valueOf(box));
        assertEquals("./pb-annex distribute " + refusedId, box.selectFirst("code").text());
        CliRun after = CliRun.capture(settings, "run", "nightly", "--output", out.toString());
        assertEquals(0, after.status(), after.toString());
        assertTrue(after.out().startsWith("Nothing to do: run " + refusedId + " ") && after.out().contains("Sent to 1 reviewers"),
                after.out());
        assertEquals(1, messagesOf(refusedId).size());
        assertEquals(2, SMTP.getReceivedMessages().length);
        assertEquals(null, DatabaseGoneBeforeDistributionTest.notSent(folder), "sent: its report no longer says it was not");
        CliRun well = CliRun.capture(settings, "status", "nightly");
        assertEquals(0, well.status(), well.toString());
    }

    /** --no-distribute on the run that finds it holds it back on purpose: said, not sent, and no longer waiting. */
    @Test
    void theNextRunWithNoDistributeHoldsItBackOnPurpose() throws Exception {
        Map<String, String> settings = settings();
        Path out = tmp.resolve("out");
        String runId = killedOncePublished(settings, out, "--force");
        CliRun held = CliRun.capture(settings, "run", "nightly", "--no-distribute", "--output", out.toString());
        assertEquals(0, held.status(), held.toString());
        assertTrue(held.out().contains("Not sent to its 1 reviewers (--no-distribute): ./pb-annex distribute " + runId + " sends it"),
                held.out());
        assertEquals(0, SMTP.getReceivedMessages().length);
        assertEquals(0, CliRun.capture(settings, "status", "nightly").status());
        CliRun next = CliRun.capture(settings, "run", "nightly", "--output", out.toString());
        assertEquals(0, next.status(), next.toString());
        assertEquals(0, SMTP.getReceivedMessages().length, "held back on purpose: " + next.out());
    }

    /**
     * distribute RUN_ID by hand takes the lock the runs and the job's catch-up take: while another process holds it (the
     * job's next run sending the same run, from a scheduler on another machine), it sends nothing and says so in one line
     * with status 5 and what to do; once that is done, it sends, and leaves the lock free. Found in review: it took
     * none, so a reviewer could get the workbook twice.
     */
    @Test
    void distributeByHandWaitsForTheLockLikeTheRuns() throws Exception {
        Map<String, String> settings = settings();
        int closed = noListener.port();
        Map<String, String> down = new HashMap<>(settings);
        down.put("spring.mail.port", String.valueOf(closed));
        Path out = tmp.resolve("out");
        assertEquals(5, CliRun.capture(down, "run", "nightly", "--output", out.toString()).status(), "published, not sent");
        String runId = CutNightly.publishedRun(out);
        String url = settings.get("spring.datasource.url");
        try (var c = java.sql.DriverManager.getConnection(url, "sa", "");
             var held = c.prepareStatement("INSERT INTO pb_run_lock (lock_key, biennium, output_dir, run_id, host, pid, "
                     + "acquired_at, heartbeat_at) VALUES (?, '2022-23', ?, ?, 'elsewhere', 4242, CURRENT_TIMESTAMP, "
                     + "CURRENT_TIMESTAMP)")) {
            held.setString(1, RunLease.key("2022-23", out.toString()));
            held.setString(2, out.toString());
            held.setString(3, runId);
            held.executeUpdate();
        }
        CliRun busy = CliRun.capture(settings, "distribute", runId, "--output", out.toString());
        assertEquals(5, busy.status(), busy.toString());
        // (How long until the holder on another host counts as gone, should it have ended without a word: its heartbeat
        // is as old as the command's start-up.)
        RunLeaseTest.assertWaited(busy.err().strip(), "pb-annex: run " + runId + " was not sent: run " + runId
                + " is being run or sent by another process (pid 4242 on elsewhere) in 2022-23 in " + out + "; it started first: "
                + "wait for it to finish (its process, on another host, cannot be looked at: its heartbeat is ", " s old; if "
                + "it has ended, it is taken over once its heartbeat is 45 s old (pb.run.lease), in ", " s); then ./pb-annex "
                + "distribute " + runId + " --output " + out + " sends it to the reviewers who have not received it (none gets it "
                + "twice)", 0, 45);
        assertEquals("", busy.out());
        assertEquals(0, SMTP.getReceivedMessages().length, "nothing sent beside the holder");

        try (var c = java.sql.DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().executeUpdate("DELETE FROM pb_run_lock");
        }
        CliRun sent = CliRun.capture(settings, "distribute", runId, "--output", out.toString());
        assertEquals(0, sent.status(), sent.toString());
        assertEquals(1, messagesOf(runId).size());
        try (var c = java.sql.DriverManager.getConnection(url, "sa", "");
             var q = c.createStatement().executeQuery("SELECT COUNT(*) FROM pb_run_lock")) {
            assertTrue(q.next());
            assertEquals(0, q.getInt(1), "released once sent");
        }
    }

    /**
     * A sending whose lock another process took over meanwhile (this one silent for longer than the lease: held here
     * before its first message while the lock's row is given to another host's) sends no more: one line, status 5, and
     * the run still waits for its reviewers. Found in review: the heartbeat only logged it, and the sending went on.
     */
    @Test
    void aSendingWhoseLockIsTakenOverSendsNoMore() throws Exception {
        Map<String, String> settings = settings();
        Map<String, String> down = new HashMap<>(settings);
        down.put("spring.mail.port", String.valueOf(noListener.port()));
        Path out = tmp.resolve("out");
        assertEquals(5, CliRun.capture(down, "run", "nightly", "--output", out.toString()).status(), "published, not sent");
        String runId = CutNightly.publishedRun(out);
        Map<String, String> paused = new HashMap<>(settings);
        paused.put("pb.run.pause-at", "distribute:catch-up");
        var distribute = java.util.concurrent.CompletableFuture.supplyAsync(() -> CliRun.capture(paused, "distribute", runId,
                "--output", out.toString()));
        Path marker = out.resolve("2022-23").resolve(".paused-" + runId + "-distribute_catch-up");
        java.time.Instant until = java.time.Instant.now().plus(LONG);
        while (!Files.exists(marker)) {
            assertFalse(distribute.isDone(), () -> "ended before sending: " + distribute.join());
            assertTrue(java.time.Instant.now().isBefore(until), "did not pause in the sending");
            Thread.sleep(50);
        }
        try (var c = java.sql.DriverManager.getConnection(settings.get("spring.datasource.url"), "sa", "")) {
            assertEquals(1, c.createStatement().executeUpdate("UPDATE pb_run_lock SET host = 'elsewhere', pid = 4242, "
                    + "heartbeat_at = CURRENT_TIMESTAMP"), "the sending holds the lock");
        }
        Files.delete(marker);
        CliRun stopped = distribute.get(3, java.util.concurrent.TimeUnit.MINUTES);
        assertEquals(5, stopped.status(), stopped.toString());
        assertEquals("pb-annex: run " + runId + " lost its lock of 2022-23 in " + out + " to run " + runId + " (pid 4242 "
                + "on elsewhere), which took it over when its heartbeat had stopped for more than 45 s (pb.run.lease); it stops before the "
                + "message to " + ANA + " (0 of 1 reviewers done); the job's next run, or ./pb-annex distribute " + runId
                + ", sends it to those it did not reach", stopped.err().strip());
        assertEquals(0, SMTP.getReceivedMessages().length, "nothing sent beside the new holder");
        assertEquals(5, CliRun.capture(settings, "status", "nightly").status(), "still waiting for its reviewers");
    }

    /**
     * The next run sends a run left unsent under the biennium's lock, renewed as a run's own is: a sending that outlasts
     * pb.run.lease (the tables computed again, a slow mail server) keeps the lock, which a second scheduler (on
     * PostgreSQL, from another machine) would otherwise take over as dead. Found in review: it was never renewed.
     */
    @Test
    void sendingARunLeftUnsentKeepsItsLockAlive() throws Exception {
        Map<String, String> settings = settings();
        int closed = noListener.port();
        settings.put("spring.mail.port", String.valueOf(closed));
        // A lease far shorter than the run (it is paused for longer), yet longer than a stall of a loaded machine's JVM.
        settings.put("pb.run.lease", "5s");
        settings.put("pb.run.heartbeat", "500ms");
        Path out = tmp.resolve("out");
        CliRun refused = CliRun.capture(settings, "run", "nightly", "--output", out.toString());
        assertEquals(5, refused.status(), refused.toString());
        String runId = CutNightly.publishedRun(out);

        Map<String, String> paused = new HashMap<>(settings);
        paused.put("pb.run.pause-at", "distribute:catch-up");
        var next = java.util.concurrent.CompletableFuture.supplyAsync(() -> CliRun.capture(paused, "run", "nightly", "--output",
                out.toString()));
        Path marker = out.resolve("2022-23").resolve(".paused-" + runId + "-distribute_catch-up");
        java.time.Instant until = java.time.Instant.now().plus(LONG);
        while (!Files.exists(marker)) {
            assertFalse(next.isDone(), () -> "ended before sending: " + next.join());
            assertTrue(java.time.Instant.now().isBefore(until), "did not pause in the sending");
            Thread.sleep(50);
        }
        Thread.sleep(6000); // longer than the lease
        try (var c = java.sql.DriverManager.getConnection(settings.get("spring.datasource.url"), "sa", "");
             var q = c.createStatement().executeQuery("SELECT run_id, DATEDIFF('MILLISECOND', heartbeat_at, CURRENT_TIMESTAMP) "
                     + "FROM pb_run_lock")) {
            assertTrue(q.next(), "the sending holds the lock");
            assertEquals(runId, q.getString(1));
            long silent = q.getLong(2);
            assertTrue(silent < 5000, "its heartbeat is " + silent + " ms old, beyond the lease of 5 s: another run would take it over");
        } finally {
            Files.deleteIfExists(marker);
        }
        CliRun sent = next.get(3, java.util.concurrent.TimeUnit.MINUTES);
        assertEquals(5, sent.status(), "the mail server refuses again: " + sent);
        assertTrue(sent.out().startsWith("Nothing to do: run " + runId + " "), sent.out());
    }
}
