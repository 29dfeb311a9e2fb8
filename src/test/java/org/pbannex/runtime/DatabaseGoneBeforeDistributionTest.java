package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ChildRun;
import org.pbannex.CliRun;

/**
 * A run published for its job's reviewers whose PostgreSQL server went away before its distribute step sent it (closing
 * of stop 77, carried): its one line said it published and that its end was not recorded, exit status 0, and nothing
 * said that the workbooks were not sent (only {@code status} did). Now the line says so, with the command that sends
 * them, and the status is that of a run published and not sent (5), its notice mailed; that command sends them. Its
 * report.html, written before, said nothing of it: now it says so too, with the same command, until they are sent. A real
 * server (stopped and started on its data folder and port) and a real mail server (GreenMail), read back.
 */
class DatabaseGoneBeforeDistributionTest {

    private static final Duration LONG = Duration.ofMinutes(3);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(org.pbannex.TestSmtp.SETUP);

    @TempDir
    Path tmp;

    @Test
    void aRunWhoseDatabaseWentBeforeItsReviewersWereSentSaysSoAndHowToSendThem() throws Exception {
        int port = StoppablePostgres.freePort();
        Path data = tmp.resolve("pgdata");
        EmbeddedPostgres server = StoppablePostgres.start(data, port);
        try {
            Map<String, String> settings = CutNightly.toOneReviewer(tmp,
                    CliRun.postgres("jdbc:postgresql://localhost:" + port + "/postgres", tmp));
            settings.put("spring.datasource.hikari.connection-timeout", "2000");
            settings.put("spring.mail.host", "localhost");
            settings.put("spring.mail.port", String.valueOf(SMTP.getSmtp().getPort()));
            settings.put("pb.distribution.from", "budget-office@example.org");
            settings.put("pb.failures.mail-to", "ops@example.org");
            Path out = tmp.resolve("out");
            settings.put("pb.output", out.toString());
            Map<String, String> paused = new HashMap<>(settings);
            paused.put("pb.run.pause-at", "distribute");
            ChildRun r = ChildRun.start(tmp, "gone", paused, "run", "nightly");
            String runId = r.whilePaused(out.resolve("2022-23"), "distribute", LONG, server::close);
            server = null;

            assertEquals(5, r.waitFor(LONG), r.out() + r.err());
            assertTrue(r.out().contains("Published: " + out.resolve("2022-23/" + runId)), r.out());
            assertEquals(runId, CutNightly.publishedRun(out));
            List<String> lines = r.err().strip().lines().toList();
            assertEquals(1, lines.size(), "one line: " + r.err());
            String line = lines.get(0);
            assertTrue(line.startsWith("pb-annex: run " + runId + " published, but its end could not be recorded: PostgreSQL at "
                    + "localhost:" + port), line);
            assertTrue(line.endsWith("; it was NOT SENT to its reviewers, its database gone before they were: ./pb-annex "
                    + "distribute " + runId + " sends it to those who have not received it (so does the job's next run)"), line);
            // Its report, written before its distribute step, says so too, with the same command; the folder still whole.
            Path folder = out.resolve("2022-23/" + runId);
            org.jsoup.nodes.Element box = notSent(folder);
            assertTrue(box != null, "the report says it was not sent");
            assertEquals("This run's workbooks were NOT SENT to its reviewers: its database went away before they were sent. "
                    + "./pb-annex distribute " + runId + " sends them to the reviewers who have not received them.",
                    box.select("p").text());
            assertEquals("./pb-annex distribute " + runId, box.selectFirst("code").text());
            assertTrue(org.pbannex.publish.ManifestWriter.intact(folder), "its manifest lists the report rewritten");
            // No reviewer got it; whoever hears of failures is told it was published and not sent.
            var received = SMTP.getReceivedMessages();
            assertEquals(1, received.length, "only the notice");
            assertEquals("ops@example.org", received[0].getAllRecipients()[0].toString());
            assertTrue(received[0].getSubject().contains("published, not sent to all its reviewers (exit status 5)"),
                    received[0].getSubject());

            // The server back, the command the line gives sends it, once.
            server = StoppablePostgres.start(data, port);
            CliRun distribute = CliRun.capture(settings, "distribute", runId);
            assertEquals(0, distribute.status(), distribute.toString());
            assertEquals(2, SMTP.getReceivedMessages().length, distribute.toString());
            assertEquals("Ana Silva <ana.silva@example.org>", SMTP.getReceivedMessages()[1].getAllRecipients()[0].toString());
            CliRun status = CliRun.capture(settings, "status", "nightly");
            assertTrue(!status.out().contains("NOT SENT"), status.toString());
            assertEquals(null, notSent(folder), "sent: the report no longer says it was not");
            assertTrue(org.pbannex.publish.ManifestWriter.intact(folder));
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /** What the run's report.html says of workbooks not sent, or null. */
    static org.jsoup.nodes.Element notSent(Path folder) throws java.io.IOException {
        return org.jsoup.Jsoup.parse(folder.resolve("report.html").toFile()).selectFirst("#not-sent");
    }
}
