package org.pbannex.render;

import java.time.LocalDate;
import java.util.List;
import org.pbannex.table.Text;

/**
 * What a rendered document says about itself: the publication, the run that produced it and its inputs.
 * Run time lives here (cover sheet, PDF metadata), never inside the tables.
 *
 * @param title        publication title
 * @param source       the source document the tables mirror
 * @param biennium     e.g. 2022-23
 * @param runId        the run that produced it
 * @param runTime      ISO-8601 time of the run
 * @param codeVersion  pb-annex version (and git commit when known)
 * @param contact      who to ask
 * @param citation     how to cite
 * @param notes        general notes (symbols, units, known differences from the printed document)
 * @param about        a paragraph saying what the publication is (workbook cover); may be empty
 * @param published    the publication date, from the input data (never the clock); null when unknown
 * @param files        every input file with its checksum and row count, marked when synthetic (the workbook's Run sheet,
 *                     the PDF's last page, the HTML edition's foot)
 * @param noteTables   for each general note (by its place in {@code notes}), the ids of the tables it concerns; none
 *                     (or no entry): every table
 */
public record PublicationInfo(Text title, Text source, String biennium, String runId, String runTime, String codeVersion,
                              Text contact, Text citation, List<Text> notes, Text about,
                              LocalDate published, List<InputFile> files, List<List<String>> noteTables) {

    /**
     * One input file as the run read it.
     *
     * @param sha256  its SHA-256; empty when not computed (expenditure-line files, which the run's input checksum covers)
     * @param rows    data rows (lines for expenditure files)
     * @param leftOut of an expenditure file's lines, those of a biennium after the run's: among its rows, in no total
     */
    public record InputFile(String path, String sha256, long rows, boolean synthetic, long leftOut) {

        /** A file none of whose rows is left out. */
        public InputFile(String path, String sha256, long rows, boolean synthetic) {
            this(path, sha256, rows, synthetic, 0);
        }
    }

    public PublicationInfo {
        notes = notes == null ? List.of() : List.copyOf(notes);
        about = about == null ? Text.EMPTY : about;
        files = files == null ? List.of() : List.copyOf(files);
        noteTables = noteTables == null ? List.of() : noteTables.stream().map(List::copyOf).toList();
    }

    /** Every general note concerning every table. */
    public PublicationInfo(Text title, Text source, String biennium, String runId, String runTime, String codeVersion,
                           Text contact, Text citation, List<Text> notes, Text about,
                           LocalDate published, List<InputFile> files) {
        this(title, source, biennium, runId, runTime, codeVersion, contact, citation, notes, about, published, files, List.of());
    }

    /** The input files' lines left out of every total (lines of biennia after the run's): 0 when none is. */
    public long linesLeftOut() {
        return files.stream().mapToLong(InputFile::leftOut).sum();
    }

    /** The tables general note {@code i} concerns: empty for every table. */
    public List<String> noteTables(int i) {
        return i < noteTables.size() ? noteTables.get(i) : List.of();
    }

    /** Without the workbook's cover facts (about, publication date). */
    public PublicationInfo(Text title, Text source, String biennium, String runId, String runTime, String codeVersion,
                           List<InputFile> files, Text contact, Text citation, List<Text> notes) {
        this(title, source, biennium, runId, runTime, codeVersion, contact, citation, notes, Text.EMPTY, null, files);
    }
}
