package org.pbannex.expenditure;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.pbannex.ingest.CsvResourceReader;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputFolder;
import org.pbannex.ingest.Said;

/**
 * Cuts expenditure-line files into partitions: each file's header is checked, then its lines are cut at line ends
 * into about {@code grid} ranges of at least {@code minBytes} each (a small file is one partition). The plan depends
 * only on the files and these two numbers, so a restarted run gets the same partitions.
 */
public final class ExpenditurePlan {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ExpenditurePlan() {
    }

    /** @param publishedName how the outputs name a file (e.g. input/expenditure/erp-2022.csv); messages name it as shown */
    public static List<ExpenditurePartition> plan(List<Path> files, Function<Path, String> publishedName, int grid, long minBytes) {
        List<ExpenditurePartition> out = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            String name = publishedName.apply(file);
            SyntheticMark.logMismatch(file, name);
            try {
                long bodyStart = header(file);
                long size = bodyEnd(file, bodyStart);
                for (long[] r : ranges(file, bodyStart, size, grid, minBytes)) {
                    out.add(new ExpenditurePartition(out.size(), f, file, name, r[0], r[1]));
                }
            } catch (IOException e) {
                throw new InputError(InputFolder.shownFile(file), 0, "", Said.of("cannot_read", "why", e.getMessage()));
            }
        }
        return out;
    }

    /**
     * Checks the header line; returns where the first line starts. A UTF-8 byte-order mark (as Excel writes) is skipped,
     * and so is a synthetic file's mark line before the header ({@link SyntheticMark}).
     */
    static long header(Path file) throws IOException {
        String name = InputFolder.shownFile(file);
        long size = Files.size(file);
        long mark = SyntheticMark.markLineEnd(file);
        byte[] head = head(file, mark);
        if (size == 0) {
            throw new InputError(name, 0, "", Said.of("exp.empty_file", "header", LineFormat.HEADER));
        }
        int headerLine = mark > 0 ? 2 : 1;
        if (compressed(head)) {
            // Its bytes are no text: never shown (they would go to the terminal as they are).
            throw new InputError(name, 0, "", Said.of("exp.compressed"));
        }
        if (utf16(head)) {
            throw new InputError(name, headerLine, "", Said.of("exp.utf16"));
        }
        int start = mark == 0 ? bomLength(head) : 0;
        int end = lineEnd(head, start);
        String header = headerText(head, start, end);
        if (header.indexOf('\r') >= 0) {
            // Old Mac line ends (CR alone): the whole file reads as one line, its header running into the first line.
            throw new InputError(name, headerLine, "", Said.of("cr_line_ends"));
        }
        // Each name in quotes is the same header, as CSV writes it (quoted data lines are read as well).
        List<String> unquoted = columns(header, ",");
        if (!header.equals(LineFormat.HEADER) && !unquoted.equals(LineFormat.COLUMNS)) {
            List<String> columns = unquoted;
            if (columns.size() > LineFormat.FIELDS && columns.subList(0, LineFormat.FIELDS).equals(LineFormat.COLUMNS)) {
                // A finance export with more columns than the contract's: the first one too many is named.
                throw new InputError(name, headerLine, columns.get(LineFormat.FIELDS), Said.of("exp.unexpected_column",
                        "count", String.valueOf(LineFormat.FIELDS), "header", LineFormat.HEADER));
            }
            if (header.indexOf(',') >= 0) {
                throw new InputError(name, headerLine, "", firstWrongColumn(columns));
            }
            // Said of the separator a spreadsheet saved it with, where it is not the comma.
            throw new InputError(name, headerLine, "", Said.of(header.indexOf(',') >= 0 ? "exp.header" : header.indexOf(';') >= 0
                    ? "exp.header_semicolons" : header.indexOf('\t') >= 0 ? "exp.header_tabs" : "exp.header",
                    "header", shown(header), "expected", LineFormat.HEADER));
        }
        return Math.min(mark + end + 1L, size);
    }

    /**
     * Whether the file's first line (after a synthetic mark line and a byte-order mark) is the lines' header, its
     * columns separated by commas, ';' or tabs, each name in quotes or not: a file of lines whatever its name (an
     * export saved as erp-2023.txt). Neither a compressed file nor one in UTF-16 is looked into.
     */
    static boolean startsWithHeader(Path file) throws IOException {
        long mark = SyntheticMark.markLineEnd(file);
        byte[] head = head(file, mark);
        int start = mark == 0 ? bomLength(head) : 0;
        String header = headerText(head, start, lineEnd(head, start));
        for (String separator : new String[] {",", ";", "\t"}) {
            if (columns(header, separator).equals(LineFormat.COLUMNS)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the bytes start as a gzip stream or a zip archive do: a compressed file, no text. */
    static boolean compressed(byte[] head) {
        return head.length >= 2 && head[0] == (byte) 0x1f && head[1] == (byte) 0x8b
                || head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** The first 4 kB after the mark line ({@code mark}: where it ends, or 0). */
    private static byte[] head(Path file, long mark) throws IOException {
        byte[] head = new byte[(int) Math.max(0, Math.min(4096, Files.size(file) - mark))];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.read(ByteBuffer.wrap(head), mark);
        }
        return head;
    }

    private static int bomLength(byte[] head) {
        return head.length >= 3 && head[0] == BOM[0] && head[1] == BOM[1] && head[2] == BOM[2] ? 3 : 0;
    }

    /** Where the line starting at {@code start} ends: its '\n', or the end of the bytes. */
    private static int lineEnd(byte[] head, int start) {
        int end = start;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        return end;
    }

    /** The header line's text, without a '\r' before its '\n'. */
    private static String headerText(byte[] head, int start, int end) {
        int textEnd = end > start && head[end - 1] == '\r' ? end - 1 : end;
        return new String(head, start, textEnd - start, StandardCharsets.UTF_8);
    }

    /** The names of a header line, each without the quotes CSV may put around it. */
    private static List<String> columns(String header, String separator) {
        return java.util.Arrays.stream(header.split(java.util.regex.Pattern.quote(separator), -1))
                .map(c -> c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1) : c).toList();
    }

    /**
     * What is wrong with a header of comma-separated names, by its first name that is not the contract's: a column
     * missing (with every other one the header lacks), a name in other letters or with spaces, or another name in its
     * place.
     */
    private static Said firstWrongColumn(List<String> columns) {
        for (int i = 0; i < LineFormat.FIELDS; i++) {
            String wanted = LineFormat.COLUMNS.get(i);
            String found = i < columns.size() ? columns.get(i) : null;
            if (wanted.equals(found)) {
                continue;
            }
            boolean present = columns.stream().anyMatch(c -> c.strip().equalsIgnoreCase(wanted));
            if (found != null && found.strip().equalsIgnoreCase(wanted)) {
                return Said.of("exp.header_column_spelt", "position", String.valueOf(i + 1), "found", shown(found), "column", wanted,
                        "expected", LineFormat.HEADER);
            }
            if (!present && columns.size() < LineFormat.FIELDS) {
                // Every column the header lacks, in one line (an export of an earlier layout lacks several): not the
                // first, then the next, run after run, as the input CSVs say theirs.
                List<String> missing = LineFormat.COLUMNS.stream()
                        .filter(n -> columns.stream().noneMatch(c -> c.strip().equalsIgnoreCase(n))).toList();
                return missing.size() > 1 ? CsvResourceReader.missingColumns(missing, LineFormat.HEADER)
                        : Said.of("exp.header_column_missing", "column", wanted, "expected", LineFormat.HEADER);
            }
            return Said.of("exp.header_column_order", "position", String.valueOf(i + 1), "found", shown(found == null ? "" : found),
                    "column", wanted, "expected", LineFormat.HEADER);
        }
        return Said.of("exp.header", "header", shown(String.join(",", columns)), "expected", LineFormat.HEADER);
    }

    /**
     * A header's text as a line may show it: control characters, bytes that were no UTF-8 (the replacement character)
     * and other characters no terminal shows as '?', and at most 120 characters.
     */
    private static String shown(String text) {
        String printable = text.replaceAll("[\\p{Cc}\\p{Cs}\\p{Co}\\p{Cn}\\x{FFFD}]", "?");
        return printable.length() > 120 ? printable.substring(0, 120) + "…" : printable;
    }

    /** Whether the file starts as UTF-16 text does (Excel's "Unicode Text"): its byte-order mark, or a NUL in every other byte. */
    private static boolean utf16(byte[] head) {
        if (head.length >= 2 && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE || head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)) {
            return true;
        }
        int n = Math.min(head.length, 16);
        int nuls = 0;
        for (int i = 0; i < n; i++) {
            nuls += head[i] == 0 ? 1 : 0;
        }
        return n >= 8 && nuls >= n / 2 - 1;
    }

    /**
     * Where the file's lines end: blank lines and rows of empty cells at its end (as finance exports and Excel leave
     * them) are not lines, so they are neither read nor rejected; found once here, the per-line parsers never test
     * for them. A blank line before a data line stays a bad line.
     */
    static long bodyEnd(Path file, long from) throws IOException {
        long end = Files.size(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            // The last line ends with its '\n', as every program that writes CSV ends it: one without is the one trace of
            // a copy that did not finish, whose cut inside the last amount leaves a line that reads well (121614.90 read
            // as 12: found by an exploratory test). The whole file is refused, even with --rejects: it is to be copied
            // again. (Blank lines after it, as Excel leaves them, are trimmed below and need none.)
            // Its line is named, as every input CSV's is: it shows how far the copy got. The file's lines are counted
            // here alone, once the error is found, so the parse itself never counts them.
            if (end > from && byteAt(ch, end - 1) != '\n' && !lastLineBlank(ch, from, end)) {
                long lastLine = LineReader.forEachLine(file, 0, end, new AtomicLong(), (b, s, e, line, offset) -> { });
                throw new InputError(InputFolder.shownFile(file), lastLine, "", Said.of("no_line_end"));
            }
            ByteBuffer window = ByteBuffer.allocate(4096);
            while (end > from) {
                // The last line left: [start, textEnd), without its '\n'.
                long textEnd = end - (byteAt(ch, end - 1) == '\n' ? 1 : 0);
                long windowStart = Math.max(from, textEnd - window.capacity());
                window.clear().limit((int) (textEnd - windowStart));
                while (window.hasRemaining() && ch.read(window, windowStart + window.position()) > 0) {
                    // read the window
                }
                int n = window.position();
                int nl = n - 1;
                while (nl >= 0 && window.get(nl) != '\n') {
                    nl--;
                }
                if (nl < 0 && windowStart > from) {
                    return end; // a line longer than the window is no blank line
                }
                if (!isBlank(window.array(), nl + 1, n)) {
                    return end;
                }
                end = windowStart + nl + 1;
            }
        }
        return end;
    }

    /** Whether the file's last line, after its last '\n', holds empty cells alone (a line of at most 4 kB looked at). */
    private static boolean lastLineBlank(FileChannel ch, long from, long end) throws IOException {
        long start = Math.max(from, end - 4096);
        ByteBuffer tail = ByteBuffer.allocate((int) (end - start));
        while (tail.hasRemaining() && ch.read(tail, start + tail.position()) > 0) {
            // read the tail
        }
        byte[] b = tail.array();
        int nl = tail.position() - 1;
        while (nl >= 0 && b[nl] != '\n') {
            nl--;
        }
        return (nl >= 0 || start == from) && isBlank(b, nl + 1, tail.position());
    }

    private static byte byteAt(FileChannel ch, long at) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, at);
        return one.get(0);
    }

    /** A line of empty cells only: spaces, tabs, commas, a '\r', and cells quoted empty ({@code ""}). */
    static boolean isBlank(byte[] b, int from, int to) {
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '"') {
                if (quoted && i + 1 < to && b[i + 1] == '"') {
                    return false; // a quote inside a cell
                }
                quoted = !quoted;
            } else if (c == ',' ? quoted : c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return !quoted;
    }

    private static List<long[]> ranges(Path file, long from, long size, int grid, long minBytes) throws IOException {
        List<long[]> out = new ArrayList<>();
        long body = size - from;
        int n = (int) Math.max(1, Math.min(Math.max(1, grid), body / Math.max(1, minBytes)));
        long step = body / n;
        long start = from;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int i = 1; i < n && start < size; i++) {
                long end = nextLineStart(ch, from + i * step, size);
                if (end > start) {
                    out.add(new long[] {start, end});
                    start = end;
                }
            }
        }
        if (start < size || out.isEmpty()) {
            out.add(new long[] {start, size});
        }
        return out;
    }

    private static long nextLineStart(FileChannel ch, long at, long size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64 * 1024);
        long pos = at;
        while (pos < size) {
            b.clear();
            int n = ch.read(b, pos);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (b.get(i) == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return size;
    }
}
