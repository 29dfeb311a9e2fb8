package org.pbannex.render.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.pbannex.render.LineBreaks;
import org.pbannex.render.WholeFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xhtmlrenderer.pdf.ITextRenderer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the last layout of each table of text settled ({@link LoneLines}): the rows it moved and the rows it let be,
 * with a fingerprint of everything that table's pages are laid out from (its section of the document, the style
 * sheet, the fonts, the layout code). Like the auxiliary file of a LaTeX run, it is the next layout's first guess: a
 * table whose fingerprint is unchanged gets its remedies before the first layout, which is then read like any other
 * (a row still leaving a line alone gets a remedy and another layout). Each table of text starts a page, so its pages
 * fall the same way whatever changed elsewhere: given the same remedies, the layout is the one the trials ended with,
 * and the PDF the same bytes. With the bundled input this spares the nightly run a layout of the zh edition and two of
 * the en. A cache and nothing more: missing, unreadable or not writable, the layout starts from scratch (logged).
 * One file per biennium and language (work/layout/2022-23.zh.json), one entry per table.
 */
final class LayoutMemory {

    private static final Logger LOG = LoggerFactory.getLogger(LayoutMemory.class);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    /** The classes whose code decides where the rows of a table of text fall, beside Flying Saucer's. */
    private static final List<Class<?>> LAYOUT_CODE = List.of(LoneLines.class, PdfDocumentWriter.class,
            WordLineBreaking.class, LineBreaks.class, PdfFonts.class, ITextRenderer.class);

    /** No memory: every layout starts from scratch. */
    static final LayoutMemory NONE = new LayoutMemory(null);

    /** One table's settled layout: its rows' remedy classes (in the order given) and the rows let be, by data-row. */
    record Entry(String fingerprint, Map<String, List<String>> remedies, List<String> letBe) {
        /** What a file edited by hand leaves out (or nulls) is nothing remembered. */
        Entry {
            Map<String, List<String>> given = new TreeMap<>();
            if (remedies != null) {
                remedies.forEach((row, classes) -> {
                    if (row != null && classes != null) {
                        given.put(row, classes.stream().filter(c -> c != null).toList());
                    }
                });
            }
            remedies = given;
            letBe = letBe == null ? List.of() : letBe.stream().filter(r -> r != null).toList();
        }
    }

    /** The file's content: an entry per table, by the anchor of its section. */
    record Saved(String about, Map<String, Entry> tables) {
    }

    private final Path file;

    private LayoutMemory(Path file) {
        this.file = file;
    }

    /** The memory kept in this file (created when first written). */
    static LayoutMemory at(Path file) {
        return new LayoutMemory(file);
    }

    /** The tables of text of one document and their fingerprints, as they were before any remedy. */
    final class Recall {
        private final Map<Element, String> fingerprints;
        private final int recalled;

        private Recall(Map<Element, String> fingerprints, int recalled) {
            this.fingerprints = fingerprints;
            this.recalled = recalled;
        }

        /** How many tables were given the remedies remembered for them. */
        int recalled() {
            return recalled;
        }

        /** How many tables of text the document has (none counted without a memory). */
        int tables() {
            return fingerprints.size();
        }

        /**
         * Keeps what the layouts settled for each table of text: its rows' remedies and the rows let be.
         *
         * @param firstLayout whether the first layout settled them (nothing new when every table was recalled)
         */
        void remember(Set<Element> letBe, boolean firstLayout) {
            if (file == null || fingerprints.isEmpty() || firstLayout && recalled == fingerprints.size()) {
                return;
            }
            Map<String, Entry> tables = new TreeMap<>(load());
            fingerprints.forEach((table, fingerprint) -> {
                Entry settled = settled(table, fingerprint, letBe);
                if (settled == null) {
                    tables.remove(anchor(table));
                } else {
                    tables.put(anchor(table), settled);
                }
            });
            try {
                WholeFile.write(file, out -> JSON.writeValue(out, new Saved(
                        "What the last layout of each table of text settled (pb-annex, render/pdf/LayoutMemory); safe to delete", tables)));
            } catch (IOException | JacksonException e) {
                LOG.warn("layout memory not kept ({}): {}: {}", file, e.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    /**
     * Gives each table of text of the document the remedies remembered for it when its fingerprint is unchanged, and
     * adds the rows remembered as let be to letBe. Call before the first layout.
     */
    Recall recall(Document document, Path fontDir, Set<Element> letBe) {
        Map<Element, String> fingerprints = new LinkedHashMap<>();
        if (file == null) {
            return new Recall(fingerprints, 0);
        }
        String shared = shared(document, fontDir);
        for (Element table : textTables(document)) {
            fingerprints.put(table, fingerprint(shared, section(table)));
        }
        Map<String, Entry> saved = fingerprints.isEmpty() ? Map.of() : load();
        int recalled = 0;
        for (var e : fingerprints.entrySet()) {
            Entry entry = saved.get(anchor(e.getKey()));
            Map<String, Element> rows = rowsByKey(e.getKey());
            if (entry != null && rows != null && e.getValue().equals(entry.fingerprint())) {
                entry.remedies().forEach((key, classes) -> classes.stream().map(LoneLines.Remedy::byClass)
                        .filter(r -> r != null && rows.containsKey(key)).forEach(r -> r.give(rows.get(key))));
                entry.letBe().stream().map(rows::get).filter(r -> r != null).forEach(letBe::add);
                recalled++;
            }
        }
        return new Recall(fingerprints, recalled);
    }

    /** What the layouts settled for a table; null when it cannot be told by the rows' keys. */
    private static Entry settled(Element table, String fingerprint, Set<Element> letBe) {
        Map<String, Element> rows = rowsByKey(table);
        if (rows == null || bodyRows(table).stream().anyMatch(r -> !r.hasAttribute("data-row")
                && (letBe.contains(r) || !remedyClasses(r).isEmpty()))) {
            return null;
        }
        Map<String, List<String>> remedies = new TreeMap<>();
        List<String> kept = new ArrayList<>();
        for (var row : new TreeMap<>(rows).entrySet()) {
            List<String> classes = remedyClasses(row.getValue());
            if (!classes.isEmpty()) {
                remedies.put(row.getKey(), classes);
            }
            if (letBe.contains(row.getValue())) {
                kept.add(row.getKey());
            }
        }
        return new Entry(fingerprint, remedies, kept);
    }

    /** The classes of the remedies a row was given, in the order given. */
    private static List<String> remedyClasses(Element row) {
        return Stream.of(row.getAttribute("class").split(" ")).filter(c -> LoneLines.Remedy.byClass(c) != null).toList();
    }

    private Map<String, Entry> load() {
        try {
            Saved saved = JSON.readValue(Files.readAllBytes(file), Saved.class);
            Map<String, Entry> tables = new HashMap<>();
            if (saved != null && saved.tables() != null) {
                saved.tables().forEach((anchor, entry) -> {
                    if (anchor != null && entry != null) {
                        tables.put(anchor, entry);
                    }
                });
            }
            return tables;
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | JacksonException e) {
            LOG.warn("layout memory unreadable, laying out from scratch ({}): {}: {}", file, e.getClass().getSimpleName(),
                    e.getMessage());
            return Map.of();
        }
    }

    /** The tables of text of a document, in document order. */
    private static List<Element> textTables(Document document) {
        List<Element> out = new ArrayList<>();
        NodeList tables = document.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            if (tables.item(i) instanceof Element t && LoneLines.isTextTable(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The body rows of a table, in order. */
    private static List<Element> bodyRows(Element table) {
        List<Element> rows = new ArrayList<>();
        NodeList trs = table.getElementsByTagName("tr");
        for (int i = 0; i < trs.getLength(); i++) {
            if (trs.item(i).getParentNode() instanceof Element p && "tbody".equals(p.getNodeName())) {
                rows.add((Element) trs.item(i));
            }
        }
        return rows;
    }

    /**
     * The body rows of a table by their data-row key (a row without one, such as the notes closing the table, is left
     * out); null when two rows share a key, so that what is remembered for one row is never given to another (such a
     * table is laid out from scratch every time).
     */
    private static Map<String, Element> rowsByKey(Element table) {
        Map<String, Element> rows = new HashMap<>();
        for (Element tr : bodyRows(table)) {
            if (tr.hasAttribute("data-row") && rows.put(tr.getAttribute("data-row"), tr) != null) {
                return null;
            }
        }
        return rows;
    }

    /** The page-starting section a table is in (the document's body if none). */
    private static Element section(Element table) {
        for (Node n = table.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
            if (List.of(e.getAttribute("class").split(" ")).contains("annex") || "body".equals(e.getNodeName())) {
                return e;
            }
        }
        return table;
    }

    private static String anchor(Element table) {
        Element section = section(table);
        return section.hasAttribute("id") ? section.getAttribute("id") : "body";
    }

    /** What every table's pages are laid out from beside its section: the style sheet, the fonts, the layout code. */
    private static String shared(Document document, Path fontDir) {
        MessageDigest d = sha256();
        NodeList styles = document.getElementsByTagName("style");
        for (int i = 0; i < styles.getLength(); i++) {
            d.update(styles.item(i).getTextContent().getBytes(StandardCharsets.UTF_8));
        }
        d.update(LAYOUT_CODE_DIGEST);
        try (Stream<Path> fonts = Files.list(fontDir)) {
            // Each font file by name, size and time: a font fetched again, or another font, is another layout.
            for (Path f : fonts.sorted().toList()) {
                d.update((f.getFileName() + "\u0001" + Files.size(f) + "\u0001" + Files.getLastModifiedTime(f).toMillis())
                        .getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            d.update(String.valueOf(fontDir).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static String fingerprint(String shared, Element section) {
        MessageDigest d = sha256();
        d.update(shared.getBytes(StandardCharsets.UTF_8));
        digest(section, d);
        return HexFormat.of().formatHex(d.digest());
    }

    /** The node's names, attributes (in name order) and text, with markers that keep their boundaries apart. */
    private static void digest(Node node, MessageDigest d) {
        if (node instanceof Element e) {
            d.update(("<" + e.getNodeName()).getBytes(StandardCharsets.UTF_8));
            NamedNodeMap attrs = e.getAttributes();
            Map<String, String> sorted = new TreeMap<>();
            for (int i = 0; i < attrs.getLength(); i++) {
                sorted.put(attrs.item(i).getNodeName(), attrs.item(i).getNodeValue());
            }
            sorted.forEach((k, v) -> d.update(("\u0001" + k + "\u0002" + v).getBytes(StandardCharsets.UTF_8)));
            d.update((byte) '>');
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                digest(c, d);
            }
            d.update((byte) '\u0003');
        } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            d.update(node.getNodeValue().getBytes(StandardCharsets.UTF_8));
            d.update((byte) '\u0004');
        }
    }

    /** The layout code's class files and Flying Saucer's jar (its name carries the version). */
    private static final byte[] LAYOUT_CODE_DIGEST = layoutCodeDigest();

    private static byte[] layoutCodeDigest() {
        MessageDigest d = sha256();
        for (Class<?> c : LAYOUT_CODE) {
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                if (in != null) {
                    d.update(in.readAllBytes());
                }
            } catch (IOException e) {
                d.update(c.getName().getBytes(StandardCharsets.UTF_8));
            }
            var source = c.getProtectionDomain().getCodeSource();
            if (source != null) {
                d.update(String.valueOf(source.getLocation()).getBytes(StandardCharsets.UTF_8));
            }
        }
        return d.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
