package org.pbannex.expenditure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line ids seen so far, to find duplicates in millions of lines within little memory. An id that is a prefix
 * and a number ("L000123", "2022-000123") is a bit in a paged bit set per prefix (10 million sequential ids take
 * about 1.3 MB); any other id is kept as a 64-bit hash, so two different such ids could in theory collide (about
 * one chance in 10^6 for 10 million ids) and be reported as a duplicate.
 */
final class LineIdSet {

    /** What identifies an id: its prefix (with its digit count, so "L01" and "L1" differ) and number, or a hash. */
    record Key(String prefix, long number) {
    }

    private static final String HASHED = "#hash";
    private static final int PAGE_BITS = 22;

    private final Map<String, PagedBits> numbered = new HashMap<>();
    private final LongSet hashed = new LongSet();
    private byte[] lastPrefix = new byte[0];
    private int lastDigits = -1;
    private PagedBits lastBits;

    /** Adds the id in b[from, to); false when it was already there. */
    boolean add(byte[] b, int from, int to) {
        int digitsFrom = to;
        while (digitsFrom > from && b[digitsFrom - 1] >= '0' && b[digitsFrom - 1] <= '9') {
            digitsFrom--;
        }
        int digits = to - digitsFrom;
        if (digits == 0 || digits > 18) {
            return hashed.add(hash(b, from, to));
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
        return lastBits.set(number);
    }

    static Key key(byte[] b, int from, int to) {
        int digitsFrom = to;
        while (digitsFrom > from && b[digitsFrom - 1] >= '0' && b[digitsFrom - 1] <= '9') {
            digitsFrom--;
        }
        int digits = to - digitsFrom;
        if (digits == 0 || digits > 18) {
            return new Key(HASHED, hash(b, from, to));
        }
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
        hashed.forEach(h -> {
            if (other.hashed.contains(h)) {
                out.add(new Key(HASHED, h));
            }
        });
        return out;
    }

    void addAll(LineIdSet other) {
        other.numbered.forEach((prefix, bits) -> numbered.computeIfAbsent(prefix, k -> new PagedBits()).or(bits));
        other.hashed.forEach(hashed::add);
        lastBits = null;
    }

    // FNV-1a, 64 bits, then a finalising mix.
    private static long hash(byte[] b, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= b[i] & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** Bits for numbers, in pages of 2^22 bits allocated when first touched. */
    private static final class PagedBits {

        private final Map<Long, long[]> pages = new HashMap<>();
        private long lastPage = -1;
        private long[] last;

        boolean set(long n) {
            long page = n >>> PAGE_BITS;
            if (page != lastPage) {
                last = pages.computeIfAbsent(page, k -> new long[1 << (PAGE_BITS - 6)]);
                lastPage = page;
            }
            int bit = (int) (n & ((1 << PAGE_BITS) - 1));
            long mask = 1L << (bit & 63);
            long word = last[bit >>> 6];
            if ((word & mask) != 0) {
                return false;
            }
            last[bit >>> 6] = word | mask;
            return true;
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

    /** An open-addressing set of longs (0 stands for itself through a flag). */
    private static final class LongSet {

        private long[] slots = new long[1024];
        private boolean hasZero;
        private int size;

        boolean add(long v) {
            if (v == 0) {
                boolean added = !hasZero;
                hasZero = true;
                return added;
            }
            if (size * 2 >= slots.length) {
                grow();
            }
            int mask = slots.length - 1;
            int i = (int) (v ^ (v >>> 32)) & mask;
            while (slots[i] != 0) {
                if (slots[i] == v) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            slots[i] = v;
            size++;
            return true;
        }

        boolean contains(long v) {
            if (v == 0) {
                return hasZero;
            }
            int mask = slots.length - 1;
            int i = (int) (v ^ (v >>> 32)) & mask;
            while (slots[i] != 0) {
                if (slots[i] == v) {
                    return true;
                }
                i = (i + 1) & mask;
            }
            return false;
        }

        void forEach(java.util.function.LongConsumer c) {
            if (hasZero) {
                c.accept(0);
            }
            for (long v : slots) {
                if (v != 0) {
                    c.accept(v);
                }
            }
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            size = 0;
            for (long v : old) {
                if (v != 0) {
                    add(v);
                }
            }
        }
    }
}
