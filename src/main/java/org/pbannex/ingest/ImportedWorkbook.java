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
public record ImportedWorkbook(String workbook, Map<String, Integer> headerRows) {

    public static final String FILE = ".imported-from-workbook.json";

    /** The note of a folder, or null when the folder was not made from a workbook. */
    public static ImportedWorkbook of(Path inputDir) {
        Path f = inputDir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return JsonMapper.builder().build().readValue(f.toFile(), ImportedWorkbook.class);
        } catch (JacksonException e) {
            throw new InputError(f.toString(), 0, "", "not a valid note of an imported workbook: " + e.getOriginalMessage());
        }
    }

    public void writeTo(Path inputDir) throws IOException {
        Files.writeString(inputDir.resolve(FILE), JsonMapper.builder().build().writeValueAsString(this) + "\n");
    }

    public SourceName source(Resource r) {
        return SourceName.sheet(workbook, r.name(), headerRows.getOrDefault(r.name(), 1));
    }
}
