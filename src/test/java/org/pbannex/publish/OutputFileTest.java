package org.pbannex.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder's files with their sizes and checksums, listed once and then added to as the report is written. */
class OutputFileTest {

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Lists the folder, writes report.html, adds it to the list, and holds that list to a fresh one. */
    private static List<OutputFile> reportWrittenAfterTheList(Path dir, String report) throws IOException {
        List<OutputFile> before = OutputFile.list(dir);
        write(dir.resolve("report.html"), report);
        List<OutputFile> added = OutputFile.plus(before, dir, dir.resolve("report.html"));
        assertEquals(OutputFile.list(dir), added);
        return added;
    }

    @Test
    void aFileAddedAfterTheListIsWhereAFreshListPutsIt(@TempDir Path dir) throws IOException {
        write(dir.resolve("csv/a2.csv"), "row_key\n");
        write(dir.resolve("csv-extra.txt"), "x");
        write(dir.resolve("datapackage.json"), "{}");
        write(dir.resolve("rejects/expenditure.csv"), "file,line\n");
        write(dir.resolve("pb-annexes-2022-23.zh.xlsx"), "workbook");
        List<OutputFile> added = reportWrittenAfterTheList(dir, "<html></html>");

        assertEquals(List.of("csv-extra.txt", "csv/a2.csv", "datapackage.json", "pb-annexes-2022-23.zh.xlsx", "rejects/expenditure.csv",
                "report.html"), added.stream().map(OutputFile::path).sorted().toList(), "every file once");
    }

    @Test
    void aFileWrittenAgainIsListedOnceWithItsNewChecksum(@TempDir Path dir) throws IOException {
        write(dir.resolve("csv/a2.csv"), "row_key\n");
        write(dir.resolve("report.html"), "old");
        List<OutputFile> added = reportWrittenAfterTheList(dir, "the new report");

        assertEquals(2, added.size());
    }
}
