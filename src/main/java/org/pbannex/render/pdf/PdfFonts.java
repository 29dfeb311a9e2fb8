package org.pbannex.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.pbannex.ingest.Glyphs;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFontResolver;

/**
 * The one embedded CJK font family (regular + bold) named in {@code fontDir/font.properties}.
 * It is registered under the fixed alias {@link #FAMILY}, which annex.css names, so a family-name mismatch
 * cannot silently fall back to a non-embedded base-14 font: the resolver has no base-14 fonts
 * ({@link EmbeddedOnly}), and Flying Saucer's fallback family, Serif, is this family too.
 */
public final class PdfFonts {

    static final String FAMILY = "annex-font";

    /** What no CSS family resolves to, Flying Saucer looks up under this name (Times among its default fonts). */
    private static final String FALLBACK = "Serif";

    /** What fetches the font again, over files that are there: said with every damaged file. */
    public static final String FETCH_AGAIN = "scripts/fetch-fonts.sh --again";

    /**
     * A font file that is there but cannot be the font fetched: cut short, another size or checksum than
     * scripts/fetch-fonts.sh recorded in font.properties, or not a font. Said in one line with the command that fetches it
     * again; the run stops at its check step with it, before any output is rendered.
     */
    public static final class Damaged extends IOException implements org.pbannex.runtime.Worded {

        private final transient org.pbannex.ingest.Said said;

        /** @param why its reason's line, and {@code whySaid} the same in a report's words (report.cause.font.*; null: none) */
        Damaged(Path file, String why, org.pbannex.ingest.Said whySaid) {
            super("font file " + file.toAbsolutePath().normalize() + " is damaged: " + why + "; fetch it again with "
                    + FETCH_AGAIN);
            said = whySaid == null ? null : org.pbannex.ingest.Said.cause("font.damaged", "file", file.toAbsolutePath().normalize().toString(),
                    "why", whySaid, "command", FETCH_AGAIN);
        }

        @Override
        public org.pbannex.ingest.Said said() {
            return said;
        }
    }

    private PdfFonts() {
    }

    /**
     * The font family the PDFs would embed, loaded as a PDF loads it (every file read and parsed), in words: "Noto Sans
     * SC (regular.ttf, bold.ttf)". IOException saying what is missing or damaged.
     */
    public static String check(Path fontDir) throws IOException {
        Properties p = properties(fontDir);
        // Its files as fetched (their checksums, when recorded: a few hundred milliseconds, only here), then as parsed.
        for (String key : new String[] {"regular", "bold"}) {
            String name = p.getProperty(key, "").trim();
            if (!name.isEmpty()) {
                asFetched(p, key, existing(fontDir, name), true);
            }
        }
        glyphs(fontDir);
        register(new EmbeddedOnly(), fontDir);
        String files = p.getProperty("regular", "").trim() + (p.getProperty("bold", "").isBlank() ? "" : ", " + p.getProperty("bold").trim());
        return p.getProperty("family", "the font").trim() + " (" + files + ")";
    }

    /**
     * The characters the PDFs can show: those both of the family's files (regular, bold) map to a glyph, from their
     * character maps only (read once per process). IOException as {@link #check}, when there is no font to ask.
     */
    public static Glyphs glyphs(Path fontDir) throws IOException {
        Properties p = properties(fontDir);
        BitSet shown = null;
        for (String key : new String[] {"regular", "bold"}) {
            String name = p.getProperty(key, "").trim();
            if (name.isEmpty()) {
                if (key.equals("regular")) {
                    throw new IOException(fontDir.resolve("font.properties") + " names no 'regular' font file: run scripts/fetch-fonts.sh");
                }
                continue;
            }
            Path file = existing(fontDir, name);
            asFetched(p, key, file, false);
            BitSet mapped = FontCmap.codePoints(file, collectionIndex(name));
            if (shown == null) {
                shown = (BitSet) mapped.clone();
            } else {
                shown.and(mapped);
            }
        }
        return new Glyphs(p.getProperty("family", "the PDF font").trim(), shown);
    }

    static void register(ITextFontResolver resolver, Path fontDir) throws IOException {
        Properties p = properties(fontDir);
        String regular = p.getProperty("regular", "").trim();
        if (regular.isEmpty()) {
            throw new IOException(fontDir.resolve("font.properties") + " names no 'regular' font file: run scripts/fetch-fonts.sh");
        }
        add(resolver, fontDir, regular);
        String bold = p.getProperty("bold", "").trim();
        if (!bold.isEmpty()) {
            add(resolver, fontDir, bold);
        }
        resolver.getFonts().put(FALLBACK, resolver.getFonts().get(FAMILY));
    }

    /**
     * The file is the size, and with {@code checksum} has the SHA-256, that scripts/fetch-fonts.sh recorded for it in
     * font.properties ({@code regular.size}, {@code regular.sha256}); a file fetched by an older script, which recorded
     * neither, is only parsed.
     */
    private static void asFetched(Properties p, String key, Path file, boolean checksum) throws IOException {
        String size = p.getProperty(key + ".size", "").trim();
        long actual = Files.size(file);
        if (!size.isEmpty() && !size.equals(String.valueOf(actual))) {
            throw new Damaged(file, "it is " + actual + " bytes long, where scripts/fetch-fonts.sh fetched " + size,
                    org.pbannex.ingest.Said.cause("font.size", "size", String.valueOf(actual), "fetched", size));
        }
        String sha256 = p.getProperty(key + ".sha256", "").trim();
        if (checksum && !sha256.isEmpty()) {
            try {
                var digest = java.security.MessageDigest.getInstance("SHA-256");
                String got = java.util.HexFormat.of().formatHex(digest.digest(FontFiles.bytes(file)));
                if (!got.equalsIgnoreCase(sha256)) {
                    throw new Damaged(file, "its SHA-256 checksum is " + got + ", where scripts/fetch-fonts.sh fetched " + sha256,
                            org.pbannex.ingest.Said.cause("font.checksum", "sha256", got, "fetched", sha256));
                }
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e); // every Java has SHA-256
            }
        }
    }

    /** fontDir/font.properties: the family's name and its files. */
    private static Properties properties(Path fontDir) throws IOException {
        Path props = fontDir.resolve("font.properties");
        if (!Files.isRegularFile(props)) {
            throw new IOException("no CJK font in " + fontDir.toAbsolutePath() + ": run scripts/fetch-fonts.sh");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /**
     * A font resolver without the 14 standard PDF fonts. Flying Saucer's own loads all of them for every PDF, parsing
     * their metrics files (0.13 s of a cold process's PDF), though an annex uses none: they are not embedded, and
     * would not show Chinese.
     */
    static final class EmbeddedOnly extends ITextFontResolver {

        @Override
        protected Map<String, FontFamily> loadFonts() {
            return new HashMap<>();
        }
    }

    /**
     * Seeds each font's subset tag ("XLFINZ+" of "XLFINZ+NotoSansSC-Regular", otherwise random) with the font's name and
     * the document ({@code document}: a digest of its XHTML), before the document is closed and its fonts written: the
     * same run renders the same bytes, and each document, an edition of each language, tags its subsets its own way.
     * Seeded by the font alone, the zh and en PDFs both had "XLFINZ+NotoSansSC-Bold" for two different subsets, which
     * a tool merging the two PDFs may take for one font, its glyphs then missing from the pages of the other (tester
     * 78b, 7).
     */
    static void tagSubsets(ITextFontResolver resolver, String document) {
        java.util.Set<BaseFont> fonts = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        resolver.getFonts().values().forEach(family -> family.getFontDescriptions().forEach(d -> fonts.add(d.getFont())));
        for (BaseFont font : fonts) {
            font.setSecureRandom(seeded(font.getPostscriptFontName() + " " + document));
        }
    }

    /** {@code name} is a file in fontDir, optionally with a ",index" suffix for a .ttc collection. */
    private static void add(ITextFontResolver resolver, Path fontDir, String name) throws IOException {
        Path path = existing(fontDir, name);
        String spec = path.toAbsolutePath() + name.substring(fileName(name).length());
        byte[] bytes = FontFiles.bytes(path);
        try {
            // IDENTITY_H: any glyph (CJK included) as a Type0/CIDFontType2 font; the single-byte default
            // encoding (CP1252) would drop every Chinese character. From the file's bytes: given a path, OpenPDF
            // reads a TrueType file one byte per system call (250 000 calls for the two 10 MB files of every PDF).
            BaseFont font = BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
            // No CIDSet: optional, and OpenPDF's for a subset of the CJK bold font lists CIDs the subset lacks, which
            // PDF/UA and PDF/A validators reject (veraPDF, rule 7.21.4.2-2).
            font.setIncludeCidSet(false);
            resolver.addFont(font, spec, FAMILY);
        } catch (IOException | RuntimeException e) {
            // OpenPDF's words for a file cut short or garbled are an EOFException without a message, or its class's.
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Damaged damaged = new Damaged(path, "it cannot be read as a font (" + detail + ")",
                    org.pbannex.ingest.Said.cause("font.not_a_font", "detail", detail));
            damaged.initCause(e);
            throw damaged;
        }
    }

    /** The file a font name ("regular.ttf", "fonts.ttc,1") is in: fontDir's, which must be there. */
    private static Path existing(Path fontDir, String name) throws IOException {
        Path path = fontDir.resolve(fileName(name));
        if (!Files.isRegularFile(path)) {
            throw new IOException("font file " + path.toAbsolutePath() + " missing: run scripts/fetch-fonts.sh");
        }
        return path;
    }

    private static String fileName(String name) {
        int comma = name.lastIndexOf(',');
        return comma > 0 && name.substring(comma + 1).matches("\\d+") ? name.substring(0, comma) : name;
    }

    private static int collectionIndex(String name) {
        String file = fileName(name);
        return file.length() == name.length() ? 0 : Integer.parseInt(name.substring(file.length() + 1));
    }

    private static SecureRandom seeded(String seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed.getBytes(StandardCharsets.UTF_8));
            return r;
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /**
     * The font files' bytes, read once per process and shared (read only) by every PDF being written: two at once in
     * a nightly run, and every run of a warm process. A file that changes on disk is read again.
     */
    static final class FontFiles {

        private record Read(long modified, long size, byte[] bytes) {
        }

        private static final java.util.Map<Path, Read> READ = new java.util.concurrent.ConcurrentHashMap<>();

        private FontFiles() {
        }

        static byte[] bytes(Path file) throws IOException {
            Path key = file.toAbsolutePath().normalize();
            long modified = Files.getLastModifiedTime(key).toMillis();
            long size = Files.size(key);
            Read r = READ.get(key);
            if (r == null || r.modified() != modified || r.size() != size) {
                r = new Read(modified, size, Files.readAllBytes(key));
                READ.put(key, r);
            }
            return r.bytes();
        }
    }
}
