package org.pbannex.expenditure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether an expenditure-line file is synthetic. The data carries it: {@code generate-expenditure} writes {@link #LINE}
 * as the file's first line, before the header, so that a renamed copy stays synthetic; a file named
 * {@code synthetic*} (any case) is synthetic too. Either one is enough, and {@link #of} says which, so that a file
 * whose name and content disagree is said. Read once per file from its first block: the line parsers never see it.
 */
public enum SyntheticMark {
    /** Neither the name nor the content says synthetic: real lines. */
    NONE,
    /** Both say it. */
    NAME_AND_CONTENT,
    /** Named synthetic*, but without the mark line (made by hand, or the mark removed). */
    NAME_ONLY,
    /** The mark line, under another name (renamed). */
    CONTENT_ONLY;

    /** The first line of a synthetic file; a line starting with '#' and saying "synthetic" marks it (as Excel re-saves it too). */
    public static final String LINE = "# synthetic expenditure lines made by pb-annex generate-expenditure: not ILO data";

    private static final int HEAD = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticMark.class);

    public boolean synthetic() {
        return this != NONE;
    }

    /** The name and the content disagree: the outputs say which one made the file synthetic. */
    public boolean mismatch() {
        return this == NAME_ONLY || this == CONTENT_ONLY;
    }

    public static SyntheticMark of(Path file) {
        boolean named = namedSynthetic(file);
        boolean marked = markLineEnd(file) > 0;
        return named && marked ? NAME_AND_CONTENT : named ? NAME_ONLY : marked ? CONTENT_ONLY : NONE;
    }

    public static boolean namedSynthetic(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("synthetic");
    }

    /**
     * Where the line after the mark starts (past a UTF-8 byte-order mark), or 0 when the file's first line is no mark.
     * A missing file has no mark (the ingest says it cannot be read).
     */
    public static long markLineEnd(Path file) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        byte[] head;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate((int) Math.min(HEAD, ch.size()));
            while (b.hasRemaining() && ch.read(b) > 0) {
                // read the first block
            }
            head = java.util.Arrays.copyOf(b.array(), b.position());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
        int end = start;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        if (end == head.length) {
            return 0; // no header after it: not a mark line
        }
        // A spreadsheet may quote the cell and pad the row with empty cells: "# synthetic ...",,,,,,,,,
        String first = new String(head, start, end - start, StandardCharsets.UTF_8).strip();
        if (first.startsWith("\"")) {
            first = first.substring(1);
        }
        return first.startsWith("#") && first.toLowerCase(Locale.ROOT).contains("synthetic") ? end + 1L : 0;
    }

    /** The line number of a file's first data line: 2 after the header, 3 when a mark line comes first. */
    static long firstDataLine(Path file) {
        return markLineEnd(file) > 0 ? 3 : 2;
    }

    /** Logs a file whose name and content disagree (once per file, as the ingest plans it); it is synthetic all the same. */
    static void logMismatch(Path file, String name) {
        SyntheticMark m = of(file);
        if (m == NAME_ONLY) {
            LOG.warn("{}: named synthetic*, though its first line carries no synthetic mark: its lines are taken as synthetic", name);
        } else if (m == CONTENT_ONLY) {
            LOG.warn("{}: its first line marks it synthetic, whatever its name: its lines are taken as synthetic", name);
        }
    }
}
