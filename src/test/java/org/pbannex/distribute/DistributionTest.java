package org.pbannex.distribute;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.Golden;
import org.pbannex.RefusedPort;

/**
 * Distribution through the real command line and a real SMTP server (GreenMail, started by the test): the messages read
 * back (recipients, subject, body, the attachment opening as the right workbook), the dry run's .eml files, history, a
 * mail server that is down (exit 5, one line), and the job's own distribute step after publish.
 */
class DistributionTest {

    /** A port of each test's own where nothing listens: a mail server or database that is down. */
    @RegisterExtension
    final RefusedPort noListener = new RefusedPort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(org.pbannex.TestSmtp.SETUP);

    @TempDir
    static Path shared;
    static Path out;
    static Path db;
    static String runId;

    @TempDir
    Path tmp;

    @BeforeAll
    static void publish() throws IOException {
        out = shared.resolve("out");
        db = shared.resolve("db");
        CliRun r = CliRun.run(db, "run", "nightly", "--output", out.toString(), "--format", "xlsx,csv");
        assertEquals(0, r.status(), r.toString());
        try (Stream<Path> s = Files.list(out.resolve("2022-23"))) {
            runId = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{8}T.*")).findFirst().orElseThrow();
        }
    }

    private static Map<String, String> smtp(int port) {
        Map<String, String> m = new HashMap<>(CliRun.h2(db));
        m.put("spring.mail.host", "localhost");
        m.put("spring.mail.port", String.valueOf(port));
        m.put("pb.distribution.from", "budget-office@example.org");
        return m;
    }

    private static String body(Message m) throws Exception {
        return org.pbannex.MailText.body(m);
    }

    private static List<String> attachedSheets(Message m, Path tmp) throws Exception {
        Multipart mp = (Multipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart p = mp.getBodyPart(i);
            if (p.getFileName() != null) {
                Path f = tmp.resolve(p.getFileName());
                try (InputStream in = p.getInputStream()) {
                    Files.copy(in, f);
                }
                try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
                    List<String> names = new ArrayList<>();
                    wb.forEach(s -> names.add(s.getSheetName()));
                    // The cover names the run.
                    StringBuilder cover = new StringBuilder();
                    wb.getSheetAt(0).forEach(r -> r.forEach(c -> cover.append(c.toString()).append('\n')));
                    assertTrue(cover.toString().contains(runId), "the cover shows run " + runId);
                    return names;
                }
            }
        }
        throw new AssertionError("no attachment");
    }

    @Test
    void eachReviewerGetsTheirWorkbookAndAMessageInTheirLanguage() throws Exception {
        CliRun r = CliRun.capture(smtp(SMTP.getSmtp().getPort()), "distribute", runId, "--output", out.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("Run " + runId + ": 3 of 3 reviewers sent"), r.out());
        MimeMessage[] messages = SMTP.getReceivedMessages();
        assertEquals(3, messages.length);
        Map<String, MimeMessage> byTo = new HashMap<>();
        for (MimeMessage m : messages) {
            assertEquals(1, m.getAllRecipients().length);
            byTo.put(m.getAllRecipients()[0].toString(), m);
            assertEquals("budget-office@example.org", ((jakarta.mail.internet.InternetAddress) m.getFrom()[0]).getAddress());
        }
        MimeMessage li = byTo.get("Li Wei <li.wei@example.org>");
        assertTrue(li.getSubject().contains("运行 " + runId), li.getSubject());
        String liBody = body(li);
        assertTrue(liBody.startsWith("Li Wei，您好："), liBody);
        assertTrue(liBody.contains("pb-annexes-2022-23.zh.xlsx") && liBody.contains("此前发给您的运行均无记录，因此本运行不与任何运行比较。"), liBody);
        assertTrue(liBody.contains("43.0") && liBody.contains("43.1"), "the documented difference of Table 2: " + liBody);
        // Its tables by number and title, without the footnote marker that points to a note under the table.
        assertTrue(liBody.contains("  - a1: 资料附件 1 2022-2023 两年期实施预算\n") || liBody.contains("  - a1: 资料附件 1 2022-2023 两年期实施预算\r\n"),
                liBody);
        // When the run was made, as each edition writes a date (and the time, UTC), not as the manifest stores it.
        java.time.ZonedDateTime made = java.time.Instant.parse(java.nio.file.Files.readString(out.resolve("2022-23").resolve(runId).resolve("manifest.json"))
                .replaceFirst("(?s).*\"started_at\" *: *\"([^\"]+)\".*", "$1")).atZone(java.time.ZoneOffset.UTC);
        String liMade = "（协调世界时 " + made.getYear() + " 年 " + made.getMonthValue() + " 月 " + made.getDayOfMonth() + " 日 "
                + String.format("%02d:%02d", made.getHour(), made.getMinute()) + " 发布）";
        assertTrue(liBody.contains(liMade) && !liBody.contains(made.getYear() + "-"), liMade + " in: " + liBody);
        List<String> liSheets = attachedSheets(li, Files.createDirectories(tmp.resolve("li")));
        assertTrue(liSheets.size() > 17 && liSheets.get(0).equals("封面"), liSheets.toString());

        MimeMessage maria = byTo.get("Maria Rossi <maria.rossi@example.org>");
        assertTrue(maria.getSubject().endsWith("for your review (run " + runId + ")"), maria.getSubject());
        String mariaBody = body(maria);
        assertTrue(mariaBody.startsWith("Dear Maria Rossi,") && mariaBody.contains("pb-annexes-2022-23.en.t1_t2_a1_a2.xlsx")
                && mariaBody.contains("To correct a figure"), mariaBody);
        String mariaMade = "(published " + made.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM y, HH:mm", java.util.Locale.UK))
                + " UTC)";
        assertTrue(mariaBody.contains(mariaMade), mariaMade + " in: " + mariaBody);
        List<String> tables = attachedSheets(maria, Files.createDirectories(tmp.resolve("maria"))).stream()
                .map(n -> n.split(" ")[0]).filter(n -> n.matches("t1|t2|a1|a2|a2-1|a3|i1|f2|rt")).toList();
        assertEquals(List.of("t1", "t2", "a1", "a2"), tables, "only her tables, in the run's order");

        CliRun history = CliRun.run(db, "history", runId);
        assertEquals(0, history.status(), history.toString());
        assertTrue(history.out().lines().anyMatch(l -> l.matches("\\S+ \\S+ +sent +Maria Rossi <maria.rossi@example.org> +en +t1 t2 a1 a2 .*")),
                history.out());
        assertTrue(history.out().lines().anyMatch(l -> l.matches("\\S+ \\S+ +sent +Li Wei <li.wei@example.org> +zh +all +pb-annexes-2022-23.zh.xlsx.*")),
                "a reviewer of every table: " + history.out());
        // Its tables line up, whatever the longest cell: a step named after its partition, a reviewer of every table.
        List<String> lines = history.out().lines().toList();
        List<String> steps = lines.subList(lines.indexOf(lines.stream().filter(l -> l.startsWith("EXEC")).findFirst().orElseThrow()),
                lines.indexOf("Distributions") - 1);
        int status = steps.get(0).indexOf("STATUS");
        assertTrue(steps.size() > 10 && steps.stream().skip(1).allMatch(l -> l.startsWith(" COMPLETED ", status - 1)), steps.toString());
        List<String> sent = lines.subList(lines.indexOf("Distributions") + 1, lines.size());
        int lang = sent.get(0).indexOf("LANG");
        assertTrue(sent.size() == 4 && sent.stream().skip(1).allMatch(l -> l.startsWith(" zh ", lang - 1) || l.startsWith(" en ", lang - 1)),
                sent.toString());
    }

    @Test
    void aDryRunWritesTheMessagesIntoTheRunFolder() throws Exception {
        CliRun early = CliRun.capture(smtp(SMTP.getSmtp().getPort()), "distribute", runId, "--dry-run", "--reply-by", "2020-01-15",
                "--output", out.toString());
        assertEquals(2, early.status(), early.toString());
        assertTrue(early.err().strip().matches("pb-annex: --reply-by 2020-01-15 is before run " + java.util.regex.Pattern.quote(runId)
                + " was published \\(\\d{4}-\\d{2}-\\d{2}\\): name a later date"), early.err());
        CliRun r = CliRun.capture(smtp(SMTP.getSmtp().getPort()), "distribute", runId, "--dry-run", "--reply-by", "2099-01-15",
                "--output", out.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals(0, SMTP.getReceivedMessages().length, "a dry run sends nothing");
        Path eml = out.resolve("2022-23").resolve(runId).resolve("distribution").resolve("02-maria.rossi@example.org.eml");
        assertTrue(Files.isRegularFile(eml), r.out());
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            assertTrue(body(m).startsWith("Dear Maria Rossi,"));
            assertEquals(List.of("t1", "t2", "a1", "a2"), attachedSheets(m, Files.createDirectories(tmp.resolve("eml"))).stream()
                    .map(n -> n.split(" ")[0]).filter(n -> n.matches("t1|t2|a1|a2|a2-1|a3|i1|f2|rt")).toList());
        }
        // Li Wei reviews every table: his message says, not only his workbook, that f2 is synthetic and rt not printed.
        try (InputStream in = Files.newInputStream(eml.resolveSibling("01-li.wei@example.org.eml"))) {
            String body = body(new MimeMessage(Session.getInstance(new Properties()), in));
            assertTrue(body.contains("请注意：\n  - 图 2 依据合成的支出明细绘制，其数字并非劳工组织的数据。"), body);
            assertTrue(body.contains("按区域分列的目标表不属于印刷文件"), body);
            assertTrue(body.replace("\r\n", "\n").contains("\n\n请于 2099 年 1 月 15 日前发回更正。\n"), "the date asked for, as the zh edition writes dates: " + body);
        }
        try (InputStream in = Files.newInputStream(eml)) {
            String body = body(new MimeMessage(Session.getInstance(new Properties()), in));
            assertFalse(body.contains("Please note:"), "Maria's tables have no caveat: " + body);
        }
        // Sent back unchanged, the workbook of her tables is reviewed against itself: no sheet of other tables is missing.
        Path back = Files.copy(eml.resolveSibling("pb-annexes-2022-23.en.t1_t2_a1_a2.xlsx"), tmp.resolve("maria.xlsx"));
        CliRun review = CliRun.capture(Map.of(), "review", back.toString(), "--output", out.toString());
        assertEquals(0, review.status(), review.toString());
        assertTrue(review.out().contains("Run " + runId + " (en): ") && review.out().contains(" 0 changes"), review.out());
    }

    /**
     * A reviewer's next message says what changed since the run they received last, as they read the tables: the
     * table's name, the row's label and the column's heading in their language, not the CSVs' ids (found by a
     * reviewer's trial: "AF/rate_pct: '4.4' -> '4.6'" in the Chinese message too). A dry run between two mailed runs
     * is a preview, not a run received: the third run's message counts from the first.
     */
    @Test
    void theNextMessageListsWhatChangedSinceTheLastRunReceivedInTheReadersWords() throws Exception {
        Path input = org.pbannex.TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path rates = input.resolve("2022-23/regional_inflation.csv");
        Files.writeString(rates, Files.readString(rates).replace("AF,4.4", "AF,4.6"));
        Path db2 = tmp.resolve("db");
        Path out2 = tmp.resolve("out");
        Map<String, String> settings = new HashMap<>(smtp(SMTP.getSmtp().getPort()));
        settings.putAll(CliRun.h2(db2));
        List<String> runs = new ArrayList<>();
        List<Path> inputs = List.of(org.pbannex.Golden.input(), input, input);
        for (int i = 0; i < inputs.size(); i++) {
            String in = inputs.get(i).toString();
            CliRun run = CliRun.run(db2, "run", "nightly", "--force", "--input", in, "--output", out2.toString(), "--format", "xlsx,csv");
            assertEquals(0, run.status(), run.toString());
            try (Stream<Path> s = Files.list(out2.resolve("2022-23"))) {
                runs.add(s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{8}T.*") && !runs.contains(n)).findFirst()
                        .orElseThrow());
            }
            List<String> args = new ArrayList<>(List.of("distribute", runs.get(i), "--input", in, "--output", out2.toString()));
            if (i == 1) {
                args.add("--dry-run");
            }
            CliRun sent = CliRun.capture(settings, args.toArray(String[]::new));
            assertEquals(0, sent.status(), sent.toString());
        }
        String li;
        try (InputStream a = Files.newInputStream(out2.resolve("2022-23").resolve(runs.get(1)).resolve("distribution/01-li.wei@example.org.eml"))) {
            li = body(new MimeMessage(Session.getInstance(new Properties()), a));
        }
        assertTrue(li.contains("自您上次收到的运行 " + runs.get(0) + " 以来有以下变化："), li);
        assertTrue(li.contains("\n      非洲 [AF], 年均通货膨胀率: '4.4' -> '4.6'\n"), li);
        assertFalse(li.contains("AF/rate_pct"), "no ids in the reader's place: " + li);
        assertTrue(li.lines().anyMatch(l -> l.matches("  - a2-1: .*A2-1.*：1 个单元格有变化")), li);

        Map<String, String> third = new HashMap<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (m.getSubject().contains(runs.get(2))) {
                third.put(m.getAllRecipients()[0].toString(), body(m));
            }
        }
        String liThird = third.get("Li Wei <li.wei@example.org>");
        assertTrue(liThird.contains("自您上次收到的运行 " + runs.get(0) + " 以来有以下变化：") && liThird.contains("'4.4' -> '4.6'"),
                "since the first run, mailed; not the dry run's preview: " + liThird);
        // Maria Rossi reviews t1, t2, a1 and a2 in English: a2-1 is not hers, and none of hers changed.
        assertTrue(third.get("Maria Rossi <maria.rossi@example.org>").contains("Nothing in these tables changed since run " + runs.get(0)
                + ", the last one you received."), third.toString());

        // The run received last removed from the output folder (as a review over allows): said so, not "the first run"
        // (found by an exploratory test).
        org.springframework.util.FileSystemUtils.deleteRecursively(out2.resolve("2022-23").resolve(runs.get(0)));
        CliRun preview = CliRun.capture(settings, "distribute", runs.get(2), "--input", input.toString(), "--output", out2.toString(),
                "--dry-run");
        assertEquals(0, preview.status(), preview.toString());
        String maria;
        try (InputStream a = Files.newInputStream(out2.resolve("2022-23").resolve(runs.get(2)).resolve("distribution/02-maria.rossi@example.org.eml"))) {
            maria = body(new MimeMessage(Session.getInstance(new Properties()), a));
        }
        assertTrue(maria.contains("The run you last received, " + runs.get(0) + ", is no longer in the output folder, so what "
                + "changed since cannot be listed."), maria);
    }

    @Test
    void aMailServerThatIsDownIsExitFiveWithOneLine() throws Exception {
        int closed = noListener.port();
        // --again: whichever test ran first, the reviewers who received the run already are tried too.
        CliRun r = CliRun.capture(smtp(closed), "distribute", runId, "--again", "--output", out.toString());
        assertEquals(5, r.status(), r.toString());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        // Not reached, the server fails every reviewer alike: the line names none of them (it said "did not take the
        // message to li.wei@example.org", tester 77a), nor does the run's row of the history.
        assertTrue(lines[0].startsWith("pb-annex: mail server localhost:" + closed + " was not reached, for every reviewer: the "
                + "connection was refused (is the server running, on that port?) (") && !lines[0].contains("@example.org")
                && lines[0].endsWith("stays published: ./pb-annex distribute " + runId + " --output " + out.toAbsolutePath().normalize()
                + " --again sends it to every reviewer again)"), "after --again, the command that does so (found by an exploratory "
                + "test: it named distribute RUN_ID, which skipped them all): " + lines[0]);
        CliRun history = CliRun.capture(smtp(closed), "history", runId);
        assertEquals(0, history.status(), history.toString());
        List<String> rows = history.out().lines().filter(l -> l.contains("mail server localhost:" + closed)).toList();
        assertTrue(!rows.isEmpty() && rows.stream().allMatch(l -> l.contains("(the run: every reviewer)")
                && l.contains("was not reached, for every reviewer") && !l.contains("@")), history.out());
    }

    /**
     * A job that names reviewers sends the run after publishing it, unless the command says --no-distribute; a server
     * that is down leaves it published, exit 5.
     */
    @Test
    void theJobsDistributeStepRunsAfterPublish() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("jobs"));
        Files.writeString(home.resolve("jobs/review.yml"), """
                description: a1 to its reviewer
                tables: [a1]
                languages: [en]
                formats: [xlsx, csv]
                replyWithinDays: 10
                reviewers:
                  - name: Ana Silva
                    email: ana.silva@example.org
                    language: en
                """);
        Map<String, String> settings = new HashMap<>(smtp(SMTP.getSmtp().getPort()));
        settings.put("spring.datasource.url", CliRun.h2(tmp.resolve("jobdb")).get("spring.datasource.url"));
        settings.put("pb.home", home.toString());
        settings.put("pb.input", Golden.input().toString());
        settings.put("pb.output", tmp.resolve("out").toString());
        CliRun r = CliRun.capture(settings, "run", "review");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("Sent to 1 reviewers"), r.out());
        assertEquals(1, SMTP.getReceivedMessages().length);
        assertEquals("Ana Silva <ana.silva@example.org>", SMTP.getReceivedMessages()[0].getAllRecipients()[0].toString());
        // The job's replyWithinDays: ten days after the run was published (its manifest's start, UTC: its id's date may
        // be the day before, a run begun at midnight), in her language.
        String subject = SMTP.getReceivedMessages()[0].getSubject();
        String runId = subject.replaceFirst(".*\\(run (\\S+)\\)$", "$1");
        java.time.LocalDate published = java.time.Instant.parse(Files.readString(tmp.resolve("out/2022-23").resolve(runId)
                .resolve("manifest.json")).replaceFirst("(?s).*\"started_at\" *: *\"([^\"]+)\".*", "$1"))
                .atZone(java.time.ZoneOffset.UTC).toLocalDate();
        String due = published.plusDays(10).format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
        assertTrue(body(SMTP.getReceivedMessages()[0]).replace("\r\n", "\n").contains("\n\nPlease send your corrections by " + due + ".\n"),
                body(SMTP.getReceivedMessages()[0]));

        // --no-distribute publishes and sends nothing (the launcher's training runs rely on it), and says so.
        CliRun held = CliRun.capture(settings, "run", "review", "--force", "--no-distribute");
        assertEquals(0, held.status(), held.toString());
        assertTrue(held.out().contains("Published: "), held.out());
        assertTrue(held.out().contains("Not sent to its 1 reviewers (--no-distribute): ./pb-annex distribute "), held.out());
        assertFalse(held.out().contains("Sent to"), held.out());
        assertEquals(1, SMTP.getReceivedMessages().length, "nothing more was sent");

        int closed = noListener.port();
        settings.put("spring.mail.port", String.valueOf(closed));
        CliRun down = CliRun.capture(settings, "run", "review", "--force");
        assertEquals(5, down.status(), down.toString());
        assertTrue(down.out().contains("Published: "), "published all the same: " + down.out());
        assertEquals(1, down.err().strip().split("\n").length, down.err());
        assertTrue(down.err().startsWith("pb-annex: mail server localhost:" + closed), down.err());
    }

    /**
     * A run that published no workbook (narrowed to csv on the command line, or a job without xlsx) has nothing to send:
     * it says so in one line and in the job's status, exit 0, and is not left waiting to be sent (it failed its distribute
     * step with exit status 2, and was then NOT SENT). distribute names it, exit 2.
     */
    @Test
    void aRunThatPublishedNoWorkbookHasNothingToSend() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("jobs"));
        String job = """
                tables: [a1]
                languages: [en]
                formats: [xlsx, csv]
                reviewers:
                  - name: Ana Silva
                    email: ana.silva@example.org
                    language: en
                """;
        Files.writeString(home.resolve("jobs/review.yml"), job);
        Files.writeString(home.resolve("jobs/tidy.yml"), job.replace("[xlsx, csv]", "[csv]"));
        Map<String, String> settings = new HashMap<>(smtp(SMTP.getSmtp().getPort()));
        settings.putAll(CliRun.h2(tmp.resolve("jobdb")));
        settings.put("pb.home", home.toString());
        settings.put("pb.input", Golden.input().toString());
        settings.put("pb.output", tmp.resolve("out").toString());

        CliRun narrowed = CliRun.capture(settings, "run", "review", "--format", "csv");
        assertEquals(0, narrowed.status(), narrowed.toString());
        String runId = narrowed.out().lines().filter(l -> l.startsWith("Run ")).findFirst().orElseThrow().split("[ :]")[1];
        assertTrue(narrowed.out().contains("Not sent to its 1 reviewers: run " + runId + " published no workbook (xlsx is not among "
                + "its formats), so there is nothing to send them\n"), narrowed.out());
        assertEquals("", narrowed.err(), "nothing waits to be sent");
        CliRun status = CliRun.capture(settings, "status", "review");
        assertFalse(status.out().contains("NOT SENT"), status.toString());
        assertFalse(CliRun.capture(settings, "history").out().contains("NOT SENT"));
        CliRun distribute = CliRun.capture(settings, "distribute", runId);
        assertEquals(2, distribute.status(), distribute.toString());
        assertEquals("pb-annex: run " + runId + " published no workbook (its formats: csv), so there is nothing to send its reviewers: "
                + "distribute a run whose formats include xlsx", distribute.err().strip());

        CliRun tidy = CliRun.capture(settings, "run", "tidy");
        assertEquals(0, tidy.status(), tidy.toString());
        CliRun tidyStatus = CliRun.capture(settings, "status", "tidy");
        assertEquals(0, tidyStatus.status(), tidyStatus.toString());
        assertTrue(tidyStatus.out().contains("; not sent to its 1 reviewers: run ") && tidyStatus.out().contains(" published no workbook"),
                "the job's status says why its reviewers got nothing: " + tidyStatus.out());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    /**
     * A run that set a bad expenditure line aside (--rejects) is distributed by hand: its lines are read again as the run
     * read them, not strictly (which stopped at the line it had rejected, exit 3, so it could never be sent).
     */
    @Test
    void aRunThatRejectedLinesIsDistributedWithItsLinesReadAsTheRunReadThem() throws Exception {
        Path input = org.pbannex.TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path lines = input.resolve("expenditure/synthetic-2016-2023.csv");
        Files.writeString(lines, Files.readString(lines) + "Z1,2022-05,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,12.345\n");
        Path out2 = tmp.resolve("out");
        Map<String, String> settings = new HashMap<>(smtp(SMTP.getSmtp().getPort()));
        settings.putAll(CliRun.h2(tmp.resolve("db")));
        CliRun run = CliRun.capture(settings, "run", "nightly", "--rejects", "--tables", "f2", "--lang", "zh", "--format", "xlsx,csv",
                "--input", input.toString(), "--output", out2.toString());
        assertEquals(0, run.status(), run.toString());
        String id = run.out().lines().filter(l -> l.startsWith("Run ")).findFirst().orElseThrow().split("[ :]")[1];
        CliRun sent = CliRun.capture(settings, "distribute", id, "--input", input.toString(), "--output", out2.toString());
        assertEquals(0, sent.status(), sent.toString());
        assertTrue(sent.out().contains("Sent:    Li Wei <li.wei@example.org>, zh, pb-annexes-2022-23.zh.xlsx"), sent.out());
        assertEquals(1, SMTP.getReceivedMessages().length, sent.out());
    }

    /**
     * A run published from an input workbook (run --input inputs.xlsx) read the folder the workbook was imported into:
     * distribute sends it from there, with the installation's reviewers (the workbook holds input files only). It said
     * that the input had changed since the run (input/ is not what the run read), and with --input inputs.xlsx that the
     * imported folder had no reviewers list.
     */
    @Test
    void aRunFromAnInputWorkbookIsDistributed() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("jobs"));
        Files.writeString(home.resolve("jobs/review.yml"), """
                tables: [a2-1]
                languages: [zh]
                formats: [xlsx, csv]
                reviewers: input
                """);
        Path input = org.pbannex.TestInputs.copyOfBundledInput(home.resolve("input"));
        Map<String, String> settings = new HashMap<>(smtp(SMTP.getSmtp().getPort()));
        settings.putAll(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.home", home.toString());
        settings.put("pb.input", input.toString());
        settings.put("pb.output", tmp.resolve("out").toString());
        Path book = tmp.resolve("inputs.xlsx");
        assertEquals(0, CliRun.capture(settings, "input", "export", "--out", book.toString()).status());
        // Edited in the workbook: Africa's inflation, which table A2-1 shows.
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(book))) {
            var sheet = wb.getSheet("regional_inflation");
            boolean changed = false;
            for (var row : sheet) {
                if (row.getCell(0) != null && "AF".equals(row.getCell(0).toString())) {
                    row.getCell(1).setCellValue(4.6);
                    changed = true;
                }
            }
            assertTrue(changed);
            try (var os = Files.newOutputStream(book)) {
                wb.write(os);
            }
        }
        CliRun run = CliRun.capture(settings, "run", "review", "--input", book.toString());
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("Sent to 1 reviewers"), "Li Wei reviews every table: " + run.out());
        String id = run.out().lines().filter(l -> l.startsWith("Run ")).findFirst().orElseThrow().split("[ :]")[1];
        int before = SMTP.getReceivedMessages().length;

        CliRun again = CliRun.capture(settings, "distribute", id, "--again", "--dry-run");
        assertEquals(0, again.status(), again.toString());
        CliRun named = CliRun.capture(settings, "distribute", id, "--again", "--input", book.toString());
        assertEquals(0, named.status(), named.toString());
        assertEquals(before + 1, SMTP.getReceivedMessages().length, named.out());
        // Published into the installation's output and mailed, it is the job's run, not a trial.
        CliRun history = CliRun.capture(settings, "history");
        assertFalse(history.out().lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow().contains("trial"), history.out());
        assertTrue(CliRun.capture(settings, "status").out().contains("no failure; run " + id + " published"));

        // Its import pruned (the newest ten are kept): sent from the run's own copy of its input, naming no import.
        org.pbannex.publish.RunFolder.deleteTree(home.resolve("work/imported"));
        CliRun pruned = CliRun.capture(settings, "distribute", id, "--again", "--dry-run");
        assertEquals(0, pruned.status(), pruned.toString());
        assertFalse(pruned.out().contains("imported"), pruned.out());
        // A run with no copy (published before runs kept one) is told by its folder, which is there, and the import gone.
        Path folder = tmp.resolve("out/2022-23").resolve(id);
        Files.delete(folder.resolve("input.zip"));
        CliRun noCopy = CliRun.capture(settings, "distribute", id, "--again", "--dry-run");
        assertEquals(3, noCopy.status(), noCopy.toString());
        assertTrue(noCopy.err().startsWith("pb-annex: " + folder + ": run " + id + " was made from an input workbook, whose "
                + "import (" + home.resolve("work/imported") + "/"), noCopy.err());
        assertTrue(noCopy.err().contains("was removed since (the newest ten imports are kept), and the run keeps no copy of "
                + "its input (input.zip: published before runs kept one): ./pb-annex distribute " + id + " --input WORKBOOK.xlsx, "
                + "naming that workbook, imports it again and sends it"), noCopy.err());
    }

    /**
     * The changes listed in a reviewer's next message name each column by the heading their edition's table prints, the
     * row labels included (they named the CSV's ids: "label_en"), and give amounts grouped as the tables give them (they
     * gave '15668625'). Found in a reviewer's trial.
     */
    @Test
    void theChangesNameColumnsByTheirHeadingsAndGroupAmounts() throws Exception {
        Path input = org.pbannex.TestInputs.copyOfBundledInput(tmp.resolve("input"));
        // The Governing Body renamed, and 31 375 of its non-staff costs moved to staff (cost by object likewise, so the
        // checks still pass).
        edit(input.resolve("reference/units.csv"), "GB,理事会,Governing Body,", "GB,理事会,Governing Body of the ILO,");
        edit(input.resolve("2022-23/budget.csv"), "GB,31,8,37,11,15668625,2579317,", "GB,31,8,37,11,15700000,2547942,");
        edit(input.resolve("2022-23/cost_by_object.csv"), "STAFF,547017651,", "STAFF,547049026,");
        edit(input.resolve("2022-23/cost_by_object.csv"), "TRAVEL,12394975,", "TRAVEL,12363600,");
        Path db2 = tmp.resolve("db");
        Path out2 = tmp.resolve("out");
        Map<String, String> settings = new HashMap<>(smtp(SMTP.getSmtp().getPort()));
        settings.putAll(CliRun.h2(db2));
        Map<String, String> second = secondRunsMessages(settings, List.of(Golden.input(), input), out2, "a1");
        String maria = second.get("Maria Rossi <maria.rossi@example.org>");
        assertTrue(maria.contains("[GB], Department / programme: 'Governing Body' -> 'Governing Body of the ILO'\n"), maria);
        assertTrue(maria.contains(": '15,668,625' -> '15,700,000'\n") && maria.contains(": '2,579,317' -> '2,547,942'\n"), maria);
        assertFalse(maria.contains("label_") || maria.contains("staff_costs"), "no ids in the reader's place: " + maria);
        String li = second.get("Li Wei <li.wei@example.org>");
        assertTrue(li.contains(": '15 668 625' -> '15 700 000'\n"), li);
        // His edition prints the Chinese labels: the English one is named as the other edition's.
        assertTrue(li.contains("（英文版）: 'Governing Body' -> 'Governing Body of the ILO'\n"), li);
        assertFalse(li.contains("label_") || li.contains("staff_costs"), "no ids in the reader's place: " + li);
    }

    /**
     * The tables published in a tidy form of their own follow the same rule: Figure 2's amount of a region, biennium and
     * status is named by its biennium's printed heading and grouped (to the cent), an SDG indicator's text by the column
     * that prints it. They showed the data package's field names and plain figures ("amount_usd: '10027.83'").
     */
    @Test
    void theTidyTablesChangesNameTheirPrintedColumnsAndGroupAmounts() throws Exception {
        List<Path> inputs = beforeAndAfter("f2 ii1");
        Path after = inputs.get(1);
        try (Stream<Path> files = Files.list(after.resolve("expenditure"))) {
            Path lines = files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
            edit(lines, "L0000000001,2017-07,XB,ACTUAL,AM,KAZ,TECHMEET,4,FURNITURE,19027.83",
                    "L0000000001,2017-07,XB,ACTUAL,AM,KAZ,TECHMEET,4,FURNITURE,1019027.83");
        }
        edit(after.resolve("2022-23/sdg_indicators.csv"), "8.5.2,8.5,失业率，按性别、年龄和残疾人分列。", "8.5.2,8.5,失业率，按性别、年龄和残疾状况分列。");
        Map<String, String> settings = new HashMap<>(smtp(SMTP.getSmtp().getPort()));
        settings.putAll(CliRun.h2(tmp.resolve("db")));
        Path out2 = tmp.resolve("out");
        Map<String, String> second = secondRunsMessages(settings, inputs, out2, "f2,ii1");
        String li = second.get("Li Wei <li.wei@example.org>");
        assertTrue(li.lines().anyMatch(l -> l.matches(" +美洲 \\[AM\\.2016-17\\.ACTUAL\\], 2016.2017 \\*+: "
                + "'\\d{1,3}( \\d{3})+\\.\\d\\d' -> '\\d{1,3}( \\d{3})+\\.\\d\\d'")), li);
        assertTrue(li.contains(" [8.5.2], 纳入国际劳工组织成果框架的可持续发展目标指标: '失业率，按性别、年龄和残疾人分列。' -> "
                + "'失业率，按性别、年龄和残疾状况分列。'\n"), li);
        String ana = second.get("Ana Silva <ana.silva@example.org>");
        assertTrue(ana.lines().anyMatch(l -> l.matches(" +Americas \\[AM\\.2016-17\\.ACTUAL\\], 2016.2017 \\*+: "
                + "'\\d{1,3}(,\\d{3})+\\.\\d\\d' -> '\\d{1,3}(,\\d{3})+\\.\\d\\d'")), ana);
        assertTrue(ana.contains(" [8.5.2], SDG indicators included in the ILO results framework: '"), ana);
        for (String message : List.of(li, ana)) {
            assertFalse(message.contains("amount_usd") || message.contains("sdg_indicator_text"), "no ids in the reader's place: "
                    + message);
        }
    }

    /**
     * An output dropped with its indicators is said as its rows removed, one line each, not as each of their cells going
     * to nothing: the output's heading row, empty but for its labels, read as seven changes from nothing to nothing
     * ("'' -> （无）"), and the rows' cells filled the list so that the changes after them were hidden behind "另有 9 个
     * 单元格有变化". A field that only identifies an indicator's row (its text, level, outcome, output) is named in the
     * reader's words, not the data's ("indicator:" in the Chinese message). Found by a tester of a new biennium.
     */
    @Test
    void aRowRemovedIsOneLineAndTheFieldsAreNamedInTheReadersWords() throws Exception {
        List<Path> inputs = beforeAndAfter("i2");
        Path after = withoutOutput75(inputs.get(1)).resolve("2022-23");
        edit(after.resolve("results_indicators.csv"), "8.1.1,8.1.1,policy_output,8,8.1,为扩大覆盖面",
                "8.1.1,8.1.1,policy_output,8,8.1,为了扩大覆盖面");
        Map<String, String> second = secondRunsMessages(inputs, "i2");
        String li = second.get("Li Wei <li.wei@example.org>");
        assertTrue(li.contains("[output.7.5]: 此行已删除\n") && li.contains(" [7.5.1]: 此行已删除\n")
                && li.contains(" [7.5.3]: 此行已删除\n"), li);
        assertFalse(li.contains("'' ->") || li.contains("-> ''") || li.contains("[output.7.5],") || li.contains("[7.5.1],"), li);
        // The change after them is listed, its indicator's text named as the Chinese table names it.
        assertTrue(li.contains(" [8.1.1], 指标: '为扩大覆盖面"), li);
        assertFalse(li.contains("另有"), li);
        assertNoFieldNamesOfTheData(li, "indicator", "level", "outcome", "output");
        String ana = second.get("Ana Silva <ana.silva@example.org>");
        assertTrue(ana.contains("[output.7.5]: row removed\n") && ana.contains(" [8.1.1], Indicator: '"), ana);
    }

    /**
     * A row new in this run is one line too ("此行为新增", "row added"), not each of its cells coming from nothing: an
     * output put back with its indicators listed every cell of their rows, "（无） -> '7.5.1'", and hid the changes after
     * them. The fields the risk register and annex 4 print under no heading (a risk's event, a share's confidence) are
     * named in the reader's words too: the Chinese message said "event:" and "confidence:".
     */
    @Test
    void aRowAddedIsOneLineAndTheRiskAndContributorFieldsAreNamedInTheReadersWords() throws Exception {
        List<Path> inputs = beforeAndAfter("i2 risk a4");
        withoutOutput75(inputs.get(0));
        Path after = inputs.get(1).resolve("2022-23");
        edit(after.resolve("strategic_risks.csv"), "1,理事会或国际劳工大会", "1,理事会和国际劳工大会");
        edit(after.resolve("strategic_risks.csv"), ",The Governing Body or the International", ",The Governing Body and the International");
        org.pbannex.TestInputs.edit(after.resolve("outcome_contributors.csv"), s -> String.join("\n", s.lines()
                .map(l -> l.startsWith("1,") ? l.replaceAll(",moderate$", ",low") : l).toList()) + "\n");
        Map<String, String> second = secondRunsMessages(inputs, "i2,risk,a4");
        String li = second.get("Li Wei <li.wei@example.org>");
        assertTrue(li.contains("[output.7.5]: 此行为新增\n") && li.contains(" [7.5.1]: 此行为新增\n")
                && li.contains(" [7.5.3]: 此行为新增\n"), li);
        assertFalse(li.contains("（无） ->") || li.contains("-> （无）") || li.contains("[output.7.5],") || li.contains("[7.5.1],"), li);
        assertTrue(li.contains(" [1], 事件: '理事会或国际劳工大会") && li.contains(" [1.1], 归属可靠性: 'moderate' -> 'low'\n"), li);
        assertFalse(li.contains("另有"), li);
        assertNoFieldNamesOfTheData(li, "event", "risk", "confidence", "contributor", "outcome");
        String ana = second.get("Ana Silva <ana.silva@example.org>");
        assertTrue(ana.contains("[output.7.5]: row added\n") && ana.contains(" [1], Event: '")
                && ana.contains(" [1.1], Confidence: 'moderate' -> 'low'\n"), ana);
    }

    /**
     * A unit of count's code (count_unit of i1-i3 and rt), which no table prints, is named in the reader's words too,
     * apart from the unit's words (target_unit, "计数单位"): the messages said "count_unit:" in either language (stop 80).
     */
    @Test
    void aUnitOfCountsCodeIsNamedInTheReadersWords() throws Exception {
        List<Path> inputs = beforeAndAfter("i2");
        Path after = inputs.get(1);
        org.pbannex.TestInputs.edit(after.resolve("reference/target_units.csv"), s -> s.replaceAll("(?m)^ORG,", "ORGANIZATION,"));
        org.pbannex.TestInputs.edit(after.resolve("2022-23/results_indicators.csv"), s -> s.replaceAll("(?m),ORG$", ",ORGANIZATION"));
        Map<String, String> second = secondRunsMessages(inputs, "i2");
        String li = second.get("Li Wei <li.wei@example.org>");
        assertTrue(li.contains(" [1.1.1], 计数单位代码: 'ORG' -> 'ORGANIZATION'\n"), li);
        assertNoFieldNamesOfTheData(li, "count_unit");
        String ana = second.get("Ana Silva <ana.silva@example.org>");
        assertTrue(ana.contains(" [1.1.1], Unit of count code: 'ORG' -> 'ORGANIZATION'\n") && !ana.contains("count_unit"), ana);
    }

    /** The second run's messages, sent through the test's mail server, of {@link #secondRunsMessages(Map, List, Path, String)}. */
    private Map<String, String> secondRunsMessages(List<Path> inputs, String tables) throws Exception {
        Map<String, String> settings = new HashMap<>(smtp(SMTP.getSmtp().getPort()));
        settings.putAll(CliRun.h2(tmp.resolve("db")));
        return secondRunsMessages(settings, inputs, tmp.resolve("out"), tables);
    }

    /** A Chinese message names no field by the data's name (", indicator: ..."), only in the reader's words. */
    private static void assertNoFieldNamesOfTheData(String message, String... fields) {
        for (String field : fields) {
            assertFalse(message.contains(", " + field + ":"), "no field names of the data in a Chinese message: " + message);
        }
    }

    /** The input without output 7.5 and its three indicators (as valid input: the stated count of policy output indicators follows). */
    private static Path withoutOutput75(Path input) throws IOException {
        Path biennium = input.resolve("2022-23");
        for (String file : List.of("results_outputs.csv", "results_indicators.csv", "results_baselines.csv", "results_regional_targets.csv")) {
            org.pbannex.TestInputs.edit(biennium.resolve(file), s -> String.join("\n", s.lines().filter(l -> !l.startsWith("7.5")).toList()) + "\n");
        }
        edit(biennium.resolve("results_levels.csv"), "policy_output,59,", "policy_output,56,");
        return input;
    }

    /**
     * A reviewer's first run of a new biennium is not compared with the last run of the other biennium they received:
     * its figures are another budget's (a tester's 2024-25 message listed "Africa [AF] ... '4.9' -> '5.0'" against a
     * 2022-23 run). The next run of the same biennium is, and a row's role (row_type) is never listed as a change.
     */
    @Test
    void aNewBienniumsFirstRunIsNotComparedWithAnotherBienniumsRun() throws Exception {
        Path input = org.pbannex.TestInputs.withBienniaUpTo(tmp.resolve("input"), 2024);
        edit(input.resolve("2024-25/regional_inflation.csv"), "AF,4.4", "AF,4.9");
        Map<String, String> settings = new HashMap<>(smtp(SMTP.getSmtp().getPort()));
        settings.putAll(CliRun.h2(tmp.resolve("db")));
        Path out2 = tmp.resolve("out");
        List<String> runs = new ArrayList<>();
        for (String biennium : List.of("2022-23", "2024-25", "2024-25")) {
            if (runs.size() == 2) {
                edit(input.resolve("2024-25/regional_inflation.csv"), "AF,4.9", "AF,5.0");
            }
            CliRun run = CliRun.capture(settings, "run", "nightly", "--tables", "a2-1", "--biennium", biennium, "--input",
                    input.toString(), "--output", out2.toString(), "--format", "xlsx,csv");
            assertEquals(0, run.status(), run.toString());
            runs.add(run.out().lines().filter(l -> l.startsWith("Run ")).findFirst().orElseThrow().split("[ :]")[1]);
            CliRun sent = CliRun.capture(settings, "distribute", runs.get(runs.size() - 1), "--input", input.toString(), "--output",
                    out2.toString());
            assertEquals(0, sent.status(), sent.toString());
        }
        Map<String, List<String>> li = new HashMap<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().contains("li.wei@")) {
                li.computeIfAbsent(runs.stream().filter(m.getSubject()::contains).findFirst().orElseThrow(), k -> new ArrayList<>())
                        .add(body(m).replace("\r\n", "\n"));
            }
        }
        String first2024 = li.get(runs.get(1)).get(0);
        assertTrue(first2024.contains("这是您收到的第一个 2024-25 两年期运行（此前收到的运行属于其他两年期，不作比较）。\n"), first2024);
        assertFalse(first2024.contains(runs.get(0)) || first2024.contains("'4.4' -> '4.9'"), first2024);
        String second2024 = li.get(runs.get(2)).get(0);
        assertTrue(second2024.contains("自您上次收到的运行 " + runs.get(1) + " 以来有以下变化：")
                && second2024.contains("\n      非洲 [AF], 年均通货膨胀率: '4.9' -> '5.0'\n"), second2024);
    }

    /** Two copies of the bundled input, before and after, each listing Li Wei (zh) and Ana Silva (en) for {@code tables}. */
    private List<Path> beforeAndAfter(String tables) throws IOException {
        List<Path> inputs = new ArrayList<>();
        for (String name : List.of("before", "after")) {
            Path input = org.pbannex.TestInputs.copyOfBundledInput(tmp.resolve(name));
            Files.writeString(input.resolve("reviewers.csv"), "name,email,language,tables\nLi Wei,li.wei@example.org,zh," + tables
                    + "\nAna Silva,ana.silva@example.org,en," + tables + "\n");
            inputs.add(input);
        }
        return inputs;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " holds " + from);
        Files.writeString(file, text.replace(from, to));
    }
    /**
     * Runs and sends the nightly job's {@code tables} from each input in turn (a run, then the next one over it) and
     * returns the second run's messages, by recipient: what a reviewer reads about the changes between them.
     */
    private static Map<String, String> secondRunsMessages(Map<String, String> settings, List<Path> inputs, Path out,
                                                          String tables) throws Exception {
        List<String> runs = new ArrayList<>();
        for (Path in : inputs) {
            CliRun run = CliRun.capture(settings, "run", "nightly", "--force", "--tables", tables, "--input", in.toString(),
                    "--output", out.toString(), "--format", "xlsx,csv");
            assertEquals(0, run.status(), run.toString());
            runs.add(run.out().lines().filter(l -> l.startsWith("Run ")).findFirst().orElseThrow().split("[ :]")[1]);
            CliRun sent = CliRun.capture(settings, "distribute", runs.get(runs.size() - 1), "--input", in.toString(), "--output",
                    out.toString());
            assertEquals(0, sent.status(), sent.toString());
        }
        Map<String, String> second = new HashMap<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (m.getSubject().contains(runs.get(1))) {
                second.put(m.getAllRecipients()[0].toString(), body(m).replace("\r\n", "\n"));
            }
        }
        return second;
    }
}
