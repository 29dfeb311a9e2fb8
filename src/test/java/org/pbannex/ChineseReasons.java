package org.pbannex;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pbannex.ingest.InputError;
import org.pbannex.publish.ReportWords;

/**
 * A refusal's reason as a failed run's Chinese report says it (the input's texts, report.cause.reason.*): a sentence of
 * the texts, with no English sentence in it. What it quotes as the input has it ('...'), the files it names (a workbook's
 * sheet too) and the values given are not looked at.
 */
public final class ChineseReasons {

    /** Three or more English words in a row: a sentence (or a part of one) left in English. */
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}(?:[ ,;:()]+[A-Za-z]{2,}){2,}");

    private ChineseReasons() {
    }

    /**
     * The reason in Chinese, from the texts of {@code input}; fails where the reason has no sentence of the texts (said
     * in the code's English in every language) or holds an English sentence. {@code values}: words of the input the
     * sentence quotes as they are (a placeholder text in both languages).
     */
    public static String assertChinese(InputError e, Path input, String... values) {
        assertNotNull(e.reasonSaid(), "said in the code's English only: " + e.getMessage());
        ReportWords words = ReportWords.read(input, null);
        String zh = e.reasonIn(w -> words.text("cause." + w)).zh();
        // A sheet of a workbook is named in Chinese too ("inputs.xlsx 的 units 工作表"): no exception for it.
        String rest = zh.replaceAll("'[^']*'", "''");
        for (String v : values) {
            rest = rest.replace(v, "");
        }
        Matcher m = ENGLISH.matcher(rest);
        assertFalse(m.find(), () -> "English in the Chinese reason ('" + m.group() + "'): " + zh);
        return zh;
    }
}
