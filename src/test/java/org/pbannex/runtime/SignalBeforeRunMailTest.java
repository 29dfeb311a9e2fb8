package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ChildRun;

/**
 * A run of a job stopped by SIGTERM before its run has begun (its start-up waiting on a database that never answers,
 * as systemd's stop or a scheduler's timeout would find it): the night failed, and was told by no one, since the
 * signal's notice was set only once the run had begun. It is now noted in the job's status and told by one notice, as
 * a run that could not start is.
 */
class SignalBeforeRunMailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(org.pbannex.TestSmtp.SETUP);

    @TempDir
    Path tmp;

    @RegisterExtension
    final SilentServer silent = new SilentServer();

    /** The cut nightly job's settings, whose failures are mailed to ops@example.org through the test's server. */
    private Map<String, String> mailingFailures() throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("pb.status", tmp.resolve("status").toString());
        settings.put("pb.layout-memory", tmp.resolve("layout").toString());
        settings.put("spring.mail.host", "localhost");
        settings.put("spring.mail.port", String.valueOf(SMTP.getSmtp().getPort()));
        settings.put("pb.distribution.from", "pb-annex@example.org");
        settings.put("pb.failures.mail-to", "ops@example.org");
        return CutNightly.in(tmp, settings);
    }

    /** The same on a database that never answers: a run's start-up waits on it until a signal ends it. */
    private Map<String, String> startingOnASilentServer() throws Exception {
        Map<String, String> settings = mailingFailures();
        settings.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + silent.port() + "/pbannex");
        settings.put("spring.datasource.username", "pbannex");
        // Far beyond the test: only the signal ends the start-up.
        settings.put("pb.database.connect-timeout", "10m");
        return settings;
    }

    /** Sends the signal once {@code child}'s start-up waits on the silent server, and its exit status, within 15 s. */
    private int stoppedWhileConnecting(ChildRun child, String signal) throws Exception {
        assertTrue(silent.awaitConnections(connections + 1, Duration.ofMinutes(2), child::alive), "never connected: " + child.err()
                + child.out());
        Thread.sleep(1000);
        child.signal(signal);
        long signalled = System.nanoTime();
        int status = child.waitFor(Duration.ofSeconds(60));
        connections = silent.connections(); // the next child's are those made from now on
        assertTrue(System.nanoTime() - signalled < Duration.ofSeconds(15).toNanos(), "ended within its notice's time");
        return status;
    }

    /** The silent server's connections so far. */
    private int connections;

    /**
     * Ctrl-C pressed at a terminal during the start-up mailed its notice like an unattended run's stop: the person who
     * pressed it needs none. It is said on the console only (not noted in status either); SIGINT without a terminal (a
     * scheduler's) is still noted and told.
     */
    @Test
    void ctrlCAtATerminalDuringStartUpIsSaidOnTheConsoleOnly() throws Exception {
        Map<String, String> settings = startingOnASilentServer();
        ChildRun person = ChildRun.startOnATerminal(tmp, "ctrl-c", settings, "run", "nightly");
        assertEquals(130, stoppedWhileConnecting(person, "INT"), person.out());
        assertEquals("pb-annex: interrupted (SIGINT)", person.out().strip(), "its terminal's one line");
        assertEquals(0, SMTP.getReceivedMessages().length, "no notice");
        assertTrue(!Files.exists(tmp.resolve("status/nightly.2022-23.failed")), "no failure noted");

        ChildRun unattended = ChildRun.start(tmp, "int", settings, "run", "nightly");
        assertEquals(130, stoppedWhileConnecting(unattended, "INT"), unattended.err());
        assertEquals("pb-annex: interrupted (SIGINT)", unattended.err().strip());
        assertEquals(1, SMTP.getReceivedMessages().length, "one notice");
        // In the job's first edition's language (zh), as every notice of a run of its input.
        assertEquals("pb-annex：nightly 2022-23 运行失败（退出状态 130）", SMTP.getReceivedMessages()[0].getSubject());
        // Its line as stderr said it; after a tab, its cause as the notice said it (for the back-to-normal message).
        assertTrue(Files.readString(tmp.resolve("status/nightly.2022-23.failed")).strip().split("\t")[0]
                .endsWith(" exit status 130: interrupted (SIGINT)"));
    }

    @Test
    void aSignalDuringStartUpIsToldByOneNotice() throws Exception {
        Map<String, String> settings = startingOnASilentServer();
        ChildRun child = ChildRun.start(tmp, "term", settings, "run", "nightly");
        assertEquals(143, stoppedWhileConnecting(child, "TERM"), child.err());
        assertEquals("pb-annex: interrupted (SIGTERM)", child.err().strip());

        // One notice, and the failure in the job's status (what the closing start-up then made fail is neither).
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(1, received.length, "one notice");
        // In the language of the report the run would have written (the job's first edition, Chinese), the signal too.
        assertEquals("pb-annex：nightly 2022-23 运行失败（退出状态 143）", received[0].getSubject());
        String body = received[0].getContent().toString();
        assertTrue(body.startsWith("作业 nightly（两年期 2022-23）无法开始运行，退出状态 143：\n\n被信号中断（SIGTERM）\n")
                && !body.contains("interrupted") && !body.contains("could not start"), body);
        List<String> noted = Files.readAllLines(tmp.resolve("status/nightly.2022-23.failed"));
        assertEquals(1, noted.size(), noted.toString());
        assertTrue(noted.get(0).split("\t")[0].endsWith(" exit status 143: interrupted (SIGTERM)"), noted.toString());
    }

    /**
     * A run of several biennia stopped by SIGTERM between two of them (the first published, the next not begun) sent no
     * notice and noted nothing: the first run's end cleared what a signal was to note. The biennia not begun are now
     * noted and told as runs that could not start, as during the start-up.
     */
    @Test
    void aSignalBetweenTwoBienniaIsToldByOneNotice() throws Exception {
        Map<String, String> settings = mailingFailures();
        settings.put("pb.output", tmp.resolve("out").toString());
        settings.put("pb.run.pause-at", "launch");
        settings.put("pb.input", org.pbannex.TestInputs.withMadeUp2024(tmp.resolve("input")).toString());
        Path out = tmp.resolve("out");
        ChildRun child = ChildRun.start(tmp, "between", settings, "run", "nightly", "--biennium", "all");
        Duration most = Duration.ofMinutes(3);
        Files.delete(out.resolve("2022-23/.paused-" + child.awaitPause(out.resolve("2022-23"), "launch", most) + "-launch"));
        // 2022-23 published, 2024-25's run not launched yet.
        child.awaitPause(out.resolve("2024-25"), "launch", most);
        assertTrue(Files.readString(tmp.resolve("status/nightly.2022-23.good")).contains(" published"), child.out());
        child.signal("TERM");
        assertEquals(143, child.waitFor(Duration.ofSeconds(60)), child.err());
        assertEquals("pb-annex: interrupted (SIGTERM)", child.err().strip());

        List<MimeMessage> notices = java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().startsWith("pb-annex：nightly");
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertEquals(1, notices.size(), "one notice");
        assertEquals("pb-annex：nightly 2024-25 运行失败（退出状态 143）", notices.get(0).getSubject());
        List<String> noted = Files.readAllLines(tmp.resolve("status/nightly.2024-25.failed"));
        assertEquals(1, noted.size(), noted.toString());
        assertTrue(noted.get(0).split("\t")[0].endsWith(" exit status 143: interrupted (SIGTERM)"), noted.toString());
        assertTrue(!Files.exists(tmp.resolve("status/nightly.2022-23.failed")), "2022-23 published: no failure of it");
    }
}
