package org.pbannex.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Keeps an output folder from growing without end (a nightly run publishes whenever its inputs changed, 2-3 MB a
 * run): once a run has published, the published runs of its biennium there that a limit leaves out are removed: those
 * beyond the number {@code keep} ({@code pb.retention.runs}; 0: no limit) and those older than {@code maxAge} by the time
 * their id starts with ({@code pb.retention.age}; none: no limit). The number counts the complete runs (those that can
 * become latest) and the partial runs (some table, edition or format left out) apart, so that a few one-annex
 * regenerates never push a complete run out (they pushed every one but latest out): the newest {@code keep} complete
 * runs are kept, and the newest {@code keep} partial runs, but none older than the oldest complete run kept once
 * complete runs are left out. Never removed: the run just published, the run
 * {@code latest} points to, every run that was sent to reviewers or written for them (a returned workbook is
 * reviewed against its run's folder, and the next message to a reviewer is compared with the run they last received),
 * and every run this database did not publish itself: one found in the folder after a move to a new database (adopted
 * into its history, or not), or published by another installation into the same folder, whose sending is recorded in
 * the database it ran with. Its reviewers may hold its workbook, and a folder removed cannot be had back; a person
 * removes it once its review is over.
 * A run folder is renamed aside before it is deleted, so it is either whole or gone; what a crash leaves aside is
 * removed by the next run.
 */
public final class RunRetention {

    /** The prefix of a run folder being removed. */
    static final String REMOVING = ".removing-";

    private final int keep;
    private final Duration maxAge;
    private final Clock clock;
    private final Supplier<Set<String>> distributed;
    private final Function<Path, Set<String>> publishedHere;

    /**
     * @param keep          how many complete runs of a biennium to keep, and how many partial runs (0: no limit)
     * @param maxAge        how old a published run may be (null: no limit)
     * @param clock         what "now" is for the age
     * @param distributed   the ids of the runs sent to reviewers (asked only when there is something to remove)
     * @param publishedHere the ids of the runs this database published itself into a biennium's folder (not adopted
     *                      from it): only those can be known never sent
     */
    public RunRetention(int keep, Duration maxAge, Clock clock, Supplier<Set<String>> distributed,
                        Function<Path, Set<String>> publishedHere) {
        this.keep = keep;
        this.maxAge = maxAge;
        this.clock = clock;
        this.distributed = distributed;
        this.publishedHere = publishedHere;
    }

    /** By number alone, as {@code pb.retention.runs} alone says. */
    public RunRetention(int keep, Supplier<Set<String>> distributed, Function<Path, Set<String>> publishedHere) {
        this(keep, null, Clock.systemUTC(), distributed, publishedHere);
    }

    /** What the output folder keeps, for the history of a removed run, e.g. "the newest 5 complete runs of a biennium and ...". */
    public String rule() {
        return rule(keep, maxAge);
    }

    /** What an output folder with these limits keeps ("" when it keeps every run). */
    public static String rule(int keep, Duration maxAge) {
        List<String> limits = new ArrayList<>();
        if (keep > 0) {
            limits.add("the newest " + keep + " complete runs of a biennium and the newest " + keep + " partial runs since the oldest of them (pb.retention.runs)");
        }
        if (maxAge != null) {
            limits.add("the published runs of the last " + words(maxAge) + " (pb.retention.age)");
        }
        return String.join(" and ", limits);
    }

    /** The settings that removed runs, for the run's line, e.g. "pb.retention.runs". */
    public String settings() {
        return Stream.of(keep > 0 ? "pb.retention.runs" : null, maxAge != null ? "pb.retention.age" : null)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * Removes the published runs of the biennium's folder that are not kept (called by the run that has just published,
     * under the biennium's lock).
     *
     * @return the ids of the runs removed, oldest first
     */
    public List<String> apply(Path bienniumDir, String published) throws IOException {
        if (keep == 0 && maxAge == null) {
            return List.of();
        }
        List<String> runs = publishedRuns(bienniumDir);
        Instant oldest = maxAge == null ? null : clock.instant().minus(maxAge);
        boolean[] beyondTheNumber = beyondTheNumber(bienniumDir, runs);
        List<String> leftOut = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (beyondTheNumber[i] || (oldest != null && startedBefore(runs.get(i), oldest))) {
                leftOut.add(runs.get(i));
            }
        }
        if (leftOut.isEmpty()) {
            return List.of();
        }
        Set<String> sent = distributed.get();
        Set<String> ours = publishedHere.apply(bienniumDir);
        Optional<String> latest = RunFolder.latest(bienniumDir.getParent(), bienniumDir.getFileName().toString())
                .map(p -> p.getFileName().toString());
        List<String> removed = new ArrayList<>();
        for (String run : leftOut) {
            // A run this database did not publish: whether it was sent is recorded elsewhere, so it is taken as sent.
            if (run.equals(published) || latest.filter(run::equals).isPresent() || sent.contains(run) || !ours.contains(run)) {
                continue;
            }
            Path aside = bienniumDir.resolve(REMOVING + run);
            Files.move(bienniumDir.resolve(run), aside, StandardCopyOption.ATOMIC_MOVE);
            RunFolder.deleteTree(aside);
            removed.add(run);
        }
        return removed;
    }

    /**
     * Which of {@code runs} (oldest first) the number leaves out: a complete run beyond the newest {@code keep} complete
     * ones, a partial run beyond the newest {@code keep} partial ones or, once complete runs are left out, older than the
     * oldest complete run kept. None when there is no number.
     */
    private boolean[] beyondTheNumber(Path bienniumDir, List<String> runs) {
        boolean[] out = new boolean[runs.size()];
        if (keep == 0) {
            return out;
        }
        int complete = 0;
        int partial = 0;
        int oldestKept = 0;
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (complete(bienniumDir.resolve(runs.get(i)))) {
                out[i] = ++complete > keep;
                oldestKept = out[i] ? oldestKept : i;
            } else {
                out[i] = ++partial > keep;
            }
        }
        for (int i = 0; complete > keep && i < oldestKept; i++) {
            out[i] = true;
        }
        return out;
    }

    /** Whether its manifest says the run is complete, not partial; one that cannot be read is counted as complete. */
    private static boolean complete(Path run) {
        try {
            return !ManifestWriter.read(run).partial();
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** Whether the run started before that time; a folder whose name does not start with a time is not aged. */
    static boolean startedBefore(String runId, Instant time) {
        try {
            return Instant.from(RunFolder.ID_TIME.parse(runId.substring(0, Math.min(runId.length(), 20)))).isBefore(time);
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /** 90 days, 12 hours, 30 minutes, 45 seconds: as a person sets it. */
    static String words(Duration d) {
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() == 1 ? "day" : d.toDays() + " days";
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() == 1 ? "hour" : d.toHours() + " hours";
        }
        if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
            return d.toMinutes() == 1 ? "minute" : d.toMinutes() + " minutes";
        }
        if (d.toSeconds() > 0 && d.equals(Duration.ofSeconds(d.toSeconds()))) {
            return d.toSeconds() + " seconds";
        }
        return d.toMillis() + " ms";
    }

    /** A run folder's name: its run id, which starts with the run's time (RunFolder.ID_TIME). */
    private static final java.util.regex.Pattern RUN_FOLDER = java.util.regex.Pattern.compile("\\d{8}T\\d{6}");

    /** The published run folders of a biennium (each has its manifest), oldest first: run ids start with their time. */
    public static List<String> publishedRuns(Path bienniumDir) throws IOException {
        try (Stream<Path> s = Files.list(bienniumDir)) {
            return s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> Files.isRegularFile(p.resolve(ManifestWriter.FILE)))
                    .map(p -> p.getFileName().toString())
                    // A staging folder (".staging-...") holds its manifest before it is renamed into place; a copy of a
                    // run kept aside from latest's place ("latest.moved-...") holds one too, and is no run to remove.
                    .filter(n -> RUN_FOLDER.matcher(n).lookingAt())
                    .sorted(Comparator.naturalOrder())
                    .toList();
        }
    }
}
