package org.pbannex.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Keeps an output folder from growing without end (a nightly run publishes whenever its inputs changed, 2-3 MB a
 * run): once a run has published, the published runs of its biennium there beyond the newest {@code keep} are removed
 * ({@code pb.retention.runs}; 0 keeps them all). Never removed: the run just published, the run {@code latest} points
 * to, and every run that was sent to reviewers or written for them (a returned workbook is reviewed against its run's
 * folder, and the next message to a reviewer is compared with the run they last received). A run folder is renamed
 * aside before it is deleted, so it is either whole or gone; what a crash leaves aside is removed by the next run.
 */
public final class RunRetention {

    /** The prefix of a run folder being removed. */
    static final String REMOVING = ".removing-";

    private final int keep;
    private final Supplier<Set<String>> distributed;

    /**
     * @param keep        how many published runs of a biennium to keep (0: all)
     * @param distributed the ids of the runs sent to reviewers (asked only when there is something to remove)
     */
    public RunRetention(int keep, Supplier<Set<String>> distributed) {
        this.keep = keep;
        this.distributed = distributed;
    }

    public int keep() {
        return keep;
    }

    /**
     * Removes the published runs of the biennium's folder that are not kept (called by the run that has just published,
     * under the biennium's lock).
     *
     * @return the ids of the runs removed, oldest first
     */
    public List<String> apply(Path bienniumDir, String published) throws IOException {
        if (keep == 0) {
            return List.of();
        }
        List<String> runs = publishedRuns(bienniumDir);
        if (runs.size() <= keep) {
            return List.of();
        }
        Set<String> sent = distributed.get();
        Optional<String> latest = RunFolder.latest(bienniumDir.getParent(), bienniumDir.getFileName().toString())
                .map(p -> p.getFileName().toString());
        List<String> removed = new ArrayList<>();
        for (String run : runs.subList(0, runs.size() - keep)) {
            if (run.equals(published) || latest.filter(run::equals).isPresent() || sent.contains(run)) {
                continue;
            }
            Path aside = bienniumDir.resolve(REMOVING + run);
            Files.move(bienniumDir.resolve(run), aside, StandardCopyOption.ATOMIC_MOVE);
            RunFolder.deleteTree(aside);
            removed.add(run);
        }
        return removed;
    }

    /** The published run folders of a biennium (each has its manifest), oldest first: run ids start with their time. */
    static List<String> publishedRuns(Path bienniumDir) throws IOException {
        try (Stream<Path> s = Files.list(bienniumDir)) {
            return s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> Files.isRegularFile(p.resolve(ManifestWriter.FILE)))
                    .map(p -> p.getFileName().toString())
                    // A staging folder (".staging-...") holds its manifest before it is renamed into place.
                    .filter(n -> !n.startsWith("."))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        }
    }
}
