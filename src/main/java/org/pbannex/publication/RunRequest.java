package org.pbannex.publication;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.pbannex.reference.Biennium;
import org.pbannex.table.Language;

/**
 * What a run is asked to do, decided once at the edge (command line and job file) and carried typed from there:
 * the job's name, where to read and write, the biennium, and which tables, editions and formats to render. A run
 * that leaves out any of them is partial: it is published in its own folder but does not move latest.
 *
 * @param tables  the ids of the tables to render, in catalogue order (every one for a complete run)
 * @param rejects true: bad expenditure lines go to a published rejects file instead of stopping the run
 * @param csvBom  true: the tidy CSVs start with a UTF-8 byte-order mark (for Excel on Windows)
 */
public record RunRequest(String job, Path input, Path output, Biennium biennium, List<String> tables,
                         List<Language> languages, List<OutputFormat> formats, boolean rejects, boolean csvBom) {

    /** CSVs without a byte-order mark. */
    public RunRequest(String job, Path input, Path output, Biennium biennium, List<String> tables, List<Language> languages,
                      List<OutputFormat> formats, boolean rejects) {
        this(job, input, output, biennium, tables, languages, formats, rejects, false);
    }

    public RunRequest {
        tables = List.copyOf(tables);
        languages = List.copyOf(languages);
        formats = List.copyOf(formats);
    }

    /** Only a run with every table, format and edition is complete enough to become "latest". */
    public boolean partial() {
        return !tables.containsAll(TableCatalogue.ids()) || !Set.copyOf(formats).containsAll(List.of(OutputFormat.values()))
                || !Set.copyOf(languages).containsAll(List.of(Language.values()));
    }

    public boolean wants(OutputFormat f) {
        return formats.contains(f);
    }
}
