package org.pbannex.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The note an input folder carries when it was made from an input workbook for a run ({@code run --input
 * inputs.xlsx}): which workbook, and which row of each sheet is the header. With it, every input error of the run
 * names the workbook's sheet and row the user edits, not the CSV file made from it.
 */
public record ImportedWorkbook(String workbook, Map<String, Integer> headerRows, Map<String, String> copiedFrom, String biennium,
                               java.util.List<String> keptOnDisk, java.util.List<String> warnings) {

    public static final String FILE = ".imported-from-workbook.json";

    /**
     * @param copiedFrom the files of the folder that the workbook does not hold, each (by its path under the folder) to
     *                   the file it was copied from (absolute), which messages name: the installation's shared list that a
     *                   biennium's own copy replaces in the workbook, a biennium's own texts, a file of the folder imported
     *                   into, an earlier biennium's folder; none in a note written before they were recorded
     * @param biennium   the biennium the workbook holds (null in a note written before it was recorded): the one a run or
     *                   check from the workbook reads, the earlier biennia beside it being there for its lines and
     *                   restatements only
     * @param keptOnDisk what the import said of the installation's files edited since the export that the workbook
     *                   leaves as exported, read as on disk ("... kept as edited on disk ..."), and
     * @param warnings   what it warned of (a workbook without checksums): said again by every run or check on the folder,
     *                   made once for them all
     */
    public ImportedWorkbook {
        copiedFrom = copiedFrom == null ? Map.of() : Map.copyOf(copiedFrom);
        keptOnDisk = keptOnDisk == null ? java.util.List.of() : java.util.List.copyOf(keptOnDisk);
        warnings = warnings == null ? java.util.List.of() : java.util.List.copyOf(warnings);
    }

    public ImportedWorkbook(String workbook, Map<String, Integer> headerRows, Map<String, String> copiedFrom, String biennium) {
        this(workbook, headerRows, copiedFrom, biennium, null, null);
    }

    public ImportedWorkbook(String workbook, Map<String, Integer> headerRows) {
        this(workbook, headerRows, Map.of(), null, null, null);
    }

    /**
     * Whether {@code --input} names a workbook (an .xlsx, or an .xls, which the import refuses saying what to do) rather
     * than an input folder.
     */
    public static boolean given(Path input) {
        String name = input == null || input.getFileName() == null ? "" : input.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return (name.endsWith(".xlsx") || name.endsWith(".xls")) && !Files.isDirectory(input);
    }

    /** The note of a folder, or null when the folder was not made from a workbook. */
    public static ImportedWorkbook of(Path inputDir) {
        Path f = inputDir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return JsonMapper.builder().build().readValue(f.toFile(), ImportedWorkbook.class);
        } catch (JacksonException e) {
            throw new InputError(f.toString(), 0, "", Said.of("not_workbook_note", "detail", e.getOriginalMessage()));
        }
    }

    public void writeTo(Path inputDir) throws IOException {
        Files.writeString(inputDir.resolve(FILE), JsonMapper.builder().build().writeValueAsString(this) + "\n");
    }

    public SourceName source(Resource r) {
        return SourceName.sheet(workbook, r.name(), headerRows.getOrDefault(r.name(), 1));
    }

    /** How a file of the folder is named in messages: as the file it was copied from, else as the workbook's sheet. */
    public SourceName source(Resource r, String rel) {
        String from = copiedFrom.get(rel);
        return from != null ? SourceName.file(InputFolder.shown(Path.of(from))) : source(r);
    }

    /** Removes a folder's note (the import's temporary folder has one while it is checked, not once it is the target). */
    public static void removeFrom(Path inputDir) throws IOException {
        Files.deleteIfExists(inputDir.resolve(FILE));
    }
}
