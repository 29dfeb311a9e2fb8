package org.pbannex.expenditure;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.pbannex.ingest.Said;

/**
 * Where repeated line ids were first seen, so that a duplicate's reject names that line as every other input's does.
 * The parse keeps no line per id (10 million ids would take hundreds of MB); instead, once the merge knows a
 * partition's duplicates, the partitions before them are read again for just those ids, stopping once all are found.
 * An ingest without duplicates never reads anything twice.
 */
final class FirstLines {

    /** The first good line with an id: its partition and its line within it (from 0). */
    record At(int partition, long line) {
    }

    private FirstLines() {
    }

    /**
     * The first good line (in file order) of each id, among the partitions up to {@code last} and, in that one, the
     * lines before {@code before} (a file offset).
     *
     * @param left    the ids' bytes as ISO-8859-1 strings (see {@link #id}); each is taken out once found
     * @param buffers the reader's blocks, shared by the reads of one merge (an 8 MB block each read would outlive the
     *                young generation and grow the heap)
     */
    static Map<String, At> find(List<ExpenditurePartition> partitions, int last, long before, Set<String> left, Dimensions dimensions,
                                LineReader.Buffers buffers) {
        Map<String, At> found = new HashMap<>();
        boolean[] lengths = new boolean[65_536];
        for (String id : left) {
            lengths[id.length()] = true;
        }
        LineParser parser = new LineParser(dimensions, 0);
        for (int k = 0; k <= last && !left.isEmpty(); k++) {
            ExpenditurePartition p = partitions.get(k);
            LineReader.forEachLine(p.file(), p.from(), k == last ? before : p.to(), new AtomicLong(), buffers, (b, s, e, line, offset) -> {
                if (left.isEmpty()) {
                    return;
                }
                String id;
                if (s < e && b[s] == '"') {
                    id = id(DiskDuplicates.firstField(b, s, e));
                } else {
                    int end = s;
                    while (end < e && b[end] != ',') {
                        end++;
                    }
                    // Most lines are not wanted: their id's length says so without making a string.
                    if (end - s >= lengths.length || !lengths[end - s]) {
                        return;
                    }
                    id = new String(b, s, end - s, StandardCharsets.ISO_8859_1);
                }
                // A bad line's id is no one's first: only good lines count, as in the parse.
                if (left.contains(id) && parser.parse(b, s, e)) {
                    left.remove(id);
                    found.put(id, new At(p.index(), line));
                }
            });
        }
        return found;
    }

    /** The id of a line (its raw text as the reject keeps it), unquoted, as {@link #find} compares it. */
    static String id(String raw) {
        byte[] b = raw.getBytes(StandardCharsets.UTF_8);
        return id(DiskDuplicates.firstField(b, 0, b.length));
    }

    private static String id(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A duplicate's reason before the merge knows where its id was first ({@link #reason} adds that). */
    static Said duplicate(String id) {
        return Said.of("exp.duplicate_id", "value", id);
    }

    static boolean isDuplicate(Said reason) {
        return reason.word().equals("reason.exp.duplicate_id");
    }

    /**
     * A duplicate's reason with where its id was first: "(first on line N)" in the same file, "(first on FILE, line N)"
     * in another file of the same ingest. Both engines say it so.
     *
     * @param firstFile the file of the first line when it is another than the duplicate's, else null
     */
    static Said reason(Said duplicate, String firstFile, long firstLine) {
        Said first = firstFile == null ? Said.of("on_line", "line", String.valueOf(firstLine))
                : Said.of("at_line", "file", firstFile, "line", String.valueOf(firstLine));
        return Said.of("exp.duplicate_id", "value", duplicate.values().get("value"), "first", first);
    }
}
