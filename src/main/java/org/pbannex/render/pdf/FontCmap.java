package org.pbannex.render.pdf;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The code points a TrueType/OpenType font maps to a glyph, from its cmap table alone (a few hundred kilobytes of a
 * 10 MB file: {@code check} reads it without loading the font as a PDF does). The Unicode subtables are read as
 * OpenPDF reads them: format 12 (all planes) when there is one, else format 4 (the Basic Multilingual Plane).
 * Read once per process and file; a file that changes on disk is read again.
 */
final class FontCmap {

    private record Read(long modified, long size, BitSet codePoints) {
    }

    private static final Map<String, Read> READ = new ConcurrentHashMap<>();

    private FontCmap() {
    }

    /** @param index the font's index in a .ttc collection (0 for a single font) */
    static BitSet codePoints(Path file, int index) throws IOException {
        Path p = file.toAbsolutePath().normalize();
        String key = p + "," + index;
        long modified = Files.getLastModifiedTime(p).toMillis();
        long size = Files.size(p);
        Read r = READ.get(key);
        if (r == null || r.modified() != modified || r.size() != size) {
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                r = new Read(modified, size, read(ch, index));
            } catch (EOFException e) {
                throw new PdfFonts.Damaged(p, "it is " + size + " bytes long and ends inside its tables",
                        org.pbannex.ingest.Said.cause("font.cut_short", "size", String.valueOf(size)));
            } catch (IllegalStateException e) {
                throw new PdfFonts.Damaged(p, e.getMessage(), null);
            } catch (RuntimeException e) {
                // A damaged table: offsets pointing outside it.
                throw new PdfFonts.Damaged(p, "its character map (cmap) cannot be read", org.pbannex.ingest.Said.cause("font.cmap"));
            }
            READ.put(key, r);
        }
        return r.codePoints();
    }

    private static BitSet read(FileChannel ch, int index) throws IOException {
        long font = 0;
        if (bytes(ch, 0, 4).getInt(0) == 0x74746366) { // 'ttcf': a collection, its fonts' offsets after the header
            font = Integer.toUnsignedLong(bytes(ch, 12 + 4L * index, 4).getInt(0));
        }
        int tables = bytes(ch, font + 4, 2).getShort(0) & 0xFFFF;
        ByteBuffer dir = bytes(ch, font + 12, 16 * tables);
        // A file cut short (a copy that did not finish, a full disk) still has its directory: every table must be in it,
        // or the PDF's font loader fails at the first glyph it reads (an EOFException, said as if the output's disk had).
        for (int i = 0; i < tables; i++) {
            long end = Integer.toUnsignedLong(dir.getInt(16 * i + 8)) + Integer.toUnsignedLong(dir.getInt(16 * i + 12));
            if (end > ch.size()) {
                throw new EOFException("table " + i + " ends at byte " + end);
            }
        }
        for (int i = 0; i < tables; i++) {
            if (dir.getInt(16 * i) == 0x636D6170) { // 'cmap'
                long offset = Integer.toUnsignedLong(dir.getInt(16 * i + 8));
                int length = dir.getInt(16 * i + 12);
                return cmap(bytes(ch, offset, length));
            }
        }
        throw new IllegalStateException("it has no character map (cmap): it is not a TrueType or OpenType font");
    }

    private static BitSet cmap(ByteBuffer cmap) throws IOException {
        int subtables = cmap.getShort(2) & 0xFFFF;
        int format4 = -1;
        for (int i = 0; i < subtables; i++) {
            int platform = cmap.getShort(4 + 8 * i) & 0xFFFF;
            int encoding = cmap.getShort(6 + 8 * i) & 0xFFFF;
            int offset = cmap.getInt(8 + 8 * i);
            boolean unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            int format = cmap.getShort(offset) & 0xFFFF;
            if (unicode && format == 12) {
                return format12(cmap, offset);
            }
            if (unicode && format == 4 && format4 < 0) {
                format4 = offset;
            }
        }
        if (format4 < 0) {
            throw new IllegalStateException("its character map (cmap) has no Unicode table");
        }
        return format4(cmap, format4);
    }

    private static BitSet format12(ByteBuffer b, int at) {
        BitSet set = new BitSet(0x30000);
        long groups = Integer.toUnsignedLong(b.getInt(at + 12));
        for (long g = 0; g < groups; g++) {
            int p = (int) (at + 16 + 12 * g);
            int start = b.getInt(p);
            int end = Math.min(b.getInt(p + 4), Character.MAX_CODE_POINT);
            // Glyph 0 is .notdef: a group starting there maps its first character to nothing.
            set.set(b.getInt(p + 8) == 0 ? start + 1 : start, end + 1);
        }
        return set;
    }

    private static BitSet format4(ByteBuffer b, int at) {
        BitSet set = new BitSet(0x10000);
        int segments = (b.getShort(at + 6) & 0xFFFF) / 2;
        int ends = at + 14;
        int starts = ends + 2 * segments + 2;
        int deltas = starts + 2 * segments;
        int rangeOffsets = deltas + 2 * segments;
        for (int s = 0; s < segments; s++) {
            int end = b.getShort(ends + 2 * s) & 0xFFFF;
            int start = b.getShort(starts + 2 * s) & 0xFFFF;
            int delta = b.getShort(deltas + 2 * s);
            int rangeOffsetAt = rangeOffsets + 2 * s;
            int rangeOffset = b.getShort(rangeOffsetAt) & 0xFFFF;
            for (int c = start; c <= end && c != 0xFFFF; c++) {
                int glyph;
                if (rangeOffset == 0) {
                    glyph = (c + delta) & 0xFFFF;
                } else {
                    glyph = b.getShort(rangeOffsetAt + rangeOffset + 2 * (c - start)) & 0xFFFF;
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }
                if (glyph != 0) {
                    set.set(c);
                }
            }
        }
        return set;
    }

    private static ByteBuffer bytes(FileChannel ch, long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new EOFException("font file ends inside its tables");
            }
        }
        return b.flip();
    }
}
