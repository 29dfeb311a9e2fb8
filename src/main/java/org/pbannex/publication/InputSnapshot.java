package org.pbannex.publication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputFolder;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Said;
import org.pbannex.reference.Biennium;

/**
 * The input folder as a run found it: every input file ({@link InputFolder#isInput}) with its size, time of change
 * and identity on disk, and one SHA-256 over every file's relative path and content, which identifies the job
 * instance (the same inputs are recognised, changed inputs make a new run).
 *
 * <p>A run reads its input over a second or more. A file saved, copied or synchronised into the folder meanwhile
 * would give it some files of one version and some of another, and figures no version holds; so before it publishes,
 * the run asks {@link #changes()} whether any file was changed, replaced, added or removed since this snapshot, and
 * publishes nothing if one was. The comparison is by the file system's records (size, time of change, file key), which
 * any write changes, so it costs no second reading of the files.
 */
public final class InputSnapshot {

    /** What a run does about a change: the end of the line that names it (report.cause.reason.snapshot.run). */
    public static final String RUN = "snapshot.run";
    /** What {@code check} does about one. */
    public static final String CHECK = "snapshot.check";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** A file as the file system describes it. */
    private record FileState(long size, FileTime modified, Object key) {

        static FileState of(BasicFileAttributes a) {
            return new FileState(a.size(), a.lastModifiedTime(), a.fileKey());
        }
    }

    private final Path inputDir;
    private final Map<String, FileState> files;
    /** Each file's SHA-256 as the checksum read it, by its path under the input folder (empty: recorded without reading). */
    private final Map<String, String> sha256;
    /** Whether the files were read for their checksums (not recorded only). */
    private final boolean read;
    private final java.time.Instant started = java.time.Instant.now();

    private InputSnapshot(Path inputDir, Map<String, FileState> files, Map<String, String> sha256, boolean read) {
        this.inputDir = inputDir;
        this.files = files;
        this.sha256 = sha256;
        this.read = read;
    }

    /** Records every input file, then reads each for the checksum (each file's record taken before its reading). */
    public static InputSnapshot take(Path inputDir) {
        Map<String, FileState> files = states(inputDir);
        Map<String, String> sha256 = new TreeMap<>();
        for (String rel : files.keySet()) {
            sha256.put(rel, InputSet.sha256(inputDir.resolve(rel)));
        }
        return new InputSnapshot(inputDir, files, sha256, true);
    }

    /** One SHA-256 over the files' paths and SHA-256s, in the order of their paths; without later biennia's when given one. */
    static String digest(Map<String, String> sha256, Biennium upTo) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            sha256.forEach((rel, file) -> {
                Biennium folder = Biennium.parse(rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "");
                if (upTo == null || folder == null || folder.firstYear() <= upTo.firstYear()) {
                    md.update((rel + "=" + file + "\n").getBytes(StandardCharsets.UTF_8));
                }
            });
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Records every input file without reading it: enough to tell a change later ({@link #changes()}), with no
     * checksum.
     */
    public static InputSnapshot recordOnly(Path inputDir) {
        return new InputSnapshot(inputDir, states(inputDir), Map.of(), false);
    }

    /** The checksum of every input file. */
    public String checksum() {
        return checksum(null);
    }

    /**
     * The input checksum that identifies a run of {@code biennium}'s job instance: every input file but those in the
     * folders of later biennia, which its run never reads (their expenditure codes are left out with their lines, see
     * ExpenditureDimensions), so that preparing the next biennium does not publish this one again. The latest biennium's
     * is {@link #checksum()}; null: every file.
     */
    public String checksum(Biennium biennium) {
        return checksum(biennium, java.util.List.of());
    }

    /**
     * {@link #checksum(Biennium)} of a run that reads the program's own copies beneath the folder's files (an older data
     * folder's texts lacking keys: ingest.ProgramTexts), with each copy's SHA-256: the words the run uses changed, by an
     * update of the program's input that makes no new code version, it publishes again. That alone when it reads none,
     * as before.
     */
    public String checksum(Biennium biennium, java.util.List<InputSet.ProgramFile> beneath) {
        if (!read) {
            throw new IllegalStateException("a snapshot recorded without reading the files has no checksum");
        }
        Map<String, String> all = new TreeMap<>(sha256);
        beneath.forEach(p -> all.put("program:" + p.resource(), p.sha256())); // no '/': of no biennium's folder
        return digest(all, biennium);
    }

    /**
     * The first file changed, replaced, added or removed since the snapshot (in the order of their paths), as the
     * input error that names it; empty while the folder holds what the snapshot recorded.
     */
    public Optional<InputError> changes() {
        return changes(Map.of(), RUN);
    }

    /**
     * As {@link #changes()}, and also any file whose content as the run read it ({@code read}: SHA-256 by the name
     * users see, {@code input/2022-23/budget.csv}) is not what the snapshot read: a file system that keeps times to the
     * second or to the clock's tick can leave a quick rewrite of the same size unrecorded.
     */
    public Optional<InputError> changes(Map<String, String> read, String outcome) {
        Map<String, FileState> now = states(inputDir);
        TreeMap<String, Said> changed = new TreeMap<>();
        String folder = name("");
        read.forEach((name, file) -> {
            String rel = name.startsWith(folder) ? name.substring(folder.length()) : name;
            String was = sha256.get(rel);
            if (was != null && !was.equals(file)) {
                changed.put(rel, Said.of("change.changed"));
            }
        });
        files.forEach((rel, was) -> {
            FileState is = now.get(rel);
            if (is == null) {
                changed.put(rel, Said.of("change.removed"));
            } else if (!is.equals(was) || changed.containsKey(rel)) {
                changed.put(rel, Said.of(Objects.equals(is.key(), was.key()) ? "change.changed_at" : "change.replaced_at", "at",
                        TIME.format(is.modified().toInstant())));
            }
        });
        now.keySet().stream().filter(rel -> !files.containsKey(rel)).forEach(rel -> changed.put(rel, Said.of("change.added")));
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        var first = changed.firstEntry();
        Said others = changed.size() == 1 ? null : Said.of(changed.size() == 2 ? "more_file" : "more_files", "count",
                String.valueOf(changed.size() - 1));
        return Optional.of(new InputError(name(first.getKey()), 0, null, Said.of("changed_while", "change", first.getValue(),
                "outcome", Said.of(outcome, "since", TIME.format(started), "others", others))));
    }

    private String name(String rel) {
        return InputFolder.shownName(inputDir, rel);
    }

    // Unchecked, as reading the input is elsewhere (InputSet): a folder that cannot be walked is the run's fault line.
    private static Map<String, FileState> states(Path inputDir) {
        Map<String, FileState> files = new TreeMap<>();
        try {
            InputFolder.walk(inputDir, inputDir, (file, a) -> files.put(inputDir.relativize(file).toString().replace('\\', '/'),
                    FileState.of(a)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return files;
    }
}
