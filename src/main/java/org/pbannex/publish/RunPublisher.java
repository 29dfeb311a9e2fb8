package org.pbannex.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.pbannex.table.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a staged run: compares it with the run latest points to, copies the rejects in, writes report and
 * manifest, renames the staging folder into place and moves latest (complete runs only), removes what failed runs
 * of the biennium left behind, and records the run in the history. The caller holds the biennium's lock.
 */
public final class RunPublisher {

    /** Where a published run lists the expenditure lines it set aside as bad (--rejects). */
    public static final String REJECTS = "rejects/expenditure.csv";


    private static final Logger LOG = LoggerFactory.getLogger(RunPublisher.class);

    /** Builds the record of the run once the output files are known. */
    public interface Draft {
        RunRecord with(List<OutputFile> outputs, RunDiff diff);
    }

    private RunPublisher() {
    }

    /**
     * @param rejects the run's rejects file (published as rejects/expenditure.csv), or null
     * @param tables  the tables the run publishes (the report shows their caveats and compares Figure 2 with Table 2)
     * @param words   the report's words, from the run's texts (see {@link ReportWriter#write})
     * @param settings the settings the run was given and did not use, for the report
     * @param inputWarnings the input's lines that stop nothing but are likely wrong, for the report (see
     *                      {@link ReportWriter#write(RunRecord, List, ReportWords, List, org.pbannex.table.Text, List, Path)})
     * @param quiet   what other runs left behind is removed once nothing has been written to it for this long
     * @param renamed called once the folder is in place and latest moved, before the history records the run (a test
     *                holds the run there)
     */
    public static RunRecord publish(RunFolder folder, Path outputRoot, String biennium, boolean moveLatest, Path rejects,
                                    List<org.pbannex.table.Table> tables, ReportWords words, List<String> settings,
                                    List<org.pbannex.table.Text> inputWarnings, Draft draft, RunHistory history, java.time.Duration quiet,
                                    Runnable renamed)
            throws IOException {
        Path staging = folder.staging();
        if (rejects != null && Files.exists(rejects)) {
            Files.createDirectories(staging.resolve(REJECTS).getParent());
            Files.copy(rejects, staging.resolve(REJECTS), StandardCopyOption.REPLACE_EXISTING);
        }
        RunDiff diff = RunFolder.latest(outputRoot, biennium).map(prev -> {
            try {
                return RunDiff.between(prev, staging);
            } catch (IOException e) {
                LOG.warn("could not compare with the previous run {}: {}", prev, e.getMessage());
                return RunDiff.none();
            }
        }).orElse(RunDiff.none());
        List<OutputFile> outputs = OutputFile.list(staging);
        RunRecord drafted = draft.with(outputs, diff);
        ReportWriter.write(drafted, tables, words, settings, org.pbannex.table.Text.of(drafted.cause() == null ? "" : drafted.cause()),
                inputWarnings, staging);
        RunRecord record = draft.with(OutputFile.plus(outputs, staging, staging.resolve(ReportWriter.FILE)), diff);
        ManifestWriter.write(record, staging);
        folder.publish(moveLatest);
        renamed.run();
        tidy(folder, biennium, quiet);
        history.published(record, folder.published());
        return record;
    }

    /**
     * Completes the publication of a run whose folder is in place, whole, but whose record is not (its process was
     * killed, or its database closed, after the rename): latest made again if it does not point at the newest complete
     * run, what runs left behind removed, and the run recorded as its manifest says.
     *
     * @return the run as published, or empty when its folder is not published (the run did not get that far)
     */
    public static java.util.Optional<PublishedRun> complete(RunFolder folder, Path outputRoot, String biennium, RunHistory history,
                                                            java.time.Duration quiet) throws IOException {
        var published = PublishedRun.whole(folder.published(), folder.published().getFileName().toString());
        if (published.isPresent()) {
            LOG.warn("run {} was published, but not recorded so: completing it", published.get().runId());
            RunFolder.remakeLatest(outputRoot, biennium);
            tidy(folder, biennium, quiet);
            history.published(published.get());
        }
        return published;
    }

    private static void tidy(RunFolder folder, String biennium, java.time.Duration quiet) throws IOException {
        int removed = folder.removeLeftovers(quiet);
        if (removed > 0) {
            LOG.info("removed {} staging and work folders that failed runs of {} left behind", removed, biennium);
        }
        RunFolder.deleteTree(folder.work());
        if (Files.isDirectory(folder.failed())) {
            // An earlier attempt's "failed" report would contradict the run now published under the same id.
            RunFolder.deleteTree(folder.failed());
            LOG.info("removed {}: the report of an earlier attempt of run {}, now published", folder.failed(),
                    folder.published().getFileName());
        }
        // Also when this run left no report there: a failed attempt whose report a full disk kept out left failed/ empty.
        removeIfEmpty(folder.failed().getParent());
    }

    /** failed/ once it holds no report: no empty folder beside the published runs (other failed runs' reports stay). */
    private static void removeIfEmpty(Path failed) throws IOException {
        try {
            Files.deleteIfExists(failed);
        } catch (java.nio.file.DirectoryNotEmptyException others) {
            // other failed runs' reports stay
        }
    }

    /**
     * Leaves a failed run's report and manifest in failed/<run-id>/ (replacing those of an earlier failed attempt).
     *
     * @param tables the run's tables when it computed them before failing; empty when it did not get that far
     * @param words  the report's words, from the run's texts or its input's (see {@link ReportWriter#write})
     */
    public static Path writeFailed(RunFolder folder, RunRecord record, List<Table> tables, ReportWords words,
                                   List<String> settings) throws IOException {
        return writeFailed(folder, record, tables, words, settings,
                org.pbannex.table.Text.of(record.cause() == null ? "" : record.cause()));
    }

    /** @param cause the run's one-line cause in both languages, for its report ({@link ReportWords#cause}) */
    public static Path writeFailed(RunFolder folder, RunRecord record, List<Table> tables, ReportWords words,
                                   List<String> settings, org.pbannex.table.Text cause) throws IOException {
        Path dir = folder.failed();
        // Written beside it and renamed into place, so that it is whole or not there (a full disk cut the manifest short).
        Path writing = dir.resolveSibling(WRITING + dir.getFileName());
        Files.createDirectories(dir.getParent());
        try {
            // What a crash while writing left aside (this run's or another's: the biennium's lock is held) goes first.
            try (var aside = Files.list(dir.getParent())) {
                for (Path p : aside.filter(p -> p.getFileName().toString().startsWith(WRITING)).toList()) {
                    RunFolder.deleteTree(p);
                }
            }
            Files.createDirectories(writing);
            ReportWriter.write(record, tables, words, settings, cause, writing);
            ManifestWriter.write(record.withOutputs(OutputFile.list(writing)), writing);
        } catch (IOException | RuntimeException e) {
            try {
                RunFolder.deleteTree(writing);
                // failed/ made for this report alone (a full disk) is not left behind empty.
                removeIfEmpty(dir.getParent());
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        RunFolder.deleteTree(dir);
        Files.move(writing, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return dir;
    }

    /** The prefix, in failed/, of a failed run's report being written. */
    static final String WRITING = ".writing-";
}
