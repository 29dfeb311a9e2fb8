package org.pbannex.inputbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.Said;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an input workbook from outside as untrusted: at most {@link InputBook#MAX_BYTES}, POI's zip-bomb guards
 * (a part may not inflate more than 100 times, nor beyond {@link InputBook#MAX_PART_BYTES}), XML with a document type
 * declaration refused (so no external or expanding entities), at most {@link InputBook#MAX_CELLS} cells, formulas
 * reported with their cached value and never evaluated. It streams each part with SAX through POI's
 * {@code XSSFReader} rather than loading the workbook model: memory stays proportional to the cells, and each cell
 * comes back exactly as stored (the number as written, its format, its formula), which the import needs to reproduce
 * the CSV text and to refuse what Excel did to it. A macro-enabled workbook (xlsm) is refused; external links are never
 * followed (nothing here opens another file). The review of a returned workbook reads it the same way, with each
 * sheet's comments.
 */
public final class InputBookReader {

    public enum Kind { TEXT, NUMBER, BOOLEAN, ERROR }

    /** The format that shows a number as it is stored (as many decimals as it has). */
    public static final String GENERAL = "General";

    /**
     * One stored cell: its 0-based column, kind and value as stored ({@code 1}/{@code 0} for a boolean), the formula
     * if it has one (its value is then the cached result), and what its number format says (decimals shown, a date,
     * a percentage; its format code, General for a cell that is not a number).
     */
    public record Cell(int column, Kind kind, String value, String formula, int decimals, boolean date, boolean percent,
                       String format) {

        Cell(int column, Kind kind, String value, String formula, int decimals, boolean date, boolean percent) {
            this(column, kind, value, formula, decimals, date, percent, GENERAL);
        }

        public boolean blank() {
            return formula == null && (value == null || value.isBlank());
        }
    }

    /** A stored row: its 1-based number and its cells by column. */
    public record Row(int number, List<Cell> cells) {
        public boolean blank() {
            return cells.stream().allMatch(Cell::blank);
        }
    }

    /** A sheet's stored rows, and its comments by cell reference (A1). */
    public record Sheet(String name, List<Row> rows, Map<String, String> comments) {
    }

    private static final Said DAMAGED = Said.of("book.damaged");

    /** The first bytes of an OLE2 compound file: Excel 97-2003 (.xls), Word 97-2003 (.doc) and the like ({@link #ole2}). */
    private static final String OLE2 = "\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1";
    private static final Said XLS = Said.of("book.xls");
    private static final Said GIVE_THE_WORKBOOK = Said.of("book.give");
    private static final Said ODS = Said.of("book.ods");

    private InputBookReader() {
    }

    /** Every sheet of the workbook, in workbook order. */
    public static List<Sheet> read(Path file, String shown) {
        checkFile(file, shown);
        refuseCutShort(file, shown);
        guardZip();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            refuseMacros(pkg, shown);
            XSSFReader xssf = new XSSFReader(pkg);
            Parsing parsing = new Parsing(shown);
            Styles styles = new Styles();
            try (InputStream in = xssf.getStylesData()) {
                parsing.parse(in, styles, Said.of("book.part.styles"));
            }
            List<String> strings = new ArrayList<>();
            try (InputStream in = xssf.getSharedStringsData()) {
                if (in != null) {
                    parsing.parse(in, new SharedStrings(strings), Said.of("book.part.strings"));
                }
            } catch (InvalidFormatException e) {
                // no shared strings part: every text is inline
            }
            List<Sheet> sheets = new ArrayList<>();
            XSSFReader.SheetIterator it = xssf.getSheetIterator();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    SheetHandler h = new SheetHandler(strings, styles, parsing, it.getSheetName());
                    parsing.parse(in, h, Said.of("book.part.sheet", "sheet", it.getSheetName()));
                    sheets.add(new Sheet(it.getSheetName(), h.rows, comments(it.getSheetComments())));
                }
            }
            return sheets;
        } catch (UnsupportedFileFormatException e) {
            throw new InputError(shown, 0, "", notAWorkbook(e, file));
        } catch (InvalidFormatException e) {
            throw new InputError(shown, 0, "", whatItIs(file).orElse(Said.of("book.not_xlsx", "detail", e.getMessage())));
        } catch (IOException | OpenXML4JException e) {
            throw new InputError(shown, 0, "", refusal(e));
        } catch (org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.InvalidOperationException
                 | IllegalArgumentException e) {
            // POI's words for a part it could not find or read ("Core-Part cannot be empty")
            throw new InputError(shown, 0, "", whatItIs(file).orElse(Said.of("book.not_valid", "detail", oneLine(e))));
        }
    }

    /**
     * The workbook's document properties (docProps/core.xml) that say where it comes from: its description and when it
     * was made; empty where it has none or they cannot be read (they are a trace, never required). Asked of a workbook
     * {@link #read} has read, under the same zip limits.
     */
    public record Properties(java.util.Optional<String> description, java.util.Optional<java.time.Instant> created) {
    }

    public static Properties properties(Path file) {
        guardZip();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            var p = pkg.getPackageProperties();
            return new Properties(p.getDescriptionProperty(), p.getCreatedProperty().map(java.util.Date::toInstant));
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            return new Properties(java.util.Optional.empty(), java.util.Optional.empty());
        }
    }

    /**
     * A number as the input writes it, from a cell: Excel's 15 significant digits (the rest of a saved double is binary
     * noise), no exponent, at least the decimals its format shows (3.0 typed in a cell of one decimal is 3.0, as the
     * column's other values read). Both ways a workbook comes back write numbers so: input import and review --apply.
     */
    public static String csvNumber(java.math.BigDecimal d, int decimals) {
        if (d.precision() > 15) {
            d = d.round(new java.math.MathContext(15));
        }
        d = d.stripTrailingZeros();
        if (d.scale() < decimals) {
            d = d.setScale(decimals);
        }
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        return d.toPlainString();
    }

    /** A workbook that carries macros (xlsm, or a VBA project in any workbook) is refused: nothing from it may run. */
    private static void refuseMacros(OPCPackage pkg, String shown) throws InvalidFormatException {
        boolean macros = !pkg.getPartsByContentType("application/vnd.ms-excel.sheet.macroEnabled.main+xml").isEmpty()
                || pkg.getParts().stream().anyMatch(p -> p.getPartName().getName().toLowerCase(java.util.Locale.ROOT)
                        .endsWith("vbaproject.bin"));
        if (macros) {
            throw new InputError(shown, 0, "", Said.of("book.macros"));
        }
    }

    /** A sheet's comments (notes) by cell reference; none when it has none. */
    private static Map<String, String> comments(org.apache.poi.xssf.model.Comments comments) {
        Map<String, String> out = new java.util.TreeMap<>();
        if (comments != null) {
            comments.getCellAddresses().forEachRemaining(a -> {
                var c = comments.findCellComment(a);
                out.put(a.formatAsString(), c == null || c.getString() == null ? "" : c.getString().getString());
            });
        }
        return out;
    }

    /** A workbook that is no file, cannot be read or is too large is refused before it is opened. */
    public static void checkFile(Path file, String shown) {
        if (!Files.isRegularFile(file)) {
            throw new InputError(shown, 0, "", Said.of("book.cannot_read", "detail", Said.of(Files.isDirectory(file)
                    ? "book.why.folder" : "book.why.missing")));
        }
        if (!Files.isReadable(file)) {
            throw new InputError(shown, 0, "", Said.of("book.cannot_read", "detail", Said.of("book.why.denied")));
        }
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new InputError(shown, 0, "", Said.of("book.empty_file"));
            }
            if (size > InputBook.MAX_BYTES) {
                throw new InputError(shown, 0, "", Said.of("book.too_large", "size", String.valueOf(size), "limit",
                        String.valueOf(InputBook.MAX_BYTES)));
            }
        } catch (IOException e) {
            throw new InputError(shown, 0, "", Said.of("book.cannot_read", "detail", e.getMessage()));
        }
    }

    /**
     * A zip archive whose end (the central directory's last record, within its last 64 KB) is missing was cut short:
     * refused before POI, which would read such a file entry by entry and fail on whichever part the cut took.
     */
    private static void refuseCutShort(Path file, String shown) {
        try (var f = java.nio.channels.FileChannel.open(file)) {
            byte[] head = new byte[4];
            if (f.read(java.nio.ByteBuffer.wrap(head), 0) < 4 || !zipStart(head)) {
                return;
            }
            int n = (int) Math.min(f.size(), 22 + 65_535);
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(n);
            while (tail.hasRemaining() && f.read(tail, f.size() - n + tail.position()) > 0) {
                // read the tail whole
            }
            byte[] t = tail.array();
            for (int i = n - 22; i >= 0; i--) {
                if (t[i] == 'P' && t[i + 1] == 'K' && t[i + 2] == 5 && t[i + 3] == 6) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new InputError(shown, 0, "", Said.of("book.cannot_read", "detail", oneLine(e)));
        }
        throw new InputError(shown, 0, "", DAMAGED);
    }

    private static boolean zipStart(byte[] head) {
        return head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** POI's limits for a zip read from outside; they apply to every workbook this process opens. */
    private static void guardZip() {
        ZipSecureFile.setMinInflateRatio(Math.max(ZipSecureFile.getMinInflateRatio(), 0.01));
        ZipSecureFile.setMaxEntrySize(Math.min(ZipSecureFile.getMaxEntrySize(), InputBook.MAX_PART_BYTES));
    }

    /**
     * What to say of a file that is no workbook, from how it begins (its first bytes): a PDF, an Office 97-2003 file, an
     * OpenDocument spreadsheet, a zip archive that holds no workbook, a workbook's zip archive that cannot be read (cut
     * short while copied or sent, or damaged), or text (a CSV given a workbook's name); empty otherwise, when the
     * caller's words stand.
     */
    private static java.util.Optional<Said> whatItIs(Path file) {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        String start = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (start.startsWith("%PDF-")) {
            return java.util.Optional.of(Said.of("book.pdf", "give", GIVE_THE_WORKBOOK));
        }
        if (start.startsWith(OLE2)) {
            return java.util.Optional.of(ole2(file));
        }
        if (n >= 4 && zipStart(head)) {
            if (start.contains("mimetypeapplication/vnd.oasis.opendocument.spreadsheet")) {
                return java.util.Optional.of(ODS);
            }
            return java.util.Optional.of(holdsWorkbook(file) ? DAMAGED : Said.of("book.zip_no_workbook"));
        }
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                return java.util.Optional.empty();
            }
        }
        // A CSV file by its name too: one of the input's own files, which go into its folder as they are.
        return java.util.Optional.of(Said.of(file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                ? "book.csv" : "book.text"));
    }

    /** Whether a whole zip archive has a workbook part; one that cannot be listed is taken for a damaged workbook. */
    private static boolean holdsWorkbook(Path file) {
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            return zip.stream().anyMatch(e -> e.getName().startsWith("xl/"));
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * What an OLE2 compound file is (Office 97-2003 and others begin alike), told by the entries of its directory: an
     * Excel 97-2003 workbook has a Workbook (or, before Excel 97, Book) stream; a Word document, a WordDocument stream;
     * an Outlook message, __substg1.0_ streams; a workbook saved with a password, an EncryptedPackage.
     */
    private static Said ole2(Path file) {
        Set<String> entries = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            entries.addAll(fs.getRoot().getEntryNames());
        } catch (IOException | RuntimeException e) {
            return Said.of("book.ole2_damaged", "give", GIVE_THE_WORKBOOK);
        }
        if (entries.contains("Workbook") || entries.contains("Book")) {
            return XLS;
        }
        if (entries.contains("EncryptedPackage")) {
            return Said.of("book.encrypted");
        }
        if (entries.contains("WordDocument")) {
            return Said.of("book.doc", "give", GIVE_THE_WORKBOOK);
        }
        if (entries.contains("PowerPoint Document")) {
            return Said.of("book.ppt", "give", GIVE_THE_WORKBOOK);
        }
        if (entries.contains("__properties_version1.0") || entries.stream().anyMatch(n -> n.startsWith("__substg1.0_"))) {
            return Said.of("book.msg");
        }
        return Said.of("book.ole2_other", "give", GIVE_THE_WORKBOOK);
    }

    private static Said notAWorkbook(UnsupportedFileFormatException e, Path file) {
        String name = e.getClass().getSimpleName();
        if (name.startsWith("OLE2")) {
            return ole2(file);
        }
        if (name.startsWith("ODF")) { // POI's own message would send a budget officer to another Java library
            return ODS;
        }
        return whatItIs(file).orElse(Said.of("book.not_xlsx", "detail", oneLine(e)));
    }

    private static Said refusal(Exception e) {
        String m = oneLine(e);
        if (m.contains("Zip bomb")) {
            return Said.of("book.zip_bomb");
        }
        if (m.contains("exceeds the max") || m.contains("MAX_ENTRY_SIZE") || m.contains("max entry size")) {
            return Said.of("book.part_too_large", "mb", String.valueOf(InputBook.MAX_PART_BYTES >> 20));
        }
        return Said.of("book.cannot_read", "detail", m);
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ");
    }

    /** A SAX parser that refuses any document type declaration, so no entity is ever defined or fetched. */
    private static final class Parsing {
        private final SAXParserFactory factory;
        private final String shown;
        long cells;

        Parsing(String shown) {
            this.shown = shown;
            try {
                factory = SAXParserFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setXIncludeAware(false);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
                factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            } catch (ParserConfigurationException | SAXException e) {
                throw new IllegalStateException("cannot configure a secure XML parser", e);
            }
        }

        void parse(InputStream in, DefaultHandler handler, Said part) throws IOException {
            try {
                XMLReader reader = factory.newSAXParser().getXMLReader();
                reader.setContentHandler(handler);
                reader.setErrorHandler(handler);
                reader.parse(new org.xml.sax.InputSource(in));
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException(e);
            } catch (SAXException e) {
                if (e.getException() instanceof InputError ie) {
                    throw ie;
                }
                String m = oneLine(e);
                if (m.contains("DOCTYPE")) {
                    throw new InputError(shown, 0, "", Said.of("book.doctype", "part", part));
                }
                throw new InputError(shown, 0, "", Said.of("book.not_valid_part", "part", part, "detail", m));
            } catch (IllegalArgumentException e) {
                // a malformed number or cell reference in the XML
                throw new InputError(shown, 0, "", Said.of("book.not_valid_part", "part", part, "detail", oneLine(e)));
            }
        }

        void countCell() throws SAXException {
            if (++cells > InputBook.MAX_CELLS) {
                throw new SAXException(new InputError(shown, 0, "", Said.of("book.too_many_cells", "cells",
                        String.valueOf(InputBook.MAX_CELLS))));
            }
        }
    }

    /** The number format of each cell style: decimals shown, date, percentage. */
    private static final class Styles extends DefaultHandler {
        final Map<Integer, String> formats = new HashMap<>();
        final List<Integer> xfFormats = new ArrayList<>();
        private boolean inCellXfs;

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) {
            switch (local) {
                case "numFmt" -> formats.put(Integer.parseInt(a.getValue("numFmtId")), a.getValue("formatCode"));
                case "cellXfs" -> inCellXfs = true;
                case "xf" -> {
                    if (inCellXfs) {
                        String id = a.getValue("numFmtId");
                        xfFormats.add(id == null ? 0 : Integer.parseInt(id));
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (local.equals("cellXfs")) {
                inCellXfs = false;
            }
        }

        String format(int style) {
            int id = style >= 0 && style < xfFormats.size() ? xfFormats.get(style) : 0;
            String f = formats.get(id);
            if (f == null) {
                f = BuiltinFormats.getBuiltinFormat(id);
            }
            return f == null ? GENERAL : f;
        }

        int formatId(int style) {
            return style >= 0 && style < xfFormats.size() ? xfFormats.get(style) : 0;
        }
    }

    /** The decimals a number format shows: digit placeholders after the point of its first section. */
    static int decimals(String format) {
        String first = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "").split(";", -1)[0];
        int dot = first.indexOf('.');
        int n = 0;
        while (dot >= 0 && dot + 1 + n < first.length() && "0#?".indexOf(first.charAt(dot + 1 + n)) >= 0) {
            n++;
        }
        return n;
    }

    private static boolean percent(String format) {
        return format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "").split(";", -1)[0].contains("%");
    }

    private static final java.util.regex.Pattern ESCAPED = java.util.regex.Pattern.compile("_x([0-9A-Fa-f]{4})_");

    /**
     * OOXML writes a character XML cannot hold (a control character) as {@code _xHHHH_}, and a literal
     * {@code _x} as {@code _x005F_x}: decoded, so such characters are seen (and refused) as what they are.
     */
    static String unescape(String s) {
        if (s == null || s.indexOf("_x") < 0) {
            return s;
        }
        return ESCAPED.matcher(s).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }

    /** Shared strings: the text of each item, phonetic runs left out. */
    private static final class SharedStrings extends DefaultHandler {
        final List<String> out;
        private StringBuilder item;
        private boolean inText;
        private int phonetic;

        SharedStrings(List<String> out) {
            this.out = out;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) {
            switch (local) {
                case "si" -> item = new StringBuilder();
                case "rPh" -> phonetic++;
                case "t" -> inText = phonetic == 0;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "si" -> out.add(unescape(item.toString()));
                case "rPh" -> phonetic--;
                case "t" -> inText = false;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText && item != null) {
                item.append(ch, start, length);
            }
        }
    }

    /** One worksheet's stored cells. */
    private static final class SheetHandler extends DefaultHandler {
        final List<Row> rows = new ArrayList<>();
        private final List<String> strings;
        private final Styles styles;
        private final Parsing parsing;
        private final String sheet;
        private List<Cell> cells;
        private int rowNumber;
        private int column;
        private String type;
        private int style;
        private StringBuilder value;
        private StringBuilder formula;
        private StringBuilder inline;
        private boolean inValue;
        private boolean inFormula;
        private boolean inInlineText;
        private int phonetic;

        SheetHandler(List<String> strings, Styles styles, Parsing parsing, String sheet) {
            this.strings = strings;
            this.styles = styles;
            this.parsing = parsing;
            this.sheet = sheet;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) throws SAXException {
            switch (local) {
                case "row" -> {
                    String r = a.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new ArrayList<>();
                    column = -1;
                }
                case "c" -> {
                    parsing.countCell();
                    String ref = a.getValue("r");
                    column = ref == null ? column + 1 : new CellReference(ref).getCol();
                    type = a.getValue("t");
                    String s = a.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    value = null;
                    formula = null;
                    inline = null;
                }
                case "v" -> {
                    value = new StringBuilder();
                    inValue = true;
                }
                case "f" -> {
                    formula = new StringBuilder();
                    inFormula = true;
                }
                case "is" -> inline = new StringBuilder();
                case "rPh" -> phonetic++;
                case "t" -> inInlineText = inline != null && phonetic == 0;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) throws SAXException {
            switch (local) {
                case "v" -> inValue = false;
                case "f" -> inFormula = false;
                case "t" -> inInlineText = false;
                case "rPh" -> phonetic--;
                case "c" -> cells.add(cell());
                case "row" -> rows.add(new Row(rowNumber, cells));
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                value.append(ch, start, length);
            } else if (inFormula) {
                formula.append(ch, start, length);
            } else if (inInlineText) {
                inline.append(ch, start, length);
            }
        }

        private Cell cell() throws SAXException {
            String v = value == null ? null : value.toString();
            String f = formula == null ? null : "=" + formula;
            String t = type == null ? "n" : type;
            return switch (t) {
                case "s" -> {
                    if (v == null || v.isBlank()) {
                        yield new Cell(column, Kind.TEXT, null, f, 0, false, false);
                    }
                    int i = Integer.parseInt(v.strip());
                    if (i < 0 || i >= strings.size()) {
                        throw new SAXException("sheet " + sheet + ": a cell refers to shared string " + v + ", which does not exist");
                    }
                    yield new Cell(column, Kind.TEXT, strings.get(i), f, 0, false, false);
                }
                case "inlineStr" -> new Cell(column, Kind.TEXT, unescape(inline == null ? v : inline.toString()), f, 0, false, false);
                case "str" -> new Cell(column, Kind.TEXT, v, f, 0, false, false);
                case "b" -> new Cell(column, Kind.BOOLEAN, v, f, 0, false, false);
                case "e" -> new Cell(column, Kind.ERROR, v, f, 0, false, false);
                case "d" -> new Cell(column, Kind.NUMBER, v, f, 0, true, false);
                default -> {
                    String format = styles.format(style);
                    yield new Cell(column, Kind.NUMBER, v, f, decimals(format),
                            DateUtil.isADateFormat(styles.formatId(style), format), percent(format), format);
                }
            };
        }
    }
}
