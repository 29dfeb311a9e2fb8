package org.pbannex.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputFolder;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Said;

/**
 * The last step of the round trip: a copy made by {@code review --apply DIR} brought into the input folder it was made
 * from ({@code input adopt DIR}). The copy records what the input held when it was made ({@value #RECORD}: each file's
 * SHA-256; a name starting with a dot, so no run or check reads it as input). Adopting writes only the files the copy
 * changes, and only while the input still holds what the copy was made from: a file changed there since would be
 * undone (refused, naming it). Every file is written beside its target first, then all are moved into place; a move
 * that fails puts back those moved before it, so the input gets all the files or none.
 */
public final class AppliedCopy {

    /** The copy's record of the input it was made from. */
    public static final String RECORD = ".pb-annex-applied";

    /** What the copy changes, to adopt once the copy passes check. */
    public record Plan(Path copy, Path input, String biennium, List<String> changed) {
    }

    private AppliedCopy() {
    }

    /** Records in {@code copy} the input folder it is made from, as it is now (call before the copy's files change). */
    static void record(Path input, Path copy, String biennium) throws IOException {
        StringBuilder s = new StringBuilder("# a copy of the input made by pb-annex review --apply: ./pb-annex input adopt "
                + "brings its changes into the input\n");
        s.append("input\t").append(input.toAbsolutePath().normalize()).append('\n');
        s.append("biennium\t").append(biennium).append('\n');
        files(input).forEach((rel, sha) -> s.append("file\t").append(sha).append('\t').append(rel).append('\n'));
        Files.writeString(copy.resolve(RECORD), s, StandardCharsets.UTF_8);
    }

    /**
     * What adopting {@code copy} would write, or the input error that says why it may not: not a copy of review
     * --apply, a file removed from the copy, or a file of the input changed since the copy was made (one the copy
     * also holds as then is no conflict: it was adopted already).
     */
    public static Plan plan(Path copy) throws IOException {
        String shownCopy = InputFolder.shown(copy);
        Path recordFile = copy.resolve(RECORD);
        if (!Files.isRegularFile(recordFile)) {
            throw new InputError(shownCopy, 0, "", Said.of("not_applied_copy", "record", RECORD));
        }
        Path input = null;
        String biennium = null;
        Map<String, String> then = new TreeMap<>();
        for (String line : Files.readAllLines(recordFile, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            switch (f[0]) {
                case "input" -> input = Path.of(f[1]);
                case "biennium" -> biennium = f[1];
                case "file" -> then.put(f[2], f[1]);
                default -> { } // a comment
            }
        }
        if (input == null || biennium == null || !Files.isDirectory(input)) {
            throw new InputError(InputFolder.shown(recordFile), 0, "", Said.of("no_input_named", "input", String.valueOf(input)));
        }
        Map<String, String> now = files(input);
        Map<String, String> copied = files(copy);
        List<String> changed = new ArrayList<>();
        for (var e : copied.entrySet()) {
            if (!e.getValue().equals(then.get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        for (String rel : then.keySet()) {
            if (!copied.containsKey(rel)) {
                throw new InputError(InputFolder.shownName(copy, rel), 0, "", Said.of("removed_from_copy"));
            }
        }
        List<String> movedOn = new ArrayList<>();
        java.util.Set<String> all = new java.util.TreeSet<>(then.keySet());
        all.addAll(now.keySet());
        for (String rel : all) {
            String was = then.get(rel);
            String is = now.get(rel);
            // Changed in the input since the copy was made, unless to what the copy holds (adopted already).
            if (!java.util.Objects.equals(was, is) && !java.util.Objects.equals(is, copied.get(rel))) {
                movedOn.add(InputFolder.shownName(input, rel));
            }
        }
        if (!movedOn.isEmpty()) {
            throw new InputError(movedOn.get(0), 0, "", Said.of("changed_since_copy", "which", movedOn.size() == 1
                    ? Said.of("changed_one") : Said.of("changed_more", "count", String.valueOf(movedOn.size() - 1), "files",
                    String.join(", ", movedOn.subList(1, movedOn.size()))), "copy", shownCopy));
        }
        changed.removeIf(rel -> copied.get(rel).equals(now.get(rel)));
        return new Plan(copy, input, biennium, changed);
    }

    /**
     * Writes the plan's files into the input: all of them or none. Returns them as messages name them.
     */
    public static List<String> adopt(Plan plan) throws IOException {
        String tag = ".pb-annex-adopt-" + ProcessHandle.current().pid();
        List<Path[]> staged = new ArrayList<>(); // target, new file beside it, the old one kept beside it (or null)
        List<Path[]> moved = new ArrayList<>();
        try {
            for (String rel : plan.changed()) {
                Path target = plan.input().resolve(rel);
                Files.createDirectories(target.getParent());
                Path fresh = target.resolveSibling(target.getFileName() + tag + ".new");
                Files.copy(plan.copy().resolve(rel), fresh, StandardCopyOption.REPLACE_EXISTING);
                Path old = null;
                if (Files.exists(target)) {
                    old = target.resolveSibling(target.getFileName() + tag + ".old");
                    Files.copy(target, old, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
                staged.add(new Path[] {target, fresh, old});
            }
            // A signal waits for the renames: the input is then the copy's, as the command's line is not yet said.
            org.pbannex.runtime.Interruption.whole(() -> {
                for (Path[] s : staged) {
                    Files.move(s[1], s[0], StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    moved.add(s);
                }
                moved.clear();
            });
        } finally {
            for (Path[] s : moved) { // a move failed: those made before it are undone
                if (s[2] != null) {
                    Files.move(s[2], s[0], StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(s[0]);
                }
            }
            for (Path[] s : staged) {
                Files.deleteIfExists(s[1]);
                if (s[2] != null) {
                    Files.deleteIfExists(s[2]);
                }
            }
        }
        return plan.changed().stream().map(rel -> InputFolder.shownName(plan.input(), rel)).toList();
    }

    /** Each input file of a folder (paths under it), with its SHA-256: what no editor, office program or record left there. */
    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (InputFolder.isInput(dir, p)) {
                    out.put(dir.relativize(p).toString().replace('\\', '/'), InputSet.sha256(p));
                }
            }
        }
        return out;
    }
}
