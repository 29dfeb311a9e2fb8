package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
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
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path tmp;

    @RegisterExtension
    final SilentServer silent = new SilentServer();

    @Test
    void aSignalDuringStartUpIsToldByOneNotice() throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + silent.port() + "/pbannex");
        settings.put("spring.datasource.username", "pbannex");
        // Far beyond the test: only the signal ends the start-up.
        settings.put("pb.database.connect-timeout", "10m");
        settings.put("pb.status", tmp.resolve("status").toString());
        settings.put("pb.layout-memory", tmp.resolve("layout").toString());
        settings.put("spring.mail.host", "localhost");
        settings.put("spring.mail.port", String.valueOf(SMTP.getSmtp().getPort()));
        settings.put("pb.distribution.from", "pb-annex@example.org");
        settings.put("pb.failures.mail-to", "ops@example.org");
        settings = CutNightly.in(tmp, settings);
        ChildRun child = ChildRun.start(tmp, "term", settings, "run", "nightly");
        assertTrue(silent.awaitConnection(Duration.ofMinutes(2), child::alive), "never connected: " + child.err());
        Thread.sleep(1000);
        child.signal("TERM");
        long signalled = System.nanoTime();
        assertEquals(143, child.waitFor(Duration.ofSeconds(60)), child.err());
        assertTrue(System.nanoTime() - signalled < Duration.ofSeconds(15).toNanos(), "ended within its notice's time");
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
        assertTrue(noted.get(0).endsWith(" exit status 143: interrupted (SIGTERM)"), noted.toString());
    }

    /**
     * A run of several biennia stopped by SIGTERM between two of them (the first published, the next not begun) sent no
     * notice and noted nothing: the first run's end cleared what a signal was to note. The biennia not begun are now
     * noted and told as runs that could not start, as during the start-up.
     */
    @Test
    void aSignalBetweenTwoBienniaIsToldByOneNotice() throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("pb.status", tmp.resolve("status").toString());
        settings.put("pb.layout-memory", tmp.resolve("layout").toString());
        settings.put("pb.output", tmp.resolve("out").toString());
        settings.put("spring.mail.host", "localhost");
        settings.put("spring.mail.port", String.valueOf(SMTP.getSmtp().getPort()));
        settings.put("pb.distribution.from", "pb-annex@example.org");
        settings.put("pb.failures.mail-to", "ops@example.org");
        settings.put("pb.run.pause-at", "launch");
        settings = CutNightly.in(tmp, settings);
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
                return m.getSubject().startsWith("pb-annex: nightly");
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertEquals(1, notices.size(), "one notice");
        assertEquals("pb-annex: nightly 2024-25 failed (exit status 143)", notices.get(0).getSubject());
        List<String> noted = Files.readAllLines(tmp.resolve("status/nightly.2024-25.failed"));
        assertEquals(1, noted.size(), noted.toString());
        assertTrue(noted.get(0).endsWith(" exit status 143: interrupted (SIGTERM)"), noted.toString());
        assertTrue(!Files.exists(tmp.resolve("status/nightly.2022-23.failed")), "2022-23 published: no failure of it");
    }
}
