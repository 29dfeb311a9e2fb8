package org.pbannex.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;

/**
 * The tester's misspelt placeholder ({titel} for {title} in part.heading) passed check and was published as
 * "第一编. {titel}"; a deleted key that another text includes was named only through the text that includes it. Each is
 * refused by check in one line, at the line and column of texts.csv to mend.
 */
class TextPlaceholdersTest {

    @TempDir
    Path tmp;

    private Path texts(Path input) {
        return input.resolve("reference/texts.csv");
    }

    /**
     * {@code check} of the input, refused: the input's own folder the program's, so that no copy of the program's texts
     * is read beneath it (in a data folder of its own, a row the program cannot fill gives way to the program's row:
     * ingest.ProgramTextsTest).
     */
    private static String refused(Path input) {
        return CliRun.capture(java.util.Map.of("pb.program", input.getParent().toString()), "check", "--input", input.toString())
                .oneLine(3, input);
    }

    @Test
    void aMisspeltPlaceholderIsRefusedNamingTheKeysPlaceholders() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(texts(input), s -> s.replace("part.heading,{number}. {title},", "part.heading,{number}. {titel},"));
        assertEquals("pb-annex: input/reference/texts.csv, line 2, column zh: unknown placeholder {titel} in 'part.heading': did you "
                + "mean {title}? The key's placeholders are {number}, {title} (its en text: '{number}. {title}')", refused(input));
    }

    /**
     * The same misspelling in both languages, and a misspelling that happens to be another key's placeholder ({name}, a
     * reviewer's mail's): no text of the key says what it should be, but the program's list of what it fills each key
     * with does, so reading refuses them; a report's word and a notice's the same.
     */
    @Test
    void aPlaceholderTheKeyIsNotFilledWithIsRefusedOnReading() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        String shared = java.nio.file.Files.readString(texts(input));
        TestInputs.edit(texts(input), s -> s.replace("part.heading,{number}. {title},{number}. {title}",
                "part.heading,{number}. {titel},{number}. {titel}"));
        assertEquals("pb-annex: input/reference/texts.csv, line 2, column zh: unknown placeholder {titel} in 'part.heading': did "
                + "you mean {title}? The key's placeholders are {number}, {title} (its en text: '{number}. {titel}')", refused(input));

        java.nio.file.Files.writeString(texts(input), shared.replace("part.heading,{number}. {title},", "part.heading,{number}. {name},"));
        assertEquals("pb-annex: input/reference/texts.csv, line 2, column zh: unknown placeholder {name} in 'part.heading': the "
                + "key's placeholders are {number}, {title} (its en text: '{number}. {title}')", refused(input));

        java.nio.file.Files.writeString(texts(input), shared.replace("not in {list}{hint}", "not in {listed}{hint}"));
        assertEquals("pb-annex: input/reference/texts.csv, line " + lineOf(texts(input), "report.cause.reason.unknown_code,")
                + ", column en: unknown placeholder {listed} in 'report.cause.reason.unknown_code': did you mean {list}? The key's "
                + "placeholders are "
                + "{field}, {hint}, {list}, {value} (its zh text: '未知的 {field} '{value}'：不在 {list} 中{hint}')", refused(input));

        java.nio.file.Files.writeString(texts(input), shared.replace("(exit status {status})", "(exit status {step})"));
        assertEquals("pb-annex: input/reference/texts.csv, line " + lineOf(texts(input), "report.notice.subject,") + ", column en: "
                + "unknown placeholder {step} in 'report.notice.subject': the key's placeholders are "
                + "{biennium}, {job}, {status} (its zh text: 'pb-annex：{job} {biennium} 运行失败（退出状态 {status}）')", refused(input));
    }

    /** The same beside the tables: the cover's title (2022-23's own, in its texts.csv), a key with none of its own. */
    @Test
    void aPlaceholderOfNoTextIsRefusedOnTheCoversTitle() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path own = input.resolve("2022-23/reference/texts.csv");
        TestInputs.edit(own, s -> s.replace("publication.title,{cur} 两年期计划和预算草案：资料附件,Programme and Budget proposals for {cur}:",
                "publication.title,{cru} 两年期计划和预算草案：资料附件,Programme and Budget proposals for {cru}:"));
        assertEquals("pb-annex: input/2022-23/reference/texts.csv, line " + lineOf(own, "publication.title,") + ", column zh: "
                + "unknown placeholder {cru} in 'publication.title': did you mean {cur}? The key's placeholders are none but those "
                + "of every text ({cur}, {cur_code}, {prev}, {prev_code}, {prev_rate}, {rate}) (its en text: 'Programme and Budget "
                + "proposals for {cru}: information annexes')", refused(input));
    }

    /**
     * The program's list of each key's placeholders is that of the texts it ships (the shared file and each bundled
     * biennium's own; a family's, rt.footnote.*, those of its keys): a placeholder added to a text and not to the list,
     * or the other way round, fails the build.
     */
    @Test
    void theProgramsListIsTheShippedTextsPlaceholders() throws IOException {
        java.util.Map<String, java.util.Set<String>> shipped = new java.util.TreeMap<>();
        java.util.List<Path> files = new java.util.ArrayList<>(List.of(org.pbannex.Golden.input().resolve("reference/texts.csv")));
        try (var folders = java.nio.file.Files.list(org.pbannex.Golden.input())) {
            folders.map(f -> f.resolve("reference/texts.csv")).filter(java.nio.file.Files::isRegularFile).sorted().forEach(files::add);
        }
        java.util.regex.Pattern placeholder = java.util.regex.Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}");
        for (Path f : files) {
            for (String[] row : csvRows(f)) {
                String key = row[0].endsWith(Texts.PRINTED) ? row[0].substring(0, row[0].length() - Texts.PRINTED.length()) : row[0];
                placeholder.matcher(row[1] + "\n" + row[2]).results().map(m -> m.group(1))
                        .filter(n -> !Placeholders.EVERY_TEXT.contains(n))
                        .forEach(n -> shipped.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add(n));
            }
        }
        java.util.Map<String, java.util.Set<String>> listed = new java.util.TreeMap<>();
        shipped.keySet().forEach(k -> listed.put(k, new java.util.TreeSet<>(Placeholders.of(k))));
        assertEquals(shipped, listed);
        // Every key (or family) of the list is one the texts as shipped fill with those.
        assertEquals(List.of(), Placeholders.all().keySet().stream().filter(k -> shipped.keySet().stream()
                .noneMatch(s -> s.equals(k) || k.endsWith(".*") && s.startsWith(k.substring(0, k.length() - 1)))).toList());
    }

    private static List<String[]> csvRows(Path file) throws IOException {
        try (var csv = new com.opencsv.CSVReader(java.nio.file.Files.newBufferedReader(file))) {
            List<String[]> rows = new java.util.ArrayList<>(csv.readAll());
            rows.remove(0);
            return rows;
        } catch (com.opencsv.exceptions.CsvException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The last guard: a text shown (a table's, the cover's, a reviewer's mail) that still holds a placeholder of texts.csv
     * once filled in (a key the program fills with fewer placeholders than its list says) stops the run at the key's line.
     */
    @Test
    void aPlaceholderLeftInAShownTextStopsAtTheKeysLine() {
        List<org.pbannex.ingest.Record> rows = List.of(
                new org.pbannex.ingest.Record("input/reference/texts.csv", 2, java.util.Map.of("key", "part.heading", "zh",
                        "{number}. {title}", "en", "{number}. {title}")));
        org.pbannex.ingest.InputError e = org.junit.jupiter.api.Assertions.assertThrows(org.pbannex.ingest.InputError.class,
                () -> Placeholders.refuseUnfilled(org.pbannex.ingest.Said.of("where_message", "email", "a@example.org"),
                        List.of(org.pbannex.table.Text.of("第一编. {title}")),
                        rows));
        assertEquals("input/reference/texts.csv, line 2, column zh: placeholder {title} of 'part.heading' is filled in by "
                + "nothing, so the message to a@example.org would print '第一编. {title}': write the key's placeholders as its "
                + "other texts do ({title} misspelt?)", e.getMessage());
    }

    private static int lineOf(Path file, String prefix) throws IOException {
        return org.pbannex.Lines.firstStartingWith(java.nio.file.Files.readAllLines(file), prefix) + 1;
    }

    @Test
    void aDeletedKeyThatAnotherTextIncludesIsNamedAsMissing() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(texts(input), s -> s.replace("row.subtotal,小计,Subtotal\n", ""));
        // The program's folder the input's own: no copy of the program's supplies the key (ingest.ProgramTextsTest).
        String refused = CliRun.capture(java.util.Map.of("pb.program", tmp.toString()), "check", "--input", input.toString())
                .oneLine(3, input);
        assertEquals("pb-annex: input/reference/texts.csv, line " + lineOf(texts(input), "input.total_words,") + ", column zh: key "
                + "'row.subtotal' is missing: 'input.total_words' "
                + "includes it ({row.subtotal}); add its row (key,zh,en) to input/reference/texts.csv, or mend the key in braces",
                refused);
    }
}
