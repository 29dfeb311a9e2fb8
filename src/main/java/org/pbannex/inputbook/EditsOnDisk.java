package org.pbannex.inputbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputFolder;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Said;

/**
 * Edits made in the input folder since a workbook was exported, which importing the workbook would silently undo. The
 * cover records each file's SHA-256 as exported: a file whose bytes on disk no longer have it was edited there, and one
 * whose sheet gives other bytes was edited in the workbook. Edited on disk only, it is left alone; on both sides, the
 * import is refused (unless --overwrite).
 */
final class EditsOnDisk {

    private EditsOnDisk() {
    }

    /**
     * Puts back into {@code made} (the files the import made, before they are checked) the files that were edited in
     * {@code into} since the export but that the workbook leaves as exported: the import leaves them alone, and a run
     * from the workbook reads them as they are on disk. Returns their paths.
     *
     * @param into     the folder imported into, or the installation's input for a run from the workbook
     * @param exported each file's SHA-256 as exported, by its path under the input folder; null or empty when the
     *                 workbook has none
     */
    static Set<String> keepEditsOnDisk(Path into, Map<String, String> exported, Path made, Iterable<String> files)
            throws IOException {
        Set<String> kept = new LinkedHashSet<>();
        if (exported == null || !Files.isDirectory(into)) {
            return kept;
        }
        for (String rel : files) {
            String recorded = exported.get(rel);
            Path onDisk = into.resolve(rel);
            if (recorded != null && Files.isRegularFile(onDisk) && recorded.equalsIgnoreCase(InputSet.sha256(made.resolve(rel)))
                    && !recorded.equalsIgnoreCase(InputSet.sha256(onDisk))) {
                Files.copy(onDisk, made.resolve(rel), StandardCopyOption.REPLACE_EXISTING);
                kept.add(rel);
            }
        }
        return kept;
    }

    /**
     * Refuses (bad input, one line) when a file of {@code changed} was edited in {@code into} since the export, unless
     * {@code overwrite}; returns the warnings to print: a workbook that records no checksums (exported before they were
     * recorded, or its column of them cleared), or the files replaced with {@code --overwrite}.
     *
     * @param into     the input folder the workbook would change: the folder imported into, or the installation's for a
     *                 run from the workbook (which reads the workbook's files in its stead); nothing to check when missing
     * @param exported each file's SHA-256 as exported, by its path under the input folder; null when the cover has no
     *                 column of them, empty when the column is empty
     * @param changed  the files (paths under {@code into}) whose bytes the workbook's differ from, those the workbook
     *                 leaves as exported already kept ({@link #keepEditsOnDisk})
     */
    /**
     * A workbook exported from another folder than {@code into}: its checksums are not of these files, so no edit made
     * in them since is looked for, and its sheets are read as they are; said when files differ (none: nothing to say).
     */
    static List<String> exportedElsewhere(String shown, Path exportedFrom, Path into, List<String> changed) {
        if (changed.isEmpty() || !Files.isDirectory(into)) {
            return List.of();
        }
        String folder = InputFolder.shownName(into, "");
        return List.of(shown + " was exported from " + exportedFrom + ", not " + folder + ": its checksums are of that folder's "
                + "files, so no edit made in " + folder + " is looked for; its sheets are read as they are (" + changed.size()
                + (changed.size() == 1 ? " file differs" : " files differ") + " from " + folder + ")");
    }

    static List<String> check(String shown, Path into, Map<String, String> exported, List<String> changed, boolean overwrite) {
        if (changed.isEmpty() || !Files.isDirectory(into)) {
            return List.of();
        }
        if (exported == null || exported.isEmpty()) {
            // Said as found, not guessed: an empty column is no earlier pb-annex's, and clearing it turns the guard off.
            String why = exported == null ? "its cover has no column " + InputBook.SHA256_HEADING
                    + ": it was exported by an earlier pb-annex, or the column was deleted"
                    : "its cover's column " + InputBook.SHA256_HEADING + " is empty: cleared since the export";
            return List.of(shown + " records no checksums of the files it was exported from (" + why + "): a file edited in "
                    + InputFolder.shownName(into, "") + " since its export is undone without this being noticed; export the "
                    + "workbook again to have that checked");
        }
        List<String> both = new ArrayList<>();
        for (String rel : changed) {
            String recorded = exported.get(rel);
            Path onDisk = into.resolve(rel);
            // A file the workbook has no checksum for, or one missing on disk, loses no edit by being written.
            if (recorded != null && Files.isRegularFile(onDisk) && !recorded.equalsIgnoreCase(InputSet.sha256(onDisk))) {
                both.add(InputFolder.shownName(into, rel));
            }
        }
        if (both.isEmpty()) {
            return List.of();
        }
        String files = String.join(", ", both);
        if (overwrite) {
            return List.of("replaced " + files + " (edited on disk since the workbook was exported) with the workbook's "
                    + "version (--overwrite)");
        }
        throw new InputError(shown, 0, "", Said.of(both.size() == 1 ? "book.edited_one" : "book.edited_more", "files", files));
    }
}
