package org.pbannex.expenditure;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The line ids of one partition, kept exactly in little memory. While they are dense, an id that is a prefix and a
 * number ("L000123", "2022-000123") is a bit in a paged bit set per prefix, so 10 million sequential ids take about
 * 1.3 MB. Numbers so sparse that the bits would need more than {@code maxPages} pages (random 15-digit ids would need
 * a page each) go on as sorted runs of numbers in a file ({@link SortedIdRuns}), when they share one prefix and have
 * at most 17 digits and the set was given a file. Any other ids make the set give up ({@link #overflowed()}): then
 * the duplicates of the whole ingest are found on disk by {@link DiskDuplicates}, in bounded memory whatever the ids
 * look like. Every way the answer is exact.
 */
final class LineIdSet {

    /** What identifies an id: its prefix (with its digit count, so "L01" and "L1" differ) and its number. */
    record Key(String prefix, long number) {
    }

    static final int PAGE_BITS = 22;
    static final int MAX_DIGITS = 18;

    private final Map<String, PagedBits> numbered = new TreeMap<>();
    private final int maxPages;
    private int pages;
    private boolean overflowed;
    // Sorted runs: where they go (null: never), how long one is, and once started, their prefix and writer, then where
    // they are once finished.
    private final Path runFile;
    private final int runLength;
    private byte[] runPrefix;
    private SortedIdRuns.Writer runWriter;
    private SortedIdRuns.Runs runs;
    private byte[] lastPrefix = new byte[0];
    private int lastDigits = -1;
    private PagedBits lastBits;

    /** @param maxPages how many 512 KB pages of bits the set may use before it gives up (0: keep no ids at all) */
    LineIdSet(int maxPages) {
        this(maxPages, null, 0);
    }

    /**
     * @param runFile   where sorted runs of sparse numbers go when the pages run out (null: give up then)
     * @param runLength how many numbers one run holds (8 bytes each, in memory while it fills)
     */
    LineIdSet(int maxPages, Path runFile, int runLength) {
        this.maxPages = maxPages;
        this.overflowed = maxPages <= 0;
        this.runFile = runFile;
        this.runLength = runLength;
    }

    /** True when the ids are in sorted runs ({@link #finish} writes the last one). */
    boolean inRuns() {
        return runWriter != null || runs != null;
    }

    /** False when the set gave up keeping ids: duplicates must then be found another way. */
    boolean overflowed() {
        return overflowed;
    }

    /**
     * Adds the id in b[from, to); false only when it was certainly there already. After an overflow every id is
     * "new" here (the set no longer knows).
     */
    boolean add(byte[] b, int from, int to) {
        if (overflowed) {
            return true;
        }
        // The usual id has the prefix of the one before it: then its digits start right after that prefix (a prefix
        // never ends in a digit) and are read eight at a time. Else, or when they are not all digits, byte by byte.
        byte[] known = runWriter != null ? runPrefix : lastBits != null ? lastPrefix : null;
        int digitsFrom = -1;
        long number = -1;
        if (known != null && to >= Digits.MAX) {
            int start = from + known.length;
            int count = to - start;
            if (count >= 1 && count <= Digits.MAX && samePrefix(known, b, from, start)) {
                number = Digits.parse(b, to, count);
                digitsFrom = number < 0 ? -1 : start;
            }
        }
        // Read the quick way, the id has the known prefix and at most 16 digits: the checks below need not be made again.
        boolean quick = digitsFrom >= 0;
        if (!quick) {
            digitsFrom = digitsFrom(b, from, to);
            if (to == digitsFrom || to - digitsFrom > MAX_DIGITS) {
                overflow();
                return true;
            }
            number = 0;
            for (int i = digitsFrom; i < to; i++) {
                number = number * 10 + (b[i] - '0');
            }
        }
        int digits = to - digitsFrom;
        if (runWriter != null) {
            if (!quick && (digits > SortedIdRuns.MAX_DIGITS || !samePrefix(runPrefix, b, from, digitsFrom))) {
                overflow();
            } else {
                runWriter.add(SortedIdRuns.encode(digits, number));
            }
            return true;
        }
        if (lastBits == null || digits != lastDigits || (!quick && !samePrefix(lastPrefix, b, from, digitsFrom))) {
            lastPrefix = Arrays.copyOfRange(b, from, digitsFrom);
            lastDigits = digits;
            lastBits = numbered.computeIfAbsent(prefixKey(lastPrefix, digits), k -> new PagedBits());
        }
        int result = lastBits.set(number, pages < maxPages);
        if (result == PagedBits.NO_ROOM) {
            toRuns(Arrays.copyOfRange(b, from, digitsFrom), digits, number);
            return true;
        }
        if (result == PagedBits.NEW_PAGE) {
            pages++;
        }
        return result != PagedBits.PRESENT;
    }

    /** Out of pages: the numbers so far and this one go on in sorted runs when they can, else the set gives up. */
    private void toRuns(byte[] prefix, int digits, long number) {
        boolean fits = runFile != null && digits <= SortedIdRuns.MAX_DIGITS;
        String mine = new String(prefix, StandardCharsets.ISO_8859_1);
        for (String key : numbered.keySet()) {
            fits &= prefixOf(key).equals(mine) && digitsOf(key) <= SortedIdRuns.MAX_DIGITS;
        }
        if (!fits) {
            overflow();
            return;
        }
        runPrefix = prefix;
        runWriter = new SortedIdRuns.Writer(runFile, runLength);
        numbered.forEach((key, bits) -> {
            int d = digitsOf(key);
            bits.forEach(n -> runWriter.add(SortedIdRuns.encode(d, n)));
        });
        numbered.clear();
        lastBits = null;
        pages = 0;
        runWriter.add(SortedIdRuns.encode(digits, number));
    }

    /** Writes the last sorted run, if the ids are in runs (the partition is parsed). */
    void finish() {
        if (runWriter != null) {
            runs = runWriter.finish();
            runWriter = null;
        }
    }

    /** After a failed parse: the runs' file is closed and removed. */
    void abandon() {
        if (runWriter != null) {
            runWriter.discard();
            runWriter = null;
        }
    }

    private void overflow() {
        overflowed = true;
        numbered.clear();
        lastBits = null;
        abandon();
    }

    private static String prefixOf(String prefixKey) {
        return prefixKey.substring(0, prefixKey.lastIndexOf('#'));
    }

    private static int digitsOf(String prefixKey) {
        return Integer.parseInt(prefixKey.substring(prefixKey.lastIndexOf('#') + 1));
    }

    // A loop of its own, not Arrays.equals: the prefix is a byte or two, and this runs for every line under C1, where
    // that call and its range checks cost more than the comparison.
    private static boolean samePrefix(byte[] prefix, byte[] b, int from, int to) {
        if (to - from != prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (prefix[i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static int digitsFrom(byte[] b, int from, int to) {
        int digitsFrom = to;
        while (digitsFrom > from && b[digitsFrom - 1] >= '0' && b[digitsFrom - 1] <= '9') {
            digitsFrom--;
        }
        return digitsFrom;
    }

    /** The key of a numbered id (only called for ids this set accepted, i.e. before any overflow). */
    static Key key(byte[] b, int from, int to) {
        int digitsFrom = digitsFrom(b, from, to);
        int digits = to - digitsFrom;
        return new Key(prefixKey(Arrays.copyOfRange(b, from, digitsFrom), digits), Long.parseLong(
                new String(b, digitsFrom, digits, StandardCharsets.US_ASCII)));
    }

    /** The key as sorted runs with the given prefix encode it ({@link SortedIdRuns#encode}); -1 for another prefix. */
    static long encoded(Key key, String prefix) {
        int hash = key.prefix().lastIndexOf('#');
        if (hash != prefix.length() || !key.prefix().startsWith(prefix)) {
            return -1;
        }
        int digits = Integer.parseInt(key.prefix().substring(hash + 1));
        return digits > SortedIdRuns.MAX_DIGITS ? -1 : SortedIdRuns.encode(digits, key.number());
    }

    /**
     * The prefix all ids share when the set can take part in a merge of sorted runs (its runs' prefix, or the one
     * prefix of its bit sets, with at most 17 digits); "" for a set with no ids; null when it cannot.
     */
    String mergePrefix() {
        if (overflowed) {
            return null;
        }
        if (inRuns()) {
            return new String(runPrefix, StandardCharsets.ISO_8859_1);
        }
        String prefix = "";
        for (String key : numbered.keySet()) {
            if (digitsOf(key) > SortedIdRuns.MAX_DIGITS || (!prefix.isEmpty() && !prefix.equals(prefixOf(key)))) {
                return null;
            }
            prefix = prefixOf(key);
        }
        return prefix;
    }

    /** Where the sorted runs are, once finished; null when the ids are not in runs. */
    SortedIdRuns.Runs runs() {
        return runs;
    }

    /** How many sorted runs hold the ids (0 when they are in bit sets). */
    int runCount() {
        return runs == null ? 0 : runs.starts().length;
    }

    /** The ids as sorted cursors of encoded numbers: a cursor per run, or per prefix of the bit sets. */
    List<SortedIdRuns.Cursor> cursors(int chunkLongs) throws IOException {
        if (runs != null) {
            return SortedIdRuns.cursors(runs, chunkLongs);
        }
        List<SortedIdRuns.Cursor> out = new ArrayList<>();
        numbered.forEach((key, bits) -> out.add(bits.cursor(digitsOf(key))));
        return out;
    }

    private static String prefixKey(byte[] prefix, int digits) {
        return new String(prefix, StandardCharsets.ISO_8859_1) + "#" + digits;
    }

    /** The ids both sets hold, as a set of their own (bits: as small as the two, however many ids they share). */
    LineIdSet common(LineIdSet other) {
        LineIdSet out = new LineIdSet(Integer.MAX_VALUE);
        numbered.forEach((prefix, bits) -> {
            PagedBits o = other.numbered.get(prefix);
            if (o != null) {
                PagedBits both = bits.and(o);
                if (!both.pages.isEmpty()) {
                    out.numbered.put(prefix, both);
                }
            }
        });
        return out;
    }

    /** Whether the set holds the id (only for a set that never overflowed). */
    boolean contains(Key key) {
        PagedBits bits = numbered.get(key.prefix());
        return bits != null && bits.get(key.number());
    }

    boolean isEmpty() {
        return numbered.isEmpty();
    }

    /** Adds every id of the other set (neither may have overflowed). */
    void addAll(LineIdSet other) {
        other.numbered.forEach((prefix, bits) -> numbered.computeIfAbsent(prefix, k -> new PagedBits()).or(bits));
        lastBits = null;
    }

    /** How many pages the set holds now (for merging sets within a memory budget). */
    int pageCount() {
        return numbered.values().stream().mapToInt(b -> b.pages.size()).sum();
    }

    void write(DataOutputStream out) throws IOException {
        out.writeBoolean(overflowed);
        out.writeBoolean(runs != null);
        if (runs != null) {
            out.writeUTF(new String(runPrefix, StandardCharsets.ISO_8859_1));
            out.writeUTF(runs.file().toString());
            out.writeInt(runs.starts().length);
            for (int i = 0; i < runs.starts().length; i++) {
                out.writeLong(runs.starts()[i]);
                out.writeInt(runs.counts()[i]);
            }
        }
        out.writeInt(numbered.size());
        for (var e : numbered.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().pages.size());
            for (var page : e.getValue().pages.entrySet()) {
                long[] words = page.getValue();
                int used = 0;
                for (int i = 0; i < words.length; i++) {
                    used += words[i] != 0 ? 1 : 0;
                }
                out.writeLong(page.getKey());
                out.writeInt(used);
                for (int i = 0; i < words.length; i++) {
                    if (words[i] != 0) {
                        out.writeInt(i);
                        out.writeLong(words[i]);
                    }
                }
            }
        }
    }

    static LineIdSet read(DataInputStream in, int maxPages) throws IOException {
        LineIdSet set = new LineIdSet(maxPages);
        set.overflowed = in.readBoolean();
        if (in.readBoolean()) {
            set.runPrefix = in.readUTF().getBytes(StandardCharsets.ISO_8859_1);
            Path file = Path.of(in.readUTF());
            int n = in.readInt();
            long[] starts = new long[n];
            int[] counts = new int[n];
            for (int i = 0; i < n; i++) {
                starts[i] = in.readLong();
                counts[i] = in.readInt();
            }
            set.runs = new SortedIdRuns.Runs(file, starts, counts);
        }
        int prefixes = in.readInt();
        for (int p = 0; p < prefixes; p++) {
            PagedBits bits = new PagedBits();
            set.numbered.put(in.readUTF(), bits);
            int pageCount = in.readInt();
            for (int k = 0; k < pageCount; k++) {
                long page = in.readLong();
                long[] words = new long[1 << (PAGE_BITS - 6)];
                int used = in.readInt();
                for (int i = 0; i < used; i++) {
                    int at = in.readInt();
                    words[at] = in.readLong();
                }
                bits.pages.put(page, words);
                set.pages++;
            }
        }
        return set;
    }

    /** Bits for numbers, in pages of 2^22 bits allocated when first touched. */
    private static final class PagedBits {

        static final int ADDED = 0;
        static final int PRESENT = 1;
        static final int NEW_PAGE = 2;
        static final int NO_ROOM = 3;

        private final Map<Long, long[]> pages = new TreeMap<>();
        private long lastPage = -1;
        private long[] last;

        /** Sets bit n; a new page only when {@code mayGrow}. */
        int set(long n, boolean mayGrow) {
            long page = n >>> PAGE_BITS;
            boolean grew = false;
            if (page != lastPage) {
                long[] words = pages.get(page);
                if (words == null) {
                    if (!mayGrow) {
                        return NO_ROOM;
                    }
                    words = new long[1 << (PAGE_BITS - 6)];
                    pages.put(page, words);
                    grew = true;
                }
                last = words;
                lastPage = page;
            }
            int bit = (int) (n & ((1 << PAGE_BITS) - 1));
            long mask = 1L << (bit & 63);
            long word = last[bit >>> 6];
            if ((word & mask) != 0) {
                return PRESENT;
            }
            last[bit >>> 6] = word | mask;
            return grew ? NEW_PAGE : ADDED;
        }

        /** The numbers set in both, in pages only where they share any. */
        PagedBits and(PagedBits other) {
            PagedBits out = new PagedBits();
            pages.forEach((page, words) -> {
                long[] o = other.pages.get(page);
                if (o == null) {
                    return;
                }
                long[] both = new long[words.length];
                long any = 0;
                for (int i = 0; i < words.length; i++) {
                    both[i] = words[i] & o[i];
                    any |= both[i];
                }
                if (any != 0) {
                    out.pages.put(page, both);
                }
            });
            return out;
        }

        boolean get(long n) {
            long[] words = pages.get(n >>> PAGE_BITS);
            int bit = (int) (n & ((1 << PAGE_BITS) - 1));
            return words != null && (words[bit >>> 6] & 1L << (bit & 63)) != 0;
        }

        /** Every number set, in ascending order. */
        void forEach(java.util.function.LongConsumer each) {
            pages.forEach((page, words) -> {
                for (int i = 0; i < words.length; i++) {
                    long w = words[i];
                    while (w != 0) {
                        each.accept((page << PAGE_BITS) + ((long) i << 6) + Long.numberOfTrailingZeros(w));
                        w &= w - 1;
                    }
                }
            });
        }

        /** The numbers set, in ascending order, encoded with their digit count. */
        SortedIdRuns.Cursor cursor(int digits) {
            var pageIt = pages.entrySet().iterator();
            return new SortedIdRuns.Cursor() {
                long page;
                long[] words;
                int i = -1;
                long w;
                long value;

                @Override
                public boolean next() {
                    while (w == 0) {
                        if (words == null || ++i == words.length) {
                            if (!pageIt.hasNext()) {
                                return false;
                            }
                            var e = pageIt.next();
                            page = e.getKey();
                            words = e.getValue();
                            i = 0;
                        }
                        w = words[i];
                    }
                    value = SortedIdRuns.encode(digits, (page << PAGE_BITS) + ((long) i << 6) + Long.numberOfTrailingZeros(w));
                    w &= w - 1;
                    return true;
                }

                @Override
                public long value() {
                    return value;
                }
            };
        }

        void or(PagedBits other) {
            other.pages.forEach((page, words) -> {
                long[] mine = pages.computeIfAbsent(page, k -> new long[words.length]);
                for (int i = 0; i < words.length; i++) {
                    mine[i] |= words[i];
                }
            });
            lastPage = -1;
        }
    }
}
