package org.pbannex.distribute;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pbannex.ingest.InputError;
import org.pbannex.table.Language;
import org.pbannex.table.Text;
import org.pbannex.runtime.RunOutcomes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Tells the people who look after the nightly run that a run failed ({@code pb.failures.mail-to}): one message with the
 * run, the step, the exit status and the one line a terminal would have shown, where its report is (attached), and
 * what to do next; and, once the job runs well again, that it is back to normal. An unattended run otherwise fails where
 * nobody reads it (cron's output goes to a log). Every outcome it is given is also kept in the job's status
 * ({@link RunOutcomes}, read by {@code status}), mailed or not. A notice that cannot be sent is logged; it never changes
 * the run's exit status or its one line.
 */
public final class FailureNotice {

    private static final Logger LOG = LoggerFactory.getLogger(FailureNotice.class);

    /**
     * A failed run as the notice tells it; {@code runId}, {@code step} and {@code report} are null for a run that could
     * not start (another run holds the biennium, the database is down), and {@code biennium} too when it failed before
     * its biennia were known (a job file that cannot be read); {@code failedChecks}, each described with where to look,
     * when checks failed; {@code published}, the run's folder when it was published and failed after (its
     * distribution), else null; {@code input} and {@code output}, the folders the run was of and for, when known.
     */
    public record FailedRun(String runId, String job, String biennium, String step, int exitStatus, String line,
                            Path report, List<String> failedChecks, Path published, Path input, Path output, Words words) {

        public FailedRun {
            failedChecks = failedChecks == null ? List.of() : List.copyOf(failedChecks);
        }

        /**
         * The one way to build a failed run: what every failure has; its report, publication, folders and words are
         * added by the {@code with*} methods, each returning the same failure with that one part set.
         */
        public static FailedRun of(String runId, String job, String biennium, String step, int exitStatus, String line) {
            return new FailedRun(runId, job, biennium, step, exitStatus, line, null, List.of(), null, null, null, null);
        }

        /** The same failure, with its report and the failed checks it lists. */
        public FailedRun withReport(Path report, List<String> checks) {
            return new FailedRun(runId, job, biennium, step, exitStatus, line, report, checks, published, input, output, words);
        }

        /** The same failure, of a run whose folder was published before it failed. */
        public FailedRun withPublished(Path folder) {
            return new FailedRun(runId, job, biennium, step, exitStatus, line, report, failedChecks, folder, input, output, words);
        }

        /** The same failure, of a run of that input folder into that output folder. */
        public FailedRun withFolders(Path runInput, Path runOutput) {
            return new FailedRun(runId, job, biennium, step, exitStatus, line, report, failedChecks, published, runInput, runOutput,
                    words);
        }

        /** The same failure, its notice in its report's language. */
        public FailedRun withWords(Words said) {
            return new FailedRun(runId, job, biennium, step, exitStatus, line, report, failedChecks, published, input, output, said);
        }

        /** "run ID", or "job NAME" for a run that did not start, for the log. */
        String name() {
            return runId != null ? "run " + runId : "job " + job + (biennium == null ? "" : " " + biennium);
        }

        public static FailedRun notStarted(String job, String biennium, int exitStatus, String line) {
            return of(null, job, biennium, null, exitStatus, line);
        }

        /**
         * A run whose process ended without saying why (killed, out of memory, the Java runtime failing), or whose start
         * cron's flock skipped: {@code schedule}, or the crontab line's {@code after-run}, tells it from the exit status.
         */
        public static FailedRun processEnded(String job, int exitStatus, String line) {
            return of(null, job, null, PROCESS, exitStatus, line);
        }

        /** The step of a run whose process ended without saying why (or never started: a skipped start). */
        static final String PROCESS = "process";

        /** Published, and then not sent to all its reviewers. */
        public static FailedRun notDistributed(String runId, String job, String biennium, int exitStatus, String line,
                                               Path published) {
            return of(runId, job, biennium, "distribute", exitStatus, line).withPublished(published);
        }
    }

    /**
     * A failed run's notice in its report's language: the texts' words ({@code report.notice.*}: {@code word} gives
     * them by name, without the prefix), and the run's cause and failed checks as its report says them.
     */
    public record Words(java.util.function.Function<String, Text> word, Language language, String cause, List<String> failedChecks) {

        String say(String name) {
            return word.apply(name).in(language);
        }

        /**
         * A word and its values ({@code prefix} + its word, each value a word of its own: the line's words, such as
         * DatabaseUnavailable's) in the notice's language; null where the words lack one of them.
         */
        String said(String prefix, org.pbannex.ingest.Said said) {
            Text t = org.pbannex.publish.ReportWords.said(word, prefix, said);
            return t == null ? null : t.in(language);
        }

        /**
         * The same words, the cause said by {@code said} (report.PREFIX*: "cause.", a failure's; "notice.", how a
         * process ended), or by {@code line} where there is none or they lack its words.
         */
        public Words because(String prefix, org.pbannex.ingest.Said said, String line) {
            String cause = said == null ? null : said(prefix, said);
            return new Words(word, language, cause == null ? line : cause, failedChecks);
        }

        /**
         * A notice in a report's words and language, its cause as that report says it; null where the words lack the
         * notice's (an input's texts older than them).
         */
        public static Words of(org.pbannex.publish.ReportWords words, Language language, Text cause, List<String> failedChecks) {
            return words.hasNoticeWords() ? new Words(w -> words.lacks(w) ? null : words.text(w), language,
                    cause == null ? null : cause.in(language), failedChecks) : null;
        }

        /** The words of the request's run that has no report (yet): its input's words as they stand; null: none. */
        public static Words of(org.pbannex.publication.RunRequest request) {
            return request == null ? null : of(org.pbannex.publish.ReportWords.read(request.input(), request.biennium()),
                    org.pbannex.publish.ReportWords.languageOf(request));
        }

        /**
         * The words of a notice that is no run's (back to normal, a database kept aside, a process that ended, a job
         * file that cannot be read): the installation's input's texts as they stand, in {@code language}; null where
         * they lack the notice's.
         */
        public static Words of(org.pbannex.publish.ReportWords words, Language language) {
            return of(words, language, null, List.of());
        }

        /**
         * The notice of a run of the request that has no report (it could not start): its input's words as they stand,
         * the cause as a report says {@code failure} (null: its line).
         */
        public static Words of(org.pbannex.publication.RunRequest request, Throwable failure, String line) {
            var words = org.pbannex.publish.ReportWords.read(request.input(), request.biennium());
            return of(words, org.pbannex.publish.ReportWords.languageOf(request), words.cause(failure, line), List.of());
        }
    }

    /**
     * What a good run did, as the job's status keeps it (its English, {@link #line}) and the message that the job is
     * back to normal says it (in its words): published {@code tables} and {@code files} to {@code folder}, {@code checks}
     * checks passed (null tables: nothing to do, run {@code runId} had published the inputs already, into {@code folder});
     * narrowed on the command line; {@code noWorkbook} reviewers not sent to, the run having no workbook for them;
     * {@code adopted}: nothing to do by a run found in the output folder, written into a new database's history now.
     */
    public record GoodRun(String runId, Path folder, Integer tables, Integer files, Long checks, boolean narrowed, int noWorkbook,
                          boolean adopted) {

        public static GoodRun published(String runId, Path folder, int tables, int files, long checks, boolean narrowed,
                                        int noWorkbook) {
            return new GoodRun(runId, folder, tables, files, checks, narrowed, noWorkbook, false);
        }

        /** @param adopted found in the output folder by a database that had no history of it, and written into it */
        public static GoodRun nothingToDo(String runId, Path folder, boolean narrowed, boolean adopted) {
            return new GoodRun(runId, folder, null, null, null, narrowed, 0, adopted);
        }

        /** In a report's words (report.notice.good.*: the word after "notice."). */
        org.pbannex.ingest.Said said() {
            org.pbannex.ingest.Said what = tables == null ? org.pbannex.ingest.Said.sentence(adopted ? "good.adopted"
                    : "good.nothing_to_do", "run", runId, "folder", folder.toString())
                    : org.pbannex.ingest.Said.sentence("good.published", "run", runId, "tables", count("tables", tables), "files",
                            count("files", files), "folder", folder.toString(), "checks", String.valueOf(checks));
            if (noWorkbook > 0) {
                what = org.pbannex.ingest.Said.sentence("good.no_workbook", "what", what, "count", String.valueOf(noWorkbook), "run", runId);
            }
            return narrowed ? org.pbannex.ingest.Said.sentence("good.narrowed", "what", what) : what;
        }

        private static org.pbannex.ingest.Said count(String what, int n) {
            return n == 1 ? org.pbannex.ingest.Said.sentence("good." + what + "_one") : org.pbannex.ingest.Said.sentence("good." + what, "count", String.valueOf(n));
        }

        /** In the code's English, as the job's status keeps it: "run R published 17 tables, 18 files to F, 1147 checks passed". */
        public String line() {
            return english("notice.", said());
        }
    }

    /**
     * The notice's words where the run read no texts (its report not written): the English of texts.csv's
     * report.notice.* (ReportWords.WORDS names them for the texts).
     */
    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("notice.subject", "pb-annex: {job} {biennium} failed (exit status {status})"),
            Map.entry("notice.failed", "Run {run} of the job {job} (biennium {biennium}) failed in its step {step}, exit status {status}:"),
            Map.entry("notice.failed_no_step", "Run {run} of the job {job} (biennium {biennium}) failed, exit status {status}:"),
            Map.entry("notice.failed_checks", "The failed checks:"),
            Map.entry("notice.more_checks", "and {count} more (in the report)"),
            Map.entry("notice.nothing_published", "Nothing was published: the latest published run is unchanged."),
            Map.entry("notice.report", "The run's report (attached): {report}"),
            Map.entry("notice.history", "Its steps and counts: ./pb-annex history {run}"),
            Map.entry("notice.next_run", "Once the cause is fixed, the next run of the job publishes (or run it now: ./pb-annex run {job})."),
            Map.entry("notice.subject_no_biennium", "pb-annex: {job} failed (exit status {status})"),
            Map.entry("notice.not_started", "The job {job} (biennium {biennium}) could not start, exit status {status}:"),
            Map.entry("notice.not_started_no_biennium", "The job {job} could not start, exit status {status}:"),
            Map.entry("notice.runs", "The runs: ./pb-annex history"),
            Map.entry("notice.preflight", "What the job needs, a line each: ./pb-annex preflight {job}"),
            Map.entry("notice.subject_published", "pb-annex: {job} {biennium} published, not sent to all its reviewers (exit status {status})"),
            Map.entry("notice.published_failed", "Run {run} of the job {job} (biennium {biennium}) was published, and then failed in its step {step}, exit status {status}:"),
            Map.entry("notice.published_in", "Published: {published}"),
            Map.entry("notice.who_received", "Who received it: ./pb-annex history {run}"),
            Map.entry("notice.send_it", "Once the cause is fixed, send it: ./pb-annex distribute {run}{output} (to those it did not reach), or let the job's next run send it (unless a newer run replaces it first)."),
            Map.entry("notice.process_ended", "A run of the job {job} did not finish, exit status {status}:"),
            Map.entry("notice.process_before", "What it did before: ./pb-annex history (a run whose process died shows as FAILED; the log: work/logs/)"),
            Map.entry("notice.process_next_run", "The next run of the job restarts it (or run it now: ./pb-annex run {job})."),
            Map.entry("notice.ended.killed", "its process was killed (signal 9: by the system when memory ran out, or by someone)"),
            Map.entry("notice.ended.stopped", "its process was stopped (signal 15)"),
            Map.entry("notice.ended.aborted", "the Java runtime aborted (signal 6; it writes hs_err_pid*.log in the folder it ran in)"),
            Map.entry("notice.ended.signal", "its process ended on signal {signal}"),
            Map.entry("notice.ended.runtime", "the Java runtime ended with status {status} before pb-annex said why (out of memory, or a runtime that could not start: the output above and work/logs/ say more)"),
            Map.entry("notice.ended.skipped", "this start was skipped: the job's previous start still holds work/cron-{job}.lock (flock), so it is still running or hung (pb.run.timeout stops it)"),
            Map.entry("notice.back_subject", "pb-annex: {job} {biennium} back to normal"),
            Map.entry("notice.back", "The job {job} (biennium {biennium}) ran well again: {what}."),
            Map.entry("notice.back_after_one", "It follows the failure at {time}:"),
            Map.entry("notice.back_after", "It follows {count} failures since {time}:"),
            Map.entry("notice.back_failure", "{time} exit status {status}: {cause}"),
            Map.entry("notice.good.published", "run {run} published {tables}, {files} to {folder}, {checks} checks passed"),
            Map.entry("notice.good.tables", "{count} tables"),
            Map.entry("notice.good.tables_one", "1 table"),
            Map.entry("notice.good.files", "{count} files"),
            Map.entry("notice.good.files_one", "1 file"),
            Map.entry("notice.good.nothing_to_do", "nothing to do, run {run} had published these inputs already ({folder})"),
            Map.entry("notice.good.adopted", "nothing to do, run {run} had published these inputs already ({folder}): found in the output folder, the new database having had no history of it, and written into its run history"),
            Map.entry("notice.good.narrowed", "narrowed on the command line, not the job as defined: {what}"),
            Map.entry("notice.good.no_workbook", "{what}; not sent to its {count} reviewers: run {run} published no workbook (xlsx is not among its formats), so there is nothing to send them"),
            Map.entry("notice.kept_subject", "pb-annex: a damaged database was kept aside, and a new one started"),
            Map.entry("notice.kept_found", "pb-annex ({what}) found its embedded database damaged:"),
            Map.entry("notice.kept_nothing_changed", "The database holds only the run history and the job repository: nothing published has changed, and the next runs use the new database."),
            Map.entry("notice.kept_runs_before", "The runs before it: in the kept file (./pb-annex history ends with where it is)."),
            Map.entry("notice.kept_disk", "A disk that damages files may damage others: its system log may say more."));

    /** The code's English of a word of the notices ({@code prefix} + its word, with its values): a line on stderr. */
    public static String english(String prefix, org.pbannex.ingest.Said said) {
        return org.pbannex.publish.ReportWords.said(FailureNotice::englishWord, prefix, said).en();
    }

    private static Text englishWord(String word) {
        return ENGLISH.containsKey(word) ? Text.of(ENGLISH.get(word)) : null;
    }

    /** A run's words, else the code's English, with the run's cause and checks as its stderr says them. */
    private static Words wordsOf(FailedRun run) {
        return run.words() != null ? run.words() : english(run.line(), run.failedChecks());
    }

    /** The code's English words, the cause said by its line. */
    private static Words english(String line, List<String> failedChecks) {
        return new Words(FailureNotice::englishWord, Language.EN, line, failedChecks);
    }

    /** The names every notice word is filled with. */
    private static final java.util.Set<String> RUN_NAMES = java.util.Set.of("run", "job", "biennium", "step", "status", "published");

    /**
     * A notice word with the run's names filled in: {run}, {job}, {biennium}, {step}, {status}, {published}, and those
     * {@code more} gives (name, value, ...). A word of the texts that would keep one of its placeholders (nothing fills
     * it in: read as they stand, a misspelling reading refuses) is said in the code's English: a notice is sent as it
     * must be, never holding one, the last guard as for the tables' texts.
     */
    private static String say(FailedRun run, String word, String... more) {
        Words w = wordsOf(run);
        Text said = w.word().apply(word);
        Language language = w.language();
        java.util.Set<String> given = new java.util.HashSet<>(RUN_NAMES);
        for (int i = 0; i + 1 < more.length; i += 2) {
            given.add(more[i]);
        }
        List<String> left = org.pbannex.reference.Placeholders.left(said, given);
        // The program's English names a step by its name, as stderr does; the texts' words name it in theirs.
        Text step = org.pbannex.publish.ReportWords.step(String.valueOf(run.step()), w.word());
        if (!left.isEmpty()) {
            LOG.warn("the notice's word report.{} holds {{}}, which nothing fills in: said in the program's English", word, left.get(0));
            said = Text.of(ENGLISH.get(word));
            language = Language.EN;
            step = Text.of(String.valueOf(run.step()));
        }
        said = said.with("run", String.valueOf(run.runId())).with("job", run.job())
                .with("biennium", String.valueOf(run.biennium()))
                .with("step", step.in(language))
                .with("status", String.valueOf(run.exitStatus())).with("published", String.valueOf(run.published()));
        for (int i = 0; i + 1 < more.length; i += 2) {
            said = said.with(more[i], more[i + 1]);
        }
        return said.in(language);
    }

    /** How many failed checks the message lists; the report lists them all. */
    static final int CHECKS_LISTED = 20;

    private final JavaMailSender mail;
    private final String from;
    private final String server;
    private final List<String> to;
    private final RunOutcomes outcomes;
    private final Path input;
    private final Path output;
    private final Path imported;

    /**
     * @param mail    the mail server (without a sender: no notice, a warning in the log)
     * @param to      the addresses (none: no notice)
     * @param status  where each job's last good run and its failures since are kept ({@code work/status})
     */
    public FailureNotice(MailServer mail, List<String> to, Path status) {
        this(mail, to, status, null, null, null);
    }

    /**
     * @param input  the installation's input folder ({@code pb.input}), and
     * @param output its output folder ({@code pb.output}): a run of another, or into another, is a trial (said so in
     *               the job's status, where it does not count)
     * @param imported where it imports input workbooks for runs ({@code work/imported}): a run of one is of its input
     */
    public FailureNotice(MailServer mail, List<String> to, Path status, Path input, Path output, Path imported) {
        this.input = input;
        this.output = output;
        this.imported = imported;
        this.mail = mail.sender();
        this.from = mail.from();
        this.server = mail.server();
        this.to = List.copyOf(to);
        this.outcomes = new RunOutcomes(status, input, output, imported);
    }

    /** Sends the notice when anyone is to hear of failures; true when it was sent. */
    public boolean send(FailedRun run) {
        try {
            // Its cause in its notice's language too, for the message that the job is back to normal; its run named, for
            // history to tell it by this line when its own record could not be written.
            Words w = run.words();
            boolean translated = w != null && w.language() != Language.EN && w.cause() != null;
            outcomes.failed(run.job(), run.biennium(), run.exitStatus(), run.line() + elsewhere(run), run.runId(),
                    translated ? w.language().code() : null, translated ? w.cause() : null);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} failed; it could not be noted in the job's status: {}", run.name(), e.getMessage(), e);
        }
        return sendUnkept(run);
    }

    /**
     * What the job's status adds to the line of a trial run (of another input folder than the installation's, or into
     * another output folder: --input, --output): its failure is noted for the job, as information, and does not make
     * the job's status unwell.
     */
    private String elsewhere(FailedRun run) {
        return RunOutcomes.elsewhere(run.input(), run.output(), input, output, imported);
    }

    /**
     * The notice alone, kept in no job's status: for a command line that names no job (none, or one that jobs/ does not
     * have), which is no job's failure, and whose record no good run would ever clear.
     */
    public boolean sendUnkept(FailedRun run) {
        if (org.pbannex.runtime.Interruption.causedByTheStop(run.exitStatus())) {
            // The signal's notice told it; this is what the closing context made fail after it (the job's listener, the
            // run command's "could not start").
            LOG.info("{} failed as the signal stopped it ({}): told by the signal's notice only", run.name(), run.line());
            return false;
        }
        String subject = say(run, run.published() != null ? "notice.subject_published"
                : run.biennium() == null ? "notice.subject_no_biennium" : "notice.subject");
        return tell(run.name() + " failed", subject, body(run, output), run.report() != null && Files.isRegularFile(run.report()) ? run.report() : null);
    }

    /**
     * A good run of the job for the biennium (published, or nothing to do: its inputs were published already): kept as
     * the job's last good run; after failures, it tells the people who hear of failures that the job is back to normal,
     * with the failures since it last ran well. True when that message was sent.
     *
     * @param good      what the good run did ("run R published 17 tables, 18 files to FOLDER, 1147 checks passed")
     * @param asDefined false for a run narrowed on the command line (fewer tables, editions or formats than the job's):
     *                  it answers the failures before it (it read and checked the whole input, on the same database and
     *                  output folder), but it is not the job's last good run, whose age {@code status --max-age} asks
     * @param runInput  the input folder the run read and
     * @param runOutput the output folder it published to: a trial run (another input or output folder than the
     *                  installation's) is none of the job's runs in its status: neither its last good run nor an answer
     *                  to its failures, since what the installation publishes is as it was; it answers the failures of
     *                  trials of the same folders only
     * @param words     the words of its message, its report's (null: the code's English), read only for the message
     */
    public boolean goodRun(String job, String biennium, GoodRun good, boolean asDefined, Path runInput, Path runOutput,
                           java.util.function.Supplier<Words> words) {
        if (RunOutcomes.trial(runInput, runOutput, input, output, imported)) {
            String elsewhere = RunOutcomes.elsewhere(runInput, runOutput, input, output, imported);
            LOG.info("job {} {}: a trial run{} ran well: not the job's last good run", job, biennium, elsewhere);
            try {
                // It answers the failures of trials of the same folders (information in status), not the job's own.
                outcomes.clearTrialFailures(job, biennium, elsewhere);
            } catch (IOException | RuntimeException e) {
                LOG.warn("job {} {}: the failures of its trials{} could not be cleared from its status: {}", job, biennium,
                        elsewhere, e.getMessage(), e);
            }
            return false;
        }
        try {
            if (asDefined) {
                outcomes.good(job, biennium, good.line());
            }
            if (outcomes.failures(job, biennium).isEmpty()) {
                return false;
            }
            if (to.isEmpty()) {
                outcomes.clearFailures(job, biennium);
                return false;
            }
            if (mail == null) {
                LOG.warn("job {} {} is back to normal, and nobody was told: {}", job, biennium, MailServer.NOT_CONFIGURED);
                return false;
            }
            Words w = java.util.Objects.requireNonNullElseGet(words.get(), () -> english(null, List.of()));
            // The failures in the message's language, where their notices said them so.
            List<String> failures = outcomes.failures(job, biennium, w.language().code());
            mail(w.word().apply("notice.back_subject").with("job", job).with("biennium", biennium).in(w.language()),
                    backToNormalBody(job, biennium, good, failures, w), null);
            // Cleared once told: a message that could not be sent is tried again by the next good run.
            outcomes.clearFailures(job, biennium);
            LOG.info("job {} {} is back to normal: told {}", job, biennium, to);
            return true;
        } catch (IOException | MessagingException | RuntimeException e) {
            LOG.warn("job {} {} ran well, and its status or the message to {} through {} could not be written: {}", job, biennium,
                    to, server, e.getMessage(), e);
            return false;
        }
    }

    /**
     * The embedded database was found damaged and kept aside, and a new one started: no run failed for it (or its
     * failure was told already), but the run history before it is now in the kept file, which whoever looks after the
     * nightly run should hear of. True when the message was sent.
     *
     * @param what  the command that found it, e.g. "run nightly"
     * @param line  the line that said so on standard error, naming the kept file
     * @param said  the same in a report's words (report.cause.*; null: its line)
     * @param words the message's words (its run's, else the installation's; null: the code's English)
     */
    public boolean databaseKeptAside(String what, String line, org.pbannex.ingest.Said said, Words words) {
        Words w = (words != null ? words : english(null, List.of())).because("cause.", said, line);
        return tell("the damaged database was kept aside", w.say("notice.kept_subject"), keptAsideBody(what, w), null);
    }

    /**
     * One message to the people who hear of failures, when there are any; what became of it is logged, never thrown.
     *
     * @param about what happened, for the log ("run R failed")
     * @return true when it was sent
     */
    private boolean tell(String about, String subject, String text, Path report) {
        if (to.isEmpty()) {
            return false;
        }
        if (mail == null) {
            LOG.warn("{}, and nobody was told ({}): {}", about, to, MailServer.NOT_CONFIGURED);
            return false;
        }
        try {
            mail(subject, text, report);
            LOG.info("{}: told {}", about, to);
            return true;
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("{}, and the message to {} could not be sent through {}: {}", about, to, server, e.getMessage(), e);
            return false;
        }
    }

    static String keptAsideBody(String what, Words w) {
        return w.word().apply("notice.kept_found").with("what", what).in(w.language()) + "\n\n" + w.cause() + "\n\n"
                + w.say("notice.kept_nothing_changed") + "\n" + w.say("notice.kept_runs_before") + "\n" + w.say("notice.kept_disk")
                + "\n";
    }

    /** One message to the people who hear of failures, with the run's report attached when there is one. */
    private void mail(String subject, String text, Path report) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper m = new MimeMessageHelper(message, report != null, "UTF-8");
        m.setFrom(from);
        m.setTo(to.toArray(String[]::new));
        m.setSubject(subject);
        m.setText(text);
        if (report != null) {
            m.addAttachment("report.html", new FileSystemResource(report), "text/html");
        }
        mail.send(message);
    }

    /** The failures are listed as the job's status keeps them (status shows them so), each with its time. */
    static String backToNormalBody(String job, String biennium, GoodRun good, List<String> failures, Words w) {
        String what = w.said("notice.", good.said());
        StringBuilder b = new StringBuilder(w.word().apply("notice.back").with("job", job).with("biennium", biennium)
                .with("what", what != null ? what : good.line()).in(w.language())).append("\n\n");
        Text pattern = w.word().apply("date_time");
        String since = time(failures.get(0).substring(0, failures.get(0).indexOf(' ')), pattern, w);
        b.append(w.word().apply(failures.size() == 1 ? "notice.back_after_one" : "notice.back_after")
                .with("count", String.valueOf(failures.size())).with("time", since).in(w.language())).append('\n');
        failures.forEach(f -> b.append("- ").append(failure(f, pattern, w)).append('\n'));
        return b.append('\n').append(w.say("notice.runs")).append('\n').toString();
    }

    /** The notice's text, its commands for a run of the installation's output folder. */
    /** A failure as the job's status keeps it ("TIME exit status N: CAUSE"), in the message's words: as kept where it is not that. */
    private static String failure(String kept, Text timePattern, Words w) {
        var m = KEPT.matcher(kept);
        Text said = w.word().apply("notice.back_failure");
        if (!m.matches() || said == null) {
            return kept;
        }
        return said.with("time", time(m.group(1), timePattern, w)).with("status", m.group(2)).with("cause", m.group(3))
                .in(w.language());
    }

    /** A time as the job's status keeps it, in the message's words ({@code pattern}: date_time; null: as kept). */
    private static String time(String kept, Text pattern, Words w) {
        try {
            return pattern == null ? kept : pattern.instant(kept).in(w.language());
        } catch (IllegalArgumentException notAPattern) {
            return kept; // the time as the status keeps it: the message is sent all the same
        }
    }

    /** A failure as the job's status keeps it: its time, exit status and cause. */
    private static final java.util.regex.Pattern KEPT = java.util.regex.Pattern.compile("(\\S+) exit status (\\d+): (.*)", java.util.regex.Pattern.DOTALL);

    static String body(FailedRun run) {
        return body(run, null);
    }

    /** @param installationOutput the installation's output folder: a run published elsewhere is sent with --output */
    static String body(FailedRun run, Path installationOutput) {
        // In the run's words where it has them (its report's language), else in the texts' English.
        if (run.published() != null) {
            // Its command typable as printed: a run published into another output folder is found only with --output.
            return lines(run, "notice.published_failed", "", wordsOf(run).cause(), "", "notice.published_in", "notice.who_received")
                    + say(run, "notice.send_it", "output", org.pbannex.publish.FollowUp.outputOfRun(run.published(), installationOutput))
                    + "\n";
        }
        if (run.runId() == null && FailedRun.PROCESS.equals(run.step())) {
            return lines(run, "notice.process_ended", "", wordsOf(run).cause(), "", "notice.process_before", "notice.process_next_run");
        }
        if (run.runId() == null) {
            return lines(run, run.biennium() == null ? "notice.not_started_no_biennium" : "notice.not_started", "",
                    wordsOf(run).cause(), "", "notice.nothing_published", "notice.runs", "notice.preflight", "notice.next_run");
        }
        Words w = wordsOf(run);
        StringBuilder b = new StringBuilder(say(run, run.step() == null ? "notice.failed_no_step" : "notice.failed"))
                .append("\n\n").append(w.cause()).append("\n\n");
        if (w.failedChecks().size() > 1) {
            b.append(say(run, "notice.failed_checks")).append('\n');
            w.failedChecks().stream().limit(CHECKS_LISTED).forEach(c -> b.append("- ").append(c).append('\n'));
            if (w.failedChecks().size() > CHECKS_LISTED) {
                b.append("- ").append(say(run, "notice.more_checks", "count", String.valueOf(w.failedChecks().size() - CHECKS_LISTED)))
                        .append('\n');
            }
            b.append('\n');
        }
        b.append(say(run, "notice.nothing_published")).append('\n');
        if (run.report() != null) {
            b.append(say(run, "notice.report", "report", run.report().toString())).append('\n');
        }
        return b.append(say(run, "notice.history")).append('\n').append(say(run, "notice.next_run")).append('\n').toString();
    }

    /** The notice's lines: each a word said for the run ("notice.*"), or as it is (its cause, a blank line). */
    private static String lines(FailedRun run, String... lines) {
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            b.append(line.startsWith("notice.") ? say(run, line) : line).append('\n');
        }
        return b.toString();
    }

}
