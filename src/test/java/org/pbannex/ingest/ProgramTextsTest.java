package org.pbannex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.Golden;
import org.pbannex.TestInputs;
import org.pbannex.publication.TableCatalogue;
import org.pbannex.reference.TextKeys;

/**
 * A data folder of its own whose shared texts.csv is older than the program: the program's rows supply the keys it
 * lacks, beneath it, and the keys it has that this version does not read are kept; each said in one line, naming both
 * files. A footnote it lacks (the program's speak of the program's data) is not supplied, nor a key neither file has.
 */
class ProgramTextsTest {

    @TempDir
    Path tmp;

    private static final String TEXTS = "reference/texts.csv";

    /** The program's folder: the bundled texts as its own. */
    private ProgramInput program() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("program/input/reference"));
        Files.copy(Golden.input().resolve(TEXTS), folder.resolve("texts.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new ProgramInput(tmp.resolve("program/input"), TextKeys.of(TableCatalogue.ids()));
    }

    private static <T> T withProgram(ProgramInput program, Supplier<T> body) {
        ProgramInput before = ProgramInput.use(program);
        try {
            return body.get();
        } finally {
            ProgramInput.use(before);
        }
    }

    private static String row(InputSet in, String key) {
        return in.sheetCsv("texts").records().stream().filter(r -> r.text("key").equals(key)).map(r -> r.file() + ":" + r.text("en"))
                .findFirst().orElse(null);
    }

    private List<String> lines(InputSet in, Path input) {
        return in.warnings().stream().map(w -> w.english().replace(input.toString(), "input")
                .replace(tmp.resolve("program").toString(), "program")).toList();
    }

    @Test
    void theKeysAnOlderFileLacksAreTheProgramsAndItsOwnStand() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(input.resolve(TEXTS), s -> s
                .replaceFirst("(?m)^report\\.failed_step,.*\\n", "")
                .replaceFirst("(?m)^report\\.row_added,.*\\n", "")
                .replaceFirst("(?m)^t1\\.footnote\\.1,.*\\n", "") // a footnote left out on purpose
                .replaceFirst("(?m)^report\\.col_table,(.*),(.*)\\n", "report.col_table,$1,Fine\n")
                + "report.old_word,旧的,Old\nt1.footnote.99,脚注,A footnote of its own\n");
        ProgramInput program = program();
        InputSet in = withProgram(program, () -> InputSet.load(input, "2022-23"));

        assertEquals(List.of(
                "input/reference/texts.csv lacks texts this version of the program reads (2: report.failed_step, report.row_added): "
                        + "read from the program's own program/input/reference/texts.csv for now; copy those rows into "
                        + "input/reference/texts.csv to word them yourself",
                "input/reference/texts.csv has texts this version of the program does not read (1: report.old_word): renamed or "
                        + "removed by an update (see program/input/reference/texts.csv), or misspelt; they are kept but never "
                        + "shown: rename or delete them"), lines(in, input));
        // Supplied from the program's file, named as its own; the folder's own words win; nothing left out.
        assertTrue(row(in, "report.row_added").startsWith(program.folder().resolve(TEXTS) + ":"), row(in, "report.row_added"));
        assertTrue(row(in, "report.col_table").endsWith(":Fine"), row(in, "report.col_table"));
        assertTrue(row(in, "report.old_word").endsWith(":Old"));
        assertEquals(null, row(in, "t1.footnote.1"), "a footnote the folder left out stays out");
        // The manifest counts the file's own rows.
        assertEquals(Files.readAllLines(input.resolve(TEXTS)).size() - 1, in.files().get("texts").rows());
    }

    /**
     * An older copy's row whose placeholder an update renamed ({minutes} to {wait}) would stop every command at its line
     * (tester 78a, F2): the program's row is read instead, and a line says so; a row of the folder's own words that still
     * fits stands, and a misspelt placeholder in a key the program's copy words no better is refused as before.
     */
    @Test
    void aRowWhosePlaceholderAnUpdateRenamedGivesWayToTheProgramsRow() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(input.resolve(TEXTS), s -> s.replaceFirst("(?m)^(report\\.cause\\.db_lock\\.busy,[^\\n]*)\\{wait\\}([^\\n]*)\\{wait\\}",
                "$1{minutes} min$2{minutes} min"));
        assertTrue(Files.readString(input.resolve(TEXTS)).contains("for more than {minutes} min"), "the older row in place");
        ProgramInput program = program();
        InputSet in = withProgram(program, () -> InputSet.load(input, "2022-23"));
        assertEquals(List.of("input/reference/texts.csv has texts whose placeholders this version of the program no longer "
                + "fills (1: report.cause.db_lock.busy; renamed by an update, or misspelt): the program's own rows of "
                + "program/input/reference/texts.csv are read instead for now; copy those rows into input/reference/texts.csv "
                + "to word them yourself"), lines(in, input));
        assertTrue(row(in, "report.cause.db_lock.busy").startsWith(program.folder().resolve(TEXTS) + ":"), row(in, "report.cause.db_lock.busy"));
        assertTrue(row(in, "report.cause.db_lock.busy").contains("{wait}"));

        // Without the program's copy beneath it, the same file is refused at that line, as it always was.
        InputError alone = assertThrows(InputError.class,
                () -> org.pbannex.reference.Placeholders.check(InputSet.load(input, "2022-23").table("texts")));
        assertTrue(alone.getMessage().contains("unknown placeholder {minutes} in 'report.cause.db_lock.busy'"), alone.getMessage());
    }

    @Test
    void aLongListNamesTheFirstTenAndHowManyThereAre() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(input.resolve(TEXTS), s -> s.replaceAll("(?m)^report\\.col_.*\\n", ""));
        ProgramInput program = program();
        InputSet in = withProgram(program, () -> InputSet.load(input, "2022-23"));
        String line = lines(in, input).get(0);
        long removed = Files.readAllLines(Golden.input().resolve(TEXTS)).stream().filter(l -> l.startsWith("report.col_")).count();
        assertTrue(removed > ProgramTexts.LISTED, line);
        assertTrue(line.startsWith("input/reference/texts.csv lacks texts this version of the program reads (" + removed + ": report.col_"),
                line);
        assertEquals(ProgramTexts.LISTED, line.substring(line.indexOf('('), line.indexOf(')')).split(", ").length - 1, line);
        assertTrue(line.contains(", …): read from"), line);
        assertEquals("a, b", ProgramTexts.listed(List.of("a", "b")));
        assertEquals(IntStream.range(0, 10).mapToObj(i -> "k" + i).toList() + "", "[" + ProgramTexts.listed(
                IntStream.range(0, 10).mapToObj(i -> "k" + i).toList()) + "]");
    }

    @Test
    void theProgramsOwnFolderAndACommandWithoutOneReadTheFileAlone() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(input.resolve(TEXTS), s -> s.replaceFirst("(?m)^report\\.row_added,.*\\n", ""));
        // The same file as the program's: nothing beneath it.
        ProgramInput itself = new ProgramInput(input, TextKeys.of(TableCatalogue.ids()));
        InputSet same = withProgram(itself, () -> InputSet.load(input, "2022-23"));
        assertEquals(List.of(), same.warnings());
        assertEquals(null, row(same, "report.row_added"));
        assertEquals(null, row(InputSet.load(input, "2022-23"), "report.row_added"));
    }

    @Test
    void aFolderWithoutTextsReadsTheProgramsAndSaysSo() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Files.delete(input.resolve(TEXTS));
        ProgramInput program = program();
        InputSet in = withProgram(program, () -> InputSet.load(input, "2022-23"));
        assertEquals(List.of("input/reference/texts.csv: file not found; the program's own texts are read in its place "
                + "(program/input/reference/texts.csv): copy that file there to word them yourself"), lines(in, input));
        assertTrue(row(in, "report.row_added") != null);
        assertEquals(0, in.files().get("texts").rows());
    }

    @Test
    void aProgramWithoutItsCopyLeavesTheFolderAloneAndSaysSo() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(input.resolve(TEXTS), s -> s.replaceFirst("(?m)^report\\.row_added,.*\\n", ""));
        Path elsewhere = Files.createDirectories(tmp.resolve("program/input"));
        ProgramInput noCopy = new ProgramInput(elsewhere, TextKeys.of(TableCatalogue.ids()));
        InputSet in = withProgram(noCopy, () -> InputSet.load(input, "2022-23"));
        assertEquals(List.of("program/input/reference/texts.csv: the program's own texts cannot be read (file not found (the file of "
                + "resource 'texts')): texts that input/reference/texts.csv lacks are not supplied from them"), lines(in, input));
        assertEquals(null, row(in, "report.row_added"));

        // Neither file: the folder's is not found, as before.
        Files.delete(input.resolve(TEXTS));
        InputError e = assertThrows(InputError.class, () -> withProgram(noCopy, () -> InputSet.load(input, "2022-23")));
        assertEquals(input.resolve(TEXTS).toString(), e.file());
        assertFalse(e.getMessage().contains("program"), e.getMessage());
    }

    /**
     * A data folder kept in step with the program (its texts a byte copy of the program's) reads as whole, and the
     * program files a run's input checksum covers are none, as they are for a copy whose bytes differ but whose keys
     * are all there (a row's wording changed): the first known by comparing bytes, without reading the texts.
     */
    @Test
    void aFolderWhoseTextsAreTheProgramsOrWholeReadsNothingBeneath() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        ProgramInput program = program();
        assertEquals(-1L, Files.mismatch(input.resolve(TEXTS), program.folder().resolve(TEXTS)));
        InputSet copy = withProgram(program, () -> InputSet.load(input, "2022-23"));
        assertEquals(List.of(), lines(copy, input));
        assertEquals(List.of(), copy.programFiles());
        assertEquals(List.of(), withProgram(program, () -> InputSet.programFilesBeneath(input, "2022-23")));

        TestInputs.edit(input.resolve(TEXTS), s -> s.replaceFirst("(?m)^report\\.col_table,(.*),(.*)\\n", "report.col_table,$1,Fine\n"));
        InputSet whole = withProgram(program, () -> InputSet.load(input, "2022-23"));
        assertEquals(List.of(), lines(whole, input));
        assertEquals(List.of(), withProgram(program, () -> InputSet.programFilesBeneath(input, "2022-23")));
        assertTrue(row(whole, "report.col_table").endsWith(":Fine"), row(whole, "report.col_table"));

        TestInputs.edit(input.resolve(TEXTS), s -> s.replaceFirst("(?m)^report\\.row_added,.*\\n", ""));
        List<InputSet.ProgramFile> beneath = withProgram(program, () -> InputSet.programFilesBeneath(input, "2022-23"));
        assertEquals(1, beneath.size(), beneath.toString());
        assertEquals(1, beneath.get(0).keysUsed());
    }
}
