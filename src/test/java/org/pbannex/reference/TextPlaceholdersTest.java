package org.pbannex.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
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

    private static String refused(Path input) {
        return CliRun.run(null, "check", "--input", input.toString()).oneLine(3, input);
    }

    @Test
    void aMisspeltPlaceholderIsRefusedNamingTheKeysPlaceholders() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(texts(input), s -> s.replace("part.heading,{number}. {title},", "part.heading,{number}. {titel},"));
        assertEquals("pb-annex: input/reference/texts.csv, line 2, column zh: unknown placeholder {titel} in 'part.heading': did you "
                + "mean {title}? The key's placeholders are {number}, {title} (its en text: '{number}. {title}')", refused(input));
    }

    /** The same misspelling in both languages: no text of the key says what it should be, but it is never published. */
    @Test
    void aPlaceholderNothingFillsInIsNeverPublished() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(texts(input), s -> s.replace("part.heading,{number}. {title},{number}. {title}",
                "part.heading,{number}. {titel},{number}. {titel}"));
        assertEquals("pb-annex: input/reference/texts.csv, line 2, column zh: placeholder {titel} of 'part.heading' is filled in "
                + "by nothing, so table t1 would print '第一编. {titel}': write the key's placeholders as its other texts do "
                + "({titel} misspelt?)", refused(input));
    }

    /** The same beside the tables: the cover's title (2022-23's own, in its texts.csv), in every edition. */
    @Test
    void aPlaceholderNothingFillsInIsNeverOnTheCover() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path own = input.resolve("2022-23/reference/texts.csv");
        TestInputs.edit(own, s -> s.replace("publication.title,{cur} 两年期计划和预算建议：资料附件,Programme and Budget proposals for {cur}:",
                "publication.title,{cru} 两年期计划和预算建议：资料附件,Programme and Budget proposals for {cru}:"));
        assertEquals("pb-annex: input/2022-23/reference/texts.csv, line " + lineOf(own, "publication.title,") + ", column zh: "
                + "placeholder {cru} of 'publication.title' is filled in by nothing, so the cover would print '{cru} 两年期计划和预算建议："
                + "资料附件': write the key's placeholders as its other texts do ({cru} misspelt?)", refused(input));
    }

    private static int lineOf(Path file, String prefix) throws IOException {
        return org.pbannex.Lines.firstStartingWith(java.nio.file.Files.readAllLines(file), prefix) + 1;
    }

    @Test
    void aDeletedKeyThatAnotherTextIncludesIsNamedAsMissing() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(texts(input), s -> s.replace("row.subtotal,小计,Subtotal\n", ""));
        assertEquals("pb-annex: input/reference/texts.csv, line " + lineOf(texts(input), "input.total_words,") + ", column zh: key "
                + "'row.subtotal' is missing: 'input.total_words' "
                + "includes it ({row.subtotal}); add its row (key,zh,en) to input/reference/texts.csv, or mend the key in braces",
                refused(input));
    }
}
