package org.pbannex.expenditure;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The line ids of one partition, kept exactly in little memory while they are dense: an id that is a prefix and a
 * number ("L000123", "2022-000123") is a bit in a paged bit set per prefix, so 10 million sequential ids take about
 * 1.3 MB. Ids that do not fit that shape, or numbers so sparse that the bits would need more than
 * {@code maxPages} pages (random 15-digit ids would need a page each), make the set give up ({@link #overflowed()}):
 * then the duplicates of the whole ingest are found on disk by {@link DiskDuplicates}, in bounded memory whatever the
 * ids look like. Either way the answer is exact.
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
    private byte[] lastPrefix = new byte[0];
    private int lastDigits = -1;
    private PagedBits lastBits;

    /** @param maxPages how many 512 KB pages of bits the set may use before it gives up (0: keep no ids at all) */
    LineIdSet(int maxPages) {
        this.maxPages = maxPages;
        this.overflowed = maxPages <= 0;
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
        int digitsFrom = digitsFrom(b, from, to);
        int digits = to - digitsFrom;
        if (digits == 0 || digits > MAX_DIGITS) {
            overflow();
            return true;
        }
        long number = 0;
        for (int i = digitsFrom; i < to; i++) {
            number = number * 10 + (b[i] - '0');
        }
        if (lastBits == null || digits != lastDigits || !Arrays.equals(lastPrefix, 0, lastPrefix.length, b, from, digitsFrom)) {
            lastPrefix = Arrays.copyOfRange(b, from, digitsFrom);
            lastDigits = digits;
            lastBits = numbered.computeIfAbsent(prefixKey(lastPrefix, digits), k -> new PagedBits());
        }
        int result = lastBits.set(number, pages < maxPages);
        if (result == PagedBits.NO_ROOM) {
            overflow();
            return true;
        }
        if (result == PagedBits.NEW_PAGE) {
            pages++;
        }
        return result != PagedBits.PRESENT;
    }

    private void overflow() {
        overflowed = true;
        numbered.clear();
        lastBits = null;
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

    private static String prefixKey(byte[] prefix, int digits) {
        return new String(prefix, StandardCharsets.ISO_8859_1) + "#" + digits;
    }

    /** The ids both sets hold. */
    List<Key> common(LineIdSet other) {
        List<Key> out = new ArrayList<>();
        numbered.forEach((prefix, bits) -> {
            PagedBits o = other.numbered.get(prefix);
            if (o != null) {
                bits.common(o, n -> out.add(new Key(prefix, n)));
            }
        });
        return out;
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

        void common(PagedBits other, java.util.function.LongConsumer found) {
            pages.forEach((page, words) -> {
                long[] o = other.pages.get(page);
                if (o == null) {
                    return;
                }
                for (int i = 0; i < words.length; i++) {
                    long both = words[i] & o[i];
                    while (both != 0) {
                        int bit = Long.numberOfTrailingZeros(both);
                        found.accept((page << PAGE_BITS) + ((long) i << 6) + bit);
                        both &= both - 1;
                    }
                }
            });
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
