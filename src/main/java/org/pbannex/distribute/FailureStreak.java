package org.pbannex.distribute;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The failures told since a job last ran well: a file per job and biennium in {@code work/notices/}, a line per failure
 * ("2026-12-03T02:30:05Z exit status 5: ..."), so that the first good run after them can say it is back to normal.
 * Kept in files rather than the database, since a database that was down is one of the failures. A failure before its
 * biennium was known (a job file that could not be used), or of a run of several biennia that did not start (its
 * database down), is the job's own file, cleared by any good run of the job.
 */
final class FailureStreak {

    private final Path dir;

    FailureStreak(Path dir) {
        this.dir = dir;
    }

    void add(String job, String biennium, int exitStatus, String line) throws IOException {
        Files.createDirectories(dir);
        String entry = Instant.now().truncatedTo(ChronoUnit.SECONDS) + " exit status " + exitStatus + ": "
                + line.replaceAll("\\s+", " ").strip() + "\n";
        Files.writeString(file(job, biennium), entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The failures told since the job last ran well for this biennium, oldest first; empty when none. */
    List<String> of(String job, String biennium) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path f : List.of(file(job, null), file(job, biennium))) {
            if (Files.isRegularFile(f)) {
                lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList());
            }
        }
        return lines.stream().sorted().toList();
    }

    void clear(String job, String biennium) throws IOException {
        Files.deleteIfExists(file(job, null));
        Files.deleteIfExists(file(job, biennium));
    }

    private Path file(String job, String biennium) {
        boolean one = biennium != null && biennium.matches("[0-9A-Za-z-]+");
        return dir.resolve(job + (one ? "_" + biennium : "") + ".failed");
    }
}
