package org.pbannex.inputbook;

import java.util.ArrayList;
import java.util.List;
import org.pbannex.ingest.DataPackage;
import org.pbannex.ingest.Field;
import org.pbannex.ingest.Resource;

/**
 * The input workbook's layout, which export writes and import reads: a cover sheet whose "Biennium" row names the
 * data folder, then one sheet per input file named after its resource in datapackage.json. A sheet has its title,
 * description and a required/optional row above the header row (row 4 as exported; import finds it again if rows
 * were inserted above it), then one row per CSV line.
 */
final class InputBook {

    static final String COVER = "Cover";
    /**
     * The cover's headings that import reads, as the first workbooks wrote them; a workbook writes them in its
     * language, the texts' key beside each ({@link InputBookWords#headings}).
     */
    static final String BIENNIUM = "Biennium";
    static final String BIENNIUM_KEY = "inputbook.biennium";
    /** The header row of each input sheet, 1-based, as exported. */
    static final int HEADER_ROW = 4;
    /** How far down import looks for the header row. */
    static final int HEADER_SEARCH_ROWS = 20;
    /** Largest workbook import opens (the bundled inputs make about 0.2 MB). */
    static final long MAX_BYTES = 20L * 1024 * 1024;
    /** Largest part of the workbook once unzipped (POI's zip-bomb guard also refuses a part 100 times its packed size). */
    static final long MAX_PART_BYTES = 100L * 1024 * 1024;
    /** Most cells import holds in memory (the bundled inputs have about 12 000). */
    static final long MAX_CELLS = 2_000_000;
    /** The cover's table of sheets: its heading cells over the sheet's name and over the file the sheet holds. */
    static final String SHEET_HEADING = "Sheet";
    static final String SHEET_KEY = "inputbook.col.sheet";
    static final String FILE_HEADING = "File in the input folder";
    static final String FILE_KEY = "inputbook.col.file";
    /** The cover's column of each file's SHA-256 as exported, which import compares with the file on disk. */
    static final String SHA256_HEADING = "SHA-256 as exported";
    static final String SHA256_KEY = "inputbook.col.sha256";

    private InputBook() {
    }

    /** The sheets in workbook order: the biennium's data files first, then the reference lists. */
    static List<Resource> sheets(DataPackage pkg) {
        List<Resource> out = new ArrayList<>();
        pkg.resources().stream().filter(Resource::perBiennium).forEach(out::add);
        pkg.resources().stream().filter(r -> !r.perBiennium()).forEach(out::add);
        for (Resource r : out) {
            if (r.name().length() > 31 || r.name().equalsIgnoreCase(COVER) || !r.name().matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalStateException("datapackage.json: resource name '" + r.name()
                        + "' cannot name a worksheet (at most 31 letters, digits, _ . -, and not 'Cover')");
            }
        }
        return out;
    }

    static Field field(Resource r, String name) {
        return r.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }
}
