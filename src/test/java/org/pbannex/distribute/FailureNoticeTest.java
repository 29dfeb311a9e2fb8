package org.pbannex.distribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.BundledCounts;
import org.pbannex.CliRun;
import org.pbannex.FailedRuns;
import org.pbannex.TestInputs;
import org.pbannex.RefusedPort;

/**
 * A failed unattended run tells whoever is to hear of failures (pb.failures.mail-to), through a real SMTP server
 * (GreenMail): the run, its step, exit status and one line, the report attached. A mail server that is down changes
 * nothing of the run's own failure: its exit status and its one line on stderr. With no address set, nothing is sent.
 */
class FailureNoticeTest {

    /** A port of each test's own where nothing listens: a mail server or database that is down. */
    @RegisterExtension
    final RefusedPort noListener = new RefusedPort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(org.pbannex.TestSmtp.SETUP);

    @TempDir
    Path tmp;
    Path input;

    @BeforeEach
    void aCheckThatFails() throws Exception {
        input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        // One dollar moved between objects: A2-2 still adds up, but its staff costs no longer equal annex 1's.
        TestInputs.edit(input.resolve("2022-23/cost_by_object.csv"), s -> s.replace("STAFF,547017651,", "STAFF,547017652,")
                .replace("TRAVEL,12394975,", "TRAVEL,12394974,"));
    }

    /**
     * An installation of its own (the failures told are kept under its work/status/), whose nightly job makes the CSVs
     * only: the runs that pass get that far quickly, and need no font.
     */
    private Map<String, String> settings(int port, String mailTo) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home/jobs")).getParent();
        Files.writeString(home.resolve("jobs/nightly.yml"), "tables: all\nlanguages: [zh]\nformats: [csv]\n");
        Map<String, String> m = new HashMap<>(CliRun.h2(tmp.resolve("db")));
        m.put("pb.home", home.toString());
        m.put("spring.mail.host", "localhost");
        m.put("spring.mail.port", String.valueOf(port));
        m.put("pb.distribution.from", "pb-annex@example.org");
        // The installation's folders, which the runs name: a run of another input or into another output is a trial.
        m.put("pb.input", input.toString());
        m.put("pb.output", tmp.resolve("out").toString());
        if (mailTo != null) {
            m.put("pb.failures.mail-to", mailTo);
        }
        return m;
    }

    /** The text of the one message received, whose subject is this. */
    private static String theOneNotice(String subject) throws Exception {
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(1, received.length, "one notice");
        assertEquals(subject, received[0].getSubject());
        return (String) received[0].getContent();
    }

    private CliRun nightly(Map<String, String> settings) {
        return CliRun.capture(settings, "run", "nightly", "--input", input.toString(), "--output", tmp.resolve("out").toString());
    }

    /** The one notice's subject, body and attachment (its name: its text), sent to both addresses. */
    private static String[] theNoticeWithItsReport() throws Exception {
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(2, received.length, "one message, two recipients");
        MimeMessage m = received[0];
        assertEquals(List.of("ops@example.org", "budget-office@example.org"),
                java.util.Arrays.stream(m.getAllRecipients()).map(Object::toString).toList());
        Multipart parts = (Multipart) m.getContent();
        String body = null;
        String attached = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart p = parts.getBodyPart(i);
            if (p.getFileName() == null) {
                Object c = p.getContent();
                body = c instanceof Multipart inner ? (String) inner.getBodyPart(0).getContent() : (String) c;
            } else {
                attached = p.getFileName() + ": " + new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        assertTrue(body != null, "a body");
        assertTrue(attached != null && attached.startsWith("report.html: ") && attached.contains("a2-2.staff_equals_annex1_staff_costs"),
                "the report attached");
        return new String[] {m.getSubject(), body};
    }

    private Path theFailedRun() throws java.io.IOException {
        try (var runs = Files.list(tmp.resolve("out/2022-23/failed"))) {
            return runs.findFirst().orElseThrow();
        }
    }

    /** A job whose first edition is Chinese (the nightly job's languages: [zh]): its notice is in Chinese, as its report. */
    @Test
    void aFailedRunSendsItsNoticeWithTheReport() throws Exception {
        CliRun r = nightly(settings(SMTP.getSmtp().getPort(), "ops@example.org, budget-office@example.org"));
        FailedRuns.assertFailed(r, tmp.resolve("out"), 4);
        String[] notice = theNoticeWithItsReport();
        assertEquals("pb-annex：nightly 2022-23 运行失败（退出状态 4）", notice[0]);
        String body = notice[1].replace("\r\n", "\n"); // as mail carries it
        Path failed = theFailedRun();
        String runId = failed.getFileName().toString();
        assertTrue(body.startsWith("作业 nightly（两年期 2022-23）的运行 " + runId + " 在核对（check）步骤失败，退出状态 4：\n\n"), body);
        // The cause as the report says it, and both failed checks, each with where to look (the cause names the first).
        String cause = org.jsoup.Jsoup.parse(failed.resolve("report.html").toFile()).selectFirst(".cause").text();
        assertTrue(cause.startsWith("2 项检查未通过；第一项：a2-2.staff_equals_annex1_staff_costs［表 A2-2（a2-2），行 人员费用（STAFF）］："), cause);
        assertTrue(body.contains("\n\n" + cause + "\n\n"), "the report's cause: " + body);
        assertTrue(body.contains("未通过的检查：\n- a2-2.staff_equals_annex1_staff_costs［表 A2-2（a2-2），行 人员费用（STAFF）］：应为 547017651，实为 547017652；见 ")
                && body.contains("input/2022-23/cost_by_object.csv 第 2 行") && body.contains(
                "- a2-2.other_objects_equal_annex1_non_staff［表 A2-2（a2-2），行 总计（total）］"), body);
        assertTrue(body.contains("未发布任何内容：最新发布的运行保持不变。\n本次运行的报告（见附件）：" + failed.resolve("report.html") + "\n"
                + "运行的步骤和计数：./pb-annex history " + runId + "\n"), body);
        assertFalse(java.util.regex.Pattern.compile("Run |the job|exit status|Nothing was|Its steps|The failed|Once the cause").matcher(body).find(), "no English of the notice's own: " + body);
    }

    /** A job whose first edition is English: its notice is in English, the line a terminal shows its cause. */
    @Test
    void anEnglishRunsNoticeIsInEnglish() throws Exception {
        Map<String, String> settings = settings(SMTP.getSmtp().getPort(), "ops@example.org, budget-office@example.org");
        Files.writeString(tmp.resolve("home/jobs/nightly.yml"), "tables: all\nlanguages: [en, zh]\nformats: [csv]\n");
        String line = FailedRuns.assertFailed(nightly(settings), tmp.resolve("out"), 4);
        String[] notice = theNoticeWithItsReport();
        assertEquals("pb-annex: nightly 2022-23 failed (exit status 4)", notice[0]);
        String body = notice[1];
        assertTrue(body.contains("failed in its step check, exit status 4:"), body);
        assertTrue(body.contains(line.substring("pb-annex: ".length())), "the line a terminal shows: " + body);
        // Both failed checks, each with where to look (the line names only the first).
        assertTrue(body.contains("The failed checks:") && body.contains("- a2-2.staff_equals_annex1_staff_costs [table a2-2, row STAFF]: "
                + "expected 547017651, actual 547017652; see ") && body.contains("input/2022-23/cost_by_object.csv, line 2") && body.contains(
                "- a2-2.other_objects_equal_annex1_non_staff [table a2-2, row total]"), body);
        Path failed = theFailedRun();
        String runId = failed.getFileName().toString();
        assertTrue(body.contains("Run " + runId + " of the job nightly (biennium 2022-23)"), body);
        assertTrue(body.contains(failed.resolve("report.html").toString()) && body.contains("./pb-annex history " + runId), body);
    }

    @Test
    void aMailServerThatIsDownChangesNothingOfTheFailure() throws Exception {
        int closed = noListener.port();
        CliRun r = nightly(settings(closed, "ops@example.org"));
        String line = FailedRuns.assertFailed(r, tmp.resolve("out"), 4);
        assertTrue(line.contains("a2-2.staff_equals_annex1_staff_costs"), line);
    }

    @Test
    void aRunThatCannotStartBecauseAnotherHoldsTheBienniumSendsItsNoticeToo() throws Exception {
        Map<String, String> settings = settings(SMTP.getSmtp().getPort(), "ops@example.org");
        assertEquals(0, CliRun.capture(settings, "history").status(), "the database's tables made");
        // Another run, alive (this very process) and beating, holds 2022-23 in this output folder.
        Path out = tmp.resolve("out").toAbsolutePath();
        org.pbannex.HeldLocks.holdAsAliveRun(settings, "2022-23", out.toString(), "last-night");
        CliRun r = nightly(settings);
        assertEquals(5, r.status(), r.toString());
        assertTrue(r.err().contains("another run (last-night, "), r.err());
        // In the language of the report the run would have written (the job's first edition: Chinese), from the texts.
        String body = theOneNotice("pb-annex：nightly 2022-23 运行失败（退出状态 5）");
        assertNotStartedInChinese(body);
        assertTrue(body.contains("last-night"), body);
    }

    /** A notice of a night that could not start, in Chinese throughout but for its line (stderr's, quoted). */
    private static void assertNotStartedInChinese(String mail) {
        String body = mail.replace("\r\n", "\n");
        assertTrue(body.startsWith("作业 nightly（两年期 2022-23）无法开始运行，退出状态 5：\n\n")
                && body.contains("\n\n未发布任何内容：最新发布的运行保持不变。\n各次运行：./pb-annex history\n"
                + "作业所需的条件（每项一行）：./pb-annex preflight nightly\n问题解决后，作业的下一次运行即会发布（也可以现在就运行："
                + "./pb-annex run nightly）。"), body);
        for (String english : List.of("could not start", "Nothing was published", "The runs", "What the job needs", "Once the cause")) {
            assertFalse(body.contains(english), english + " in " + body);
        }
    }

    /**
     * The database down as the night starts: its notice says, in the report's language, the server, what could not be
     * done and why; the driver's own words are stderr's and the log's, not the notice's.
     */
    @Test
    void aNightWhoseDatabaseIsDownSendsItsNoticeWithoutTheRunsContext() throws Exception {
        int closed = noListener.port();
        Map<String, String> settings = settings(SMTP.getSmtp().getPort(), "ops@example.org");
        settings.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + closed + "/pbannex");
        settings.put("spring.datasource.username", "pbannex");
        CliRun r = nightly(settings);
        assertEquals(5, r.status(), r.toString());
        assertTrue(r.err().contains("PostgreSQL at 127.0.0.1:" + closed + " (database pbannex, user pbannex) is unavailable: "
                + "Connection to 127.0.0.1:" + closed + " refused."), "stderr's line as it was: " + r.err());
        String body = theOneNotice("pb-annex：nightly 2022-23 运行失败（退出状态 5）").replace("\r\n", "\n");
        assertNotStartedInChinese(body);
        assertTrue(body.contains("\n\n无法连接位于 127.0.0.1:" + closed + " 的 PostgreSQL（数据库 pbannex，用户 pbannex）：服务器拒绝连接"
                + "（服务器是否在运行，是否在该端口监听？）\n\n"), body);
        assertFalse(body.contains("unavailable") || body.contains("Connection to") || body.contains("postmaster"), body);

        // A job whose first edition is English: the same in the texts' English.
        Files.writeString(tmp.resolve("home/jobs/nightly.yml"), "tables: all\nlanguages: [en, zh]\nformats: [csv]\n");
        assertEquals(5, nightly(settings).status());
        String english = ((String) SMTP.getReceivedMessages()[1].getContent()).replace("\r\n", "\n");
        assertTrue(english.startsWith("The job nightly (biennium 2022-23) could not start, exit status 5:\n\nPostgreSQL at 127.0.0.1:"
                + closed + " (database pbannex, user pbannex): cannot connect to it: the server refused the connection (is it "
                + "running, and listening at that port?)\n\n"), english);
    }

    /**
     * A database H2 will not open is kept aside and the night goes on with a new one: no run failed, but the run
     * history is now in the kept file, and whoever looks after the night hears of it in one message.
     */
    @Test
    void aDatabaseKeptAsideAsTheNightStartsIsToldThoughTheNightPublishes() throws Exception {
        Map<String, String> settings = settings(SMTP.getSmtp().getPort(), "ops@example.org");
        Files.writeString(tmp.resolve("db.mv.db"), "not an H2 database file".repeat(100));
        Path good = TestInputs.copyOfBundledInput(tmp.resolve("good"));
        CliRun r = CliRun.capture(settings, "run", "nightly", "--input", good.toString(), "--output", tmp.resolve("out").toString());
        assertEquals(0, r.status(), r.toString());
        // In the language of the run's report (its first edition: Chinese), as stderr's line says it in English.
        String body = theOneNotice("pb-annex：损坏的数据库已另行保存，并已新建一个数据库").replace("\r\n", "\n");
        assertTrue(body.startsWith("pb-annex（run nightly）发现其嵌入式数据库已损坏：\n\n嵌入式数据库 " + tmp.resolve("db.mv.db")
                + " 已损坏（数据库文件已损坏或不是 H2 数据库（文件不完整））：已另存为 " + tmp.resolve("damaged-")), body);
        assertTrue(body.contains("，并已新建一个数据库；此前的运行记录在另存的文件中\n\n数据库只保存运行记录和作业存储库：已发布的内容都没有改变，"
                + "之后的运行使用新的数据库。\n此前的运行：在另存的文件中（./pb-annex history 的最后一行说明其位置）。\n"), body);
        assertFalse(java.util.regex.Pattern.compile("[A-Za-z]{4,}").matcher(body.replace(tmp.toString(), "")
                .replaceAll("damaged-\\S+", "").replace("pb-annex", "").replace("run nightly", "").replace("history", "")).find(), "no English: " + body);
        assertTrue(r.err().contains("(it is cut short)): kept as "), r.err());
    }

    /** Damage found as the night starts its run, after H2 opened the file: the night's notice says where it is kept. */
    @Test
    void aDatabaseFoundDamagedAsTheNightStartsItsRunIsToldWithWhereItIsKept() throws Exception {
        Map<String, String> settings = settings(SMTP.getSmtp().getPort(), "ops@example.org");
        Path good = TestInputs.copyOfBundledInput(tmp.resolve("good"));
        String[] nightly = {"run", "nightly", "--input", good.toString(), "--output", tmp.resolve("out").toString(), "--force"};
        assertEquals(0, CliRun.capture(settings, nightly).status());
        org.pbannex.runtime.DamagedPages.damageJobExecutions(tmp.resolve("db"));
        CliRun r = CliRun.capture(settings, nightly);
        assertEquals(5, r.status(), r.toString());
        String body = theOneNotice("pb-annex：nightly 2022-23 运行失败（退出状态 5）");
        assertNotStartedInChinese(body);
        assertTrue(body.contains("\n\n嵌入式数据库 " + tmp.resolve("db.mv.db") + " 在命令运行期间被发现已损坏（数据库文件已损坏或不是 H2 数据库）："
                + "已另存为 " + tmp.resolve("damaged-")) && body.contains("；下一条命令将新建一个数据库，此前的运行记录在另存的文件中\n"), body);
        assertTrue(r.err().contains("was found damaged during the command (the database file is damaged or not an H2 database "
                + "(File corrupted in chunk"), "stderr's line, with H2's words: " + r.err());
    }

    @Test
    void aJobFileTheNightCannotReadSendsItsNotice() throws Exception {
        Map<String, String> settings = settings(SMTP.getSmtp().getPort(), "ops@example.org");
        Path home = Path.of(settings.get("pb.home"));
        Files.writeString(home.resolve("jobs/nightly.yml"), "tables: all\nformats: [csv]\ntabels: [a1]\n");
        CliRun r = nightly(settings);
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("unknown key 'tabels'"), r.err());
        // No job known yet: the installation's words (its input's texts), in its first edition's language, the line quoted.
        // The file's mistake in those words too (stderr's line stays English).
        String body = theOneNotice("pb-annex：nightly 运行失败（退出状态 2）");
        assertTrue(body.startsWith("作业 nightly 无法开始运行，退出状态 2：")
                && body.contains(home.resolve("jobs/nightly.yml") + " 第 3 行：未知的键“tabels”；作业的键有 description, tables, ")
                && !body.contains("unknown key")
                && body.contains("作业所需的条件（每项一行）：./pb-annex preflight nightly"), body);
    }

    @Test
    void aReviewerOfTheJobFileThatCannotBeSentToIsSaidInTheInstallationsWords() throws Exception {
        String body = reviewerRefused("language: fr", "language 'fr' is not zh or en");
        assertTrue(body.contains("jobs/nightly.yml 第 3 行第 61 列：第 1 位审阅人：语言“fr”不是 zh 或 en") && !body.contains("is not zh"), body);
    }

    @Test
    void aReviewerOfTheJobFileWithAnUnknownTableListsTheTablesByTheirChineseNames() throws Exception {
        String body = reviewerRefused("language: zh, tables: [a9]", "unknown table 'a9'; the tables are t1 t2 f2 ");
        // The installation's texts name the tables, as the job's own tables' refusal does (not the jobs folder's, which has none).
        assertTrue(body.contains("第 1 位审阅人：没有表“a9”：现有的表是 t1（表 1）、t2（表 2）、f2（图 2）、br（预算草案）、i1（表 I.1）")
                && body.contains("a2-2（表 A2-2）") && !body.contains("unknown table"), body);
    }

    /**
     * The night of a job file whose one reviewer ({@code values} after the name and address) is refused: stderr's line
     * says {@code said} (English, as before); the notice's body, in the installation's words, is returned.
     */
    private String reviewerRefused(String values, String said) throws Exception {
        Map<String, String> settings = settings(SMTP.getSmtp().getPort(), "ops@example.org");
        Path home = Path.of(settings.get("pb.home"));
        Files.writeString(home.resolve("jobs/nightly.yml"), "tables: all\nformats: [csv]\n"
                + "reviewers: [{name: Li Wei, email: li@example.org, " + values + "}]\n");
        CliRun r = nightly(settings);
        assertEquals(2, r.status(), r.toString());
        // At its value's line and column (the last key given), and pointing at how job files are written, as a job file's
        // other mistakes.
        int column = ("reviewers: [{name: Li Wei, email: li@example.org, " + values.substring(0, values.lastIndexOf(": ") + 2)).length() + 1;
        assertTrue(r.err().contains(home.resolve("jobs/nightly.yml") + ", line 3, column " + column + ": reviewer 1: " + said), r.err());
        assertTrue(r.err().contains("How a job file is written: README.md, section Jobs."), r.err());
        return theOneNotice("pb-annex：nightly 运行失败（退出状态 2）");
    }

    @Test
    void anUnknownTableListsTheTablesByTheirChineseNames() throws Exception {
        Map<String, String> settings = settings(SMTP.getSmtp().getPort(), "ops@example.org");
        CliRun r = CliRun.capture(settings, "run", "nightly", "--tables", "a9", "--lang", "zh", "--input", input.toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("unknown table 'a9'; the tables are t1,t2,f2,"), "stderr's line as before: " + r.err());
        String body = theOneNotice("pb-annex：nightly 运行失败（退出状态 2）");
        assertTrue(body.contains("没有表“a9”：现有的表是 t1（表 1）、t2（表 2）、f2（图 2）、br（预算草案）、i1（表 I.1）")
                && body.contains("a1（资料附件 1）") && !body.contains("unknown table"), body);
    }

    @Test
    void aSettingTheNightCannotReadSendsItsNotice() throws Exception {
        Map<String, String> settings = settings(SMTP.getSmtp().getPort(), "ops@example.org");
        settings.put("pb.run.timeout", "soon");
        CliRun r = nightly(settings);
        assertEquals(5, r.status(), r.toString());
        String said = "the setting pb.run.timeout (pb.run.timeout in overrides) is 'soon', which is not a duration such as 10s, 5m or 1h";
        assertTrue(r.err().contains(said), r.err());
        String body = theOneNotice("pb-annex：nightly 运行失败（退出状态 5）");
        assertTrue(body.startsWith("作业 nightly 无法开始运行，退出状态 5：") && body.contains(said), body);
    }

    @Test
    void aMistakeInTheRunsCommandLineSendsItsNotice() throws Exception {
        // A crontab line with a misspelt option: it would fail every night.
        Map<String, String> settings = settings(SMTP.getSmtp().getPort(), "ops@example.org");
        CliRun r = CliRun.capture(settings, "run", "nightly", "--forse", "--input", input.toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("unknown option '--forse' of pb-annex run; did you mean --force?"), r.err());
        String body = theOneNotice("pb-annex：nightly 运行失败（退出状态 2）");
        // Its cause in the notice's language (stderr's line stays English).
        assertTrue(body.startsWith("作业 nightly 无法开始运行，退出状态 2：\n\npb-annex run 没有选项“--forse”；是否要输入 --force？\n")
                && !body.contains("unknown option"), body);
        // Other commands' mistakes are someone's at a terminal: no notice.
        assertEquals(2, CliRun.capture(settings, "history", "--forse").status());
        assertEquals(1, SMTP.getReceivedMessages().length);
        // A job's name typed wrong is no job's: the notice says "run", and it is kept in no status (nothing outside it).
        Path status = Path.of(settings.get("pb.status"));
        CliRun outside = CliRun.capture(settings, "run", "../../escaped", "--input", input.toString());
        assertEquals(2, outside.status(), outside.toString());
        assertEquals("pb-annex：run 运行失败（退出状态 2）", SMTP.getReceivedMessages()[1].getSubject());
        String noJob = (String) SMTP.getReceivedMessages()[1].getContent();
        assertTrue(noJob.contains("\n\n没有作业“../../escaped”：现有的作业是 nightly（" + Path.of(settings.get("pb.home")).resolve("jobs")
                + " 中的文件）\n") && !noJob.contains("unknown job"), noJob);
        assertFalse(Files.exists(status.resolve("../../escaped.failed").normalize()), "nothing outside " + status);
        assertFalse(Files.exists(status.resolve("run.failed")), "no job's failure");
    }

    @Test
    void aNightThatCannotStartWithNoAddressSendsNothingAndIsStillNotedInItsStatus() throws Exception {
        Map<String, String> settings = settings(SMTP.getSmtp().getPort(), null);
        settings.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/pbannex");
        assertEquals(5, nightly(settings).status());
        assertEquals(0, SMTP.getReceivedMessages().length);
        CliRun status = CliRun.capture(settings, "status", "nightly");
        assertTrue(status.out().contains("exit status 5") && status.out().contains("127.0.0.1:1"), status.toString());
    }

    @Test
    void theFirstGoodRunAfterFailuresSaysItIsBackToNormalOnce() throws Exception {
        Map<String, String> settings = settings(SMTP.getSmtp().getPort(), "ops@example.org");
        FailedRuns.assertFailed(nightly(settings), tmp.resolve("out"), 4);
        Map<String, String> down = new HashMap<>(settings);
        down.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + noListener.port() + "/pbannex");
        assertEquals(5, nightly(down).status());
        assertEquals(2, SMTP.getReceivedMessages().length, "two failures told");
        CliRun before = CliRun.capture(settings, "preflight", "--input", input.toString(), "--output", tmp.resolve("out").toString());
        assertTrue(before.out().lines().anyMatch(l -> l.matches("note\\s+failures 2022-23\\s+2 failures since the job last ran "
                + "well; the last: \\S+ exit status 5: PostgreSQL at 127.0.0.1:.*")), before.out());
        TestInputs.edit(input.resolve("2022-23/cost_by_object.csv"), s -> s.replace("STAFF,547017652,", "STAFF,547017651,")
                .replace("TRAVEL,12394974,", "TRAVEL,12394975,"));
        CliRun good = nightly(settings);
        assertEquals(0, good.status(), good.toString());
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(3, received.length);
        // In the language of the run's report (the job's first edition: Chinese); the failures as status shows them.
        assertEquals("pb-annex：nightly 2022-23 已恢复正常", received[2].getSubject());
        String body = ((String) received[2].getContent()).replace("\r\n", "\n");
        assertTrue(body.matches("(?s)作业 nightly（两年期 2022-23）已恢复正常运行：运行 \\S+ 已将 " + BundledCounts.tables() + " 个表、" + (BundledCounts.tables() + 1) + " 个文件发布到 "
                + java.util.regex.Pattern.quote(tmp.resolve("out/2022-23").toString()) + "/\\S+，" + BundledCounts.checks() + " 项检查通过。\n\n"
                + "此前自协调世界时 \\d{4} 年 \\d+ 月 \\d+ 日 \\d\\d:\\d\\d:\\d\\d 起有 2 次失败：\n- .*"), body);
        // Each in the message's language, as its notice said it; status keeps stderr's English.
        assertTrue(java.util.regex.Pattern.compile(" 退出状态 4：\\d+ 项检查未通过").matcher(body).find()
                && body.contains(" 退出状态 5：无法连接位于 127.0.0.1:")
                && body.indexOf(" 退出状态 4：") < body.indexOf(" 退出状态 5：") && !body.contains("exit status"),
                "both failures, oldest first: " + body);
        assertTrue(body.stripTrailing().endsWith("\n\n各次运行：./pb-annex history"), body);
        // The job's status keeps what the run did in stderr's English, as status shows it.
        CliRun status = CliRun.capture(settings, "status", "nightly");
        assertTrue(status.out().contains(" published " + BundledCounts.tablesWord() + ", " + (BundledCounts.tables() + 1) + " files to "
                + tmp.resolve("out/2022-23") + "/") && status.out().contains(", " + BundledCounts.checks() + " checks passed"), status.out());
        // Told once: the next good run (here one with nothing to do) sends nothing.
        assertEquals(0, nightly(settings).status());
        assertEquals(3, SMTP.getReceivedMessages().length);
        CliRun after = CliRun.capture(settings, "preflight", "--input", input.toString(), "--output", tmp.resolve("out").toString());
        assertFalse(after.out().contains("failures 2022-23"), after.out());
    }

    /** The notice of an installation whose output folder is {@code output}, told through the test's mail server. */
    private FailureNotice notice(Path output) {
        var sender = new org.springframework.mail.javamail.JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(SMTP.getSmtp().getPort());
        return new FailureNotice(new MailServer(sender, "pb-annex@example.org", "localhost"), List.of("ops@example.org"),
                tmp.resolve("status"), input, output, null);
    }

    @Test
    void aRunPublishedButNotSentToItsReviewersSaysSoAndHowToSendIt() throws Exception {
        FailureNotice notice = notice(tmp.resolve("out"));
        Path folder = tmp.resolve("out/2022-23/R1");
        assertTrue(notice.send(FailureNotice.FailedRun.notDistributed("R1", "nightly", "2022-23", 5,
                "mail server localhost:25 did not take the message to li.wei@example.org", folder)));
        String body = theOneNotice("pb-annex: nightly 2022-23 published, not sent to all its reviewers (exit status 5)");
        assertTrue(body.startsWith("Run R1 of the job nightly (biennium 2022-23) was published, and then failed in its step "
                + "distribute, exit status 5:") && body.contains("did not take the message to li.wei@example.org")
                && body.contains("Published: " + folder) && body.contains("./pb-annex distribute R1 (to those")
                && !body.contains("Nothing was published"), body);
    }

    /** Its command typable as printed: a run published into another output folder than the installation's names it. */
    @Test
    void aRunPublishedElsewhereIsSentWithItsOutputFolder() throws Exception {
        FailureNotice notice = notice(tmp.resolve("out"));
        Path elsewhere = tmp.resolve("scratch/../pub");
        assertTrue(notice.send(FailureNotice.FailedRun.notDistributed("R2", "nightly", "2022-23", 5,
                "mail server localhost:25 did not take the message to li.wei@example.org", elsewhere.resolve("2022-23/R2"))));
        String body = theOneNotice("pb-annex: nightly 2022-23 published, not sent to all its reviewers (exit status 5)");
        assertTrue(body.contains("send it: ./pb-annex distribute R2 --output " + tmp.resolve("pub") + " (to those it did not reach)"),
                body);
        // Into the installation's own output folder: no --output.
        assertTrue(notice.send(FailureNotice.FailedRun.notDistributed("R3", "nightly", "2022-23", 5, "refused",
                tmp.resolve("out/2022-23/R3"))));
        String own = (String) SMTP.getReceivedMessages()[1].getContent();
        assertTrue(own.contains("send it: ./pb-annex distribute R3 (to those it did not reach)"), own);
    }

    @Test
    void withNoAddressNothingIsSent() throws Exception {
        FailedRuns.assertFailed(nightly(settings(SMTP.getSmtp().getPort(), null)), tmp.resolve("out"), 4);
        assertEquals(0, SMTP.getReceivedMessages().length);
    }
}
