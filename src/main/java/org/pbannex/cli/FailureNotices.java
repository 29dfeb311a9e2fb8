package org.pbannex.cli;

import java.nio.file.Files;
import java.util.List;
import org.pbannex.config.PbProperties;
import org.pbannex.config.Settings;
import org.pbannex.distribute.FailureNotice;
import org.pbannex.distribute.MailServer;
import org.pbannex.ingest.InputError;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.runtime.JobName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failure notice of a run that has no Spring context to send it: one that could not start (its settings, job file,
 * command line or database), or one whose process ended without saying why or whose start was skipped (told by
 * {@code schedule} and by the crontab line's {@code after-run}). It reads only the settings a
 * notice needs, so one bad setting elsewhere does not silence it; it is noted in the status of the job (one jobs/ has)
 * whether or not anyone is mailed. A notice that cannot be sent is logged, and the failure itself stands.
 */
final class FailureNotices {

    private static final Logger LOG = LoggerFactory.getLogger(FailureNotices.class);

    private FailureNotices() {
    }

    /** A failure of the job before its run was known (its file broken as the schedule reads it): the installation's words. */
    static void send(FailureNotice.FailedRun run) {
        var words = run.words() != null ? null : installationWords(run.job(), run.line(), null);
        send(words == null ? run : run.withWords(words), true);
    }

    /**
     * A {@code run} that could not start (its settings, job file, command line or database). A name that is no job of
     * jobs/ (none, a typo, "../x") is no job's failure: the notice says "run", and it is kept in no job's status, where
     * no good run would ever clear it. {@code words}: the notice's, in its run's report language (null: English);
     * {@code runInput}, {@code runOutput}: the folders of the run as requested, else those its command line names (null:
     * none named), which tell a trial (even one whose settings failed); {@code failure}: what
     * stopped it, its cause said in the installation's words where {@code words} is null (null: its line), in
     * {@code language} (the first its command line names; null: the job's first edition).
     */
    static void runNotStarted(String job, String biennia, int status, String line, FailureNotice.Words words,
                              java.nio.file.Path runInput, java.nio.file.Path runOutput, Throwable failure,
                              org.pbannex.table.Language language) {
        boolean aJob;
        try {
            aJob = JobName.isValid(job)
                    && Files.isRegularFile(Settings.forFailureNotice(PbAnnexApplication.environment()).jobs().resolve(job + ".yml"));
        } catch (RuntimeException e) {
            aJob = false; // (its settings cannot be read: the notice, prepared from them, says so in the log)
        }
        var notStarted = FailureNotice.FailedRun.notStarted(aJob ? job : "run", biennia, status, line);
        notStarted = notStarted.withFolders(runInput, runOutput);
        // Before its run is known (its job file, a setting, its command line): the installation's words, the line quoted.
        FailureNotice.Words said = words != null ? words : installationWords(aJob ? job : null, line, failure, language);
        send(said != null ? notStarted.withWords(said) : notStarted, aJob);
    }

    /**
     * A {@code run} that could not start because a settings file cannot be read: no notice, since the mail settings
     * (pb.failures.mail-to, the mail server) may be in that file, but noted in the job's status (the status folder as
     * the environment and the defaults give it), so that {@code status} and a monitor's {@code --max-age} see it.
     *
     * @return the line that says so on stderr
     */
    static String settingsUnreadable(String job, int status, String line, Throwable failure, org.pbannex.table.Language language) {
        String noted;
        try {
            PbProperties settings = Settings.forFailureNoticeWithoutFiles(PbAnnexApplication.overrides());
            if (JobName.isValid(job) && Files.isRegularFile(settings.jobs().resolve(job + ".yml"))) {
                org.pbannex.table.Language in = language != null ? language
                        : JobDefinition.firstEdition(settings.jobs(), job, settings.input());
                new org.pbannex.runtime.RunOutcomes(settings.status()).failed(job, null, status, line + " (" + NO_NOTICE + ")",
                        in.code(), in == org.pbannex.table.Language.EN ? null : unreadableIn(settings, line, failure, in));
                noted = "; noted in " + settings.status().resolve(job + ".failed");
            } else {
                noted = ""; // a name jobs/ does not have is no job's failure
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("run {} could not start (its settings file cannot be read), and could not be noted in the job's status: {}",
                    job, e.getMessage(), e);
            noted = "; it could not be noted in the job's status either (" + e.getMessage() + ")";
        }
        return NO_NOTICE + noted;
    }

    /**
     * The noted line in {@code language}, from the input's texts as the environment and the defaults name it (the
     * settings file may name another); null where they lack its words: the English line alone is noted.
     */
    private static String unreadableIn(PbProperties settings, String line, Throwable failure, org.pbannex.table.Language language) {
        try {
            var words = org.pbannex.publish.ReportWords.read(settings.input(), null);
            if (words.lacks("cause.settings_file_no_notice")) {
                return null;
            }
            return words.text("cause.settings_file_no_notice").with("cause", words.cause(failure, line)).in(language);
        } catch (RuntimeException e) {
            LOG.warn("the words of a settings file that cannot be read could not be read: {}", e.getMessage(), e);
            return null;
        }
    }

    /** Why a run whose settings file cannot be read tells no one. */
    private static final String NO_NOTICE = "no failure notice was sent: the mail settings may be in the settings file that cannot be read";

    /**
     * The words of a notice that no run's report gives: the installation's input's texts as they stand (its shared
     * texts), in the language of the job's first edition (the installation's first edition where the job's file cannot
     * be read), its cause {@code line}. Null where the texts lack the notice's words, or the settings cannot be read:
     * then the code's English. Its cause as a report in those words says {@code failure} (null: the line).
     */
    private static FailureNotice.Words installationWords(String job, String line, Throwable failure) {
        return installationWords(job, line, failure, null);
    }

    /** The same, in {@code language} (null: the job's first edition). */
    private static FailureNotice.Words installationWords(String job, String line, Throwable failure, org.pbannex.table.Language language) {
        try {
            PbProperties settings = Settings.forFailureNotice(PbAnnexApplication.environment());
            var report = org.pbannex.publish.ReportWords.read(settings.input(), null);
            var words = FailureNotice.Words.of(report, language != null ? language : JobDefinition.firstEdition(settings.jobs(), job, settings.input()),
                    failure == null ? null : report.cause(failure, line), List.of());
            return words == null ? null : words.cause() != null ? words : words.because("cause.", null, line);
        } catch (RuntimeException e) {
            LOG.warn("the installation's words for a notice could not be read: {}", e.getMessage(), e);
            return null;
        }
    }

    private static void send(FailureNotice.FailedRun run, boolean kept) {
        try {
            if (kept) {
                notice().send(run);
            } else {
                notice().sendUnkept(run);
            }
        } catch (RuntimeException e) {
            LOG.warn("job {} failed (exit status {}), and its notice could not be prepared: {}", run.job(), run.exitStatus(),
                    e.getMessage(), e);
        }
    }

    /**
     * Tells that the embedded database was found damaged and kept aside ({@link FailureNotice#databaseKeptAside}), in
     * {@code words} (its run's), else in the installation's.
     */
    static void databaseKeptAside(String what, SpringRuntime.Told told, FailureNotice.Words words) {
        try {
            notice().databaseKeptAside(what, told.line(), told.said(), words != null ? words : installationWords(null, told.line(), null));
        } catch (RuntimeException e) {
            LOG.warn("the damaged database was kept aside, and its notice could not be prepared: {}", e.getMessage(), e);
        }
    }

    private static FailureNotice notice() {
        PbProperties settings = Settings.forFailureNotice(PbAnnexApplication.environment());
        MailServer mail = settings.failures().mailTo().isEmpty() ? MailServer.NONE
                : MailServer.withoutTheRun(PbAnnexApplication.environment());
        return new FailureNotice(mail, settings.failures().mailTo(), settings.status(), settings.input(), settings.output(),
                settings.imported());
    }

    /**
     * A run of the job that ended without telling it (killed, a runtime that failed, a start skipped): one line on
     * {@code err}, and the notice.
     */
    static void processEnded(java.io.PrintWriter err, String job, int status, org.pbannex.ingest.Said how) {
        String line = FailureNotice.english(NOTICE, how);
        err.println("pb-annex: " + job + ": " + line);
        err.flush();
        if (notedItself(job, status)) {
            return;
        }
        var ended = FailureNotice.FailedRun.processEnded(job, status, line);
        var words = installationWords(job, line, null);
        send(words == null ? ended : ended.withWords(words.because(NOTICE, how, line)), true);
    }

    /** Where the words of how a process ended are: report.notice.ended.*. */
    private static final String NOTICE = "notice.";

    /**
     * Whether a run ending with this status has told its failure itself (its notice, its status, its line): the
     * statuses pb-annex gives. Any other comes from the Java runtime or a signal.
     */
    static boolean toldByTheRun(int status) {
        return status == ExitCodes.PUBLISHED || status == ExitCodes.USAGE || status == ExitCodes.INVALID_INPUT
                || status == ExitCodes.CHECK_FAILED || status == ExitCodes.INFRASTRUCTURE;
    }

    /**
     * Whether a run stopped by Ctrl-C, SIGTERM or SIGHUP (which pb-annex catches) noted its failure itself, a moment
     * ago: the scheduler that then sees its status (schedule, after-run) does not note it again.
     */
    private static boolean notedItself(String job, int status) {
        if (status != 128 + 2 && status != 128 + 15 && status != 128 + 1) {
            return false;
        }
        try {
            return new org.pbannex.runtime.RunOutcomes(Settings.forFailureNotice(PbAnnexApplication.environment()).status())
                    .noted(job, status, java.time.Instant.now().minus(NOTED_WITHIN));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("could not read whether job {} noted its stop itself: {}", job, e.getMessage());
            return false;
        }
    }

    /** How long before its scheduler sees the status a stopped run's own note may be (the run's shutdown, then the shell). */
    private static final java.time.Duration NOTED_WITHIN = java.time.Duration.ofMinutes(2);

    /** What a process's exit status says of how it ended, for one whose run did not say (report.notice.ended.*). */
    static org.pbannex.ingest.Said howItEnded(int status) {
        if (status > 128) {
            int signal = status - 128;
            return switch (signal) {
                case 9 -> org.pbannex.ingest.Said.sentence("ended.killed");
                case 15 -> org.pbannex.ingest.Said.sentence("ended.stopped");
                case 6 -> org.pbannex.ingest.Said.sentence("ended.aborted");
                default -> org.pbannex.ingest.Said.sentence("ended.signal", "signal", String.valueOf(signal));
            };
        }
        return org.pbannex.ingest.Said.sentence("ended.runtime", "status", String.valueOf(status));
    }
}
