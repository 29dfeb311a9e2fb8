package org.pbannex.distribute;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pbannex.publish.PublishedRun;
import org.pbannex.publish.RunHistory;
import org.pbannex.runtime.RunOutcomes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs published for their job's reviewers and not sent to them all, as the job's status keeps them
 * ({@link RunOutcomes#unsent}): noted before a run's folder is published, settled once every reviewer has it (by the
 * run's distribute step, by {@code distribute}, or by the next run of the job). A run killed between publishing and
 * sending, or whose mail server refused, is so known to {@code status}, {@code history} and the job's next run.
 *
 * <p>A run that a newer one replaced is never sent: a run of the same job and biennium published after it, complete (or
 * partial, when it was partial too), replaces it, and the history says so. Reviewers get the newest run, once.
 */
public final class UnsentRuns {

    private static final Logger LOG = LoggerFactory.getLogger(UnsentRuns.class);

    /**
     * The noted runs that still wait, published, oldest first; and those found replaced by a newer run just now (their
     * id, and the id of the run that replaced them).
     */
    public record Waiting(List<PublishedRun> runs, Map<String, String> replaced) {

        public Optional<PublishedRun> run(String runId) {
            return runs.stream().filter(r -> r.runId().equals(runId)).findFirst();
        }

        public List<PublishedRun> besides(String runId) {
            return runs.stream().filter(r -> !r.runId().equals(runId)).toList();
        }
    }

    private final RunOutcomes outcomes;
    private final RunHistory history;

    public UnsentRuns(RunOutcomes outcomes, RunHistory history) {
        this.outcomes = outcomes;
        this.history = history;
    }

    /** The run is to be sent once published into {@code folder} (before it is: a kill in between leaves it known). */
    public void expect(String job, String biennium, String runId, Path folder) throws IOException {
        outcomes.noteUnsent(job, biennium, runId, folder);
    }

    /** The run no longer waits (held back on purpose, never published); a status that cannot be written is logged. */
    public void settle(String job, String biennium, String runId) {
        try {
            outcomes.settled(job, biennium, runId);
        } catch (IOException | RuntimeException e) {
            LOG.warn("run {} no longer waits for its reviewers; the job's status could not say so: {}", runId, e.getMessage(), e);
        }
    }

    /**
     * The runs of the job and biennium that still wait to be sent. Those that no longer do are settled on the way: one
     * replaced by a newer run (its history says by which), one whose folder is not (or no longer) a published run and
     * which no process runs (it failed before publishing, was abandoned, or its folder was removed).
     */
    public Waiting waiting(String job, String biennium) throws IOException {
        List<PublishedRun> runs = new ArrayList<>();
        Map<String, String> replaced = new LinkedHashMap<>();
        for (RunOutcomes.Unsent u : outcomes.unsent(job, biennium)) {
            Optional<PublishedRun> published = PublishedRun.whole(u.folder(), u.runId());
            if (published.isEmpty()) {
                if (history.find(u.runId()).map(RunHistory.Entry::running).orElse(false)) {
                    continue; // not yet published: its process is at it
                }
                settle(job, biennium, u.runId());
                continue;
            }
            Optional<String> by = replacedBy(published.get());
            if (by.isPresent()) {
                history.note(u.runId(), "published, and never sent to its reviewers: run " + by.get()
                        + ", published after it, replaced it");
                settle(job, biennium, u.runId());
                replaced.put(u.runId(), by.get());
                LOG.info("run {} was never sent to its reviewers, and run {} replaced it: it will not be sent", u.runId(), by.get());
                continue;
            }
            runs.add(published.get());
        }
        return new Waiting(runs, replaced);
    }

    /**
     * The first run of the same job and biennium published after this one that replaces it: a complete run, or a partial
     * one when this one is partial too (a run narrowed to a few tables does not stand for a run of them all).
     */
    public Optional<String> replacedBy(PublishedRun run) {
        return history.publishedAfter(run.job(), run.biennium(), Instant.parse(run.finishedAt()), run.runId()).stream()
                .filter(e -> !e.runId().equals(run.runId()) && (!e.partial() || run.partial()))
                .map(RunHistory.Entry::runId).findFirst();
    }
}
